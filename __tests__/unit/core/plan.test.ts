import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/image/policy.js';
import { mayHoldAny, plan, PlanSyntaxError } from '../../../src/core/plan.js';
import { parseImages } from '../../../src/settings/parse.js';

const newer = { policy: parsePolicy('newer') };
const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, text]) => ({ path, text }));

describe('plan', () => {
  it('moves every reference to the requested repository, and only those, in path order', () => {
    const result = plan(
      files({
        'b.yaml': 'containers:\n  - image: ghcr.io/acme/api:1.0.0\n  - image: ghcr.io/acme/api-gateway:1.0.0\n',
        'a.yaml': 'image:\n  repository: ghcr.io/acme/api\n  tag: "1.0.0"\n',
        'c.yaml': 'other: ghcr.io/acme/api:1.0.0\n',
      }),
      parseImages('ghcr.io/acme/api:1.1.0'),
      newer,
    );
    expect(result.changes).toEqual([
      { file: 'a.yaml', line: 3, image: 'ghcr.io/acme/api', from: '1.0.0', to: '1.1.0' },
      { file: 'b.yaml', line: 2, image: 'ghcr.io/acme/api', from: '1.0.0', to: '1.1.0' },
    ]);
    expect(result.edits.map((e) => e.after)).toEqual([
      'image:\n  repository: ghcr.io/acme/api\n  tag: "1.1.0"\n',
      'containers:\n  - image: ghcr.io/acme/api:1.1.0\n  - image: ghcr.io/acme/api-gateway:1.0.0\n',
    ]);
    expect(result.unmatched).toEqual([]);
  });

  it('matches normalised repositories: nginx is docker.io/library/nginx, keeping the file spelling', () => {
    const result = plan(files({ 'p.yaml': 'image: nginx:1.25\n---\nimage: docker.io/library/nginx:1.25\n' }), parseImages('index.docker.io/library/nginx:1.27'), newer);
    expect(result.edits[0]!.after).toBe('image: nginx:1.27\n---\nimage: docker.io/library/nginx:1.27\n');
  });

  it('refuses a downgrade under newer, with the reason, and allows it under any', () => {
    const input = files({ 'k.yaml': 'images:\n  - name: ghcr.io/acme/api\n    newTag: 2.0.0\n' });
    const refused = plan(input, parseImages('ghcr.io/acme/api:1.9.0'), newer);
    expect(refused.edits).toEqual([]);
    expect(refused.refusals).toEqual([
      expect.objectContaining({ file: 'k.yaml', line: 3, from: '2.0.0', to: '1.9.0', reason: expect.stringMatching(/older/) }),
    ]);
    const allowed = plan(input, parseImages('ghcr.io/acme/api:1.9.0'), { policy: parsePolicy('any') });
    expect(allowed.edits[0]!.after).toContain('newTag: 1.9.0');
  });

  it('refuses a held line', () => {
    const result = plan(files({ 'd.yaml': 'image: ghcr.io/acme/api:1.0.0 # gitops-bump: hold\n' }), parseImages('ghcr.io/acme/api:1.1.0'), newer);
    expect(result.edits).toEqual([]);
    expect(result.refusals[0]!.reason).toMatch(/hold/);
  });

  it('notes a non-semver tag and a request that matched nothing', () => {
    const result = plan(files({ 'd.yaml': 'image: ghcr.io/acme/api:sha-1a2b3c\n' }), parseImages('ghcr.io/acme/api:sha-4d5e6f, ghcr.io/acme/web:1.0.0'), newer);
    expect(result.changes).toHaveLength(1);
    expect(result.notes.join('\n')).toMatch(/'sha-4d5e6f' is not a version tag: written without an ordering check/);
    expect(result.unmatched).toEqual(['ghcr.io/acme/web']);
  });

  it('lists each miss as written, with look-alike repositories of the same name found in the files', () => {
    const result = plan(
      files({
        'a.yaml': 'image: ghcr.io/acme/api:1.0.0\n',
        'b.yaml': 'containers:\n  - image: ghcr.io/acme/api:1.0.0\n  - image: docker.io/acme/api:2\n',
        'c.yaml': 'image: ghcr.io/acme/web:1.0.0\n',
      }),
      parseImages('ghrc.io/acme/api:1.5.0, ghcr.io/acme/web:1.1.0, ghcr.io/acme/nothing:1'),
      newer,
    );
    expect(result.unmatched).toEqual(['ghrc.io/acme/api', 'ghcr.io/acme/nothing']);
    expect(result.misses).toEqual([
      {
        input: 'ghrc.io/acme/api:1.5.0',
        image: 'ghrc.io/acme/api',
        similar: [
          { repository: 'ghcr.io/acme/api', files: 2 },
          { repository: 'docker.io/acme/api', files: 1 },
        ],
      },
      { input: 'ghcr.io/acme/nothing:1', image: 'ghcr.io/acme/nothing', similar: [] },
    ]);
  });

  it('is a no-op when the file already holds the version', () => {
    const result = plan(files({ 'd.yaml': 'image: ghcr.io/acme/api:1.1.0\n' }), parseImages('ghcr.io/acme/api:1.1.0'), newer);
    expect(result.edits).toEqual([]);
    expect(result.refusals).toEqual([]);
    expect(result.unmatched).toEqual([]);
  });

  it('fails naming every file that mentions the image and does not parse, and skips chart templates', () => {
    const input = files({
      'ok.yaml': 'image: ghcr.io/acme/api:1.0.0\n',
      'bad1.yaml': 'image: ghcr.io/acme/api:1.0.0\nfoo: [\n',
      'bad2.yaml': 'a: b\n c: d: e\nimage: ghcr.io/acme/api:1.0.0\n',
      'unrelated-bad.yaml': 'foo: [\n',
      'chart/templates/deploy.yaml': 'image: "{{ .Values.image }}"\n{{- if .Values.api }}\nx: ghcr.io/acme/api\n{{- end }}\n',
    });
    let error: unknown;
    try {
      plan(input, parseImages('ghcr.io/acme/api:1.1.0'), newer);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanSyntaxError);
    expect((error as PlanSyntaxError).errors.map((e) => e.file)).toEqual(['bad1.yaml', 'bad2.yaml']);
    expect((error as Error).message).toMatch(/^2 files are not valid YAML \(bad1\.yaml:\d+:\d+, bad2\.yaml:\d+:\d+\)/);
    const fine = plan(input.filter((f) => !f.path.startsWith('bad')), parseImages('ghcr.io/acme/api:1.1.0'), newer);
    expect(fine.skipped).toEqual([{ path: 'chart/templates/deploy.yaml', reason: 'Helm chart template (not YAML until rendered)' }]);
    expect(fine.changes).toHaveLength(1);
  });

  it('writes tag and digest together, and drops a stale digest for a tag alone', () => {
    const digest = `sha256:${'b'.repeat(64)}`;
    const text = `image: ghcr.io/acme/api:1.0.0@sha256:${'a'.repeat(64)}\n`;
    expect(plan(files({ 'x.yaml': text }), parseImages('ghcr.io/acme/api:1.1.0'), newer).edits[0]!.after).toBe('image: ghcr.io/acme/api:1.1.0\n');
    const both = plan(files({ 'x.yaml': text }), parseImages(`ghcr.io/acme/api:1.1.0@${digest}`), newer);
    expect(both.edits[0]!.after).toBe(`image: ghcr.io/acme/api:1.1.0@${digest}\n`);
    expect(both.changes[0]).toMatchObject({ from: `1.0.0@sha256:${'a'.repeat(64)}`, to: `1.1.0@${digest}` });
  });
});

describe('plan with digests', () => {
  const OLD = `sha256:${'a'.repeat(64)}`;
  const NEW = `sha256:${'b'.repeat(64)}`;

  it('writes newTag over a kustomize entry pinned only by a digest, in any field order, with no refusal', () => {
    const result = plan(
      files({
        'a/kustomization.yaml': `images:\n- name: ghcr.io/acme/api\n  digest: ${OLD}\n`,
        'b/kustomization.yaml': `images:\n- digest: ${OLD}\n  name: ghcr.io/acme/api\n`,
      }),
      parseImages('ghcr.io/acme/api:1.5.0'),
      newer,
    );
    expect(result.refusals).toEqual([]);
    expect(result.edits.map((e) => e.after)).toEqual(['images:\n- name: ghcr.io/acme/api\n  newTag: 1.5.0\n', 'images:\n- name: ghcr.io/acme/api\n  newTag: 1.5.0\n']);
    expect(result.changes.map((c) => [c.from, c.to])).toEqual([[OLD, '1.5.0'], [OLD, '1.5.0']]);
  });

  it('a digest alone drops the tag of a reference and a kustomize entry, keeps a Helm tag, and refuses a map without a digest field', () => {
    const result = plan(
      files({
        'deploy.yaml': 'image: ghcr.io/acme/api:1.4.1\n',
        'kustomization.yaml': 'images:\n- name: ghcr.io/acme/api\n  newTag: 1.4.1\n',
        'values.yaml': 'image:\n  repository: ghcr.io/acme/api\n  tag: 1.4.1\n  digest: ""\n',
        'values-nodigest.yaml': 'image:\n  repository: ghcr.io/acme/api\n  tag: 1.4.1\n',
      }),
      parseImages(`ghcr.io/acme/api@${NEW}`),
      newer,
    );
    expect(result.edits.map((e) => [e.path, e.after])).toEqual([
      ['deploy.yaml', `image: ghcr.io/acme/api@${NEW}\n`],
      ['kustomization.yaml', `images:\n- name: ghcr.io/acme/api\n  digest: ${NEW}\n`],
      ['values.yaml', `image:\n  repository: ghcr.io/acme/api\n  tag: 1.4.1\n  digest: "${NEW}"\n`],
    ]);
    expect(result.changes.map((c) => [c.file, c.from, c.to])).toEqual([
      ['deploy.yaml', '1.4.1', NEW],
      ['kustomization.yaml', '1.4.1', NEW],
      ['values.yaml', '1.4.1', `1.4.1@${NEW}`],
    ]);
    expect(result.refusals).toEqual([
      { file: 'values-nodigest.yaml', line: 3, image: 'ghcr.io/acme/api', from: '1.4.1', to: NEW, reason: expect.stringContaining('this map has no digest field') as string },
    ]);
  });
});

describe('plan with anchors', () => {
  const text = 'version: &v 1.0.0\na:\n  repository: ghcr.io/acme/a\n  tag: *v\nb:\n  repository: ghcr.io/acme/b\n  tag: *v\n';

  it('edits the anchored scalar once when both images ask for the same version', () => {
    const result = plan(files({ 'v.yaml': text }), parseImages('ghcr.io/acme/a:1.1.0, ghcr.io/acme/b:1.1.0'), newer);
    expect(result.edits[0]!.after).toBe(text.replace('&v 1.0.0', '&v 1.1.0'));
    expect(result.changes).toHaveLength(2);
  });

  it('refuses the second image when they ask the shared anchor for different versions', () => {
    const result = plan(files({ 'v.yaml': text }), parseImages('ghcr.io/acme/a:1.1.0, ghcr.io/acme/b:1.2.0'), newer);
    expect(result.edits[0]!.after).toBe(text.replace('&v 1.0.0', '&v 1.1.0'));
    expect(result.refusals).toEqual([expect.objectContaining({ image: 'ghcr.io/acme/b', reason: expect.stringMatching(/anchored/) })]);
  });
});

describe('mayHoldAny', () => {
  it('keeps files that hold a requested repository name, byte-level', () => {
    const keep = mayHoldAny(parseImages('ghcr.io/acme/api:1, nginx:1.27'));
    expect(keep(Buffer.from('image: nginx'))).toBe(true);
    expect(keep(Buffer.from('x: acme/api'))).toBe(true);
    expect(keep(Buffer.from('x: acme/web'))).toBe(false);
  });
});

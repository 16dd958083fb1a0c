import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/image/policy.js';
import { plan } from '../../../src/core/plan.js';
import { PlanSyntaxError } from '../../../src/core/scan.js';
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

  it('edits the anchored scalar once when both images ask for the same version, reporting each at its alias', () => {
    const result = plan(files({ 'v.yaml': text }), parseImages('ghcr.io/acme/a:1.1.0, ghcr.io/acme/b:1.1.0'), newer);
    expect(result.edits[0]!.after).toBe(text.replace('&v 1.0.0', '&v 1.1.0'));
    expect(result.changes.map((c) => [c.line, c.image])).toEqual([
      [4, 'ghcr.io/acme/a'],
      [7, 'ghcr.io/acme/b'],
    ]);
    expect(result.refusals).toEqual([]);
  });

  it('refuses both images when they ask the shared anchor for different versions', () => {
    const result = plan(files({ 'v.yaml': text }), parseImages('ghcr.io/acme/a:1.1.0, ghcr.io/acme/b:1.2.0'), newer);
    expect(result.edits).toEqual([]);
    expect(result.refusals.map((r) => [r.line, r.image, r.reason])).toEqual([
      [4, 'ghcr.io/acme/a', 'anchored value &v is also used by ghcr.io/acme/b at v.yaml:7 (requested at 1.2.0, not 1.1.0)'],
      [7, 'ghcr.io/acme/b', 'anchored value &v is also used by ghcr.io/acme/a at v.yaml:4 (requested at 1.1.0, not 1.2.0)'],
    ]);
  });

  const shared = 'api:\n  image:\n    repository: ghcr.io/acme/api\n    tag: &release 1.4.1\nweb:\n  image:\n    repository: ghcr.io/acme/web\n    tag: *release\n';

  it('refuses to move an image nobody asked for through an alias, naming the alias', () => {
    const result = plan(files({ 'values.yaml': shared }), parseImages('ghcr.io/acme/api:1.5.0'), newer);
    expect(result.edits).toEqual([]);
    expect(result.refusals).toEqual([
      {
        file: 'values.yaml',
        line: 4,
        image: 'ghcr.io/acme/api',
        from: '1.4.1',
        to: '1.5.0',
        reason: 'anchored value &release is also used by ghcr.io/acme/web at values.yaml:8 (not requested at 1.5.0)',
      },
    ]);
  });

  it('refuses when the other image is held, or its own move is refused by the policy', () => {
    const held = shared.replace('tag: *release', 'tag: *release # gitops-bump: hold until INC-42');
    const both = parseImages('ghcr.io/acme/api:1.5.0, ghcr.io/acme/web:1.5.0');
    expect(plan(files({ 'values.yaml': held }), both, newer).refusals.map((r) => r.reason)).toEqual([
      'anchored value &release is also used by ghcr.io/acme/web at values.yaml:8 (held by a `# gitops-bump: hold` comment on line 8: until INC-42)',
      'held by a `# gitops-bump: hold` comment on line 8: until INC-42',
    ]);
    const range = plan(files({ 'values.yaml': shared }), parseImages('ghcr.io/acme/api:1.5.0, ghcr.io/acme/web:1.5.0'), { policy: parsePolicy('~1.4') });
    expect(range.edits).toEqual([]);
    expect(range.refusals).toHaveLength(2);
  });

  it('refuses when an alias of the value sits on a held line, even a copy of the same image', () => {
    const text = 'a:\n  image: &img ghcr.io/acme/api:1.4.1\nb:\n  # gitops-bump: hold (rolled back, INC-42)\n  image: *img\n';
    const result = plan(files({ 'd.yaml': text }), parseImages('ghcr.io/acme/api:1.5.0'), newer);
    expect(result.edits).toEqual([]);
    expect(result.refusals.map((r) => [r.line, r.reason])).toEqual([
      [2, 'anchored value &img is also used at d.yaml:5, held by a `# gitops-bump: hold` comment on line 4: (rolled back, INC-42)'],
    ]);
  });

  it('refuses when an alias of the value is not an image reference', () => {
    const text = `${shared}labels:\n  version: *release\n`;
    const result = plan(files({ 'values.yaml': text }), parseImages('ghcr.io/acme/api:1.5.0, ghcr.io/acme/web:1.5.0'), newer);
    expect(result.edits).toEqual([]);
    expect(result.refusals.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^anchored value &release is also used at values\.yaml:10, which is not an image reference/),
      expect.stringMatching(/^anchored value &release is also used at values\.yaml:10, which is not an image reference/),
    ]);
  });

  it('moves copies of the same image along, one change per alias, and never splices an alias', () => {
    const text = 'x: &img ghcr.io/acme/api:1.4.1\njobs:\n  a:\n    image: *img\n  b:\n    image: *img\n';
    const result = plan(files({ 'ci.yaml': text }), parseImages('ghcr.io/acme/api:1.5.0'), newer);
    expect(result.edits[0]!.after).toBe(text.replace('&img ghcr.io/acme/api:1.4.1', '&img ghcr.io/acme/api:1.5.0'));
    expect(result.changes.map((c) => c.line)).toEqual([4, 6]);
  });

  it('applies the same rule to merge keys, and lets a mapping that overrides the key go its own way', () => {
    const merged = 'defaults: &d\n  tag: 1.0.0\napi:\n  <<: *d\n  repository: ghcr.io/acme/api\nweb:\n  <<: *d\n  repository: ghcr.io/acme/web\n';
    const refused = plan(files({ 'm.yaml': merged }), parseImages('ghcr.io/acme/api:1.1.0'), newer);
    expect(refused.edits).toEqual([]);
    expect(refused.refusals.map((r) => [r.line, r.reason])).toEqual([[4, 'anchored value &d is also used by ghcr.io/acme/web at m.yaml:7 (not requested at 1.1.0)']]);
    const both = plan(files({ 'm.yaml': merged }), parseImages('ghcr.io/acme/api:1.1.0, ghcr.io/acme/web:1.1.0'), newer);
    expect(both.edits[0]!.after).toBe(merged.replace('tag: 1.0.0', 'tag: 1.1.0'));
    expect(both.changes.map((c) => [c.line, c.image])).toEqual([
      [4, 'ghcr.io/acme/api'],
      [7, 'ghcr.io/acme/web'],
    ]);
    const own = merged.replace('repository: ghcr.io/acme/web\n', 'repository: ghcr.io/acme/web\n  tag: 2.0.0\n');
    expect(plan(files({ 'm.yaml': own }), parseImages('ghcr.io/acme/api:1.1.0'), newer).edits[0]!.after).toBe(own.replace('tag: 1.0.0', 'tag: 1.1.0'));
  });

  it('takes a tag-only map holding the value for its definition, but refuses one reading it through an alias', () => {
    const defaults = 'image: &d\n  tag: 1.0.0\napi:\n  image:\n    <<: *d\n    repository: ghcr.io/acme/api\n';
    expect(plan(files({ 'v.yaml': defaults }), parseImages('ghcr.io/acme/api:1.1.0'), newer).edits[0]!.after).toBe(defaults.replace('1.0.0', '1.1.0'));
    const sidecar = 'api:\n  image:\n    repository: ghcr.io/acme/api\n    tag: &t 1.0.0\nsidecar:\n  image:\n    tag: *t\n';
    const result = plan(files({ 'v.yaml': sidecar }), parseImages('ghcr.io/acme/api:1.1.0'), newer);
    expect(result.edits).toEqual([]);
    expect(result.refusals.map((r) => r.reason)).toEqual(['anchored value &t is also used by an image named elsewhere at v.yaml:7 (not requested at 1.1.0)']);
  });

  it('lets an anchored value with no other reader move as before', () => {
    const text = 'versions:\n  api: &api 1.0.0\nimage:\n  repository: ghcr.io/acme/api\n  tag: *api\n';
    const result = plan(files({ 'v.yaml': text }), parseImages('ghcr.io/acme/api:1.1.0'), newer);
    expect(result.edits[0]!.after).toBe(text.replace('&api 1.0.0', '&api 1.1.0'));
    expect(result.changes.map((c) => c.line)).toEqual([5]);
  });
});

describe('plan with holds', () => {
  it('shows the reason of a hold written on the line above, in any case', () => {
    const text = 'image:\n  repository: ghcr.io/acme/api\n  # INC-42, GitOps-Bump: Hold until INC-42 is fixed\n  tag: 1.0.0\n';
    const result = plan(files({ 'v.yaml': text }), parseImages('ghcr.io/acme/api:1.1.0'), newer);
    expect(result.edits).toEqual([]);
    expect(result.refusals).toEqual([
      { file: 'v.yaml', line: 4, image: 'ghcr.io/acme/api', from: '1.0.0', to: '1.1.0', reason: 'held by a `# gitops-bump: hold` comment on line 3: until INC-42 is fixed' },
    ]);
  });
});

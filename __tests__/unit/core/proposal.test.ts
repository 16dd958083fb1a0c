// What a pull-request branch proposes against its base: references matched across two texts, replayed with the
// policy judged again, described as a plan.
import { describe, expect, it } from 'vitest';
import { forwardOnly, movesBetween, planBetween, replay } from '../../../src/core/proposal.js';
import type { SourceFile } from '../../../src/core/types.js';

const POD = (containers: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n${containers}`;
const C = (name: string, image: string) => `    - name: ${name}\n      image: ${image}\n`;
const file = (path: string, text: string): SourceFile => ({ path, text });
const NEWER = { kind: 'newer' } as const;
const ANY = { kind: 'any' } as const;

describe('movesBetween', () => {
  it('lists the references the branch moves, at the branch line, from the base version', () => {
    const base = [file('a.yaml', POD(C('api', 'ghcr.io/acme/api:1.0.0') + C('web', 'ghcr.io/acme/web:2.0.0'))), file('b.yaml', POD(C('db', 'postgres:15')))];
    const branch = [file('a.yaml', POD(C('api', 'ghcr.io/acme/api:1.1.0') + C('web', 'ghcr.io/acme/web:2.0.0'))), file('b.yaml', POD(C('db', 'postgres:16@sha256:' + 'a'.repeat(64))))];
    expect(movesBetween(base, branch)).toEqual([
      { file: 'a.yaml', line: 8, repository: 'ghcr.io/acme/api', name: 'ghcr.io/acme/api', tag: '1.1.0', from: '1.0.0' },
      { file: 'b.yaml', line: 8, repository: 'docker.io/library/postgres', name: 'postgres', tag: '16', digest: `sha256:${'a'.repeat(64)}`, from: '15' },
    ]);
  });

  it('matches a reference the base moved down (a container inserted above) as the n-th of its image', () => {
    const base = [file('a.yaml', POD(C('init', 'busybox:1') + C('api', 'ghcr.io/acme/api:1.0.0')))];
    const branch = [file('a.yaml', POD(C('api', 'ghcr.io/acme/api:1.1.0')))];
    expect(movesBetween(base, branch)).toMatchObject([{ repository: 'ghcr.io/acme/api', tag: '1.1.0', from: '1.0.0', line: 8 }]);
  });

  it('ignores files that are equal, missing on one side, not YAML or chart templates, and references the base lacks', () => {
    const same = file('same.yaml', POD(C('api', 'ghcr.io/acme/api:1.0.0')));
    const base = [same, file('broken.yaml', 'a: [\n'), file('templates/d.yaml', 'image: {{ .Values.x }}:1\n'), file('c.yaml', POD(C('api', 'ghcr.io/acme/api:1.0.0')))];
    const branch = [
      same,
      file('broken.yaml', 'a: [b\n'),
      file('templates/d.yaml', 'image: {{ .Values.x }}:2\n'),
      file('c.yaml', POD(C('api', 'ghcr.io/acme/api:1.0.0') + C('new', 'ghcr.io/acme/new:1'))),
      file('only-on-branch.yaml', POD(C('api', 'ghcr.io/acme/api:9.9.9'))),
    ];
    expect(movesBetween(base, branch)).toEqual([]);
  });
});

describe('replay', () => {
  const base = [file('a.yaml', POD(C('api', 'ghcr.io/acme/api:1.0.0') + C('web', 'ghcr.io/acme/web:2.0.0'))), file('b.yaml', POD(C('api', 'ghcr.io/acme/api:1.0.0')))];

  it("moves only the files and images of the moves, keeping everything else of the base's text", () => {
    const moves = movesBetween(base, [file('a.yaml', POD(C('api', 'ghcr.io/acme/api:1.1.0') + C('web', 'ghcr.io/acme/web:2.0.0')))]);
    const renamed = base.map((f) => ({ ...f, text: f.text.replace('name: x', 'name: renamed') }));
    expect(replay(renamed, moves, NEWER)).toEqual([
      file('a.yaml', POD(C('api', 'ghcr.io/acme/api:1.1.0') + C('web', 'ghcr.io/acme/web:2.0.0')).replace('name: x', 'name: renamed')),
      renamed[1],
    ]);
  });

  it('judges the policy again: a base already past the version keeps its own under newer, not under any', () => {
    const moves = movesBetween(base, [file('a.yaml', POD(C('api', 'ghcr.io/acme/api:1.1.0') + C('web', 'ghcr.io/acme/web:2.0.0')))]);
    const ahead = [file('a.yaml', POD(C('api', 'ghcr.io/acme/api:1.5.0') + C('web', 'ghcr.io/acme/web:2.0.0')))];
    expect(replay(ahead, moves, NEWER)).toEqual(ahead);
    expect(replay(ahead, moves, forwardOnly(ANY))).toEqual(ahead);
    expect(replay(ahead, moves, ANY)[0]?.text).toContain('api:1.1.0');
  });

  it('respects a hold the base added, and keeps a file that no longer parses', () => {
    const moves = movesBetween(base, [file('a.yaml', POD(C('api', 'ghcr.io/acme/api:1.1.0') + C('web', 'ghcr.io/acme/web:2.0.0')))]);
    const held = [file('a.yaml', POD(C('api', 'ghcr.io/acme/api:1.0.0 # gitops-bump: hold') + C('web', 'ghcr.io/acme/web:2.0.0')))];
    expect(replay(held, moves, NEWER)).toEqual(held);
    const broken = [file('a.yaml', `${base[0]!.text}  - [\n`)];
    expect(replay(broken, moves, NEWER)).toEqual(broken);
  });
});

describe('planBetween', () => {
  it('is the plan from the base to the branch: every differing file an edit, every moved reference a change, no refusals', () => {
    const base = [file('a.yaml', POD(C('api', 'ghcr.io/acme/api:1.0.0'))), file('b.yaml', 'note: 1\n')];
    const after = [file('a.yaml', POD(C('api', 'ghcr.io/acme/api:1.1.0'))), file('b.yaml', 'note: 2\n')];
    const plan = planBetween(base, after);
    expect(plan.edits.map((e) => e.path)).toEqual(['a.yaml', 'b.yaml']);
    expect(plan.changes).toEqual([{ file: 'a.yaml', line: 8, image: 'ghcr.io/acme/api', from: '1.0.0', to: '1.1.0' }]);
    expect(plan.refusals).toEqual([]);
  });
});

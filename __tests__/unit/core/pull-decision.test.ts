// The pull-request decision, pure: one observation in, what one round should do out.
import { describe, expect, it } from 'vitest';
import { decidePull, type BaseSnapshot, type PullObservation } from '../../../src/core/pull-decision.js';
import { plan } from '../../../src/core/plan.js';
import type { Plan } from '../../../src/core/types.js';
import type { Policy } from '../../../src/image/policy.js';
import { parseImages } from '../../../src/settings/parse.js';

const BRANCH = 'gitops-bump/prod/api';
const API = 'apps/prod/api.yaml';
const WEB = 'apps/prod/web.yaml';
const DEPLOY = (image: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n`;

const NEWER = { kind: 'newer' } as const;

/** The real planner (`plan` over `parseImages`) with `policy` ('newer' by default), for the PR branch `BRANCH`. */
function spec(images: string, policy: Policy = NEWER) {
  const requests = parseImages(images);
  return { branch: BRANCH, policy, planner: (snapshot: BaseSnapshot): Plan => plan(snapshot.files, requests, { policy }) };
}

describe('decidePull', () => {
  const B = 'b'.repeat(40);
  const P = 'c'.repeat(40);
  const F = 'f'.repeat(40);
  const snapshot = (files: Record<string, string>): BaseSnapshot => ({
    head: B,
    branch: 'main',
    headParents: [F],
    files: Object.entries(files).map(([path, text]) => ({ path, text })),
    skipped: [],
  });
  const pull = { id: 'PR_1', number: 1, url: 'u', title: 't', body: '', baseRefName: 'main', labels: [], assignees: [], reviewers: { users: [], teams: [] }, autoMerge: 'never' as const };
  const observation = (base: Record<string, string>, extra: Partial<PullObservation> = {}): PullObservation => ({
    snapshot: snapshot(base),
    labelIds: new Map(),
    baseChain: [B, F],
    ...extra,
  });
  const branch = (files: Record<string, string>, chain = [P, F]) => ({
    head: P,
    message: 'm',
    url: 'u',
    chain,
    files: { files: Object.entries(files).map(([path, text]) => ({ path, text })), skipped: [] },
  });

  it('no PR and nothing to change: none; something to change: create from the base head (branch must not exist)', () => {
    expect(decidePull(observation({ [API]: DEPLOY('ghcr.io/acme/api:1.1.0') }), spec('ghcr.io/acme/api:1.1.0')).kind).toBe('none');
    const create = decidePull(observation({ [API]: DEPLOY('ghcr.io/acme/api:1.0.0') }), spec('ghcr.io/acme/api:1.1.0'));
    expect(create).toMatchObject({ kind: 'write', parent: B, moveFrom: '0'.repeat(40), describe: { changes: [{ from: '1.0.0', to: '1.1.0' }] } });
  });

  it('an open PR whose branch is gone is recreated from the base head', () => {
    const decision = decidePull(observation({ [API]: DEPLOY('ghcr.io/acme/api:1.0.0') }, { pull }), spec('ghcr.io/acme/api:1.1.0'));
    expect(decision).toMatchObject({ kind: 'write', parent: B, moveFrom: '0'.repeat(40), pull });
  });

  it('a late older build on a moved base is refused against the PR branch: no rebuild, the title is kept', () => {
    const base = { [API]: DEPLOY('ghcr.io/acme/api:1.0.0').replace('name: x', 'name: y') };
    const decision = decidePull(
      observation(base, { pull, baseChain: [B], branch: branch({ [API]: DEPLOY('ghcr.io/acme/api:1.2.0') }) }),
      spec('ghcr.io/acme/api:1.1.0'),
    );
    expect(decision).toMatchObject({ kind: 'unchanged' });
    expect(decision.kind === 'unchanged' && decision.describe).toBeUndefined();
    expect(decision.plan.edits).toEqual([]);
    expect(decision.plan.refusals).toMatchObject([{ file: API, from: '1.2.0', to: '1.1.0' }]);
  });

  it('an edit that changes no bytes is no edit: nothing to change, no change reported', () => {
    const base = { [API]: DEPLOY('ghcr.io/acme/api:1.0.0') };
    const noop = {
      branch: BRANCH,
      policy: NEWER,
      planner: (s: BaseSnapshot): Plan => {
        const edits = s.files.map((f) => ({ path: f.path, before: f.text, after: f.text, changes: [{ file: f.path, line: 10, image: 'ghcr.io/acme/api', from: '1.0.0', to: '1.0.0 ' }] }));
        return { edits, changes: edits.flatMap((e) => e.changes), refusals: [], skipped: [], notes: [] };
      },
    };
    expect(decidePull(observation(base), noop)).toMatchObject({ kind: 'none', plan: { edits: [], changes: [] } });
    expect(decidePull(observation(base, { pull }), noop)).toMatchObject({ kind: 'close', plan: { edits: [], changes: [] } });
  });

  it('asks for the fork point before rebuilding, then rebuilds on the base with what the PR proposed elsewhere', () => {
    const base = { [API]: DEPLOY('ghcr.io/acme/api:1.0.0').replace('name: x', 'name: y'), [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0') };
    const pr = { [API]: DEPLOY('ghcr.io/acme/api:1.1.0'), [WEB]: DEPLOY('ghcr.io/acme/web:2.1.0') };
    const fork = { [API]: DEPLOY('ghcr.io/acme/api:1.0.0'), [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0') };
    const first = decidePull(observation(base, { pull, branch: branch(pr) }), spec('ghcr.io/acme/api:1.2.0'));
    expect(first).toMatchObject({ kind: 'fork', oid: F });
    const files = { files: Object.entries(fork).map(([path, text]) => ({ path, text })), skipped: [] };
    const second = decidePull(observation(base, { pull, branch: branch(pr), fork: { oid: F, files } }), spec('ghcr.io/acme/api:1.2.0'));
    expect(second).toMatchObject({ kind: 'write', parent: B, moveFrom: P });
    if (second.kind !== 'write') return;
    expect(Object.fromEntries(second.write.edits.map((e) => [e.path, e.after]))).toEqual({
      [API]: base[API].replace('api:1.0.0', 'api:1.2.0'),
      [WEB]: DEPLOY('ghcr.io/acme/web:2.1.0'),
    });
  });

  const files = (record: Record<string, string>) => ({ files: Object.entries(record).map(([path, text]) => ({ path, text })), skipped: [] });
  const writes = (decision: ReturnType<typeof decidePull>) => (decision.kind === 'write' ? Object.fromEntries(decision.write.edits.map((e) => [e.path, e.after])) : {});

  it("a run with nothing to add leaves a shared PR open, described whole: every run's references, none of its refusals", () => {
    const base = { [API]: DEPLOY('ghcr.io/acme/api:1.0.0'), [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0') };
    const pr = { [API]: DEPLOY('ghcr.io/acme/api:1.1.0'), [WEB]: DEPLOY('ghcr.io/acme/web:2.1.0') };
    const decision = decidePull(observation(base, { pull, baseChain: [B], branch: branch(pr, [P, B]) }), spec('ghcr.io/acme/web:2.0.5'));
    expect(decision.kind).toBe('unchanged');
    if (decision.kind !== 'unchanged') return;
    expect(decision.plan.refusals).toMatchObject([{ file: WEB, from: '2.1.0', to: '2.0.5' }]);
    expect(decision.describe?.changes).toMatchObject([
      { file: API, from: '1.0.0', to: '1.1.0' },
      { file: WEB, from: '2.0.0', to: '2.1.0' },
    ]);
    expect(decision.describe?.refusals).toEqual([]);
  });

  it('a moved base that holds everything the PR proposed (or newer) closes it, even when the PR held other runs\' images', () => {
    const base = { [API]: DEPLOY('ghcr.io/acme/api:1.1.0'), [WEB]: DEPLOY('ghcr.io/acme/web:2.2.0') };
    const pr = { [API]: DEPLOY('ghcr.io/acme/api:1.1.0'), [WEB]: DEPLOY('ghcr.io/acme/web:2.1.0') };
    expect(decidePull(observation(base, { pull, baseChain: [B], branch: branch(pr) }), spec('ghcr.io/acme/api:1.1.0')).kind).toBe('close');
    // Still proposing web 2.1.0 over a base at 2.0.0: open, title and body kept (the base moved: no fork point read for a run that adds nothing).
    const behind = { ...base, [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0') };
    const open = decidePull(observation(behind, { pull, baseChain: [B], branch: branch(pr) }), spec('ghcr.io/acme/api:1.1.0'));
    expect(open).toMatchObject({ kind: 'unchanged' });
    expect(open.kind === 'unchanged' && open.describe).toBeUndefined();
  });

  it('rebuilding without a fork point replays every reference forward: a base already past one drops it, under any a base bump is never reverted', () => {
    const renamed = (image: string) => DEPLOY(image).replace('name: x', 'name: y');
    const CACHE = 'apps/prod/cache.yaml';
    const base = { [API]: renamed('ghcr.io/acme/api:1.0.0'), [WEB]: DEPLOY('ghcr.io/acme/web:2.5.0'), 'apps/prod/db.yaml': DEPLOY('ghcr.io/acme/db:3.1.0'), [CACHE]: renamed('ghcr.io/acme/cache:1.0.0') };
    // web 2.1.0 was proposed (the base is past it now); db 3.0.0 is what the fork held (the base moved it since); cache 1.1.0 is proposed.
    const pr = {
      [API]: DEPLOY('ghcr.io/acme/api:1.1.0'),
      [WEB]: DEPLOY('ghcr.io/acme/web:2.1.0'),
      'apps/prod/db.yaml': DEPLOY('ghcr.io/acme/db:3.0.0'),
      [CACHE]: DEPLOY('ghcr.io/acme/cache:1.1.0'),
    };
    for (const policy of [NEWER, { kind: 'any' } as const]) {
      const decision = decidePull(observation(base, { pull, baseChain: [B], branch: branch(pr, [P, 'e'.repeat(40)]) }), spec('ghcr.io/acme/api:1.2.0', policy));
      expect(decision).toMatchObject({ kind: 'write', parent: B, moveFrom: P });
      expect(writes(decision)).toEqual({ [API]: renamed('ghcr.io/acme/api:1.2.0'), [CACHE]: renamed('ghcr.io/acme/cache:1.1.0') });
    }
  });

  it('with the fork point, a file changed on both sides gets the base\'s text with the branch\'s moves (a rollback included under any)', () => {
    const fork = { [API]: DEPLOY('ghcr.io/acme/api:1.0.0'), [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0') };
    const base = { [API]: DEPLOY('ghcr.io/acme/api:1.0.0').replace('name: x', 'name: y'), [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0').replace('name: x', 'name: w') };
    const pr = { [API]: DEPLOY('ghcr.io/acme/api:1.1.0'), [WEB]: DEPLOY('ghcr.io/acme/web:1.9.0') };
    const any = { kind: 'any' } as const;
    const first = decidePull(observation(base, { pull, branch: branch(pr) }), spec('ghcr.io/acme/api:1.2.0', any));
    expect(first).toMatchObject({ kind: 'fork', oid: F });
    const decision = decidePull(observation(base, { pull, branch: branch(pr), fork: { oid: F, files: files(fork) } }), spec('ghcr.io/acme/api:1.2.0', any));
    expect(writes(decision)).toEqual({ [API]: base[API].replace('api:1.0.0', 'api:1.2.0'), [WEB]: base[WEB].replace('web:2.0.0', 'web:1.9.0') });
    expect(decision.kind === 'write' && decision.describe.changes).toMatchObject([
      { file: API, from: '1.0.0', to: '1.2.0' },
      { file: WEB, from: '2.0.0', to: '1.9.0' },
    ]);
  });

  it('with the fork point, a base that moved only files the branch does not change keeps the commit on the branch head', () => {
    const fork = { [API]: DEPLOY('ghcr.io/acme/api:1.0.0'), [WEB]: DEPLOY('ghcr.io/acme/web:2.0.0') };
    const base = { [API]: fork[API], [WEB]: DEPLOY('ghcr.io/acme/web:2.2.0') };
    const pr = { [API]: DEPLOY('ghcr.io/acme/api:1.1.0'), [WEB]: fork[WEB] };
    const decision = decidePull(observation(base, { pull, branch: branch(pr), fork: { oid: F, files: files(fork) } }), spec('ghcr.io/acme/api:1.2.0'));
    expect(decision).toMatchObject({ kind: 'write', parent: P });
    expect(decision.kind === 'write' && decision.moveFrom).toBeUndefined();
    // Described against the fork: the web file is the base's business, not the PR's.
    expect(decision.kind === 'write' && decision.describe.changes).toMatchObject([{ file: API, from: '1.0.0', to: '1.2.0' }]);
  });
});

// The pull-request decision, pure: one observation in, what one round should do out.
import { describe, expect, it } from 'vitest';
import { decidePull, type BaseSnapshot, type PullObservation } from '../../../src/core/pull-decision.js';
import { plan } from '../../../src/core/plan.js';
import type { Plan } from '../../../src/core/types.js';
import { parseImages } from '../../../src/settings/parse.js';

const BRANCH = 'gitops-bump/prod/api';
const API = 'apps/prod/api.yaml';
const WEB = 'apps/prod/web.yaml';
const DEPLOY = (image: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n`;

const NEWER = { kind: 'newer' } as const;

/** The real planner (`plan` over `parseImages`) with the 'newer' policy, for the PR branch `BRANCH`. */
function spec(images: string) {
  const requests = parseImages(images);
  return { branch: BRANCH, policy: NEWER, planner: (snapshot: BaseSnapshot): Plan => plan(snapshot.files, requests, { policy: NEWER }) };
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
});

// Promotion gates, pure: when a version arrived (trailer, text of consecutive commits), soak time, and the status
// gate over the commits since it arrived.
import { describe, expect, it } from 'vitest';
import { arrival, candidates, checkRefused, decide, formatDuration, gateRefusals, versionsIn, type BranchCommit, type Candidate, type FileCommit, type GateRules } from '../../../src/core/gates.js';
import { parseReference } from '../../../src/image/reference.js';
import { parsePolicy } from '../../../src/image/policy.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const hoursAgo = (h: number): string => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const FILE = 'apps/staging/api.yaml';
const api: Candidate = { key: 'ghcr.io/acme/api', trailerName: 'ghcr.io/acme/api', display: 'ghcr.io/acme/api', version: '1.5.0', file: FILE };

const text = (api: string, replicas = 1): string => `image: ghcr.io/acme/api:${api}\nreplicas: ${replicas}\n`;
const commit = (oid: string, hours: number, body: string, trailers: [string, string][] = []): FileCommit => ({
  oid: oid.repeat(40).slice(0, 40),
  committedDate: hoursAgo(hours),
  trailers,
  versions: versionsIn({ path: FILE, text: body }),
});
const DAY: GateRules = { after: { ms: 24 * 3_600_000, text: '24h' }, requireStatus: [] };
const facts = (history: FileCommit[], branch: BranchCommit[] = []) => ({ histories: new Map([[FILE, history]]), branch, now: NOW });

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect([formatDuration(11_520_000), formatDuration(93_600_000), formatDuration(2_700_000), formatDuration(30_000), formatDuration(0), formatDuration(3_600_000)]).toEqual([
      '3h12m',
      '1d2h',
      '45m',
      '30s',
      '0s',
      '1h',
    ]);
  });
});

describe('arrival', () => {
  it('is the oldest commit of the run that holds the version: a later commit changing other lines does not reset it', () => {
    const history = [commit('c', 1, text('1.5.0', 3)), commit('b', 30, text('1.5.0', 2)), commit('a', 50, text('1.4.0', 2))];
    expect(arrival(history, api)?.oid).toBe('b'.repeat(40));
  });

  it('stops at a Bumped-Image trailer that records the move to this version', () => {
    const history = [commit('c', 1, text('1.5.0', 3)), commit('b', 30, text('1.5.0'), [['Bumped-Image', 'ghcr.io/acme/api 1.4.0 -> 1.5.0']]), commit('a', 40, text('1.5.0'))];
    expect(arrival(history, api)?.oid).toBe('b'.repeat(40));
  });

  it('is unknown when the newest commit does not hold the version', () => {
    expect(arrival([commit('c', 1, text('1.6.0'))], api)).toBeUndefined();
  });
});

describe('soak time', () => {
  it('passes a version older than promote-after, refuses a younger one with the time left', () => {
    expect(decide(DAY, [api], facts([commit('b', 26, text('1.5.0')), commit('a', 60, text('1.4.0'))]))[0]).toMatchObject({ passed: true, state: 'passed' });
    const young = decide(DAY, [api], facts([commit('b', 3.2, text('1.5.0')), commit('a', 60, text('1.4.0'))]))[0]!;
    expect(young).toMatchObject({ passed: false, state: 'soaking 3h12m of 24h', reason: 'soaking: 3h12m of 24h (20h48m left)', leftMs: 20.8 * 3_600_000 });
  });

  it('refuses when the arrival cannot be told', () => {
    expect(decide(DAY, [api], facts([]))[0]).toMatchObject({ passed: false, reason: expect.stringMatching(/^soaking: when 1\.5\.0 arrived .* is unknown/) });
  });
});

describe('status gate', () => {
  const rules: GateRules = { requireStatus: ['kustomization/apps-staging/*', 'argocd/api-staging'] };
  const history = [commit('b', 26, text('1.5.0')), commit('a', 60, text('1.4.0'))];
  const oid = (c: string): string => c.repeat(40).slice(0, 40);
  const green = [{ name: 'kustomization/apps-staging/flux-system', state: 'success' as const }, { name: 'argocd/api-staging', state: 'success' as const }];

  it('passes when the newest commit carrying each context shows success; unmatched contexts are ignored', () => {
    const branch = [{ oid: oid('d'), contexts: [{ name: 'ci/lint', state: 'failure' as const }] }, { oid: oid('b'), contexts: green }, { oid: oid('a'), contexts: [] }];
    expect(decide(rules, [api], facts(history, branch))[0]).toMatchObject({ passed: true, state: 'passed' });
  });

  it('a later failing status after an earlier success refuses, naming the context and the commit', () => {
    const branch = [{ oid: oid('d'), contexts: [{ name: 'argocd/api-staging', state: 'failure' as const }] }, { oid: oid('b'), contexts: green }];
    expect(decide(rules, [api], facts(history, branch))[0]).toMatchObject({ passed: false, reason: 'failing `argocd/api-staging` on ddddddd' });
  });

  it('pending and error refuse too', () => {
    const pending = [{ oid: oid('b'), contexts: [green[0]!, { name: 'argocd/api-staging', state: 'pending' as const }] }];
    expect(decide(rules, [api], facts(history, pending))[0]!.reason).toBe('pending `argocd/api-staging` on bbbbbbb');
    const error = [{ oid: oid('b'), contexts: [{ name: 'kustomization/apps-staging/x', state: 'error' as const }, green[1]!] }];
    expect(decide(rules, [api], facts(history, error))[0]!.reason).toBe('failing `kustomization/apps-staging/x` on bbbbbbb');
  });

  it('no status since the version arrived refuses: one from before it does not count', () => {
    const branch = [{ oid: oid('b'), contexts: [] }, { oid: oid('a'), contexts: green }];
    expect(decide(rules, [api], facts(history, branch))[0]).toMatchObject({ passed: false, reason: 'no status matching `kustomization/apps-staging/*` since it arrived (bbbbbbb)' });
  });
});

describe('gate refusals and fail-on-refused', () => {
  const target = [{ path: 'apps/prod/api.yaml', text: text('1.4.0') }];
  const requests = [{ input: 'ghcr.io/acme/api:1.5.0', ref: parseReference('ghcr.io/acme/api:1.5.0') }];

  it('a held-back version becomes a refusal of the target move, with the gate reason', () => {
    const decisions = decide(DAY, candidates([{ file: FILE, line: 1, repository: 'ghcr.io/acme/api', name: 'ghcr.io/acme/api', tag: '1.5.0' }]), facts([commit('b', 2, text('1.5.0'))]));
    const refusals = gateRefusals(target, { decisions }, requests, [], { policy: parsePolicy('newer') });
    expect(refusals).toEqual([{ kind: undefined, file: 'apps/prod/api.yaml', line: 1, image: 'ghcr.io/acme/api', from: '1.4.0', to: '1.5.0', reason: 'soaking: 2h of 24h (22h left)', leftSeconds: 79_200 }]);
    expect(() => checkRefused({ edits: [], changes: [], refusals, skipped: [], notes: [] }, true)).toThrow(/^fail-on-refused: 1 change\(s\) refused, nothing written: ghcr\.io\/acme\/api 1\.4\.0 → 1\.5\.0/);
    expect(() => checkRefused({ edits: [], changes: [], refusals, skipped: [], notes: [] }, false)).not.toThrow();
  });
});

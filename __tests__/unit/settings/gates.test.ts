// The gate inputs: durations (s/m/h/d), context globs, errors that name the input, and the injectable clock.
import { describe, expect, it } from 'vitest';
import { parseContextGlobs, parseDuration, readGates, readNow } from '../../../src/settings/gates.js';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('gate inputs', () => {
  it('reads durations with s, m, h, d, combined largest first', () => {
    expect(parseDuration('24h', 'promote-after')).toEqual({ ms: 86_400_000, text: '24h' });
    expect(parseDuration(' 1d12h ', 'promote-after')).toEqual({ ms: 129_600_000, text: '1d12h' });
    expect(parseDuration('90s', 'promote-after')?.ms).toBe(90_000);
    expect(parseDuration('', 'promote-after')).toBeUndefined();
    for (const bad of ['24', 'h', '1w', '2h1d', '-1h']) expect(() => parseDuration(bad, 'promote-after')).toThrow(/^Input 'promote-after': '.*' is not a duration/);
  });

  it('reads context globs one per line, refusing spaces', () => {
    expect(parseContextGlobs('kustomization/apps-staging/*\n\n  argocd/api-staging  \n# a comment\n', 'promote-require-status')).toEqual(['kustomization/apps-staging/*', 'argocd/api-staging']);
    expect(() => parseContextGlobs('argocd api', 'promote-require-status')).toThrow(/^Input 'promote-require-status': 'argocd api': a context glob has no spaces/);
  });

  it('a gate without promote-from is an error naming the gate', () => {
    expect(readGates(reader({}), false)).toBeUndefined();
    expect(() => readGates(reader({ 'promote-require-status': 'argocd/*' }), false)).toThrow(/^Input 'promote-require-status': gates a promotion: give promote-from/);
    expect(readGates(reader({ 'promote-after': '2d', 'promote-require-status': 'argocd/*' }), true)).toEqual({ after: { ms: 172_800_000, text: '2d' }, requireStatus: ['argocd/*'] });
  });

  it('the clock is GITOPS_BUMP_NOW when set', () => {
    expect(readNow({ GITOPS_BUMP_NOW: '2026-12-01T12:00:00Z' }).toISOString()).toBe('2026-12-01T12:00:00.000Z');
    expect(() => readNow({ GITOPS_BUMP_NOW: 'tomorrow' })).toThrow(/GITOPS_BUMP_NOW/);
  });
});

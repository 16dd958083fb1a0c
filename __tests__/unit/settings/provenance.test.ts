// The provenance inputs and the runner's defaults.
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../src/settings/read.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
const base = { images: 'ghcr.io/acme/api:1.4.2', token: 't' };
const runner = { GITHUB_REPOSITORY: 'acme/api', GITHUB_SHA: SHA, GITHUB_SERVER_URL: 'https://ghe.example.com/', GITHUB_RUN_ID: '77' };

describe('provenance settings', () => {
  it('defaults to the runner: the workflow repository, its sha, the run URL on GHES; source-token defaults to token', () => {
    expect(readSettings(reader(base), runner).provenance).toEqual({
      repository: { owner: 'acme', repo: 'api' },
      sha: SHA,
      builtBy: 'https://ghe.example.com/acme/api/actions/runs/77',
      serverUrl: 'https://ghe.example.com',
      token: 't',
      named: false,
    });
  });

  it("another source repository does not take GITHUB_SHA (it names a commit of the workflow's repository)", () => {
    const p = readSettings(reader({ ...base, 'source-repository': 'acme/other', 'source-token': 's' }), runner).provenance!;
    expect(p.repository).toEqual({ owner: 'acme', repo: 'other' });
    expect(p.sha).toBeUndefined();
    expect(p.token).toBe('s');
    const given = readSettings(reader({ ...base, 'source-repository': 'acme/other', 'source-sha': SHA.toUpperCase() }), runner).provenance!;
    expect(given.sha).toBe(SHA);
  });

  it("'none' turns it off", () => {
    expect(readSettings(reader({ ...base, 'source-repository': 'None' }), runner).provenance).toBeUndefined();
  });

  it('outside a runner: no repository, no sha, no run; github.com', () => {
    const p = readSettings(reader({ ...base, repository: 'acme/gitops' }), {}).provenance!;
    expect(p).toEqual({ repository: undefined, sha: undefined, builtBy: undefined, serverUrl: 'https://github.com', token: 't', named: false });
  });

  it.each([
    [{ 'source-sha': 'abc123' }, /^Input 'source-sha': 'abc123' is not a full commit sha/],
    [{ 'source-sha': `${SHA}\u0007` }, /^Input 'source-sha': .*\\u0007/],
    [{ 'source-repository': 'acme' }, /^Input 'source-repository': 'acme' is not of the form owner\/name/],
    [{ 'source-repository': 'none', 'source-sha': SHA }, /^Input 'source-sha': is set while source-repository is 'none'/],
  ])('a bad value names its input: %j', (inputs, message) => {
    expect(() => readSettings(reader({ ...base, ...inputs }), runner)).toThrow(message);
  });

  it('source-sha outside a runner needs source-repository', () => {
    expect(() => readSettings(reader({ ...base, repository: 'acme/gitops', 'source-sha': SHA }), {})).toThrow(/^Input 'source-repository': is required with source-sha/);
  });
});

// The token never appears in anything the action prints or writes: stdout (debug logging on), stderr, the job
// summary, the outputs and the annotations, on success and on every kind of failure, for `token` and for
// `promote-from-token`. `bump()` checks it on every run (see helpers.ts); these runs go down each failure path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { gitRepo } from '../support/repo.js';
import { bump, cleanUp, expectTokenSafe, failure, pod, printed, scratch, SOURCE_TOKEN, TOKEN } from '../support/bundle.js';

afterAll(cleanUp);

/** Debug logging as a re-run with "Enable debug logging" turns it on. */
const DEBUG = { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' };

describe('the token is never printed', () => {
  let emu: Emulator;
  const env = (extra: Record<string, string> = {}) => ({ GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: 'acme/gitops', ...DEBUG, ...extra });
  beforeAll(async () => {
    emu = await startEmulator({ repos: [], revokedTokens: ['ghs_revoked_H4RD3N1NG_token_0000'] });
    await emu.addRepo({ name: 'acme/gitops', dir: gitRepo({ files: { 'apps/prod/pod.yaml': pod('ghcr.io/acme/api:1.0.0') } }) });
    await emu.addRepo({ name: 'acme/readonly', dir: gitRepo({ files: { 'apps/prod/pod.yaml': pod('ghcr.io/acme/api:1.0.0') } }), tokens: { [TOKEN]: 'read' } });
    await emu.addRepo({ name: 'acme/staging', dir: gitRepo({ files: { 'apps/staging/pod.yaml': pod('ghcr.io/acme/api:1.2.0') } }), tokens: { [SOURCE_TOKEN]: 'read' } });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it('in a successful API commit with debug logging on', async () => {
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', repository: 'acme/gitops', paths: 'apps/**' }, { env: env() });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^::debug::/m);
    expect(run.outputs['commit-sha']).toMatch(/^[0-9a-f]{40}$/);
  });

  it('in a promotion from another repository read with promote-from-token', async () => {
    const run = await bump(
      { images: '', repository: 'acme/gitops', paths: 'apps/prod/**', 'promote-from': 'apps/staging/**', 'promote-from-repository': 'acme/staging', 'promote-from-token': SOURCE_TOKEN },
      { env: env() },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.outputs.changes!)).toMatchObject([{ to: '1.2.0' }]);
  });

  it.each([
    ['a token GitHub rejects (401)', { token: 'ghs_revoked_H4RD3N1NG_token_0000' }, {}, /credentials|401/i],
    ['a repository the token cannot see (404)', { repository: 'acme/nothing-here' }, {}, /acme\/nothing-here/],
    ['a read-only token writing (403)', { repository: 'acme/readonly' }, {}, /acme\/readonly/],
    ['a branch that does not exist', { branch: 'no-such-branch' }, {}, /no-such-branch/],
    ['an API that does not answer', {}, { GITHUB_API_URL: 'http://127.0.0.1:1' }, /network error/i],
    ['an invalid input', { policy: '~~~not a range' }, {}, /^Input 'policy'/m],
    ['a file that is not valid YAML', { repository: 'acme/gitops', paths: 'apps/**', images: 'ghcr.io/acme/api:9.9.9' }, {}, /apps\/prod\/pod\.yaml:\d+/],
  ])('when the run fails: %s', async (_name, inputs: Record<string, string>, extra, message) => {
    if (inputs.images === 'ghcr.io/acme/api:9.9.9') {
      await emu.addRepo({ name: 'acme/broken', dir: gitRepo({ files: { 'apps/prod/pod.yaml': `image: ghcr.io/acme/api:1.0.0\n  bad: [\n` } }) });
      inputs = { ...inputs, repository: 'acme/broken' };
    }
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', repository: 'acme/gitops', paths: 'apps/**', ...inputs }, { env: env(extra) });
    expect(run.code).toBe(1);
    expect(failure(run)).toMatch(message);
    if (inputs.token) expectTokenSafe(run, inputs.token);
  }, 60_000);

  it('locally, with a token that has surrounding whitespace: the trimmed value is masked and never printed', async () => {
    const dir = scratch({ 'apps/prod/pod.yaml': pod('ghcr.io/acme/api:1.0.0') });
    const run = await bump({ images: 'ghcr.io/acme/api:1.1.0', 'local-path': dir, token: `  ${TOKEN}\n` }, { cwd: dir, env: DEBUG });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expectTokenSafe(run, TOKEN);
    expect(printed(run)).not.toContain(TOKEN);
  });
});

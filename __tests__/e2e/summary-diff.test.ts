// Private stays private, through the built bundle: the job summary's diff of another repository's files shows
// the changed lines only (a public workflow's summary is public), of the workflow's own repository three lines of
// context; `summary-diff` overrides both ways, or leaves the diff out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { git, gitRepo } from '../support/repo.js';
import { bump, cleanUp, scratch } from '../support/bundle.js';

afterAll(cleanUp);

/** Lines around the image that only the repository holds. */
const PRIVATE = 'internal-db.corp.example:5432';
const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: api
  annotations:
    db: ${PRIVATE}
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:1.0.0
      env:
        - name: DB
          value: ${PRIVATE}
`;
const CHANGES_ONLY = 'Changed lines only, without the lines around them';

/** The lines of the summary's diff block, undefined when it has none. */
function summaryDiff(summary: string): string[] | undefined {
  return /```diff\n([^]*?)\n```/.exec(summary)?.[1]?.split('\n');
}
const contextLines = (diff: readonly string[]) => diff.filter((l) => l.startsWith(' '));

describe("the job summary's diff", () => {
  let emu: Emulator;
  let count = 0;
  beforeAll(async () => {
    emu = await startEmulator({ repos: [] });
  });
  afterAll(async () => {
    await emu.stop();
  });

  /** A commit-mode bump of a fresh repository `acme/gitops-N`, run by a workflow of `workflow` (`own`: the same). */
  async function run(workflow: 'own' | string, inputs: Record<string, string> = {}) {
    const name = `acme/gitops-${++count}`;
    const dir = gitRepo({ files: { 'apps/prod/pod.yaml': MANIFEST } });
    await emu.addRepo({ name, dir });
    const result = await bump(
      { images: 'ghcr.io/acme/api:1.1.0', repository: name, ...inputs },
      { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: workflow === 'own' ? name.toUpperCase() : workflow } },
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(git(dir, 'show', 'main:apps/prod/pod.yaml')).toBe(MANIFEST.replace('api:1.0.0', 'api:1.1.0').trimEnd());
    return result;
  }

  it("of another repository (the default): the changed lines only, none of the file's other lines, and a note saying so", async () => {
    const { summary } = await run('acme/public-app');
    const diff = summaryDiff(summary)!;
    expect(diff).toEqual([
      'diff --git a/apps/prod/pod.yaml b/apps/prod/pod.yaml',
      '--- a/apps/prod/pod.yaml',
      '+++ b/apps/prod/pod.yaml',
      '@@ -10,1 +10,1 @@',
      '-      image: ghcr.io/acme/api:1.0.0',
      '+      image: ghcr.io/acme/api:1.1.0',
    ]);
    expect(summary).not.toContain(PRIVATE);
    expect(summary).toContain(CHANGES_ONLY);
    expect(summary).toContain('| `apps/prod/pod.yaml:10` | ghcr.io/acme/api | `1.0.0` | `1.1.0` |');
  });

  it("of the workflow's own repository (compared case-insensitively): three lines of context", async () => {
    const { summary } = await run('own');
    const diff = summaryDiff(summary)!;
    expect(contextLines(diff)).toHaveLength(6);
    expect(diff).toContain(`           value: ${PRIVATE}`);
    expect(summary).not.toContain(CHANGES_ONLY);
  });

  it('summary-diff: full shows the context of another repository; changes hides it for the own; none leaves the diff out', async () => {
    const full = summaryDiff((await run('acme/public-app', { 'summary-diff': 'full' })).summary)!;
    expect(contextLines(full)).toHaveLength(6);
    const changes = await run('own', { 'summary-diff': 'changes' });
    expect(contextLines(summaryDiff(changes.summary)!)).toEqual([]);
    expect(changes.summary).not.toContain(PRIVATE);
    const none = await run('own', { 'summary-diff': 'none' });
    expect(summaryDiff(none.summary)).toBeUndefined();
    expect(none.summary).not.toContain(PRIVATE);
    expect(none.summary).toContain('| `apps/prod/pod.yaml:10` | ghcr.io/acme/api | `1.0.0` | `1.1.0` |');
  });

  it('locally: a checkout counts as the workflow\'s own repository, unless repository names another', async () => {
    const dir = scratch({ 'apps/prod/pod.yaml': MANIFEST });
    const own = await bump({ images: 'ghcr.io/acme/api:1.1.0', 'local-path': dir, mode: 'dry-run' }, { cwd: dir });
    expect(contextLines(summaryDiff(own.summary)!)).toHaveLength(6);
    const other = await bump({ images: 'ghcr.io/acme/api:1.1.0', 'local-path': dir, mode: 'dry-run', repository: 'acme/private-gitops' }, { cwd: dir });
    expect(contextLines(summaryDiff(other.summary)!)).toEqual([]);
    expect(other.summary).not.toContain(PRIVATE);
  });
});

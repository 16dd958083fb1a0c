// A repository with thousands of matching files: locally every file is bumped in one run; through the API the
// request count stays small and grows by one read per hundred files (≤ ceil(n/100) + 3), not per file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index.js';
import { git, gitRepo } from '../support/repo.js';
import { BOUNDED_MEMORY, bump, cleanUp, pod, scratch } from '../support/bundle.js';

afterAll(cleanUp);

const OLD = 'ghcr.io/acme/api:1.0.0';
const NEW = 'ghcr.io/acme/api:1.1.0';

/** `n` small manifests, one per service folder, plus as many files that do not mention the image. */
function services(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const id = String(i).padStart(4, '0');
    files[`apps/svc${id}/prod/deploy.yaml`] = pod(OLD, `svc${id}`);
    files[`apps/svc${id}/prod/service.yaml`] = `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc${id}\n`;
  }
  return files;
}

describe('thousands of matching files', () => {
  it('local mode: 3,000 manifests (and 3,000 other files) are bumped in one run, each exactly once', async () => {
    const n = 3000;
    const dir = scratch(services(n));
    const run = await bump({ images: NEW, paths: 'apps/*/prod/**', 'local-path': dir }, { cwd: dir, env: BOUNDED_MEMORY });
    expect(run.code, run.stdout.slice(-2000) + run.stderr).toBe(0);
    const changes = JSON.parse(run.outputs.changes!) as { file: string }[];
    expect(changes).toHaveLength(n);
    expect(new Set(changes.map((c) => c.file)).size).toBe(n);
    for (const i of [0, 1234, n - 1]) {
      const id = String(i).padStart(4, '0');
      expect(readFileSync(join(dir, `apps/svc${id}/prod/deploy.yaml`), 'utf8')).toBe(pod(NEW, `svc${id}`));
    }
  }, 60_000);

  it('API mode: the requests grow by one read per 100 files (≤ ceil(n/100) + 3) and the bump is one commit', async () => {
    // The emulator spends a git process per file read, so this stays at a few hundred files; the count it
    // checks is the client's, which does not depend on the emulator's speed.
    const emu = await startEmulator({ repos: [] });
    try {
      const counts: number[] = [];
      for (const n of [40, 240]) {
        const files: Record<string, string> = {};
        for (let i = 0; i < n; i++) files[`apps/prod/svc${String(i).padStart(4, '0')}.yaml`] = pod(OLD, `svc${i}`);
        const dir = gitRepo({ files });
        const name = `acme/scale-${n}`;
        await emu.addRepo({ name, dir });
        const before = git(dir, 'rev-parse', 'main');
        emu.resetLog();
        const run = await bump({ images: NEW, repository: name, paths: 'apps/prod/*.yaml' }, { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: name } });
        expect(run.code, run.stdout.slice(-2000) + run.stderr).toBe(0);
        expect(JSON.parse(run.outputs.changes!)).toHaveLength(n);
        expect(git(dir, 'rev-list', '--count', `${before}..main`)).toBe('1');
        expect(git(dir, 'diff', '--name-only', before, 'main').split('\n')).toHaveLength(n);
        counts.push(emu.requests.length);
        expect(emu.requests.length, `${n} files`).toBeLessThanOrEqual(Math.ceil(n / 100) + 3);
        expect(emu.requests.filter((r) => r.mutation)).toHaveLength(1);
      }
      // Six times the files, at most two more requests.
      expect(counts[1]! - counts[0]!).toBeLessThanOrEqual(2);
      expect(emu.contractViolations).toEqual([]);
    } finally {
      await emu.stop();
    }
  }, 60_000);
});

// A repository with many matching files: locally every file is bumped in one run; through the API the request
// count does not grow with the files but by one read per hundred (a chunk), and the bump is one commit.
// Sized to take seconds on a busy 2-core machine: the counts checked here do not depend on the number of files
// beyond the chunk arithmetic, and nothing here measures time. The large variants (3,000 files locally; 40, 240
// and 1,000 through the API) are the `scale` benchmark (`BENCH_ONLY=scale npm run bench`).
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

describe('many matching files', () => {
  it('local mode: 300 manifests (and 300 other files) are bumped in one run, each exactly once', async () => {
    const n = 300;
    const tree = services(n);
    const dir = scratch(tree);
    const run = await bump({ images: NEW, paths: 'apps/*/prod/**', 'local-path': dir }, { cwd: dir, env: BOUNDED_MEMORY });
    expect(run.code, run.stdout.slice(-2000) + run.stderr).toBe(0);
    const changes = JSON.parse(run.outputs.changes!) as { file: string }[];
    expect(changes).toHaveLength(n);
    expect(new Set(changes.map((c) => c.file)).size).toBe(n);
    for (let i = 0; i < n; i++) {
      const id = String(i).padStart(4, '0');
      expect(readFileSync(join(dir, `apps/svc${id}/prod/deploy.yaml`), 'utf8')).toBe(pod(NEW, `svc${id}`));
      expect(readFileSync(join(dir, `apps/svc${id}/prod/service.yaml`), 'utf8')).toBe(tree[`apps/svc${id}/prod/service.yaml`]);
    }
  });

  it('API mode: eleven times the files (10 → 110) cost one more request under a whole-tree glob (a second read of 100 files); under a folder glob 110 files take 2 requests; the bump is one commit', async () => {
    // The emulator spends git processes per file, so this stays at about a hundred files; the count it checks is
    // the client's: the listing, one read per chunk of 100 files, one commit; or, when the glob names the folder,
    // the listing carrying the texts and the commit.
    const emu = await startEmulator({ repos: [] });
    try {
      const counts: Record<string, number[]> = { '**/svc*.yaml': [], 'apps/prod/*.yaml': [] };
      for (const [n, paths] of [[10, '**/svc*.yaml'], [110, '**/svc*.yaml'], [110, 'apps/prod/*.yaml']] as const) {
        const files: Record<string, string> = {};
        for (let i = 0; i < n; i++) files[`apps/prod/svc${String(i).padStart(4, '0')}.yaml`] = pod(OLD, `svc${i}`);
        const dir = gitRepo({ files });
        const name = `acme/scale-${n}-${paths.length}`;
        await emu.addRepo({ name, dir });
        const before = git(dir, 'rev-parse', 'main');
        emu.resetLog();
        const run = await bump({ images: NEW, repository: name, paths }, { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: name } });
        expect(run.code, run.stdout.slice(-2000) + run.stderr).toBe(0);
        expect(JSON.parse(run.outputs.changes!)).toHaveLength(n);
        expect(git(dir, 'rev-list', '--count', `${before}..main`)).toBe('1');
        expect(git(dir, 'diff', '--name-only', before, 'main').split('\n')).toHaveLength(n);
        counts[paths]!.push(emu.requests.length);
        expect(emu.requests.length, `${n} files`).toBeLessThanOrEqual(Math.ceil(n / 100) + 2);
        expect(emu.requests.filter((r) => r.mutation)).toHaveLength(1);
      }
      expect(counts).toEqual({ '**/svc*.yaml': [3, 4], 'apps/prod/*.yaml': [2] });
      expect(emu.contractViolations).toEqual([]);
    } finally {
      await emu.stop();
    }
  });
});

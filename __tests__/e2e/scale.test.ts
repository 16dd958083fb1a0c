// A repository with many matching files: locally every file is bumped in one run; through the API the request
// count does not grow with the files (the listing carries the texts; listed by name, one read per hundred), and
// the bump is one commit.
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

  it('API mode: 10 or 110 files, under a whole-tree or a folder glob, take 2 requests (the listing carries the texts, one commit); listed by name, 110 files are read in 2 chunks', async () => {
    // The emulator spends git processes per file, so this stays at about a hundred files; the count it checks is
    // the client's. When GitHub gives up on the listing with texts (a 502 here), the listing by name follows, then
    // one read per chunk of at most 100 files, then the commit.
    const emu = await startEmulator({ repos: [] });
    try {
      const counts: Record<string, number[]> = { '**/svc*.yaml': [], 'apps/prod/*.yaml': [], 'by name': [] };
      const cases = [[10, '**/svc*.yaml'], [110, '**/svc*.yaml'], [110, 'apps/prod/*.yaml'], [110, 'by name']] as const;
      for (const [n, kind] of cases) {
        const paths = kind === 'by name' ? '**/svc*.yaml' : kind;
        const files: Record<string, string> = {};
        for (let i = 0; i < n; i++) files[`apps/prod/svc${String(i).padStart(4, '0')}.yaml`] = pod(OLD, `svc${i}`);
        const dir = gitRepo({ files });
        const name = `acme/scale-${n}-${kind.length}`;
        await emu.addRepo({ name, dir });
        const before = git(dir, 'rev-parse', 'main');
        emu.resetLog();
        if (kind === 'by name') emu.addFault({ operation: 'query', kind: 502, times: 1 });
        const run = await bump({ images: NEW, repository: name, paths }, { env: { GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: name } });
        expect(run.code, run.stdout.slice(-2000) + run.stderr).toBe(0);
        expect(JSON.parse(run.outputs.changes!)).toHaveLength(n);
        expect(git(dir, 'rev-list', '--count', `${before}..main`)).toBe('1');
        expect(git(dir, 'diff', '--name-only', before, 'main').split('\n')).toHaveLength(n);
        counts[kind]!.push(emu.requests.length);
        expect(emu.requests.filter((r) => r.mutation)).toHaveLength(1);
      }
      // By name: the texts listing (502), the listing by name, 2 reads, the commit.
      expect(counts).toEqual({ '**/svc*.yaml': [2, 2], 'apps/prod/*.yaml': [2], 'by name': [1 + 1 + 2 + 1] });
      expect(emu.contractViolations).toEqual([]);
    } finally {
      await emu.stop();
    }
  });
});

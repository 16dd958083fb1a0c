// The emulator's own cost per request, without injected latency: snapshot reads (the action's shape: one
// head query listing the tree, then the files in chunks of 100 read in parallel) of a 1,000-file repository,
// first cold, then after each of a few one-file commits (a new root tree, most subtrees unchanged).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmulator, type Emulator } from '../__tests__/emulator/index.js';
import { git } from '../__tests__/support/repo.js';
import { generateMonorepo } from './monorepo.js';

interface Entry {
  name: string;
  type: string;
  oid: string;
  object?: { entries?: Entry[] } | null;
}

async function graphql<T>(emu: Emulator, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${emu.url}/graphql`, {
    method: 'POST',
    headers: { authorization: 'token bench', 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`emulator bench: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function entries(depth: number): string {
  const leaf = 'name type mode oid';
  return depth <= 1 ? `entries { ${leaf} }` : `entries { ${leaf} object { ... on Tree { ${entries(depth - 1)} } } }`;
}

function flatten(prefix: string, list: readonly Entry[], out: string[]): void {
  for (const e of list) {
    const path = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.type === 'tree') flatten(path, e.object?.entries ?? [], out);
    else out.push(path);
  }
}

/** One snapshot read as the action does it; returns the head and the paths read. */
async function snapshot(emu: Emulator, owner: string, name: string): Promise<{ head: string; paths: string[] }> {
  const head = await graphql<{ repository: { defaultBranchRef: { target: { oid: string; tree: { entries: Entry[] } } } } }>(
    emu,
    `query ReadHead($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { id defaultBranchRef { name target { oid ... on Commit { message tree { oid ${entries(8)} } } } } } }`,
    { owner, name },
  );
  const target = head.repository.defaultBranchRef.target;
  const paths: string[] = [];
  flatten('', target.tree.entries, paths);
  const chunks: string[][] = [];
  for (let i = 0; i < paths.length; i += 100) chunks.push(paths.slice(i, i + 100));
  await Promise.all(
    chunks.map((chunk) => {
      const declarations = ['$owner: String!', '$name: String!', '$oid: GitObjectID!', ...chunk.map((_, i) => `$p${i}: String!`)];
      const selections = chunk.map((_, i) => `f${i}: file(path: $p${i}) { type mode oid object { ... on Blob { byteSize isBinary isTruncated text } } }`);
      const variables: Record<string, unknown> = { owner, name, oid: target.oid };
      chunk.forEach((p, i) => (variables[`p${i}`] = p));
      return graphql(emu, `query ReadFiles(${declarations.join(', ')}) { repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit { ${selections.join(' ')} } } } }`, variables);
    }),
  );
  return { head: target.oid, paths };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Prints `{"bench":"emulator-reads",…}`. */
export async function emulatorReads(rounds = Number(process.env.BENCH_RUNS ?? 7)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-bump-bench-emu-'));
  const emu = await startEmulator({ repos: [] });
  try {
    const files = generateMonorepo(dir, 100);
    git(dir, 'init', '--quiet', '--initial-branch=main');
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'initial');
    await emu.addRepo({ name: 'acme/bench', dir });
    emu.resetLog();
    let start = performance.now();
    let { head, paths } = await snapshot(emu, 'acme', 'bench');
    const coldMs = performance.now() - start;
    const coldRequests = emu.requests.length;
    const afterCommit: number[] = [];
    const perRequest: number[] = [];
    const commitMs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      emu.resetLog();
      const path = paths[(i * 37) % paths.length]!;
      start = performance.now();
      const commit = await graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
        emu,
        'mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }',
        {
          input: {
            branch: { repositoryNameWithOwner: 'acme/bench', branchName: 'main' },
            expectedHeadOid: head,
            message: { headline: `bench ${i}` },
            fileChanges: { additions: [{ path, contents: Buffer.from(`# bench ${i}\n`).toString('base64') }] },
          },
        },
      );
      commitMs.push(performance.now() - start);
      head = commit.createCommitOnBranch.commit.oid;
      start = performance.now();
      ({ head, paths } = await snapshot(emu, 'acme', 'bench'));
      afterCommit.push(performance.now() - start);
      perRequest.push(...emu.requests.filter((r) => !r.mutation).map((r) => r.ms));
    }
    console.log(
      JSON.stringify({
        bench: 'emulator-reads',
        files,
        latency_ms: 0,
        rounds,
        requests_per_read: coldRequests,
        cold_read_ms: Math.round(coldMs),
        read_after_commit_ms: Math.round(median(afterCommit)),
        read_request_ms: Math.round(median(perRequest)),
        commit_ms: Math.round(median(commitMs)),
      }),
    );
  } finally {
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

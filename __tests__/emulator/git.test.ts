import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatFile, liveCatFileProcesses, type CatFileMode } from './cat-file.js';
import { GitRepo, gitProcessCount, type TreeEntry } from './git.js';
import { startEmulator } from './index.js';
import { cleanup, commitFiles, gitIn, makeRepo } from './fixture.js';

const MODES: CatFileMode[] = ['batch-command', 'batch'];

let dir: string;
let gitDir: string;
let commit: string;
let tree: string;

/** `git ls-tree -z -l …` parsed: what the emulator answered before it had a cat-file process. */
function lsTree(...args: string[]): TreeEntry[] {
  const raw = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-z', '-l', ...args], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  return raw
    .split('\0')
    .filter((line) => line.length > 0)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, oid, size] = line.slice(0, tab).split(/\s+/);
      const entry: TreeEntry = { mode: mode!, type: type as TreeEntry['type'], oid: oid!, path: line.slice(tab + 1) };
      if (size !== '-') entry.size = Number(size);
      return entry;
    });
}

/** Writes `text` as a loose object with a git process of its own; returns its id. */
function hashObject(text: string, write = true): string {
  return execFileSync('git', ['--git-dir', gitDir, 'hash-object', ...(write ? ['-w'] : []), '--stdin'], { input: text, encoding: 'utf8' }).trim();
}

beforeAll(() => {
  dir = makeRepo({
    'a.b': 'sorts before the folder a\n',
    'a/x.yaml': 'image: ghcr.io/acme/x:1.0.0\n',
    'a0': 'sorts after the folder a\n',
    'dir with space/ü.yaml': 'unicode: true\n',
    'deep/1/2/3/4/f.txt': 'deep\n',
    'empty': '',
    'exec.sh': '#!/bin/sh\n',
  });
  chmodSync(join(dir, 'exec.sh'), 0o755);
  symlinkSync('a/x.yaml', join(dir, 'link'));
  gitIn(dir, 'add', '--all');
  // A submodule: a gitlink to a commit this repository does not have.
  gitIn(dir, 'update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},sub`);
  gitIn(dir, 'commit', '--quiet', '-m', 'links, modes, a submodule');
  gitDir = join(dir, '.git');
  commit = gitIn(dir, 'rev-parse', 'HEAD');
  tree = gitIn(dir, 'rev-parse', 'HEAD^{tree}');
});

afterAll(() => cleanup(dir));

describe.each(MODES)('GitRepo reads through cat-file --%s', (mode) => {
  it('lists trees exactly as git ls-tree does (order, modes, types, sizes), recursively or not, by tree, commit or <id>:<dir>', async () => {
    const repo = new GitRepo(gitDir, { catFileMode: mode });
    try {
      expect(await repo.listTree(tree, false)).toEqual(lsTree(tree));
      expect(await repo.listTree(tree, true)).toEqual(lsTree('-r', '-t', tree));
      expect(await repo.listTree(commit, true)).toEqual(lsTree('-r', '-t', commit));
      expect(await repo.listTree(`${commit}:deep/1`, false)).toEqual(lsTree(`${commit}:deep/1`));
      expect(await repo.listTree(`${commit}:dir with space`, true)).toEqual(lsTree('-r', '-t', `${commit}:dir with space`));
      const files = lsTree('-r', '-t', tree).filter((e) => e.type !== 'tree').map(({ size: _size, ...e }) => e);
      expect(await repo.listFiles(tree)).toEqual(files);
      expect((await repo.listTree(tree, false)).map((e) => e.path)).toEqual(['a.b', 'a', 'a0', 'deep', 'dir with space', 'empty', 'exec.sh', 'link', 'sub']);
    } finally {
      await repo.close();
    }
  });

  it('finds the entry at every path as git ls-tree <tree> -- <path> does, and null where there is none', async () => {
    const repo = new GitRepo(gitDir, { catFileMode: mode });
    try {
      for (const entry of lsTree('-r', '-t', tree)) {
        expect(await repo.entryAt(tree, entry.path)).toEqual(lsTree(tree, '--', entry.path)[0]);
        expect(await repo.entryAt(commit, entry.path)).toEqual(entry);
      }
      for (const missing of ['nope', 'a/x.yaml/deeper', 'a.b/x', 'sub/x', 'link/x', 'deep/1/2/3/4/g.txt', 'a/', '/a', 'a//x.yaml', 'a/../a0']) {
        expect(await repo.entryAt(tree, missing)).toBeNull();
      }
    } finally {
      await repo.close();
    }
  });

  it('reads blobs, commits and types; resolves ids and plain refs without a process, other revisions with one', async () => {
    const repo = new GitRepo(gitDir, { catFileMode: mode });
    try {
      const blob = lsTree(tree, '--', 'a/x.yaml')[0]!.oid;
      const before = gitProcessCount();
      expect((await repo.readBlob(blob)).toString('utf8')).toBe('image: ghcr.io/acme/x:1.0.0\n');
      expect(await repo.objectType(blob)).toBe('blob');
      expect(await repo.objectType(tree)).toBe('tree');
      expect(await repo.objectType('2'.repeat(40))).toBeNull();
      expect((await repo.readCommit(commit))?.tree).toBe(tree);
      expect(await repo.readCommit(tree)).toBeNull();
      expect(await repo.resolve(commit, 'tree')).toBe(tree);
      expect(await repo.resolve(blob, 'commit')).toBeNull();
      expect(await repo.resolve('refs/heads/main', 'commit')).toBe(commit);
      expect(await repo.resolve('refs/heads/main', 'tree')).toBe(tree);
      expect(gitProcessCount()).toBe(before);
      await expect(repo.readBlob(tree)).rejects.toThrow(/bad file/);
      await expect(repo.readBlob('2'.repeat(40))).rejects.toThrow(/Not a valid object name/);
      // Revision syntax is git's to parse.
      expect(await repo.resolve('main~0:a/x.yaml')).toBe(blob);
      expect(await repo.resolve('refs/heads/nope', 'commit')).toBeNull();
      expect(gitProcessCount()).toBeGreaterThan(before);
    } finally {
      await repo.close();
    }
  });

  it('sees objects other git processes write after it started, loose or packed', async () => {
    const repo = new GitRepo(gitDir, { catFileMode: mode });
    try {
      expect(await repo.objectType(commit)).toBe('commit');
      const loose = `loose ${mode}\n`;
      const looseOid = hashObject(loose, false);
      expect(await repo.objectType(looseOid)).toBeNull();
      expect(hashObject(loose)).toBe(looseOid);
      expect(await repo.objectType(looseOid)).toBe('blob');
      expect((await repo.readBlob(looseOid)).toString('utf8')).toBe(loose);
      // Packed after the process started: git rescans the pack folder when it does not find an object.
      const packed = `packed ${mode}\n`;
      const packedOid = hashObject(packed);
      execFileSync('git', ['--git-dir', gitDir, 'pack-objects', '-q', join(gitDir, 'objects/pack/pack')], { input: `${packedOid}\n` });
      gitIn(dir, 'prune-packed');
      expect(existsSync(join(gitDir, 'objects', packedOid.slice(0, 2), packedOid.slice(2)))).toBe(false);
      expect((await repo.readBlob(packedOid)).toString('utf8')).toBe(packed);
      const made = execFileSync('git', ['--git-dir', gitDir, 'mktree'], { input: `100644 blob ${packedOid}\tp.txt\n`, encoding: 'utf8' }).trim();
      expect(await repo.listTree(made, false)).toEqual([{ mode: '100644', type: 'blob', oid: packedOid, size: packed.length, path: 'p.txt' }]);
    } finally {
      await repo.close();
    }
  });

  it('reads large objects and answers pipelined requests in order', async () => {
    const big = Buffer.alloc(3 << 20, 'gitops-bump\n');
    const bigOid = execFileSync('git', ['--git-dir', gitDir, 'hash-object', '-w', '--stdin'], { input: big, encoding: 'utf8' }).trim();
    const cat = new CatFile(gitDir, mode);
    try {
      const blob = lsTree(tree, '--', 'a/x.yaml')[0]!.oid;
      const answers = await Promise.all([cat.contents(blob), cat.contents(bigOid), cat.info('3'.repeat(40)), cat.info(bigOid), cat.contents(commit), cat.info(tree)]);
      expect(answers[0]?.bytes?.toString('utf8')).toBe('image: ghcr.io/acme/x:1.0.0\n');
      expect(answers[1]?.bytes?.equals(big)).toBe(true);
      expect(answers[2]).toBeNull();
      expect(answers[3]).toMatchObject({ oid: bigOid, type: 'blob', size: big.length });
      expect(answers[3]?.bytes === undefined).toBe(mode === 'batch-command');
      expect(answers[4]?.bytes?.toString('utf8')).toMatch(new RegExp(`^tree ${tree}\\n`));
      expect(answers[5]).toMatchObject({ oid: tree, type: 'tree' });
    } finally {
      await cat.close();
    }
  });

  it('answers a burst of thousands of requests in order (its queue past the point where it drops what was answered)', async () => {
    const cat = new CatFile(gitDir, mode);
    try {
      const blob = lsTree(tree, '--', 'a/x.yaml')[0]!.oid;
      const asked = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? cat.info(tree) : i % 3 === 1 ? cat.contents(blob) : cat.info('4'.repeat(40))));
      const answers = await Promise.all(asked);
      answers.forEach((answer, i) => {
        if (i % 3 === 0) expect(answer).toMatchObject({ oid: tree, type: 'tree' });
        else if (i % 3 === 1) expect(answer?.bytes?.toString('utf8')).toBe('image: ghcr.io/acme/x:1.0.0\n');
        else expect(answer).toBeNull();
      });
      // And it still answers afterwards.
      expect(await cat.info(commit)).toMatchObject({ oid: commit, type: 'commit' });
    } finally {
      await cat.close();
    }
  });

  it('replaces a process that dies under it, and ends its process on close', async () => {
    const repo = new GitRepo(gitDir, { catFileMode: mode });
    expect(await repo.objectType(commit)).toBe('commit');
    const first = repo.catFilePid!;
    expect(first).toBeGreaterThan(0);
    process.kill(first, 'SIGKILL');
    expect((await repo.readBlob(lsTree(tree, '--', 'a0')[0]!.oid)).toString('utf8')).toBe('sorts after the folder a\n');
    expect(repo.catFilePid).not.toBe(first);
    // Requests made just before close are still answered.
    const last = repo.readCommit(commit);
    await repo.close();
    expect((await last)?.tree).toBe(tree);
    expect(repo.catFilePid).toBeNull();
    await expect(repo.objectType(tree)).rejects.toThrow(/closed/);
  });
});

describe('GitRepo.commitChanges (one git fast-import)', () => {
  const person = (name: string) => ({ name, email: `${name.trim().toLowerCase()}@example.com`, date: '2024-05-06T07:08:09Z' });
  const changes = [
    { path: 'a/x.yaml', mode: '100644', contents: Buffer.from('image: ghcr.io/acme/x:2.0.0\n') },
    { path: 'exec.sh', mode: '100755', contents: Buffer.from('#!/bin/sh\nexit 0\n') },
    { path: 'link', mode: '120000', contents: Buffer.from('a0') },
    { path: 'deep/1/2/3/4/f.txt', mode: '100644', contents: null },
    { path: 'a.b/in the way.txt', mode: '100644', contents: Buffer.from('a file where a file was\n') },
    { path: 'new/"quoted" \\ back\nline\ttab ü.yaml', mode: '100644', contents: Buffer.from('odd name\n') },
    { path: 'empty', mode: '100644', contents: null },
    { path: 'empty', mode: '100644', contents: Buffer.from('back, and no longer empty\n') },
    { path: 'a0', mode: '100644', contents: Buffer.from('first\n') },
    { path: 'a0', mode: '100644', contents: null },
  ];

  it('writes the commit, tree and blobs git itself writes step by step (same ids), moves no ref and lists the new tree right', async () => {
    const repo = new GitRepo(gitDir);
    try {
      const parent = (await repo.readCommit(commit))!;
      await repo.listFiles(parent.tree);
      const refs = gitIn(dir, 'for-each-ref');
      const author = person('Author');
      const committer = person('GitHub');
      const oid = await repo.commitChanges(parent, changes, 'bump\n\nwith a body', author, committer);
      expect(gitIn(dir, 'for-each-ref')).toBe(refs);
      // The same commit through update-index, write-tree and commit-tree (one process each).
      const slow = await repo.commitChanges(parent, changes, 'bump\n\nwith a body', { ...author, name: 'Author ' }, committer);
      const made = (await repo.readCommit(oid))!;
      expect((await repo.readCommit(slow))!.tree).toBe(made.tree);
      expect(await repo.writeCommit(made.tree, [commit], 'bump\n\nwith a body', author, committer)).toBe(oid);
      expect(gitIn(dir, 'cat-file', 'commit', oid)).toContain('author Author <author@example.com> 1714979289 +0000');
      const listed = lsTree('-r', '-t', made.tree);
      expect(listed.map((e) => `${e.mode} ${e.path}`)).toEqual(expect.arrayContaining(['100755 exec.sh', '120000 link', '100644 a.b/in the way.txt', '100644 empty']));
      expect(listed.some((e) => e.path.startsWith('deep'))).toBe(false);
      expect(listed.some((e) => e.path === 'a0' || (e.path === 'a.b' && e.type !== 'tree'))).toBe(false);
      expect(gitIn(dir, 'cat-file', 'blob', `${made.tree}:empty`)).toBe('back, and no longer empty');
      // The listing seeded for the next commit is what git lists.
      const files = listed.filter((e) => e.type !== 'tree').map(({ size: _size, ...e }) => e);
      expect(await repo.listFiles(made.tree)).toEqual(files);
      const fresh = new GitRepo(gitDir);
      expect(await fresh.listFiles(made.tree)).toEqual(files);
      await fresh.close();
    } finally {
      await repo.close();
    }
  });

  it('packs a large commit instead of writing thousands of loose objects', async () => {
    const repo = new GitRepo(gitDir);
    try {
      const parent = (await repo.readCommit(commit))!;
      const many = Array.from({ length: 300 }, (_, i) => ({ path: `many/svc${i}/prod/deploy.yaml`, mode: '100644', contents: Buffer.from(`image: ghcr.io/acme/svc${i}:1.0.0\n`) }));
      const loose = Number(/^count: (\d+)$/m.exec(gitIn(dir, 'count-objects', '-v'))![1]);
      const oid = await repo.commitChanges(parent, many, 'many', person('Author'), person('GitHub'));
      expect(Number(/^count: (\d+)$/m.exec(gitIn(dir, 'count-objects', '-v'))![1])).toBe(loose);
      expect(gitIn(dir, 'cat-file', 'blob', `${oid}:many/svc299/prod/deploy.yaml`)).toBe('image: ghcr.io/acme/svc299:1.0.0');
    } finally {
      await repo.close();
    }
  });
});

interface ReadAnswer {
  repository: {
    defaultBranchRef: { target: { oid: string; parents: { nodes: { oid: string }[] }; tree: { entries: { name: string }[] } } };
    object: { f: { object: { text: string } }; g: { oid: string } | null };
  };
}

describe('the emulator over cat-file', () => {
  it('answers reads (head, tree listing, files, blob texts, object by id, REST contents) with no git process, also after a commit', async () => {
    const repoDir = makeRepo({ 'apps/web/deploy.yaml': 'image: ghcr.io/acme/web:1.0.0\n', 'apps/api/values.yaml': 'tag: 1.0.0\n', 'README.md': '# r\n' });
    const emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir: repoDir }] });
    const post = async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${emu.url}/graphql`, {
        method: 'POST',
        headers: { authorization: 'token t', 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data: T; errors?: unknown };
    };
    const READ = `query($oid: GitObjectID!) { repository(owner: "acme", name: "gitops") {
      defaultBranchRef { target { oid ... on Commit { parents(first: 2) { nodes { oid } } tree { entries { name type mode oid size object { ... on Tree { entries { name oid size } } } } } } } }
      object(oid: $oid) { ... on Commit { f: file(path: "apps/web/deploy.yaml") { mode oid object { ... on Blob { byteSize isBinary text } } }
        g: file(path: "apps/none.yaml") { oid } } } } }`;
    try {
      const head = gitIn(repoDir, 'rev-parse', 'HEAD');
      const before = gitProcessCount();
      const read = await post<ReadAnswer>(READ, { oid: head });
      expect(read.errors).toBeUndefined();
      expect(read.data.repository.object.f.object.text).toBe('image: ghcr.io/acme/web:1.0.0\n');
      expect(read.data.repository.object.g).toBeNull();
      expect(read.data.repository.defaultBranchRef.target.tree.entries.map((e) => e.name)).toEqual(['README.md', 'apps']);
      const rest = await fetch(`${emu.url}/repos/acme/gitops/contents/apps/api/values.yaml`, { headers: { authorization: 'token t' } });
      expect(Buffer.from(((await rest.json()) as { content: string }).content, 'base64').toString('utf8')).toBe('tag: 1.0.0\n');
      expect(gitProcessCount()).toBe(before);

      const committed = await post<{ createCommitOnBranch: { commit: { oid: string } } }>(
        'mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }',
        { input: { branch: { repositoryNameWithOwner: 'acme/gitops', branchName: 'main' }, expectedHeadOid: head, message: { headline: 'bump' },
          fileChanges: { additions: [{ path: 'apps/web/deploy.yaml', contents: Buffer.from('image: ghcr.io/acme/web:2.0.0\n').toString('base64') }] } } },
      );
      const next = committed.data.createCommitOnBranch.commit.oid;
      // A commit made outside the API too: the emulator reads refs fresh, and the new objects are visible.
      const outside = commitFiles(repoDir, { 'apps/api/values.yaml': 'tag: 2.0.0\n' }, 'outside');
      expect(gitIn(repoDir, 'rev-parse', `${outside}~1`)).toBe(next);
      const after = gitProcessCount();
      const reread = await post<ReadAnswer>(READ, { oid: next });
      expect(reread.data.repository.object.f.object.text).toBe('image: ghcr.io/acme/web:2.0.0\n');
      expect(reread.data.repository.defaultBranchRef.target.oid).toBe(outside);
      expect(reread.data.repository.defaultBranchRef.target.parents.nodes).toEqual([{ oid: next }]);
      const contents = await fetch(`${emu.url}/repos/acme/gitops/contents/apps/api/values.yaml`, { headers: { authorization: 'token t' } });
      expect(Buffer.from(((await contents.json()) as { content: string }).content, 'base64').toString('utf8')).toBe('tag: 2.0.0\n');
      expect(gitProcessCount()).toBe(after);
      expect(liveCatFileProcesses()).toBeGreaterThan(0);
    } finally {
      await emu.stop();
      cleanup(repoDir);
    }
    // stop() waits for every cat-file process to exit.
    expect(liveCatFileProcesses()).toBe(0);
  });
});

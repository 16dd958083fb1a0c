// Snapshot reads against the GitHub emulator: request counts, byte-exact texts, skips, errors.
import { Kind, parse, type SelectionSetNode } from 'graphql';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { createClient } from '../../../src/github/client.js';
import { GitHubError } from '../../../src/github/errors.js';
import { readSnapshot } from '../../../src/github/read.js';
import { compilePaths } from '../../../src/core/paths.js';
import { cleanupRepos, git, makeRepo, show } from './helpers.js';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const BIG = `# big\n${'x: "0123456789012345678901234567890123456789012345678901234567890123456789"\n'.repeat(9000)}image: ghcr.io/acme/big:1\n`;

const FILES = {
  'apps/prod/api/deployment.yaml': 'kind: Deployment\nimage: ghcr.io/acme/api:1\n',
  'apps/prod/web/values.yaml': '\uFEFFimage:\r\n  repository: ghcr.io/acme/web\r\n  tag: "1"\r\n',
  'apps/deep/a/b/c/d/e/f/g/job.yaml': 'image: ghcr.io/acme/job:1\n',
  'apps/prod/big.yaml': BIG,
  'apps/prod/logo.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00, 0xff]),
  'apps/prod/link.yaml': { symlink: 'api/deployment.yaml' },
  'apps/prod/notes.txt': 'not yaml\n',
  'apps/prod/vendor.yaml': { gitlink: '0123456789abcdef0123456789abcdef01234567' },
  'apps/prod/latin1.yaml': Buffer.from('name: caf\xe9\n', 'latin1'),
  'apps/dev/api.yaml': 'image: ghcr.io/acme/api:0\n',
  'apps/folder.yaml/inner.yaml': 'image: ghcr.io/acme/api:0\n',
  'README.md': '# gitops\n',
};

let emu: Emulator;
let dir: string;

beforeAll(async () => {
  dir = makeRepo(FILES);
  emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir }] });
});
afterAll(async () => {
  expect(emu.contractViolations).toEqual([]);
  await emu.stop();
  cleanupRepos();
});
beforeEach(() => emu.resetLog());

const client = () => createClient({ token: 'tok', apiUrl: emu.url, retry: { baseMs: 1, maxMs: 5 } });
const target = { owner: 'acme', repo: 'gitops' };

describe('explicit paths', () => {
  it('reads the head and every file in one request, byte-exact', async () => {
    const c = client();
    const paths = compilePaths(['apps/prod/api/deployment.yaml', 'apps/prod/web/values.yaml', 'apps/prod/missing.yaml']);
    const snapshot = await readSnapshot(c, target, paths);
    expect(c.stats().requests).toBe(1);
    expect(emu.requests).toHaveLength(1);
    expect(snapshot.head).toBe(git(emu.repoDir('acme/gitops'), 'rev-parse', 'main'));
    expect(snapshot.branch).toBe('main');
    expect(snapshot.defaultBranch).toBe('main');
    expect(snapshot.nameWithOwner).toBe('acme/gitops');
    expect(snapshot.repositoryId).not.toBe('');
    expect(snapshot.files.map((f) => f.path)).toEqual(['apps/prod/api/deployment.yaml', 'apps/prod/web/values.yaml']);
    for (const file of snapshot.files) expect(Buffer.from(file.text, 'utf8')).toEqual(show(dir, 'main', file.path));
    expect(snapshot.skipped).toEqual([{ path: 'apps/prod/missing.yaml', reason: "does not exist on branch 'main'" }]);
  });

  it('skips by filter before reading', async () => {
    const c = client();
    const paths = compilePaths(['apps/prod/api/deployment.yaml', 'apps/dev/api.yaml']);
    const snapshot = await readSnapshot(c, target, paths, (p) => p.startsWith('apps/dev/'));
    expect(snapshot.files.map((f) => f.path)).toEqual(['apps/dev/api.yaml']);
    expect(c.stats().requests).toBe(1);
  });

  it('reads a text over 512,000 bytes through a REST blob read', async () => {
    const c = client();
    const snapshot = await readSnapshot(c, target, compilePaths(['apps/prod/big.yaml']));
    expect(snapshot.files).toHaveLength(1);
    expect(snapshot.files[0]?.text).toBe(BIG);
    expect(c.stats().requests).toBe(2);
  });

  it('skips binary files and symlinks, never reading through them', async () => {
    const snapshot = await readSnapshot(client(), target, compilePaths(['apps/prod/logo.yaml', 'apps/prod/link.yaml']));
    expect(snapshot.files).toEqual([]);
    expect(snapshot.skipped).toEqual([
      { path: 'apps/prod/link.yaml', reason: 'symbolic link (not followed)' },
      { path: 'apps/prod/logo.yaml', reason: 'binary file' },
    ]);
  });

  it('skips submodules, files that are not UTF-8 (GitHub calls them binary), and files over maxBytes', async () => {
    const paths = compilePaths(['apps/prod/vendor.yaml', 'apps/prod/latin1.yaml', 'apps/prod/api/deployment.yaml']);
    const snapshot = await readSnapshot(client(), target, paths, undefined, { maxBytes: 20 });
    expect(snapshot.files).toEqual([]);
    expect(snapshot.selected).toBe(2);
    expect(snapshot.skipped).toEqual([
      { path: 'apps/prod/api/deployment.yaml', reason: 'larger than 20 bytes (43)' },
      { path: 'apps/prod/latin1.yaml', reason: 'binary file' },
      { path: 'apps/prod/vendor.yaml', reason: 'submodule' },
    ]);
  });

  it('adds a caller\'s selection to the same request (e.g. a pull-request branch head)', async () => {
    const c = client();
    const extra = {
      selection: 'pr: ref(qualifiedName: $xRef) { target { oid } } gone: ref(qualifiedName: $xGone) { name }',
      variables: { xRef: { type: 'String!', value: 'refs/heads/main' }, xGone: { type: 'String!', value: 'refs/heads/nope' } },
    };
    const snapshot = await readSnapshot(c, target, compilePaths(['apps/dev/api.yaml']), undefined, { extra });
    expect(c.stats().requests).toBe(1);
    expect(snapshot.extra?.['pr']).toEqual({ target: { oid: snapshot.head } });
    expect(snapshot.extra?.['gone']).toBeNull();
    const clash = { selection: 'x: id', variables: { owner: { type: 'String!', value: 'evil' } } };
    await expect(readSnapshot(c, target, compilePaths(['a.yaml']), undefined, { extra: clash })).rejects.toThrow(/'\$owner' clashes/);
  });

  it('reads the branch\'s newest commits with the head when asked (history), in the same request', async () => {
    for (const message of ['one', 'two', 'three']) git(dir, 'commit', '--quiet', '--allow-empty', '-m', message);
    const c = client();
    const paths = compilePaths(['apps/prod/api/deployment.yaml']);
    expect((await readSnapshot(c, target, paths)).recent).toBeUndefined();
    const globbed = await readSnapshot(c, target, compilePaths(['apps/dev/*.yaml']), undefined, { history: 3 });
    const snapshot = await readSnapshot(c, target, paths, undefined, { history: 3 });
    expect(emu.requests).toHaveLength(3);
    const chain = git(emu.repoDir('acme/gitops'), 'rev-list', '--first-parent', '--max-count=3', 'main').split('\n');
    expect(chain).toHaveLength(3);
    expect(snapshot.recent).toEqual(chain);
    expect(snapshot.recent?.[0]).toBe(snapshot.head);
    expect(globbed.recent).toEqual(chain);
  });

  it('lists a literal that turns out to be a folder (named like a file), at the same commit', async () => {
    const c = client();
    const snapshot = await readSnapshot(c, target, compilePaths(['apps/folder.yaml', 'apps/dev/api.yaml']));
    expect(snapshot.files.map((f) => f.path)).toEqual(['apps/dev/api.yaml', 'apps/folder.yaml/inner.yaml']);
    expect(snapshot.selected).toBe(2);
    expect(c.stats().requests).toBe(3);
  });

  it('chunks many files, one request per chunk', async () => {
    const c = client();
    const paths = compilePaths(['apps/prod/api/deployment.yaml', 'apps/prod/web/values.yaml', 'apps/dev/api.yaml']);
    const snapshot = await readSnapshot(c, target, paths, undefined, { chunkSize: 2 });
    expect(snapshot.files).toHaveLength(3);
    expect(c.stats().requests).toBe(2);
  });
});

describe('globs', () => {
  it('reads a glob confined to a folder in one request: the listing carries the texts, at the same commit', async () => {
    const c = client();
    const snapshot = await readSnapshot(c, target, compilePaths(['apps/prod/**/*.yaml', '!apps/prod/big.yaml', '!apps/prod/latin1.yaml']));
    expect(c.stats().requests).toBe(1);
    expect(emu.requests).toHaveLength(1);
    expect(snapshot.head).toBe(git(dir, 'rev-parse', 'main'));
    expect(snapshot.files.map((f) => f.path)).toEqual(['apps/prod/api/deployment.yaml', 'apps/prod/web/values.yaml']);
    for (const file of snapshot.files) expect(Buffer.from(file.text, 'utf8')).toEqual(show(dir, 'main', file.path));
  });

  it('without inline texts, lists once and reads the matches in a second request, at the same commit', async () => {
    const c = client();
    const snapshot = await readSnapshot(c, target, compilePaths(['apps/prod/**/*.yaml', '!apps/prod/big.yaml']), undefined, { inlineTexts: false });
    expect(c.stats().requests).toBe(2);
    expect(emu.requests).toHaveLength(2);
    const unread = ['apps/prod/big.yaml', 'apps/prod/logo.yaml', 'apps/prod/link.yaml', 'apps/prod/vendor.yaml', 'apps/prod/latin1.yaml'];
    const expected = git(dir, 'ls-tree', '-r', '--name-only', 'main', 'apps/prod')
      .split('\n')
      .filter((p) => p.endsWith('.yaml') && !unread.includes(p));
    expect(snapshot.files.map((f) => f.path)).toEqual(expected.sort());
    for (const file of snapshot.files) expect(Buffer.from(file.text, 'utf8')).toEqual(show(dir, 'main', file.path));
    expect(snapshot.skipped).toEqual([
      { path: 'apps/prod/latin1.yaml', reason: 'binary file' },
      { path: 'apps/prod/link.yaml', reason: 'symbolic link (not followed)' },
      { path: 'apps/prod/logo.yaml', reason: 'binary file' },
      { path: 'apps/prod/vendor.yaml', reason: 'submodule' },
    ]);
  });

  it('lists folders deeper than the query reached with one REST listing', async () => {
    const c = client();
    const snapshot = await readSnapshot(c, target, compilePaths(['apps/deep/**/job.yaml']), undefined, { listDepth: 2 });
    expect(snapshot.files.map((f) => f.path)).toEqual(['apps/deep/a/b/c/d/e/f/g/job.yaml']);
    expect(c.stats().requests).toBe(3);
  });

  it('reads a whole-tree glob', async () => {
    const snapshot = await readSnapshot(client(), target, compilePaths(['**/api*.yaml', '**/deployment.yaml']));
    expect(snapshot.files.map((f) => f.path)).toEqual(['apps/dev/api.yaml', 'apps/prod/api/deployment.yaml']);
  });

  it('reads a bare folder as the files under it, and a literal file beside a glob', async () => {
    const folder = await readSnapshot(client(), target, compilePaths(['apps/dev']));
    expect(folder.files.map((f) => f.path)).toEqual(['apps/dev/api.yaml']);
    expect(folder.selected).toBe(1);
    const c = client();
    const mixed = await readSnapshot(c, target, compilePaths(['apps/deep/**/job.yaml', 'apps/prod/api/deployment.yaml', 'apps/prod/link.yaml']));
    expect(mixed.files.map((f) => f.path)).toEqual(['apps/deep/a/b/c/d/e/f/g/job.yaml', 'apps/prod/api/deployment.yaml']);
    expect(mixed.skipped).toEqual([{ path: 'apps/prod/link.yaml', reason: 'symbolic link (not followed)' }]);
    // Each is confined (a folder and what lies under it, a file): the texts come with the listing.
    expect(c.stats().requests).toBe(1);
  });

  it('answers a glob that matches nothing in one request', async () => {
    const c = client();
    const snapshot = await readSnapshot(c, target, compilePaths(['clusters/**/*.yaml']));
    expect(snapshot.files).toEqual([]);
    expect(snapshot.selected).toBe(0);
    expect(c.stats().requests).toBe(1);
  });
});

describe('texts in the listing', () => {
  // A deploy folder beside 240 source files of 2 KB, and a chart deeper in the deploy folder: texts nobody selected.
  const MARK = 'UNSELECTED-TEXT';
  const HUGE: Record<string, string> = {
    'deploy/prod/app.yaml': 'image: ghcr.io/acme/app:1\n',
    'deploy/prod/db.yaml': 'image: ghcr.io/acme/db:1\n',
    'deploy/prod/chart/templates/_helpers.tpl': `{{/* ${MARK} chart */}}\n`,
    ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`deploy/prod/svc${String(i).padStart(2, '0')}.yaml`, `image: ghcr.io/acme/svc${i}:1\n`])),
    ...Object.fromEntries(Array.from({ length: 240 }, (_, i) => [`src/mod${i}.ts`, `// ${MARK} ${i}\n${'x'.repeat(2000)}\n`])),
  };
  const huge = { owner: 'acme', repo: 'huge' };
  const yamls = Object.keys(HUGE).filter((p) => p.endsWith('.yaml')).sort();
  beforeAll(async () => {
    await emu.addRepo({ name: 'acme/huge', dir: makeRepo(HUGE) });
  });
  afterEach(() => emu.clearFaults());

  /** A client that keeps every GraphQL document it sends and the size and text of every answer. */
  function spied(options: Parameters<typeof createClient>[0]['retry'] = { baseMs: 1, maxMs: 5 }) {
    const c = createClient({ token: 'tok', apiUrl: emu.url, retry: options });
    const sent: string[] = [];
    const answers: string[] = [];
    const spy: typeof c = {
      ...c,
      graphql: async <T>(query: string, variables: Record<string, unknown> = {}, options: { readonly attempts?: number } = {}) => {
        sent.push(query);
        const data = await c.graphql<T>(query, variables, options);
        answers.push(JSON.stringify(data));
        return data;
      },
    };
    return { c, spy, sent, answers };
  }

  it('a whole-tree glob is one request too: the listing carries every text, the unselected ones included', async () => {
    const { c, spy, sent, answers } = spied();
    const snapshot = await readSnapshot(spy, huge, compilePaths(['**/*.yaml']));
    expect(snapshot.files.map((f) => f.path)).toEqual(yamls);
    for (const file of snapshot.files) expect(file.text).toBe(HUGE[file.path]);
    expect(c.stats().requests).toBe(1);
    expect(sent[0]).toContain('text');
    // The price of one request: 240 source files of 2 KB came along (what the fallback below never downloads), and
    // the run counts them as read.
    expect(answers[0]).toContain(MARK);
    expect(snapshot.textsRead).toBe(Object.keys(HUGE).length);
    expect(snapshot.bytesRead).toBe(Object.values(HUGE).reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0));
  });

  it('when GitHub gives up on that listing, the names (with sizes) follow, then the matches by path: no unselected text', async () => {
    const { c, spy, sent, answers } = spied();
    emu.addFault({ operation: 'query', kind: 502, times: 1 });
    const snapshot = await readSnapshot(spy, huge, compilePaths(['**/*.yaml']));
    expect(snapshot.files.map((f) => f.path)).toEqual(yamls);
    for (const file of snapshot.files) expect(file.text).toBe(HUGE[file.path]);
    // The texts listing (502), the names listing, one read of the 14 matches.
    expect(c.stats().requests).toBe(3);
    expect(sent[1]).not.toContain('text');
    expect(sent[1]).toContain('size');
    expect(answers.join('')).not.toContain(MARK);
    expect(snapshot.textsRead).toBe(14);
    // The listing names 255 entries; 240 texts of 2 KB would be ten times that.
    expect(answers[0]!.length).toBeLessThan(60_000);
  });

  it('a glob of one folder level lists that level only, with the texts: deeper files are neither listed nor read', async () => {
    const { c, spy, sent, answers } = spied();
    const snapshot = await readSnapshot(spy, huge, compilePaths(['deploy/prod/*.yaml']));
    expect(snapshot.files.map((f) => f.path)).toEqual(yamls);
    expect(c.stats().requests).toBe(1);
    expect(sent[0]!.match(/entries/g)).toHaveLength(1);
    expect(answers[0]).not.toContain(MARK);
    expect(answers[0]).not.toContain('_helpers.tpl');
  });

  it('a glob confined to a folder brings the texts of that folder only, whatever lies beside it', async () => {
    const { c, spy, answers } = spied();
    const snapshot = await readSnapshot(spy, huge, compilePaths(['deploy/prod/**/*.yaml']));
    expect(snapshot.files.map((f) => f.path)).toEqual(yamls);
    expect(c.stats().requests).toBe(1);
    expect(answers[0]).not.toContain(`${MARK} 0`);
    expect(answers[0]!.length).toBeLessThan(20_000);
  });

  it('a big selection: one request with the texts in the listing, else one read per chunk after the listing', async () => {
    const inline = spied();
    expect((await readSnapshot(inline.spy, huge, compilePaths(['**/*.yaml']), undefined, { chunkSize: 5 })).files).toHaveLength(14);
    expect(inline.c.stats().requests).toBe(1);
    const byName = spied();
    expect((await readSnapshot(byName.spy, huge, compilePaths(['**/*.yaml']), undefined, { chunkSize: 5, inlineTexts: false })).files).toHaveLength(14);
    expect(byName.c.stats().requests).toBe(1 + Math.ceil(14 / 5));
  });

  it('chunks by bytes as well as by files, from the sizes the listing gave', async () => {
    const { c, spy, sent } = spied();
    const sizes = yamls.map((p) => Buffer.byteLength(HUGE[p]!, 'utf8'));
    // Room for about three files per query (each is 24 to 28 bytes).
    const snapshot = await readSnapshot(spy, huge, compilePaths(['**/*.yaml']), undefined, { inlineTexts: false, chunkBytes: 3 * 28 });
    expect(snapshot.files.map((f) => f.path)).toEqual(yamls);
    const reads = sent.filter((q) => q.startsWith('query ReadFiles')).map((q) => q.match(/file\(path:/g)!.length);
    expect(reads.reduce((a, b) => a + b, 0)).toBe(14);
    let at = 0;
    for (const files of reads) {
      expect(sizes.slice(at, at + files).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3 * 28);
      at += files;
    }
    expect(reads.length).toBeGreaterThanOrEqual(Math.ceil(sizes.reduce((a, b) => a + b, 0) / (3 * 28)));
    expect(c.stats().requests).toBe(1 + reads.length);
  });

  /** A client counting the GraphQL requests in flight at once (and the most at any moment); no clock involved. */
  function counted() {
    const c = createClient({ token: 'tok', apiUrl: emu.url, retry: { baseMs: 1, maxMs: 5 } });
    const seen = { inFlight: 0, most: 0, reads: 0 };
    const spy: typeof c = {
      ...c,
      graphql: async <T>(query: string, variables: Record<string, unknown> = {}, options: { readonly attempts?: number } = {}) => {
        if (query.startsWith('query ReadFiles')) seen.reads++;
        seen.most = Math.max(seen.most, ++seen.inFlight);
        try {
          return await c.graphql<T>(query, variables, options);
        } finally {
          seen.inFlight--;
        }
      },
    };
    return { c, spy, seen };
  }

  it('keeps at most 4 read requests in flight, in the same number of requests, the files in path order', async () => {
    const { c, spy, seen } = counted();
    const snapshot = await readSnapshot(spy, huge, compilePaths(['**/*.yaml']), undefined, { chunkSize: 1, inlineTexts: false });
    expect(snapshot.files.map((f) => f.path)).toEqual(yamls);
    expect(seen.reads).toBe(14);
    expect(c.stats().requests).toBe(1 + 14);
    // 14 chunks, one request each: 4 at once (not 14), and never more.
    expect(seen.most).toBe(4);
    for (const file of snapshot.files) expect(file.text).toBe(HUGE[file.path]);
  });

  it('the limit is an option: one at a time reads the same files in the same requests', async () => {
    const { c, spy, seen } = counted();
    const snapshot = await readSnapshot(spy, huge, compilePaths(['**/*.yaml']), undefined, { chunkSize: 3, concurrency: 1, inlineTexts: false });
    expect(snapshot.files.map((f) => f.path)).toEqual(yamls);
    expect(c.stats().requests).toBe(1 + Math.ceil(14 / 3));
    expect(seen.most).toBe(1);
  });

  it('counts the bytes of the texts it read', async () => {
    const snapshot = await readSnapshot(client(), huge, compilePaths(['deploy/prod/*.yaml']));
    expect(snapshot.bytesRead).toBe(yamls.reduce((sum, p) => sum + Buffer.byteLength(HUGE[p]!, 'utf8'), 0));
    expect(snapshot.bytesRead).toBeGreaterThan(0);
  });

  it('texts over 512,000 bytes are still read over REST', async () => {
    const c = client();
    const snapshot = await readSnapshot(c, target, compilePaths(['apps/prod/*.yaml']));
    expect(snapshot.files.find((f) => f.path === 'apps/prod/big.yaml')?.text).toBe(BIG);
    expect(snapshot.skipped).toEqual([
      { path: 'apps/prod/latin1.yaml', reason: 'binary file' },
      { path: 'apps/prod/link.yaml', reason: 'symbolic link (not followed)' },
      { path: 'apps/prod/logo.yaml', reason: 'binary file' },
      { path: 'apps/prod/vendor.yaml', reason: 'submodule' },
    ]);
    const blobRead = expect.stringMatching(/^\/repos\/acme\/gitops\/git\/blobs\/[0-9a-f]{40}$/);
    // big.yaml, truncated, once more; latin1.yaml (11 bytes) and logo.yaml (9) are odd-sized: not UTF-16, not read again
    // (the even-sized ones through a glob: 'files in encodings other than UTF-8' below).
    expect(emu.requests.map((r) => r.path)).toEqual(['/graphql', blobRead]);
    expect(c.stats().requests).toBe(2);
  });

  it('a listing with texts is tried once: when GitHub times out on it, the listing without texts follows, with the retry policy', async () => {
    const { c, spy, sent } = spied({ attempts: 2, baseMs: 1, maxMs: 5 });
    emu.addFault({ operation: 'query', kind: 502, times: 2 });
    const snapshot = await readSnapshot(spy, huge, compilePaths(['deploy/prod/**/*.yaml']));
    expect(snapshot.files.map((f) => f.path)).toEqual(yamls);
    expect(sent).toHaveLength(3);
    expect(sent[0]).toContain('text');
    expect(sent[1]).not.toContain('text');
    // The texts listing once (502), the plain listing twice (502, then 200), then the files.
    expect(c.stats().requests).toBe(1 + 2 + 1);
    expect(emu.requests.map((r) => r.status)).toEqual([502, 502, 200, 200]);
    expect(c.stats().retries).toBe(1);
  });

  it('when GitHub cannot be reached, the plain listing keeps the whole retry policy, and then fails as before', async () => {
    const { c, spy, sent } = spied({ attempts: 2, baseMs: 1, maxMs: 5 });
    emu.addFault({ operation: 'query', kind: 'network', times: 10 });
    const error = await readSnapshot(spy, huge, compilePaths(['deploy/prod/**/*.yaml'])).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect(sent).toHaveLength(2);
    expect(c.stats().requests).toBe(1 + 2);
  });
});

describe('sizes and limits of the listing', () => {
  // 3 regions × 4 clusters × 3 files, below `deep/`: 36 files in 53 entries (13 + 4 + 36 folders and files).
  const DEEP = Object.fromEntries(
    ['eu', 'us', 'ap'].flatMap((r) => ['c1', 'c2', 'c3', 'c4'].flatMap((c) => ['a', 'b', 'c'].map((f) => [`deep/${r}/${c}/${f}.yaml`, `image: ghcr.io/acme/${r}-${c}-${f}:1\n`]))),
  );
  const paths = Object.keys(DEEP).sort();
  const truncating = { owner: 'acme', repo: 'truncating' };
  beforeAll(async () => {
    // GitHub truncates a recursive listing past 100,000 entries: here past 10, so deep/ (53) and each region (17)
    // are too big for one listing, each cluster (3) is not.
    await emu.addRepo({ name: 'acme/truncating', dir: makeRepo(DEEP), treeEntryLimit: 10 });
  });

  it('a folder GitHub truncates is listed one level at a time down to folders it lists whole, at most 4 requests in flight', async () => {
    const c = client();
    let inFlight = 0;
    let most = 0;
    const rest = new Proxy(c.rest, {
      get(target, key, receiver) {
        if (key !== 'request') return Reflect.get(target, key, receiver);
        return async (...args: Parameters<typeof target.request>) => {
          most = Math.max(most, ++inFlight);
          try {
            return await target.request(...args);
          } finally {
            inFlight--;
          }
        };
      },
    });
    const snapshot = await readSnapshot({ ...c, rest }, truncating, compilePaths(['deep/**/*.yaml']), undefined, { listDepth: 1, inlineTexts: false });
    expect(snapshot.files.map((f) => f.path)).toEqual(paths);
    for (const file of snapshot.files) expect(file.text).toBe(DEEP[file.path]);
    const trees = emu.requests.filter((r) => r.operation === 'git/get-tree');
    // The query lists deep/ one level: the whole tree (truncated), each region (truncated, then one level), each cluster whole.
    expect(trees).toHaveLength(1 + 3 * 2 + 12);
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThan(1);
  });

  it('several deep folders: one listing of the whole tree, and where GitHub truncates it, each folder on its own', async () => {
    const c = client();
    const snapshot = await readSnapshot(c, truncating, compilePaths(['deep/*/c1/**/*.yaml', 'deep/*/c2/**/*.yaml']), undefined, { listDepth: 2, inlineTexts: false });
    expect(snapshot.files.map((f) => f.path)).toEqual(paths.filter((p) => /\/c[12]\//.test(p)));
    // The query reached the 12 clusters: the whole tree (truncated), then each cluster, whole.
    expect(emu.requests.filter((r) => r.operation === 'git/get-tree')).toHaveLength(1 + 12);
  });

  it('a file the listing sizes over maxBytes is skipped unread; one over 512,000 bytes is read over REST straight away', async () => {
    const c = client();
    const { sent, spy } = (() => {
      const queries: string[] = [];
      return { sent: queries, spy: { ...c, graphql: <T>(q: string, v?: Record<string, unknown>, o?: { attempts?: number }) => (queries.push(q), c.graphql<T>(q, v, o)) } };
    })();
    const globs = compilePaths(['apps/prod/**/*.yaml', '!apps/prod/latin1.yaml', '!apps/prod/logo.yaml']);
    const snapshot = await readSnapshot(spy, target, globs, undefined, { inlineTexts: false });
    expect(snapshot.files.find((f) => f.path === 'apps/prod/big.yaml')?.text).toBe(BIG);
    // The listing, one query for the two small files (big.yaml not in it), one REST read of big.yaml.
    const reads = sent.filter((q) => q.startsWith('query ReadFiles'));
    expect(reads).toHaveLength(1);
    expect(reads[0]!.match(/file\(path:/g)).toHaveLength(2);
    expect(snapshot.files.map((f) => f.path)).toEqual(['apps/prod/api/deployment.yaml', 'apps/prod/big.yaml', 'apps/prod/web/values.yaml']);
    expect(emu.requests.map((r) => r.operation)).toEqual(['query', 'query', 'git/get-blob']);
    const small = await readSnapshot(client(), target, globs, undefined, { inlineTexts: false, maxBytes: 100_000 });
    expect(small.skipped).toContainEqual({ path: 'apps/prod/big.yaml', reason: `larger than 100000 bytes (${Buffer.byteLength(BIG)})` });
    expect(emu.requests.filter((r) => r.operation === 'git/get-blob')).toHaveLength(1);
  });
});

describe('files in encodings other than UTF-8', () => {
  const TEXT = 'image: ghcr.io/acme/api:1\n';
  const ENCODED = {
    'apps/le.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
    'apps/be.yaml': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]),
    'apps/latin1.yaml': Buffer.from('name: cafe\xe9\n', 'latin1'), // 12 bytes: even, checked on its bytes
    'apps/bin.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), // 6 bytes: even, checked on its bytes
    'apps/odd.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]), // 5 bytes: cannot be UTF-16, not read again
    'apps/ok.yaml': TEXT,
  };
  const advice = 'gitops-bump reads UTF-8 only: convert the file to UTF-8 to have it edited';
  const expected = [
    { path: 'apps/be.yaml', reason: `UTF-16 BE encoded (BOM FE FF); ${advice}` },
    { path: 'apps/bin.yaml', reason: 'binary file' },
    { path: 'apps/latin1.yaml', reason: 'not valid UTF-8 text' },
    { path: 'apps/le.yaml', reason: `UTF-16 LE encoded (BOM FF FE); ${advice}` },
    { path: 'apps/odd.yaml', reason: 'binary file' },
  ];
  const encoded = { owner: 'acme', repo: 'encodings' };
  beforeAll(async () => {
    await emu.addRepo({ name: 'acme/encodings', dir: makeRepo(ENCODED) });
  });

  it('names UTF-16 files by their byte-order mark: a blob GraphQL calls binary is read once more over REST when its size is even', async () => {
    const c = client();
    const snapshot = await readSnapshot(c, encoded, compilePaths(Object.keys(ENCODED)));
    expect(snapshot.files).toEqual([{ path: 'apps/ok.yaml', text: TEXT }]);
    expect(snapshot.skipped).toEqual(expected);
    // the head and the files in one query, then one blob read for each even-sized unreadable blob
    const blobRead = expect.stringMatching(/^\/repos\/acme\/encodings\/git\/blobs\/[0-9a-f]{40}$/);
    expect(emu.requests.map((r) => r.path)).toEqual(['/graphql', ...Array.from({ length: 4 }, () => blobRead)]);
    expect(c.stats().requests).toBe(5);
  });

  it('the same through a glob, and not past max-file-size (then it stays "binary file", unread)', async () => {
    const c = client();
    const snapshot = await readSnapshot(c, encoded, compilePaths(['apps/**']));
    expect(snapshot.skipped).toEqual(expected);
    // the listing carries the texts; the same four blobs are read again
    expect(c.stats().requests).toBe(5);
    const small = await readSnapshot(client(), encoded, compilePaths(['apps/le.yaml']), undefined, { maxBytes: 10 });
    expect(small.skipped).toEqual([{ path: 'apps/le.yaml', reason: 'binary file' }]);
  });
});

describe('documents', () => {
  it('stay within GitHub\'s nesting limit (25 fields) at the deepest listing, and pass paths as variables', async () => {
    const c = client();
    const sent: { query: string; variables: Record<string, unknown> }[] = [];
    const spy: typeof c = {
      ...c,
      graphql: <T>(query: string, variables: Record<string, unknown> = {}) => {
        sent.push({ query, variables });
        return c.graphql<T>(query, variables);
      },
    };
    await readSnapshot(spy, target, compilePaths(['**/*.yaml', 'apps/prod/**/*.yaml']), undefined, { listDepth: 99 });
    await readSnapshot(spy, target, compilePaths(['apps/**/*.yaml', 'README.md']), undefined, { listDepth: 99 });
    expect(sent.at(-1)?.query).toContain('text');
    await readSnapshot(spy, target, compilePaths(['apps/prod/api/deployment.yaml']));
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const { query } of sent) {
      const document = parse(query);
      const fragments = new Map<string, SelectionSetNode>();
      for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
      const depth = (set: SelectionSetNode | undefined): number =>
        Math.max(0, ...(set?.selections ?? []).map((s) =>
          s.kind === Kind.FIELD ? 1 + depth(s.selectionSet) : s.kind === Kind.INLINE_FRAGMENT ? depth(s.selectionSet) : depth(fragments.get(s.name.value))));
      const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      const deepest = operation?.kind === Kind.OPERATION_DEFINITION ? depth(operation.selectionSet) : Infinity;
      expect(deepest).toBeLessThanOrEqual(25);
      expect(query).not.toContain('apps/prod');
    }
    expect(sent.some(({ variables }) => Object.values(variables).includes('apps/prod/api/deployment.yaml'))).toBe(true);
  });
});

describe('errors', () => {
  it('names a missing branch', async () => {
    const error = await readSnapshot(client(), { ...target, branch: 'nope' }, compilePaths(['a.yaml'])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ code: 'branch-not-found' });
    expect((error as Error).message).toMatch(/^branch 'nope' not found in acme\/gitops/);
  });

  it('names a missing repository and the token remedy', async () => {
    const error = await readSnapshot(client(), { owner: 'acme', repo: 'other' }, compilePaths(['**/*.yaml'])).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'repository-not-found' });
    expect((error as Error).message).toMatch(/repository acme\/other was not found.*actions\/create-github-app-token/);
  });
});

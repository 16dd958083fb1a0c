// The `paths` globs: bare folders, literal files, prefixes for listing, the environment a glob names, the hash.
import { describe, expect, it } from 'vitest';
import { byPath, comparePaths, compilePaths, environmentOfGlob, environmentOfPaths, PathsError, pathsKey, reachUnder, unionPaths } from '../../../src/core/paths.js';

describe('compilePaths', () => {
  it.each([
    [['../other/**'], "'../other/**': '..' would leave the repository."],
    [['/etc/*.yaml'], "'/etc/*.yaml': globs are relative to the repository root (no leading '/')."],
    [['!a.yaml'], "selects nothing: give at least one glob that is not a '!' exclusion."],
  ])('throws a PathsError carrying the input and the reason for %j', (patterns, reason) => {
    const compile = () => compilePaths(patterns, 'promote-from');
    expect(compile).toThrow(PathsError);
    expect(compile).toThrow(expect.objectContaining({ input: 'promote-from', reason, message: `Input 'promote-from': ${reason}` }));
  });

  it('reads a bare folder as the files under it, and a trailing slash likewise', () => {
    for (const pattern of ['apps/dev', 'apps/dev/', './apps/dev']) {
      const paths = compilePaths([pattern]);
      expect(paths.matches('apps/dev/kustomization.yaml'), pattern).toBe(true);
      expect(paths.matches('apps/dev/a/b/values.yml'), pattern).toBe(true);
      expect(paths.matches('apps/dev-2/values.yaml'), pattern).toBe(false);
      expect(paths.matches('apps/values.yaml'), pattern).toBe(false);
      // Listed, never read by path: the folder is the prefix.
      expect(paths.literals, pattern).toBeUndefined();
      expect(paths.prefixes, pattern).toEqual(['apps/dev']);
    }
    expect(compilePaths(['apps/*/overlays/prod']).matches('apps/api/overlays/prod/kustomization.yaml')).toBe(true);
  });

  it('reads a literal YAML file by path, and still matches a folder of that name', () => {
    const paths = compilePaths(['envs/prod/values.yaml', 'envs/qa/values.yml']);
    expect(paths.literals).toEqual(['envs/prod/values.yaml', 'envs/qa/values.yml']);
    expect(paths.matches('envs/prod/values.yaml')).toBe(true);
    expect(paths.matches('envs/prod/values.yaml/inner.yaml')).toBe(true);
    expect(paths.matches('envs/prod/other.yaml')).toBe(false);
  });

  it('lists a literal file mixed with globs under its own path, and a file without a YAML extension too', () => {
    expect(compilePaths(['envs/prod/values.yaml', 'apps/prod/**']).prefixes).toEqual(['apps/prod', 'envs/prod/values.yaml']);
    expect(compilePaths(['apps/prod', 'apps/prod/values.yaml', 'apps/production/**']).prefixes).toEqual(['apps/prod', 'apps/production']);
    const kustomization = compilePaths(['apps/prod/Kustomization']);
    expect(kustomization.literals).toEqual(['apps/prod/Kustomization']);
  });

  it('excludes a bare folder and everything under it', () => {
    const paths = compilePaths(['apps/**', '!apps/legacy']);
    expect(paths.matches('apps/legacy/a.yaml')).toBe(false);
    expect(paths.matches('apps/live/a.yaml')).toBe(true);
    expect(paths.exclude).toEqual(['apps/legacy']);
  });
});

describe('reachUnder', () => {
  it.each([
    [['apps/prod/**'], 'apps/prod', Infinity, true],
    [['apps/prod/**/*.{yaml,yml}'], 'apps/prod', Infinity, true],
    [['apps/prod/*.yaml'], 'apps/prod', 1, true],
    // a plain last segment may be a folder of that name: everything under it is selected too
    [['apps/prod/*/values.yaml'], 'apps/prod', Infinity, true],
    [['apps/prod/**/kustomization.yaml'], 'apps/prod', Infinity, true],
    [['apps/dev'], 'apps/dev', Infinity, true],
    [['*.yaml'], '', 1, true],
    [['**/*.{yaml,yml}'], '', Infinity, false],
    [['*/*.yaml'], '', 2, false],
    [['apps/*/overlays/prod/**'], 'apps', Infinity, false],
    [['apps/*/overlays/prod/*.yaml'], 'apps', 4, false],
    [['apps/**/prod/*.yaml'], 'apps', Infinity, false],
    [['apps/**/prod'], 'apps', Infinity, false],
    [['apps/{prod,dev}/*.yaml'], 'apps', 2, false],
    [['apps/prod/*.yaml', 'apps/**/x.yaml'], 'apps', Infinity, false],
    [['apps/prod/*.yaml', 'clusters/**'], 'apps/prod', 1, true],
  ])('%j under %j: deepest %d, confined %s', (globs, root, maxDepth, confined) => {
    expect(compilePaths(globs).prefixes).toContain(root);
    expect(reachUnder(compilePaths(globs).include, root)).toEqual({ maxDepth, confined });
  });

  it('no selected path lies deeper below its prefix than maxDepth (a listing that deep misses nothing)', () => {
    const names = ['apps', 'prod', 'dev', 'a.yaml', 'values.yaml', 'x'];
    const paths: string[] = [];
    const grow = (prefix: string, depth: number): void => {
      for (const name of names) {
        const path = prefix === '' ? name : `${prefix}/${name}`;
        paths.push(path);
        if (depth > 1) grow(path, depth - 1);
      }
    };
    grow('', 5);
    const globs = [['apps/*.yaml'], ['apps/*/*.yaml'], ['*/prod/*.yaml'], ['apps/{prod,dev/x}/*.yaml'], ['apps/prod'], ['*.yaml', 'apps/prod/*/a.yaml'], ['apps/*/prod/values.yaml']];
    for (const patterns of globs) {
      const matcher = compilePaths(patterns);
      for (const root of matcher.prefixes) {
        const { maxDepth } = reachUnder(matcher.include, root);
        const under = paths.filter((p) => matcher.matches(p) && (root === '' || p === root || p.startsWith(`${root}/`)));
        for (const p of under) expect(p.split('/').length - (root === '' ? 0 : root.split('/').length), `${patterns.join(' ')}: ${p}`).toBeLessThanOrEqual(maxDepth);
      }
    }
  });
});

describe('environmentOfGlob', () => {
  it.each([
    ['apps/*/overlays/staging/**', 'staging'],
    ['envs/prod/values.yaml', 'prod'],
    ['clusters/eu-1/prod/**', 'prod'],
    ['apps/prod/**/*.yaml', 'prod'],
    ['apps/prod/*/values.yaml', 'prod'],
    ['apps/dev', 'dev'],
    ['apps/{dev,prod}/**', 'apps'],
    ['**/*.{yaml,yml}', undefined],
    ['values.yaml', undefined],
    ['**', undefined],
  ])('%s → %s', (glob, name) => {
    expect(environmentOfGlob(glob)).toBe(name);
  });
});

describe('environmentOfPaths and pathsKey', () => {
  it('agree on one name, or stand the hash of the sorted normalised globs for the selection', () => {
    expect(environmentOfPaths(compilePaths(['apps/api/prod/**', 'apps/web/prod/values.yaml']))).toEqual({ name: 'prod', named: true });
    const staging = environmentOfPaths(compilePaths(['apps/*/overlays/staging/**', 'apps/web/values-staging.yaml']));
    expect(staging).toMatchObject({ named: false, why: 'the globs name different folders (staging, web)' });
    expect(staging.name).toBe(pathsKey(compilePaths(['./apps/web/values-staging.yaml', 'apps/*/overlays/staging/**'])));
    expect(pathsKey(compilePaths(['a/**', '!a/b']))).not.toBe(pathsKey(compilePaths(['a/**', 'a/b'])));
    expect(pathsKey(compilePaths(['a/**']))).toMatch(/^paths-[0-9a-f]{8}$/);
  });
});

describe('comparePaths', () => {
  it('orders paths by code unit, as git does, not by locale (upper case first, then - . / by their codes)', () => {
    const paths = ['b.yaml', 'a/b.yaml', 'a.yaml', 'B.yaml', 'a-b.yaml', 'é.yaml'];
    expect([...paths].sort(comparePaths)).toEqual(['B.yaml', 'a-b.yaml', 'a.yaml', 'a/b.yaml', 'b.yaml', 'é.yaml']);
    expect(paths.map((path) => ({ path })).sort(byPath).map((entry) => entry.path)).toEqual([...paths].sort(comparePaths));
    expect(comparePaths('a.yaml', 'a.yaml')).toBe(0);
  });
});

describe('unionPaths', () => {
  it('selects what any matcher selects, each keeping its own excludes; literals only when every matcher has them', () => {
    const dev = compilePaths(['envs/dev/**', '!envs/dev/secret.yaml']);
    const prod = compilePaths(['envs/prod/values.yaml']);
    const both = unionPaths([dev, prod]);
    expect(both.matches('envs/dev/api.yaml')).toBe(true);
    expect(both.matches('envs/dev/secret.yaml')).toBe(false);
    expect(both.matches('envs/prod/values.yaml')).toBe(true);
    expect(both.matches('envs/prod/other.yaml')).toBe(false);
    expect(both.prefixes).toEqual([...dev.prefixes, ...prod.prefixes]);
    expect(both.include).toEqual([...dev.include, ...prod.include]);
    expect(both.literals).toBeUndefined();
    const files = unionPaths([prod, compilePaths(['envs/staging/values.yaml'])]);
    expect(files.literals).toEqual(['envs/prod/values.yaml', 'envs/staging/values.yaml']);
  });
});

import { describe, expect, it } from 'vitest';
import { InputError, INPUTS, readSettings, splitList } from '../src/settings.js';

function reader(inputs: Record<string, string>) {
  return (name: string) => inputs[name] ?? '';
}
const env = { GITHUB_REPOSITORY: 'acme/app' };
const base = { images: 'ghcr.io/acme/api:1.4.2', token: 't' };

describe('readSettings', () => {
  it('reads the minimal inputs with the documented defaults', () => {
    const s = readSettings(reader(base), env);
    expect(s.images.map((i) => i.ref.repository)).toEqual(['ghcr.io/acme/api']);
    expect(s.pathPatterns).toEqual(['**/*.{yaml,yml}']);
    expect(s.repository).toEqual({ owner: 'acme', repo: 'app' });
    expect(s.branch).toBeUndefined();
    expect(s.mode).toBe('commit');
    expect(s.policy).toEqual({ kind: 'newer' });
    expect(s.maxFileBytes).toBe(1024 * 1024);
    expect(s.environment).toBe('');
  });

  it('splits images on newlines and commas and drops exact duplicates', () => {
    const s = readSettings(reader({ ...base, images: 'a/b:1, c/d:2\n\n  a/b:1\n# a comment\nnginx@sha256:' + 'a'.repeat(64) }), env);
    expect(s.images.map((i) => i.input)).toEqual(['a/b:1', 'c/d:2', `nginx@sha256:${'a'.repeat(64)}`]);
  });

  it.each([
    ['images', { images: '' }, /Input 'images': is required/],
    ['images', { images: 'ghcr.io/acme/api' }, /Input 'images': 'ghcr.io\/acme\/api' has no tag or digest/],
    ['images', { images: 'ghcr.io/Acme/api:1' }, /Input 'images': 'ghcr.io\/Acme\/api:1' is not a valid image reference/],
    ['images', { images: 'a/b:1\na/b:2' }, /two versions of one image/],
    ['images', { images: 'a/b:1\u0007' }, /\\u0007/],
    ['mode', { mode: 'push' }, /Input 'mode': 'push' is not one of commit, pull-request, dry-run/],
    ['policy', { policy: 'newest' }, /^Input 'policy': 'newest' is not a policy; use 'newer'/],
    ['paths', { paths: '../other/**' }, /Input 'paths'.*'\.\.' would leave the repository/],
    ['paths', { paths: '/etc/*.yaml' }, /Input 'paths'.*relative to the repository root/],
    ['paths', { paths: '!a.yaml' }, /Input 'paths'.*selects nothing/],
    ['repository', { repository: 'not a repo' }, /Input 'repository': 'not a repo' is not of the form owner\/name/],
    ['branch', { branch: 'feature..x' }, /Input 'branch': 'feature\.\.x' is not a valid branch name/],
    ['token', { token: '' }, /Input 'token': is empty/],
    ['max-file-size', { 'max-file-size': 'lots' }, /Input 'max-file-size'/],
  ])('names the input %s in its error', (input, inputs, message) => {
    let error: unknown;
    try {
      readSettings(reader({ ...base, ...inputs }), env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
    expect((error as Error).message).toMatch(message);
  });

  it('needs no repository or token with local-path, and refuses pull-request there', () => {
    const s = readSettings(reader({ images: 'a/b:1', 'local-path': '.' }), {});
    expect(s.repository).toBeUndefined();
    expect(() => readSettings(reader({ images: 'a/b:1', 'local-path': '.', mode: 'pull-request' }), {})).toThrow(/Input 'mode'/);
  });

  it('derives the environment from the fixed part of the paths', () => {
    expect(readSettings(reader({ ...base, paths: 'apps/prod/**/*.yaml' }), env).environment).toBe('prod');
    expect(readSettings(reader({ ...base, paths: 'apps/prod/**\napps/dev/**' }), env).environment).toBe('');
    expect(readSettings(reader({ ...base, paths: 'apps/prod/**', environment: 'production' }), env).environment).toBe('production');
  });

  it('accepts refs/heads/ in branch and sizes with units', () => {
    const s = readSettings(reader({ ...base, branch: 'refs/heads/release/1.x', 'max-file-size': '2MiB' }), env);
    expect(s.branch).toBe('release/1.x');
    expect(s.maxFileBytes).toBe(2 * 1024 * 1024);
  });
});

describe('splitList', () => {
  it('splits on newlines and commas, trims, drops blanks and comments', () => {
    expect(splitList(' a ,b\n\n# c\r\nd')).toEqual(['a', 'b', 'd']);
  });
});

describe('INPUTS', () => {
  it('lists every input with a description', () => {
    for (const spec of Object.values(INPUTS)) expect(spec.description.length).toBeGreaterThan(10);
  });
});

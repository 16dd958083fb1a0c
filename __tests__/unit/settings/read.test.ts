import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/settings/errors.js';
import { readSettings } from '../../../src/settings/read.js';

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
    // The default globs name no folder: a stable hash of them stands for the environment, and the log says why.
    expect(s.environment).toMatch(/^paths-[0-9a-f]{8}$/);
    expect(s.environmentNote).toMatch(/^paths: the globs name no folder, so paths-[0-9a-f]{8} .*set 'environment'/);
    expect(s.failOnUnmatched).toBe(false);
    expect(s.raceTimeoutMs).toBe(15 * 60 * 1000);
  });

  it('reads charts alone (no images), in every spelling, and chart-app-version', () => {
    const s = readSettings(reader({ token: 't', charts: 'oci://ghcr.io/acme/charts/api:1.4.2\nhttps://charts.acme.io/web:2.0.0, db:3.1.0', 'chart-app-version': 'true' }), env);
    expect(s.images).toEqual([]);
    expect(s.charts.map((c) => [c.input, c.ref.repository, c.ref.name, c.ref.version])).toEqual([
      ['oci://ghcr.io/acme/charts/api:1.4.2', 'oci://ghcr.io/acme/charts', 'api', '1.4.2'],
      ['https://charts.acme.io/web:2.0.0', 'https://charts.acme.io', 'web', '2.0.0'],
      ['db:3.1.0', undefined, 'db', '3.1.0'],
    ]);
    expect(s.chartAppVersion).toBe(true);
    // Two repositories' charts of one name may differ; an exact repeat counts once.
    const two = readSettings(reader({ token: 't', charts: 'oci://ghcr.io/acme/charts/api:1.0.0, https://charts.acme.io/api:2.0.0, https://charts.acme.io/api:2.0.0' }), env);
    expect(two.charts.map((c) => c.input)).toEqual(['oci://ghcr.io/acme/charts/api:1.0.0', 'https://charts.acme.io/api:2.0.0']);
    expect(readSettings(reader(base), env)).toMatchObject({ charts: [], chartAppVersion: false });
  });

  it('reads charts without versions as the promotion filter', () => {
    const s = readSettings(reader({ token: 't', 'promote-from': 'envs/staging/**', charts: 'oci://ghcr.io/acme/charts/api' }), env);
    expect(s.charts).toEqual([]);
    expect(s.promotion?.onlyCharts.map((c) => c.display)).toEqual(['oci://ghcr.io/acme/charts/api']);
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
    ['fail-on-unmatched', { 'fail-on-unmatched': 'yes' }, /Input 'fail-on-unmatched': 'yes' is not true or false/],
    ['images', { images: '', charts: '' }, /^Input 'images': is required, or 'charts' \(or both\)/],
    ['charts', { charts: 'oci://ghcr.io/acme/charts/api' }, /^Input 'charts': 'oci:\/\/ghcr.io\/acme\/charts\/api' has no version: .* 'oci:\/\/ghcr.io\/acme\/charts\/api:1.4.2'/],
    ['charts', { charts: 'acme/api:1.0.0' }, /^Input 'charts': 'acme\/api:1.0.0' is not a valid chart reference: 'acme' is not a chart repository URL/],
    ['charts', { charts: 'api:1.0.0, ghcr.io/acme/charts/api:1.0.0\napi:2.0.0' }, /^Input 'charts': 'api:1.0.0' and 'api:2.0.0' ask for two versions of one chart/],
    ['charts', { charts: 'oci://ghcr.io/acme/charts/api:1.0.0\nhttps://charts.acme.io/api:2.0.0\napi:1.0.0' }, /^Input 'charts': 'https:\/\/charts.acme.io\/api:2.0.0' and 'api:1.0.0' ask for two versions of one chart/],
    ['charts', { charts: 'oci://ghcr.io/acme/charts/api:1.0.0\napi:2.0.0' }, /^Input 'charts': 'oci:\/\/ghcr.io\/acme\/charts\/api:1.0.0' and 'api:2.0.0' ask for two versions of one chart/],
    ['chart-app-version', { 'chart-app-version': 'on' }, /^Input 'chart-app-version': 'on' is not true or false/],
    ['charts', { images: '', 'promote-from': 'envs/staging/**', charts: 'api:1.0.0' }, /^Input 'charts': 'api:1.0.0': with promote-from, charts lists the charts to promote without a version/],
    ['race-timeout', { 'race-timeout': 'forever' }, /^Input 'race-timeout': 'forever' is not a duration: seconds \(90 or 90s\), minutes \(10m\) or both \(1m30s\)\.$/],
    ['race-timeout', { 'race-timeout': '0s' }, /^Input 'race-timeout': '0s' is no time at all/],
    ['race-timeout', { 'race-timeout': '7h' }, /^Input 'race-timeout': '7h' is not a duration/],
    ['race-timeout', { 'race-timeout': '361m' }, /^Input 'race-timeout': '361m' is longer than a job may run \(6 hours\)\.$/],
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

  it.each([
    [{ paths: '../other/**' }, "Input 'paths': '../other/**': '..' would leave the repository."],
    [{ paths: '!a.yaml' }, "Input 'paths': selects nothing: give at least one glob that is not a '!' exclusion."],
    [{ 'promote-from': '/etc/*.yaml' }, "Input 'promote-from': '/etc/*.yaml': globs are relative to the repository root (no leading '/')."],
    [{ 'promote-from': '!a.yaml' }, "Input 'promote-from': selects nothing: give at least one glob that is not a '!' exclusion."],
  ])('names the input of a glob error once, as an InputError: %j', (inputs, message) => {
    const read = () => readSettings(reader({ ...base, ...inputs }), env);
    expect(read).toThrow(InputError);
    expect(read).toThrow(expect.objectContaining({ input: Object.keys(inputs)[0], message }));
  });

  it('needs no repository or token with local-path, and refuses pull-request there', () => {
    const s = readSettings(reader({ images: 'a/b:1', 'local-path': '.' }), {});
    expect(s.repository).toBeUndefined();
    expect(() => readSettings(reader({ images: 'a/b:1', 'local-path': '.', mode: 'pull-request' }), {})).toThrow(/Input 'mode'/);
  });

  it.each([
    ['apps/*/overlays/staging/**', 'staging'],
    ['apps/*/overlays/prod/**', 'prod'],
    ['envs/prod/values.yaml', 'prod'],
    ['clusters/eu-1/prod/**', 'prod'],
    ['apps/prod/**/*.yaml', 'prod'],
    ['apps/web/values-prod.yaml', 'web'],
    ['apps/dev', 'dev'],
    ['apps/dev/', 'dev'],
    ['./apps/*/overlays/qa/Kustomization', 'qa'],
    ['apps/*/overlays/prod/**, !apps/legacy/**', 'prod'],
    ['apps/api/overlays/prod/**\napps/web/overlays/prod/*.yaml', 'prod'],
  ])('derives the environment from the whole paths pattern: %s → %s', (paths, environment) => {
    const s = readSettings(reader({ ...base, paths }), env);
    expect(s.environment).toBe(environment);
    expect(s.environmentNote).toBeUndefined();
  });

  it('stands a stable hash of the normalised globs for paths that name no single folder, and says why', () => {
    const both = readSettings(reader({ ...base, paths: 'apps/prod/**\napps/dev/**' }), env);
    expect(both.environment).toMatch(/^paths-[0-9a-f]{8}$/);
    expect(both.environmentNote).toContain('the globs name different folders (prod, dev)');
    // The order, spacing and spelling of the same globs do not change it; other globs do.
    expect(readSettings(reader({ ...base, paths: ' ./apps/dev/** , apps/prod/**' }), env).environment).toBe(both.environment);
    expect(readSettings(reader({ ...base, paths: 'apps/prod/**\napps/qa/**' }), env).environment).not.toBe(both.environment);
    const partly = readSettings(reader({ ...base, paths: 'apps/prod/**\n**/*.yaml' }), env);
    expect(partly.environment).toMatch(/^paths-[0-9a-f]{8}$/);
    expect(partly.environmentNote).toContain('**/*.yaml names none');
    // The hash is part of the contract (it names pull-request branches): sha256 of the sorted globs, 8 hex digits.
    expect(readSettings(reader({ ...base, paths: '**/*.{yaml,yml}' }), env).environment).toBe('paths-08d0255c');
  });

  it('lets an explicit environment win', () => {
    const s = readSettings(reader({ ...base, paths: 'apps/prod/**\napps/dev/**', environment: 'production' }), env);
    expect(s.environment).toBe('production');
    expect(s.environmentNote).toBeUndefined();
  });

  it('derives the promotion source environment the same way', () => {
    const promote = (inputs: Record<string, string>) => readSettings(reader({ token: 't', paths: 'apps/*/overlays/prod/**', ...inputs }), env);
    expect(promote({ 'promote-from': 'apps/*/overlays/staging/**' }).promotion?.environment).toBe('staging');
    expect(promote({ 'promote-from': 'apps/*/overlays/staging/**, apps/web/values-staging.yaml' }).promotion?.environment).toMatch(/^paths-/);
    expect(promote({ 'promote-from': '**/*.yaml', 'promote-from-branch': 'release' }).promotion?.environment).toBe('release');
    expect(promote({ 'promote-from': '**/*.yaml', 'promote-from-environment': 'uat' }).promotion).toMatchObject({ environment: 'uat', environmentNote: undefined });
  });

  it("resolves summary-diff auto: full for the workflow's own repository (any case) or a local checkout, changes for another", () => {
    expect(readSettings(reader(base), env).summaryDiff).toBe('full');
    expect(readSettings(reader({ ...base, repository: 'Acme/App' }), env).summaryDiff).toBe('full');
    expect(readSettings(reader({ ...base, repository: 'acme/gitops' }), env).summaryDiff).toBe('changes');
    expect(readSettings(reader({ ...base, repository: 'acme/gitops', 'summary-diff': 'AUTO' }), env).summaryDiff).toBe('changes');
    expect(readSettings(reader({ ...base, repository: 'acme/gitops' }), {}).summaryDiff).toBe('changes');
    expect(readSettings(reader({ ...base, 'local-path': '.' }), {}).summaryDiff).toBe('full');
    expect(readSettings(reader({ ...base, 'local-path': '.', repository: 'acme/private' }), env).summaryDiff).toBe('changes');
    expect(readSettings(reader({ ...base, repository: 'acme/gitops', 'summary-diff': 'full' }), env).summaryDiff).toBe('full');
    expect(readSettings(reader({ ...base, 'summary-diff': ' changes ' }), env).summaryDiff).toBe('changes');
    expect(readSettings(reader({ ...base, 'summary-diff': 'none' }), env).summaryDiff).toBe('none');
    expect(() => readSettings(reader({ ...base, 'summary-diff': 'context' }), env)).toThrow(/^Input 'summary-diff': 'context' is not one of auto, full, changes, none\.$/);
  });

  it('reads fail-on-unmatched as a boolean', () => {
    expect(readSettings(reader({ ...base, 'fail-on-unmatched': 'true' }), env).failOnUnmatched).toBe(true);
    expect(readSettings(reader({ ...base, 'fail-on-unmatched': ' FALSE ' }), env).failOnUnmatched).toBe(false);
  });

  it('splits paths on commas as well as newlines, keeping commas inside braces', () => {
    const s = readSettings(reader({ ...base, paths: 'apps/dev/**, apps/qa/**/*.{yaml,yml}\n# a comment\n!apps/qa/secret.yaml' }), env);
    expect(s.pathPatterns).toEqual(['apps/dev/**', 'apps/qa/**/*.{yaml,yml}', '!apps/qa/secret.yaml']);
    expect(s.paths.matches('apps/qa/x/a.yml')).toBe(true);
    expect(s.paths.matches('apps/qa/secret.yaml')).toBe(false);
    const promotion = readSettings(reader({ token: 't', 'promote-from': 'apps/a/**, apps/b/**' }), env).promotion;
    expect(promotion?.patterns).toEqual(['apps/a/**', 'apps/b/**']);
  });

  it('accepts refs/heads/ in branch and sizes with units', () => {
    const s = readSettings(reader({ ...base, branch: 'refs/heads/release/1.x', 'max-file-size': '2MiB' }), env);
    expect(s.branch).toBe('release/1.x');
    expect(s.maxFileBytes).toBe(2 * 1024 * 1024);
  });
});

import { describe, expect, it } from 'vitest';
import { buildMatrix, cellText, scanEnvironment } from '../../../src/core/matrix.js';
import { PlanSyntaxError } from '../../../src/core/scan.js';

const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, text]) => ({ path, text }));

const dev = scanEnvironment('dev', 'envs/dev/', files({
  'envs/dev/api.yaml': 'image: ghcr.io/acme/api:1.6.0\n',
  'envs/dev/web.yaml': 'image:\n  repository: ghcr.io/acme/web\n  tag: "2.1.0"\n',
  'envs/dev/release.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: redis}
spec:
  chart:
    spec:
      chart: redis
      version: 19.0.1
      sourceRef: {kind: HelmRepository, name: bitnami}
`,
}));
const staging = scanEnvironment('staging', 'envs/staging/', files({
  'envs/staging/api.yaml': 'image: ghcr.io/acme/api:1.5.0 # gitops-bump: hold until INC-42\n',
  'envs/staging/web.yaml': 'image:\n  repository: ghcr.io/acme/web\n  tag: "2.1.0"\n',
}));
const prod = scanEnvironment('prod', 'acme/prod@main: **', files({
  'a.yaml': 'image: ghcr.io/acme/api:1.4.0\n',
  'b.yaml': 'image: ghcr.io/acme/api:1.5.0\n',
  'web.yaml': 'spec:\n  containers:\n    - image: ghcr.io/acme/web:2.0.0\n',
}));

describe('scanEnvironment', () => {
  it('finds image versions with their places and holds, and pinned chart versions', () => {
    expect([...dev.rows.keys()].sort()).toEqual(['chart redis', 'image ghcr.io/acme/api', 'image ghcr.io/acme/web']);
    expect(staging.rows.get('image ghcr.io/acme/api')!.places).toEqual([{ file: 'envs/staging/api.yaml', line: 1, version: '1.5.0', held: true, holdReason: 'until INC-42' }]);
    expect(dev.rows.get('chart redis')!.places.map((p) => [p.file, p.version])).toEqual([['envs/dev/release.yaml', '19.0.1']]);
  });

  it('raises the syntax errors of the files it cannot parse', () => {
    expect(() => scanEnvironment('x', 'x', files({ 'bad.yaml': 'a: [\n' }))).toThrow(PlanSyntaxError);
  });
});

describe('buildMatrix', () => {
  const matrix = buildMatrix([dev, staging, prod]);

  it('has one row per image, then per chart, and one cell per environment in promotion order', () => {
    expect(matrix.environments.map((e) => e.name)).toEqual(['dev', 'staging', 'prod']);
    expect(matrix.rows.map((r) => `${r.kind} ${r.name}`)).toEqual(['image ghcr.io/acme/api', 'image ghcr.io/acme/web', 'chart redis']);
  });

  it('marks a cell that differs from the previous environment holding the row, and held versions', () => {
    const [api, web, redis] = matrix.rows;
    expect(api!.cells.map(cellText)).toEqual(['1.6.0', '1.5.0 ≠ (held)', '1.4.0 / 1.5.0 ≠']);
    expect(web!.cells.map(cellText)).toEqual(['2.1.0', '2.1.0', '2.0.0 ≠']);
    expect(redis!.cells.map(cellText)).toEqual(['19.0.1', '—', '—']);
  });

  it('compares with the last environment that holds the row, skipping one that does not', () => {
    const qa = scanEnvironment('qa', 'qa/', files({ 'qa/r.yaml': 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: redis}\nspec:\n  chart:\n    spec: {chart: redis, version: 19.0.2}\n' }));
    const m = buildMatrix([dev, staging, qa]);
    expect(m.rows.find((r) => r.kind === 'chart')!.cells.map(cellText)).toEqual(['19.0.1', '—', '19.0.2 ≠']);
  });

  it('compares the versions of a cell as a set', () => {
    const a = scanEnvironment('a', 'a/', files({ 'a/1.yaml': 'image: ghcr.io/acme/api:1.0.0\n', 'a/2.yaml': 'image: ghcr.io/acme/api:2.0.0\n' }));
    const b = scanEnvironment('b', 'b/', files({ 'b/1.yaml': 'image: ghcr.io/acme/api:2.0.0\n', 'b/2.yaml': 'image: ghcr.io/acme/api:1.0.0\n' }));
    expect(buildMatrix([a, b]).rows[0]!.cells.map(cellText)).toEqual(['1.0.0 / 2.0.0', '2.0.0 / 1.0.0']);
  });

  it('is empty for environments without versions', () => {
    expect(buildMatrix([scanEnvironment('a', 'a', [])]).rows).toEqual([]);
  });
});

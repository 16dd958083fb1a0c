import { describe, expect, it } from 'vitest';
import { parseChartReference } from '../../../src/image/chart.js';
import { parseReference } from '../../../src/image/reference.js';
import { PlanSyntaxError } from '../../../src/core/scan.js';
import { PromotionConflictError, promotionRequests, sourceSkips } from '../../../src/core/promote.js';

const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, text]) => ({ path, text }));
const digest = `sha256:${'c'.repeat(64)}`;

describe('promotionRequests', () => {
  it('turns every version found, in every shape, into one request per image', () => {
    const result = promotionRequests(
      files({
        'k.yaml': 'images:\n  - name: ghcr.io/acme/api\n    newTag: "1.5.0"\n  - name: nginx\n    newName: ghcr.io/acme/nginx\n    digest: ' + digest + '\n',
        'v.yaml': 'image:\n  registry: ghcr.io\n  repository: acme/web\n  tag: "2.10"\n',
        'd.yaml': 'spec:\n  containers:\n    - image: ghcr.io/acme/api:1.5.0\n    - image: busybox\n',
      }),
    );
    expect(result.requests.map((r) => r.input).sort()).toEqual(['ghcr.io/acme/api:1.5.0', `ghcr.io/acme/nginx@${digest}`, 'ghcr.io/acme/web:2.10']);
    expect(result.found.filter((f) => f.repository === 'ghcr.io/acme/api').map((f) => `${f.file}:${f.line}`)).toEqual(['d.yaml:3', 'k.yaml:3']);
  });

  it('filters by the bare repositories given', () => {
    const result = promotionRequests(files({ 'd.yaml': 'a:\n  image: ghcr.io/acme/api:1.5.0\nb:\n  image: ghcr.io/acme/web:2.0.0\n' }), [parseReference('ghcr.io/acme/web')]);
    expect(result.requests.map((r) => r.input)).toEqual(['ghcr.io/acme/web:2.0.0']);
  });

  it('refuses two versions of one image, listing both places', () => {
    const input = files({ 'a.yaml': 'image: ghcr.io/acme/api:1.5.0\n', 'b.yaml': 'image: ghcr.io/acme/api:1.4.0\n' });
    expect(() => promotionRequests(input)).toThrow(PromotionConflictError);
    expect(() => promotionRequests(input)).toThrow(/ghcr\.io\/acme\/api: 1\.5\.0 \(a\.yaml:1\), 1\.4\.0 \(b\.yaml:1\)/);
    expect(promotionRequests(input, [parseReference('ghcr.io/acme/web')]).requests).toEqual([]);
  });

  it('carries chart versions as it carries image versions: repositories through sources, ranges never', () => {
    const release = (version: string) =>
      `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: api, namespace: staging}\nspec:\n  chart:\n    spec:\n      chart: api\n      version: ${version}\n      sourceRef: {kind: HelmRepository, name: acme}\n`;
    const source = 'apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata: {name: acme, namespace: staging}\nspec:\n  url: oci://ghcr.io/acme/charts\n';
    const app = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: web}\nspec:\n  source: {repoURL: https://charts.acme.io, chart: web, targetRevision: ">=2.0"}\n';
    const result = promotionRequests(files({ 'staging/api.yaml': release('1.5.0'), 'staging/source.yaml': source, 'staging/web.yaml': app, 'staging/img.yaml': 'image: ghcr.io/acme/api:1.5.0\n' }));
    expect(result.requests.map((r) => r.input)).toEqual(['ghcr.io/acme/api:1.5.0']);
    expect(result.charts).toEqual([
      { input: 'oci://ghcr.io/acme/charts/api:1.5.0', ref: { name: 'api', display: 'oci://ghcr.io/acme/charts/api', version: '1.5.0', url: 'oci://ghcr.io/acme/charts', repository: 'oci://ghcr.io/acme/charts' } },
    ]);
    expect(result.foundCharts).toEqual([{ file: 'staging/api.yaml', line: 8, chart: 'oci://ghcr.io/acme/charts/api', version: '1.5.0' }]);
    // A filter in either input narrows the whole promotion to what it lists.
    expect(promotionRequests(files({ 'staging/api.yaml': release('1.5.0'), 'staging/img.yaml': 'image: ghcr.io/acme/api:1.5.0\n' }), [parseReference('ghcr.io/acme/api')]).charts).toEqual([]);
    const onlyChart = promotionRequests(files({ 'staging/api.yaml': release('1.5.0'), 'staging/img.yaml': 'image: ghcr.io/acme/api:1.5.0\n' }), [], { charts: [parseChartReference('api')] });
    expect([onlyChart.requests, onlyChart.charts.map((c) => c.input)]).toEqual([[], ['api:1.5.0']]);
    // Two versions of one chart fail, naming both places.
    const two = files({ 'a/api.yaml': release('1.5.0'), 'b/api.yaml': release('1.4.0'), 's.yaml': source });
    expect(() => promotionRequests(two)).toThrow(
      "The promotion source holds different versions of a chart: chart oci://ghcr.io/acme/charts/api: 1.5.0 (a/api.yaml:8), 1.4.0 (b/api.yaml:8). Narrow 'promote-from', or list what to promote in 'charts'.",
    );
  });

  it('fails naming a source file that does not parse', () => {
    expect(() => promotionRequests(files({ 'a.yaml': 'image: [\n' }))).toThrow(PlanSyntaxError);
  });

  it('marks the source’s skipped files as the source’s, naming the repository when it is another one', () => {
    const skips = [{ path: 'a.yaml', reason: 'binary file' }];
    expect(sourceSkips(skips)).toEqual([{ path: 'a.yaml', reason: 'promotion source: binary file' }]);
    expect(sourceSkips(skips, 'acme/staging')).toEqual([{ path: 'a.yaml', reason: 'promotion source acme/staging: binary file' }]);
  });
});

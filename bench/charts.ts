// `BENCH_ONLY=local-charts npm run bench`: a Flux fleet (the flux2-kustomize-helm-example layout at scale): N
// services × 3 environments, a base HelmRelease + values per service, an environment patch setting the chart version,
// one shared HelmRepository. One chart bump (local dry-run, built action): wall time and how many files it read,
// next to the same run bumping the service's image alone. Medians of BENCH_RUNS; one JSON line per size.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runAction } from '../__tests__/support/action.js';
import { serviceName } from './monorepo.js';

const ENVIRONMENTS = ['staging', 'canary', 'production'] as const;

function write(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Writes the fleet; returns the number of files. */
export function generateFleet(root: string, services: number): number {
  write(root, 'infrastructure/sources/acme.yaml', 'apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: acme\n  namespace: flux-system\nspec:\n  type: oci\n  url: oci://ghcr.io/acme/charts\n');
  let files = 1;
  for (let s = 0; s < services; s++) {
    const name = serviceName(s);
    write(root, `apps/base/${name}/release.yaml`, `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${name}\n  namespace: ${name}\nspec:\n  interval: 10m\n  chart:\n    spec:\n      chart: ${name}\n      sourceRef:\n        kind: HelmRepository\n        name: acme\n        namespace: flux-system\n  values:\n    image:\n      repository: ghcr.io/acme/${name}\n      tag: 1.${s % 10}.0\n`);
    write(root, `apps/base/${name}/kustomization.yaml`, `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: ${name}\nresources:\n  - release.yaml\n`);
    files += 2;
    for (const env of ENVIRONMENTS) {
      write(root, `apps/${env}/${name}/kustomization.yaml`, `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base/${name}\npatches:\n  - path: patch.yaml\n`);
      write(root, `apps/${env}/${name}/patch.yaml`, `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${name}\n  namespace: ${name}\nspec:\n  chart:\n    spec:\n      version: "1.${s % 10}.0"\n`);
      files += 2;
    }
  }
  return files;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

async function timed(inputs: Record<string, string>): Promise<{ ms: number; changes: number; read: number }> {
  const start = performance.now();
  const run = await runAction({ ...inputs, mode: 'dry-run' });
  const ms = performance.now() - start;
  if (run.code !== 0) throw new Error(`action failed: ${run.stdout.slice(-2000)}${run.stderr}`);
  const read = Number(/, (\d+) read as candidates/.exec(run.stdout)?.[1] ?? NaN);
  return { ms, changes: (JSON.parse(run.outputs.changes ?? '[]') as unknown[]).length, read };
}

export async function localCharts(runs: number): Promise<void> {
  for (const services of [500, 2000]) {
    const root = mkdtempSync(join(tmpdir(), 'gitops-bump-bench-charts-'));
    try {
      const files = generateFleet(root, services);
      const name = serviceName(421);
      const chart = { charts: `oci://ghcr.io/acme/charts/${name}:2.0.0`, paths: 'apps/**\ninfrastructure/**', 'local-path': root };
      const image = { images: `ghcr.io/acme/${name}:2.0.0`, paths: chart.paths, 'local-path': root };
      const chartRuns: { ms: number; changes: number; read: number }[] = [];
      const imageRuns: { ms: number; changes: number; read: number }[] = [];
      for (let i = 0; i < runs; i++) {
        chartRuns.push(await timed(chart));
        imageRuns.push(await timed(image));
      }
      const c = median(chartRuns.map((r) => r.ms));
      const m = median(imageRuns.map((r) => r.ms));
      console.log(
        JSON.stringify({
          bench: 'local-charts',
          files,
          runs,
          chart_changes: chartRuns[0]!.changes,
          chart_read: chartRuns[0]!.read,
          chart_ms: Math.round(c),
          image_changes: imageRuns[0]!.changes,
          image_read: imageRuns[0]!.read,
          image_ms: Math.round(m),
          ratio: Number((c / m).toFixed(2)),
        }),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
}

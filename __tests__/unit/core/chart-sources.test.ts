// Flux sources outside `paths`: which are missing (only for a requested chart, only when a request names a
// repository), which files of a listing may define them, and the plan with them as read-only context.
import { describe, expect, it } from 'vitest';
import { mayDefineSource, missingChartSources, sourceCandidates, sourceContext, sourceFileFilter } from '../../../src/core/chart-sources.js';
import { plan } from '../../../src/core/plan.js';
import type { ChartRequest, SourceFile } from '../../../src/core/types.js';
import { parseChartReference } from '../../../src/image/chart.js';

function charts(...inputs: string[]): ChartRequest[] {
  return inputs.map((input) => {
    const ref = parseChartReference(input);
    return { input, ref: { ...ref, version: ref.version ?? '' } };
  });
}
const newer = { policy: { kind: 'newer' } } as const;

const release = (name: string, source: string, namespace?: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${name}
  namespace: apps
spec:
  chart:
    spec:
      chart: api
      version: 1.4.1
      sourceRef:
        kind: HelmRepository
        name: ${source}${namespace === undefined ? '' : `\n        namespace: ${namespace}`}
`;
const repository = (name: string, url: string, namespace = 'flux-system') =>
  `apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  url: ${url}\n`;

describe('missingChartSources', () => {
  const selected: SourceFile[] = [
    { path: 'apps/prod/api.yaml', text: release('api', 'acme', 'flux-system') },
    { path: 'apps/prod/other.yaml', text: release('other-api', 'other') },
    { path: 'apps/prod/defined.yaml', text: release('api-2', 'here', 'flux-system') },
    { path: 'apps/prod/here.yaml', text: repository('here', 'https://charts.here.io') },
  ];

  it('names each HelmRepository a requested chart’s HelmRelease needs and no selected file defines (namespace filled in)', () => {
    expect(missingChartSources(selected, charts('oci://ghcr.io/acme/charts/api:1.5.0'))).toEqual([
      { kind: 'HelmRepository', name: 'acme', namespace: 'flux-system' },
      { kind: 'HelmRepository', name: 'other', namespace: 'apps' },
    ]);
  });

  it('asks for nothing when no request names a repository, the chart is another, or no file is a HelmRelease', () => {
    expect(missingChartSources(selected, charts('api:1.5.0'))).toEqual([]);
    expect(missingChartSources(selected, charts('oci://ghcr.io/acme/charts/web:1.5.0'))).toEqual([]);
    expect(missingChartSources([{ path: 'values.yaml', text: 'image:\n  tag: 1.4.1\n' }], charts('oci://ghcr.io/acme/charts/api:1.5.0'))).toEqual([]);
    // A selected file that does not parse: the plan reports it and writes nothing; no extra read is made for it.
    expect(missingChartSources([{ path: 'broken.yaml', text: `${release('api', 'acme')}  - [\n` }], charts('oci://ghcr.io/acme/charts/api:1.5.0'))).toEqual([]);
  });
});

describe('sourceCandidates and the filters', () => {
  const refs = [{ kind: 'HelmRepository', name: 'acme' }];
  it('takes files named after the source first, then those in or named like a place for sources; YAML only, not read yet, bounded', () => {
    const listing = [
      'README.md',
      'apps/prod/api.yaml',
      'clusters/prod/flux-system/gotk-sync.yaml',
      'infrastructure/sources/bitnami.yaml',
      'infrastructure/sources/acme.yaml',
      'infra/helmrepositories.yaml',
      'infra/acme-repo.yml',
      'infra/sources/notes.txt',
      'apps/prod/repos.yaml',
    ];
    expect(sourceCandidates(listing, refs, new Set(['apps/prod/repos.yaml']), 10)).toEqual([
      'infra/acme-repo.yml',
      'infrastructure/sources/acme.yaml',
      'clusters/prod/flux-system/gotk-sync.yaml',
      'infra/helmrepositories.yaml',
      'infrastructure/sources/bitnami.yaml',
    ]);
    expect(sourceCandidates(listing, refs, new Set(), 2)).toEqual(['infra/acme-repo.yml', 'infrastructure/sources/acme.yaml']);
  });

  it('keeps a file only when it holds HelmRepository and the name, on bytes and on text alike', () => {
    const texts = [repository('acme', 'oci://x'), repository('other', 'oci://x'), 'name: acme\n'];
    expect(texts.map((t) => sourceFileFilter(refs)(Buffer.from(t)))).toEqual([true, false, false]);
    expect(texts.map(mayDefineSource(refs))).toEqual([true, false, false]);
  });
});

describe('plan with sources outside paths', () => {
  const files: SourceFile[] = [
    { path: 'apps/prod/api.yaml', text: release('api', 'acme', 'flux-system') },
    { path: 'apps/prod/other.yaml', text: release('other-api', 'other', 'flux-system') },
  ];
  const request = charts('oci://ghcr.io/acme/charts/api:1.5.0');

  it('matches on the repository found outside paths: the look-alike from another repository stays, without a note', () => {
    const outside = sourceContext(
      [
        { path: 'infra/sources.yaml', text: `${repository('acme', 'oci://ghcr.io/acme/charts')}---\n${repository('other', 'https://charts.other.io')}` },
        { path: 'infra/broken.yaml', text: 'kind: HelmRepository\n  - [\n' },
      ],
      'anywhere under local-path',
    );
    const p = plan(files, [], { ...newer, charts: request, chartSources: outside });
    expect(p.edits.map((e) => [e.path, e.after])).toEqual([['apps/prod/api.yaml', files[0]!.text.replace('1.4.1', '1.5.0')]]);
    expect(p.notes).toEqual([]);
  });

  it('matches by name alone when the source is nowhere, and the note says where it was looked for', () => {
    const p = plan(files.slice(0, 1), [], { ...newer, charts: request, chartSources: sourceContext([], 'anywhere under local-path') });
    expect(p.changes.map((c) => c.to)).toEqual(['1.5.0']);
    expect(p.notes).toEqual([
      'apps/prod/api.yaml:10: chart api matched oci://ghcr.io/acme/charts/api by its name alone: its source HelmRepository flux-system/acme is not in the files read nor anywhere under local-path',
    ]);
  });

  it('never edits a context file, even one holding the requested chart', () => {
    const context = sourceContext([{ path: 'infra/acme.yaml', text: `${repository('acme', 'oci://ghcr.io/acme/charts')}---\n${release('api-x', 'acme', 'flux-system')}` }], 'x');
    const p = plan(files.slice(0, 1), [], { ...newer, charts: request, chartSources: context });
    expect(p.edits.map((e) => e.path)).toEqual(['apps/prod/api.yaml']);
  });
});

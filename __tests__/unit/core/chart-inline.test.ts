// Inline kustomize patches of a HelmRelease's chart version (`patches: - patch: |` in kustomization.yaml):
// strategic merge and JSON 6902, spliced byte-exactly inside the literal block; folded or quoted patches refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
const REQUEST = charts('oci://ghcr.io/acme/charts/podinfo:6.1.0');

const BASE: SourceFile[] = [
  {
    path: 'apps/base/podinfo/release.yaml',
    text: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\n  namespace: podinfo\nspec:\n  chart:\n    spec:\n      chart: podinfo\n      sourceRef:\n        kind: HelmRepository\n        name: acme\n',
  },
  {
    path: 'apps/base/podinfo/repository.yaml',
    text: 'apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: acme\n  namespace: podinfo\nspec:\n  type: oci\n  url: oci://ghcr.io/acme/charts\n',
  },
];

const strategic = (version: string, header = '|') => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: podinfo
resources:
  - ../base/podinfo
patches:
  - patch: ${header}
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: podinfo
        namespace: podinfo
      spec:
        chart:
          spec:
            version: ${version}   # pinned for production
        values:
          replicaCount: 3
    target:
      kind: HelmRelease
      name: podinfo
`;

const json6902 = (value: string) => `resources:
  - ../base/podinfo
patches:
  - target:
      kind: HelmRelease
      name: podinfo
      namespace: podinfo
    patch: |-
      - op: replace
        path: /spec/chart/spec/version
        value: ${value}
      - op: replace
        path: /spec/values/replicaCount
        value: "6.0.0"
`;

const bump = (text: string, request = REQUEST) => plan([...BASE, { path: 'apps/production/kustomization.yaml', text }], [], { ...newer, charts: request });

describe('inline kustomize patches', () => {
  it('moves the version inside a strategic-merge patch, only its bytes (quotes, comment column, indentation kept)', () => {
    for (const [before, after] of [['6.0.0', '6.1.0'], ['"6.0.0"', '"6.1.0"'], ["'6.0.0'", "'6.1.0'"]] as const) {
      const p = bump(strategic(before));
      expect(p.edits.map((e) => [e.path, e.after])).toEqual([['apps/production/kustomization.yaml', strategic(after)]]);
      expect(p.changes).toEqual([{ kind: 'chart', file: 'apps/production/kustomization.yaml', line: 16, image: 'oci://ghcr.io/acme/charts/podinfo', from: '6.0.0', to: '6.1.0' }]);
      expect(p.refusals).toEqual([]);
    }
    // |-, |+ and an indentation indicator are literal blocks too.
    for (const header of ['|-', '|+', '|2']) expect(bump(strategic('6.0.0', header)).edits[0]?.after).toBe(strategic('6.1.0', header));
  });

  it('moves the value of a JSON 6902 replace of /spec/chart/spec/version, not another operation’s', () => {
    const p = bump(json6902('6.0.0'));
    expect(p.edits.map((e) => e.after)).toEqual([json6902('6.1.0')]);
    expect(p.changes.map((c) => `${c.line} ${c.from} → ${c.to}`)).toEqual(['11 6.0.0 → 6.1.0']);
    expect(bump(json6902('"6.0.0"')).edits[0]!.after).toBe(json6902('"6.1.0"'));
  });

  it('leaves a patch of another HelmRelease, another repository’s chart, and a range alone (the range reported)', () => {
    expect(bump(strategic('6.0.0').replace(/name: podinfo/g, 'name: other')).edits).toEqual([]);
    expect(bump(strategic('6.0.0'), charts('oci://ghcr.io/other/charts/podinfo:6.1.0')).edits).toEqual([]);
    const range = bump(strategic('">=6.0.0"'));
    expect(range.edits).toEqual([]);
    expect(range.notes).toEqual([expect.stringContaining("apps/production/kustomization.yaml:16: chart oci://ghcr.io/acme/charts/podinfo stays at the version range '>=6.0.0'")]);
  });

  it('honours a hold written inside the patch', () => {
    const p = bump(strategic('6.0.0 # gitops-bump: hold until the load test'));
    expect(p.edits).toEqual([]);
    expect(p.refusals).toEqual([expect.objectContaining({ line: 16, reason: expect.stringContaining('until the load test') })]);
  });

  it('refuses, naming the reason, a patch written as a quoted string or with CRLF line ends (found, never skipped in silence)', () => {
    const quoted = `resources:\n  - ../base/podinfo\npatchesStrategicMerge:\n  - "kind: HelmRelease\\nmetadata:\\n  name: podinfo\\nspec:\\n  chart:\\n    spec:\\n      version: 6.0.0\\n"\n`;
    const refused = bump(quoted);
    expect(refused.edits).toEqual([]);
    expect(refused.refusals).toEqual([
      { kind: 'chart', file: 'apps/production/kustomization.yaml', line: 4, image: 'oci://ghcr.io/acme/charts/podinfo', from: '6.0.0', to: '6.1.0', reason: expect.stringContaining('a quoted or plain scalar, whose text is not its bytes') },
    ]);
    const crlf = bump(strategic('6.0.0').replace(/\n/g, '\r\n'));
    expect(crlf.edits).toEqual([]);
    expect(crlf.refusals).toEqual([expect.objectContaining({ reason: expect.stringContaining('could not be matched to its bytes') })]);
  });

  it('property: any indentation and any version text changes only the version bytes', () => {
    const semver = fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)).map(([a, b, c]) => `${a}.${b}.${c}`);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), semver, fc.constantFrom('', '"', "'"), (extra, from, quote) => {
        const pad = ' '.repeat(4 + extra);
        const text = `resources:\n  - ../base/podinfo\npatches:\n  - patch: |\n${pad}kind: HelmRelease\n${pad}metadata:\n${pad}  name: podinfo\n${pad}spec:\n${pad}  chart:\n${pad}    spec:\n${pad}      version: ${quote}${from}${quote}\n`;
        const to = '99.99.100';
        const p = plan([...BASE, { path: 'k/kustomization.yaml', text }], [], { policy: { kind: 'any' }, charts: charts(`oci://ghcr.io/acme/charts/podinfo:${to}`) });
        expect(p.edits.map((e) => e.after)).toEqual([text.replace(`${quote}${from}${quote}\n`, `${quote}${to}${quote}\n`)]);
      }),
      { numRuns: 60, seed: 14 },
    );
  });

  it('says so when the patch’s base is not in the files read (its chart cannot be told): never a silent skip', () => {
    const p = plan([{ path: 'apps/production/kustomization.yaml', text: strategic('6.0.0') }], [], { ...newer, charts: REQUEST });
    expect(p.edits).toEqual([]);
    expect(p.notes).toEqual([
      "apps/production/kustomization.yaml:16: the HelmRelease patch of podinfo/podinfo sets chart version 6.0.0, but no single base HelmRelease podinfo/podinfo naming its chart is in the files read: not matched (add the base's folder to paths)",
    ]);
  });
});

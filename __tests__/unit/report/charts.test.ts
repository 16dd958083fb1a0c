// Charts in what a person reads: the outputs' `kind`, the commit message, the outcome line, the tables, the branch.
import { describe, expect, it } from 'vitest';
import { defaultPullRequestBranch } from '../../../src/core/branch.js';
import type { Change, Plan } from '../../../src/core/types.js';
import { commitMessage, outcomeLine, pullRequestBody } from '../../../src/report/messages.js';
import { outputs } from '../../../src/report/outputs.js';
import { jobSummary } from '../../../src/report/summary.js';
import { unmatchedNotes } from '../../../src/report/unmatched.js';
import type { RunContext } from '../../../src/report/context.js';

const image: Change = { file: 'envs/prod/values.yaml', line: 3, image: 'ghcr.io/acme/api', from: '1.4.1', to: '1.5.0' };
const chart: Change = { kind: 'chart', file: 'envs/prod/release.yaml', line: 10, image: 'oci://ghcr.io/acme/charts/api', from: '1.4.1', to: '1.5.0' };
const app: Change = { kind: 'chart', field: 'appVersion', file: 'charts/api/Chart.yaml', line: 4, image: 'api', from: '1.4.1', to: '1.5.0' };
const plan: Plan = {
  edits: [image, chart, app].map((c) => ({ path: c.file, before: 'a\n', after: 'b\n', changes: [c] })),
  changes: [app, chart, image],
  refusals: [{ ...chart, file: 'envs/dev/release.yaml', from: '2.0.0', reason: 'older' }],
  skipped: [],
  notes: [],
};
const context: RunContext = { mode: 'commit', environment: 'prod', target: 'acme/gitops', branch: 'main', policy: 'newer' };

describe('reports with charts', () => {
  it('gives every changes and refused entry its kind; a chart entry names its chart', () => {
    const out = outputs(plan);
    expect(JSON.parse(out.changes!)).toEqual([
      { kind: 'chart', file: 'charts/api/Chart.yaml', line: 4, chart: 'api', field: 'appVersion', from: '1.4.1', to: '1.5.0' },
      { kind: 'chart', file: 'envs/prod/release.yaml', line: 10, chart: 'oci://ghcr.io/acme/charts/api', from: '1.4.1', to: '1.5.0' },
      { kind: 'image', file: 'envs/prod/values.yaml', line: 3, image: 'ghcr.io/acme/api', from: '1.4.1', to: '1.5.0' },
    ]);
    expect(JSON.parse(out.refused!)).toEqual([{ kind: 'chart', file: 'envs/dev/release.yaml', line: 10, chart: 'oci://ghcr.io/acme/charts/api', from: '2.0.0', to: '1.5.0', reason: 'older' }]);
  });

  it('names charts in the commit message and the outcome line', () => {
    expect(commitMessage('', plan, context)).toEqual({
      headline: 'Bump api appVersion 1.4.1 → 1.5.0, api chart 1.4.1 → 1.5.0, api 1.4.1 → 1.5.0 in prod',
      body: [
        '- api appVersion: 1.4.1 → 1.5.0 (charts/api/Chart.yaml:4)',
        '- chart oci://ghcr.io/acme/charts/api: 1.4.1 → 1.5.0 (envs/prod/release.yaml:10)',
        '- ghcr.io/acme/api: 1.4.1 → 1.5.0 (envs/prod/values.yaml:3)',
      ].join('\n'),
    });
    expect(outcomeLine(plan, context)).toMatch(/^Bumped 1 image reference and 2 chart versions in 3 files \(/);
    expect(outcomeLine({ ...plan, changes: [chart], edits: plan.edits.slice(1, 2) }, context)).toMatch(/^Bumped 1 chart version in 1 file \(api chart 1\.4\.1 → 1\.5\.0\)/);
  });

  it('shows charts in the summary and pull-request tables', () => {
    const summary = jobSummary(plan, context);
    expect(summary).toContain('| File | Image / chart | From | To |');
    expect(summary).toContain('| `envs/prod/release.yaml:10` | chart oci://ghcr.io/acme/charts/api | `1.4.1` | `1.5.0` |');
    expect(summary).toContain('| File | Image / chart | Current | Wanted | Why |');
    const body = pullRequestBody('', plan, context, 'gitops-bump/prod/api');
    expect(body).toContain('Moves these image references and chart versions in **prod**');
    expect(body).toContain('| api appVersion | `charts/api/Chart.yaml:4` | `1.4.1` | `1.5.0` |');
  });

  it('says a chart matched no chart version', () => {
    const missed: Plan = { ...plan, misses: [{ input: 'api:9.9.9', image: 'api', similar: [], kind: 'chart' }], selected: 4 };
    expect(unmatchedNotes(missed)).toEqual(["chart api matched no chart version in the 4 files paths selects. Check 'paths' and the chart's repository and name spelling."]);
  });

  it('joins charts and images in the default pull-request branch', () => {
    expect(defaultPullRequestBranch({ environment: 'prod', pathPatterns: [], images: ['ghcr.io/acme/api', 'api', 'web'] })).toBe('gitops-bump/prod/api+web');
  });
});

// Local delivery (`local-path`): read the checkout on disk, plan, and write the edited files back (nothing in
// dry-run). No GitHub code is loaded on this path.
import { checkRefused, withGateRefusals } from '../core/gates.js';
import { plan } from '../core/plan.js';
import { readFilterOf } from '../core/prefilter.js';
import type { Io } from '../core/io.js';
import type { Plan, SourceFile } from '../core/types.js';
import { missingChartSources, sourceContext, sourceFileFilter } from '../core/chart-sources.js';
import type { SourceContext } from '../core/charts.js';
import { describePolicy } from '../image/policy.js';
import { readContext, readLocal, writeLocal } from '../local/disk.js';
import type { PromotionReport, RunContext } from '../report/context.js';
import { reportPlan } from '../report/log.js';
import { bumpResult, type BumpResult } from '../report/outputs.js';
import { checkUnmatched } from '../report/unmatched.js';
import type { Settings } from '../settings/types.js';

/**
 * The Flux sources selected HelmReleases name for a requested chart that `paths` does not select: looked for anywhere
 * under local-path (only then: a byte filter on `HelmRepository` and the name keeps the walk cheap), read-only.
 */
function chartSourcesOnDisk(root: string, settings: Settings, files: readonly SourceFile[]): { chartSources?: SourceContext } {
  const missing = missingChartSources(files, settings.charts);
  if (missing.length === 0) return {};
  const found = readContext(root, sourceFileFilter(missing), settings.maxFileBytes, new Set(files.map((f) => f.path)));
  return { chartSources: sourceContext(found, 'anywhere under local-path') };
}

export async function bumpLocal(settings: Settings, io: Io, promotion?: PromotionReport): Promise<BumpResult> {
  const root = settings.localPath!;
  const context: RunContext = {
    mode: settings.mode,
    environment: settings.environment,
    target: root,
    policy: describePolicy(settings.policy),
    promotion,
    paths: settings.pathPatterns,
  };
  const snapshot = await io.group('Read files', async () => {
    // A promotion's held-back images are read too: their moves are listed as refused.
    const images = promotion?.gates ? promotion.requests : settings.images;
    const keep = readFilterOf(images, settings.charts.map((c) => c.ref.name), settings.chartAppVersion);
    const s = await readLocal(root, settings.paths, { maxFileBytes: settings.maxFileBytes, keep });
    if (s.shares.length > 1) io.debug(`Read on ${s.shares.length} threads: ${s.shares.join(' + ')} folders or batches (the main thread's first).`);
    const skipped = s.skipped.length ? `, ${s.skipped.length} skipped` : '';
    io.info(
      s.selected
        ? `${s.selected} file(s) selected under ${root}, ${s.files.length} read as candidates (they contain a requested ${settings.charts.length > 0 ? "image's or chart's" : "image's"} name)${skipped}.`
        : `No file under ${root} matches paths (${settings.pathPatterns.join(', ')})${skipped}.`,
    );
    return s;
  });
  const result = await io.group('Plan', async () => {
    const options = { policy: settings.policy, charts: settings.charts, chartAppVersion: settings.chartAppVersion, ...chartSourcesOnDisk(root, settings, snapshot.files) };
    const p = withGateRefusals(plan(snapshot.files, settings.images, options), snapshot.files, promotion, options);
    const withSkips: Plan = { ...p, skipped: [...(promotion?.skipped ?? []), ...snapshot.skipped, ...p.skipped], notes: [...(promotion?.notes ?? []), ...p.notes], selected: snapshot.selected };
    reportPlan(io, withSkips, settings.pathPatterns);
    checkUnmatched(withSkips, settings.failOnUnmatched, settings.pathPatterns);
    checkRefused(withSkips, settings.failOnRefused);
    return withSkips;
  });
  if (settings.mode !== 'dry-run' && result.edits.length > 0) {
    await io.group('Write files', async () => {
      await writeLocal(root, result.edits);
      for (const e of result.edits) io.info(`wrote ${e.path}`);
    });
  }
  return bumpResult(result, context);
}

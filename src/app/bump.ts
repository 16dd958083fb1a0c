// bump(): settings → (promotion) → source → plan → deliver → result, one log group per phase; the action and the
// CLI both run it, each with its own Io.
import { promotionRequests, sourceSkips } from '../core/promote.js';
import { applyGates, type GateSource } from './gates.js';
import { PlanSyntaxError } from '../core/scan.js';
import type { Io } from '../core/io.js';
import type { Skip, SourceFile } from '../core/types.js';
import { bumpLocal } from '../deliver/local.js';
import { describePolicy } from '../image/policy.js';
import { versionOf } from '../image/reference.js';
import { readLocal } from '../local/disk.js';
import type { PromotionReport } from '../report/context.js';
import type { BumpResult } from '../report/outputs.js';
import { InputError } from '../settings/errors.js';
import { resolveEnvironments } from '../settings/environments.js';
import { readSettings } from '../settings/read.js';
import type { InputReader, Settings } from '../settings/types.js';

export type { BumpResult } from '../report/outputs.js';

function annotate(io: Io, error: unknown): void {
  if (error instanceof PlanSyntaxError) {
    for (const e of error.errors) {
      io.error(`${e.file}:${e.line}:${e.column}: not valid YAML: ${e.detail}`, { file: e.file, line: e.line, column: e.column });
    }
  }
}

/**
 * A promotion's requests: every image version in the source files (a folder of the target, or another
 * repository) becomes a request for the target files. Without promote-from, the settings as they are.
 */
async function resolvePromotion(settings: Settings, io: Io, env: NodeJS.ProcessEnv): Promise<{ settings: Settings; promotion?: PromotionReport }> {
  const source = settings.promotion;
  if (!source) return { settings };
  return io.group('Read the promotion source', async () => {
    let files: readonly SourceFile[];
    let skipped: readonly Skip[];
    let where: string;
    let gateSource: GateSource | undefined;
    const globs = source.patterns.join(', ');
    if (source.repository || !settings.localPath) {
      // The GitHub adapters load only when the run goes through the API: local bumps start faster without them.
      const { readRemoteSource } = await import('../deliver/api.js');
      const { owner, repo } = source.repository ?? settings.repository!;
      const branch = source.branch ?? (source.repository ? undefined : settings.branch);
      const target = { owner, repo, branch };
      const snapshot = await readRemoteSource({ token: source.token, target, paths: source.paths, maxBytes: settings.maxFileBytes }, io, env);
      ({ files, skipped } = snapshot);
      gateSource = { repository: { owner, repo }, head: snapshot.head, token: source.token };
      where = `${owner}/${repo}@${snapshot.branch}: ${globs}`;
    } else {
      ({ files, skipped } = await readLocal(settings.localPath, source.paths, { maxFileBytes: settings.maxFileBytes }));
      where = globs;
    }
    const found = promotionRequests(files, source.only, { charts: source.onlyCharts });
    if (found.requests.length === 0 && found.charts.length === 0) {
      const listed = [...source.only.map((r) => r.name), ...source.onlyCharts.map((r) => `chart ${r.display}`)];
      const filter = listed.length > 0 ? ` for ${listed.join(', ')}` : '';
      const why = found.notes.length > 0 ? ` ${found.notes.join('; ')}.` : '';
      throw new InputError('promote-from', `no image or chart version found${filter} in the ${files.length} source file(s) matching ${where}.${why}`);
    }
    for (const request of found.requests) {
      const at = found.found.find((f) => f.repository === request.ref.repository)!;
      io.info(`promote ${request.ref.name} ${versionOf(request.ref)} (from ${at.file}:${at.line})`);
    }
    for (const request of found.charts) {
      const at = found.foundCharts.find((f) => f.chart === request.ref.display)!;
      io.info(`promote chart ${request.ref.display} ${request.ref.version} (from ${at.file}:${at.line})`);
    }
    const gated = await applyGates(settings, found, gateSource, io, env);
    const repository = source.repository && `${source.repository.owner}/${source.repository.repo}`;
    const promotion: PromotionReport = {
      from: source.environment,
      where,
      requests: found.requests,
      found: found.found,
      charts: found.charts,
      foundCharts: found.foundCharts,
      skipped: sourceSkips([...skipped, ...found.skipped], repository),
      notes: found.notes,
      ...(gated.gates !== undefined && { gates: gated.gates }),
    };
    return { settings: { ...settings, images: gated.images, charts: gated.charts }, promotion };
  });
}

/** One bump, whatever the surroundings: used by the action and by the CLI, each passing its environment (`env`). */
export async function bump(inputs: InputReader, io: Io, env: NodeJS.ProcessEnv): Promise<BumpResult> {
  // `promote-from-environment` + `environment` through `environments`: the globs and repositories they name.
  const read = resolveEnvironments(inputs, env.GITHUB_REPOSITORY);
  for (const secret of [read('token'), read('promote-from-token'), read('source-token')]) if (secret.trim()) io.setSecret(secret.trim());
  const given = readSettings(read, env);
  for (const note of [given.environmentNote, given.promotion?.environmentNote]) if (note) io.info(note);
  io.debug(
    `settings: ${JSON.stringify({
      images: given.images.map((i) => i.input),
      charts: given.charts.map((c) => c.input),
      chartAppVersion: given.chartAppVersion,
      paths: given.pathPatterns,
      repository: given.repository,
      branch: given.branch,
      mode: given.mode,
      localPath: given.localPath,
      policy: describePolicy(given.policy),
      environment: given.environment,
      failOnUnmatched: given.failOnUnmatched,
      summaryDiff: given.summaryDiff,
      promoteFrom: given.promotion && { ...given.promotion, paths: undefined, token: undefined },
    })}`,
  );
  try {
    const { settings, promotion } = await resolvePromotion(given, io, env);
    const result = settings.localPath
      ? await bumpLocal(settings, io, promotion)
      : await (await import('../deliver/api.js')).bumpRemote(settings, io, promotion, env);
    return { ...result, context: { ...result.context, summaryDiff: settings.summaryDiff } };
  } catch (error) {
    annotate(io, error);
    throw error;
  }
}

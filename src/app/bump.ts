// bump(): settings → (promotion) → source → plan → deliver → result, one log group per phase; the action and the
// CLI both run it, each with its own Io.
import { describePolicy } from '../image/policy.js';
import { versionOf } from '../image/reference.js';
import { promotionRequests, sourceSkips } from '../core/promote.js';
import { readLocal, writeLocal } from '../deliver/local.js';
import { mayHoldAny, plan } from '../core/plan.js';
import { PlanSyntaxError } from '../core/scan.js';
import type { PromotionReport, RunContext } from '../report/context.js';
import { isRollback, ROLLED_BACK } from '../report/messages.js';
import { bumpResult, type BumpResult } from '../report/outputs.js';
import { checkUnmatched, unmatchedNotes } from '../report/unmatched.js';

export type { BumpResult } from '../report/outputs.js';
import { readSettings } from '../settings/read.js';
import type { InputReader, Settings } from '../settings/types.js';
import type { Io } from '../core/io.js';
import type { Plan, Skip, SourceFile } from '../core/types.js';

function annotate(io: Io, error: unknown): void {
  if (error instanceof PlanSyntaxError) {
    for (const e of error.errors) {
      io.error(`${e.file}:${e.line}:${e.column}: not valid YAML: ${e.detail}`, { file: e.file, line: e.line, column: e.column });
    }
  }
}

/** Control characters (a newline in a file name) shown as escapes, so repository text cannot start a workflow command. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function reportPlan(io: Io, result: Plan, paths: readonly string[]): void {
  for (const c of result.changes) {
    if (isRollback(c)) io.info(oneLine(`${ROLLED_BACK} (policy: any): ${c.image} ${c.from} → ${c.to} at ${c.file}:${c.line}`));
  }
  for (const r of result.refusals) io.warning(`${r.image} ${r.from || '(none)'} → ${r.to} refused: ${r.reason}`, { file: r.file, line: r.line });
  for (const note of unmatchedNotes(result, paths)) io.warning(note);
  for (const note of result.notes) io.info(`note: ${note}`);
  for (const s of result.skipped) io.info(`skipped ${s.path}: ${s.reason}`);
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
    const globs = source.patterns.join(', ');
    if (source.repository || !settings.localPath) {
      // The GitHub adapters load only when the run goes through the API: local bumps start faster without them.
      const [{ createClient }, { readSnapshot }] = await Promise.all([import('../github/client.js'), import('../github/read.js')]);
      const { owner, repo } = source.repository ?? settings.repository!;
      const client = createClient({ token: source.token, log: (m) => io.debug(m), userAgent: 'gitops-bump', env });
      const branch = source.branch ?? (source.repository ? undefined : settings.branch);
      const snapshot = await readSnapshot(client, { owner, repo, branch }, source.paths, undefined, { maxBytes: settings.maxFileBytes });
      ({ files, skipped } = snapshot);
      where = `${owner}/${repo}@${snapshot.branch}: ${globs}`;
    } else {
      ({ files, skipped } = await readLocal(settings.localPath, source.paths, { maxFileBytes: settings.maxFileBytes }));
      where = globs;
    }
    const found = promotionRequests(files, source.only);
    if (found.requests.length === 0) {
      const filter = source.only.length > 0 ? ` for ${source.only.map((r) => r.name).join(', ')}` : '';
      throw new Error(`Input 'promote-from': no image version found${filter} in the ${files.length} source file(s) matching ${where}.`);
    }
    for (const request of found.requests) {
      const at = found.found.find((f) => f.repository === request.ref.repository)!;
      io.info(`promote ${request.ref.name} ${versionOf(request.ref)} (from ${at.file}:${at.line})`);
    }
    const repository = source.repository && `${source.repository.owner}/${source.repository.repo}`;
    const promotion: PromotionReport = {
      from: source.environment,
      where,
      requests: found.requests,
      found: found.found,
      skipped: sourceSkips([...skipped, ...found.skipped], repository),
    };
    return { settings: { ...settings, images: found.requests }, promotion };
  });
}

async function bumpLocal(settings: Settings, io: Io, promotion?: PromotionReport): Promise<BumpResult> {
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
    const s = await readLocal(root, settings.paths, { maxFileBytes: settings.maxFileBytes, keep: mayHoldAny(settings.images) });
    const skipped = s.skipped.length ? `, ${s.skipped.length} skipped` : '';
    io.info(
      s.selected
        ? `${s.selected} file(s) selected under ${root}, ${s.files.length} read as candidates (they contain a requested image's name)${skipped}.`
        : `No file under ${root} matches paths (${settings.pathPatterns.join(', ')})${skipped}.`,
    );
    return s;
  });
  const result = await io.group('Plan', async () => {
    const p = plan(snapshot.files, settings.images, { policy: settings.policy });
    const withSkips: Plan = { ...p, skipped: [...(promotion?.skipped ?? []), ...snapshot.skipped, ...p.skipped], selected: snapshot.selected };
    reportPlan(io, withSkips, settings.pathPatterns);
    checkUnmatched(withSkips, settings.failOnUnmatched, settings.pathPatterns);
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

/** One bump, whatever the surroundings: used by the action and by the CLI, each passing its environment (`env`). */
export async function bump(read: InputReader, io: Io, env: NodeJS.ProcessEnv): Promise<BumpResult> {
  for (const secret of [read('token'), read('promote-from-token')]) if (secret.trim()) io.setSecret(secret.trim());
  const given = readSettings(read, env);
  for (const note of [given.environmentNote, given.promotion?.environmentNote]) if (note) io.info(note);
  io.debug(
    `settings: ${JSON.stringify({
      images: given.images.map((i) => i.input),
      paths: given.pathPatterns,
      repository: given.repository,
      branch: given.branch,
      mode: given.mode,
      localPath: given.localPath,
      policy: describePolicy(given.policy),
      environment: given.environment,
      failOnUnmatched: given.failOnUnmatched,
      promoteFrom: given.promotion && { ...given.promotion, paths: undefined, token: undefined },
    })}`,
  );
  try {
    const { settings, promotion } = await resolvePromotion(given, io, env);
    const result = settings.localPath
      ? await bumpLocal(settings, io, promotion)
      : await (await import('../deliver/remote.js')).bumpRemote(settings, io, promotion, env);
    if (!settings.localPath) reportPlan(io, result.plan, settings.pathPatterns);
    return result;
  } catch (error) {
    annotate(io, error);
    throw error;
  }
}

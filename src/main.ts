// run(): settings → source → plan → deliver → report, one log group per phase.
import { describePolicy } from './image/policy.js';
import { versionOf } from './image/reference.js';
import { promotionRequests } from './promote.js';
import { readLocal, writeLocal } from './local/source.js';
import { mayHoldAny, plan, PlanSyntaxError } from './plan.js';
import { bumpResult, isRollback, jobSummary, outputs, ROLLED_BACK, unmatchedNotes, type BumpResult, type PromotionReport, type RunContext } from './report.js';

export type { BumpResult } from './report.js';
import { getInput, Runner, type AnnotationProperties } from './runner.js';
import { readSettings, type InputReader, type Settings } from './settings.js';
import type { Plan, SourceFile } from './types.js';

/** Where a message points in a file (annotations). */
export interface Place {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** The run's effects on its surroundings: the runner (workflow commands, output files) or a terminal (the CLI). */
export interface Io {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string, place?: Place): void;
  error(message: string, place?: Place): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  summary(markdown: string): Promise<void>;
  setSecret(secret: string): void;
}

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

function reportPlan(io: Io, result: Plan): void {
  for (const c of result.changes) {
    if (isRollback(c)) io.info(oneLine(`${ROLLED_BACK} (policy: any): ${c.image} ${c.from} → ${c.to} at ${c.file}:${c.line}`));
  }
  for (const r of result.refusals) io.warning(`${r.image} ${r.from || '(none)'} → ${r.to} refused: ${r.reason}`, { file: r.file, line: r.line });
  for (const note of unmatchedNotes(result)) io.warning(`${note} Check 'paths' and the repository's spelling.`);
  for (const note of result.notes) io.info(`note: ${note}`);
  for (const s of result.skipped) io.info(`skipped ${s.path}: ${s.reason}`);
}

/**
 * A promotion's requests: every image version in the source files (a folder of the target, or another
 * repository) becomes a request for the target files. Without promote-from, the settings as they are.
 */
async function resolvePromotion(settings: Settings, io: Io): Promise<{ settings: Settings; promotion?: PromotionReport }> {
  const source = settings.promotion;
  if (!source) return { settings };
  return io.group('Read the promotion source', async () => {
    let files: readonly SourceFile[];
    let where: string;
    const globs = source.patterns.join(', ');
    if (source.repository || !settings.localPath) {
      // The GitHub adapters load only when the run goes through the API: local bumps start faster without them.
      const [{ createClient }, { readSnapshot }] = await Promise.all([import('./github/client.js'), import('./github/source.js')]);
      const { owner, repo } = source.repository ?? settings.repository!;
      const client = createClient({ token: source.token, log: (m) => io.debug(m), userAgent: 'gitops-bump' });
      const branch = source.branch ?? (source.repository ? undefined : settings.branch);
      const snapshot = await readSnapshot(client, { owner, repo, branch }, source.paths, undefined, { maxBytes: settings.maxFileBytes });
      files = snapshot.files;
      where = `${owner}/${repo}@${snapshot.branch}: ${globs}`;
    } else {
      files = (await readLocal(settings.localPath, source.paths, { maxFileBytes: settings.maxFileBytes })).files;
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
    const promotion: PromotionReport = { from: source.environment, where, requests: found.requests, found: found.found };
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
  };
  const snapshot = await io.group('Read files', async () => {
    const s = await readLocal(root, settings.paths, { maxFileBytes: settings.maxFileBytes, keep: mayHoldAny(settings.images) });
    io.info(`${s.files.length} selected file(s) under ${root} mention the requested images${s.skipped.length ? `, ${s.skipped.length} skipped` : ''}.`);
    return s;
  });
  const result = await io.group('Plan', async () => {
    const p = plan(snapshot.files, settings.images, { policy: settings.policy });
    const withSkips: Plan = { ...p, skipped: [...snapshot.skipped, ...p.skipped] };
    reportPlan(io, withSkips);
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

/** One bump, whatever the surroundings: used by the action and by the CLI. */
export async function bump(read: InputReader, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<BumpResult> {
  for (const secret of [read('token'), read('promote-from-token')]) if (secret.trim()) io.setSecret(secret.trim());
  const given = readSettings(read, env);
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
      promoteFrom: given.promotion && { ...given.promotion, paths: undefined, token: undefined },
    })}`,
  );
  try {
    const { settings, promotion } = await resolvePromotion(given, io);
    const result = settings.localPath
      ? await bumpLocal(settings, io, promotion)
      : await (await import('./remote.js')).bumpRemote(settings, io, promotion, env);
    if (!settings.localPath) reportPlan(io, result.plan);
    return result;
  } catch (error) {
    annotate(io, error);
    throw error;
  }
}

/** The runner's surroundings (the workflow-command protocol on stdout, the output and summary files). */
export function actionIo(runner = new Runner()): Io {
  const props = (place?: Place): AnnotationProperties | undefined =>
    place ? { file: place.file, startLine: place.line, startColumn: place.column } : undefined;
  return {
    info: (m) => runner.info(m),
    debug: (m) => runner.debug(m),
    warning: (m, place) => runner.annotate('warning', m, props(place)),
    error: (m, place) => runner.annotate('error', m, props(place)),
    group: (name, fn) => runner.group(name, fn),
    setOutput: (name, value) => runner.setOutput(name, value),
    summary: async (markdown) => runner.summary(markdown),
    setSecret: (s) => runner.setSecret(s),
  };
}

/** The action's entry point: never throws; a failure is reported with setFailed. */
export async function run(): Promise<void> {
  const runner = new Runner();
  const io = actionIo(runner);
  try {
    const result = await bump((name) => getInput(name), io);
    const values = outputs(result.plan, result.context);
    for (const [name, value] of Object.entries(values)) io.setOutput(name, value);
    await io.summary(jobSummary(result.plan, result.context));
    runner.info(result.outcome);
  } catch (error) {
    runner.setFailed(error instanceof Error ? error.message : String(error));
  }
}

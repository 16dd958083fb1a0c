// `mode: report` (the CLI's `report` command): read every environment once, build the matrix of what runs where.
// Reads only: nothing is ever written (no commit, no pull request, no file).
import { withAges, type AgeSource } from '../core/age.js';
import type { Io } from '../core/io.js';
import { PlanSyntaxError } from '../core/scan.js';
import { buildMatrix, scanEnvironment, type EnvironmentScan, type Matrix } from '../core/matrix.js';
import { readLocal } from '../local/disk.js';
import { matrixLog } from '../report/matrix.js';
import { readReportSettings } from '../settings/read.js';
import type { InputReader, ReportSettings } from '../settings/types.js';
import type { Environment } from '../settings/environments.js';
import type { SummaryDiff } from '../core/types.js';

/** One environment read: its scan, and what its ages come from (undefined: a local folder, no age read). */
interface EnvironmentRead {
  readonly scan: EnvironmentScan;
  readonly ages?: AgeSource | { readonly unknown: string };
}

export interface ReportResult {
  readonly matrix: Matrix;
  readonly scans: readonly EnvironmentScan[];
  readonly summaryDiff: SummaryDiff;
}

/** Reads one environment; a file that is not YAML fails the report naming the environment (its paths are its repository's). */
async function readEnvironment(e: Environment, settings: ReportSettings, io: Io, env: NodeJS.ProcessEnv): Promise<EnvironmentRead> {
  try {
    return await readOne(e, settings, io, env);
  } catch (error) {
    if (error instanceof PlanSyntaxError) {
      for (const f of error.errors) io.error(`${e.name}: ${f.file}:${f.line}:${f.column}: not valid YAML: ${f.detail}`);
      throw new Error(`environment ${e.name} (${e.repository ? `${e.repository.owner}/${e.repository.repo}` : e.patterns.join(', ')}): ${error.message}`, { cause: error });
    }
    throw error;
  }
}

/**
 * Reads one environment: a folder from local-path or the target repository, or its own repository through the API;
 * through the API, then the histories of the files holding a version (one more query) for the ages. A local folder's
 * ages are not read: the checkout may be shallow (actions/checkout fetches one commit) or not a git repository, and
 * running git on it is not this report's business.
 */
async function readOne(e: Environment, settings: ReportSettings, io: Io, env: NodeJS.ProcessEnv): Promise<EnvironmentRead> {
  const globs = e.patterns.join(', ');
  if (e.repository === undefined && settings.localPath !== undefined) {
    const snapshot = await readLocal(settings.localPath, e.paths, { maxFileBytes: settings.maxFileBytes });
    return { scan: withSkips(scanEnvironment(e.name, globs, snapshot.files), snapshot.skipped) };
  }
  // The GitHub adapters load only when an environment is read through the API.
  const { readRemoteHistories, readRemoteSource } = await import('../deliver/api.js');
  const { owner, repo } = e.repository ?? settings.repository!;
  const branch = e.repository ? e.branch : settings.branch;
  const snapshot = await readRemoteSource({ token: settings.token, target: { owner, repo, branch }, paths: e.paths, maxBytes: settings.maxFileBytes }, io, env);
  const where = e.repository ? `${owner}/${repo}@${snapshot.branch}: ${globs}` : globs;
  const scan = withSkips(scanEnvironment(e.name, where, snapshot.files), snapshot.skipped);
  const files = [...new Set([...scan.rows.values()].flatMap((r) => r.places.map((p) => p.file)))].sort();
  if (files.length === 0) return { scan };
  try {
    const ages = await readRemoteHistories({ token: settings.token, target: { owner, repo, branch }, head: snapshot.head }, files, io, env);
    io.info(`${e.name}: ages from the history of ${files.length} file(s), up to ${ages.window} commits each.`);
    return { scan, ages };
  } catch (error) {
    // The versions stand without their ages: a failed history read makes every age of this environment unknown.
    io.warning(`${e.name}: the files' history could not be read, ages unknown: ${error instanceof Error ? error.message : String(error)}`);
    return { scan, ages: { unknown: 'the history could not be read' } };
  }
}

function withSkips(scan: EnvironmentScan, unread: EnvironmentScan['skipped']): EnvironmentScan {
  return { ...scan, skipped: [...unread, ...scan.skipped] };
}

/** The report, whatever the surroundings: the action and the CLI each pass their environment (`env`). */
export async function report(read: InputReader, io: Io, env: NodeJS.ProcessEnv): Promise<ReportResult> {
  if (read('token').trim()) io.setSecret(read('token').trim());
  const settings = readReportSettings(read, env);
  const reads: EnvironmentRead[] = [];
  for (const e of settings.environments) {
    reads.push(
      await io.group(`Read ${e.name}`, async () => {
        const read = await readEnvironment(e, settings, io, env);
        const { scan } = read;
        io.info(`${e.name}: ${scan.files} file(s) read (${scan.where}), ${scan.rows.size} image(s) and chart(s) found.`);
        for (const skip of scan.skipped) io.info(`${e.name}: skipped ${skip.path}: ${skip.reason}`);
        return read;
      }),
    );
  }
  const scans = reads.map((r) => r.scan);
  const matrix = withAges(buildMatrix(scans), reads.map((r) => r.ages), settings.now);
  for (const line of matrixLog(matrix)) io.info(line);
  return { matrix, scans, summaryDiff: settings.summaryDiff };
}

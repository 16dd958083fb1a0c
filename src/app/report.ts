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
import type { Snapshot, SummaryDiff } from '../core/types.js';
import { unionPaths } from '../core/paths.js';

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

/**
 * Reads environments through the API from one repository and branch together: one snapshot of what any of them
 * selects, split by each one's own globs, then one query for the histories of every file holding a version (the
 * ages). A folder layout is then two requests whatever the number of environments. A local folder is read from
 * local-path and its ages are not read: the checkout may be shallow (actions/checkout fetches one commit) or not a
 * git repository, and running git on it is not this report's business.
 */
async function readGroup(group: readonly Environment[], settings: ReportSettings, io: Io, env: NodeJS.ProcessEnv): Promise<EnvironmentRead[]> {
  const first = group[0]!;
  if (first.repository === undefined && settings.localPath !== undefined) {
    const snapshot = await readLocal(settings.localPath, first.paths, { maxFileBytes: settings.maxFileBytes });
    return [{ scan: withSkips(scanEnvironment(first.name, first.patterns.join(', '), snapshot.files), snapshot.skipped) }];
  }
  // The GitHub adapters load only when an environment is read through the API.
  const { readRemoteHistories, readRemoteSource } = await import('../deliver/api.js');
  const { owner, repo } = first.repository ?? settings.repository!;
  const branch = first.repository ? first.branch : settings.branch;
  const paths = group.length === 1 ? first.paths : unionPaths(group.map((e) => e.paths));
  const snapshot = await readRemoteSource({ token: settings.token, target: { owner, repo, branch }, paths, maxBytes: settings.maxFileBytes }, io, env);
  const scans = group.map((e) => {
    const globs = e.patterns.join(', ');
    const where = e.repository ? `${owner}/${repo}@${snapshot.branch}: ${globs}` : globs;
    const own = only(snapshot, e);
    return scanned(e, () => withSkips(scanEnvironment(e.name, where, own.files), own.skipped));
  });
  const files = [...new Set(scans.flatMap((scan) => [...scan.rows.values()].flatMap((r) => r.places.map((p) => p.file))))].sort();
  if (files.length === 0) return scans.map((scan) => ({ scan }));
  try {
    const ages = await readRemoteHistories({ token: settings.token, target: { owner, repo, branch }, head: snapshot.head }, files, io, env);
    io.info(`${group.map((e) => e.name).join(', ')}: ages from the history of ${files.length} file(s), up to ${ages.window} commits each.`);
    return scans.map((scan) => ({ scan, ages }));
  } catch (error) {
    // The versions stand without their ages: a failed history read makes every age of these environments unknown.
    io.warning(`${group.map((e) => e.name).join(', ')}: the files' history could not be read, ages unknown: ${error instanceof Error ? error.message : String(error)}`);
    return scans.map((scan) => ({ scan, ages: { unknown: 'the history could not be read' } }));
  }
}

/** What of a shared snapshot is `e`'s: the files and skips its own globs select. */
function only(snapshot: Snapshot, e: Environment): Pick<Snapshot, 'files' | 'skipped'> {
  return { files: snapshot.files.filter((f) => e.paths.matches(f.path)), skipped: snapshot.skipped.filter((s) => e.paths.matches(s.path)) };
}

/** Scans one environment; a file that is not YAML fails the report naming the environment and the place. */
function scanned(e: Environment, scan: () => EnvironmentScan): EnvironmentScan {
  try {
    return scan();
  } catch (error) {
    throw named(e, error);
  }
}

/** A file of one environment that is not YAML: the message names the environment (its paths are its repository's). */
class EnvironmentSyntaxError extends Error {
  constructor(
    readonly environment: string,
    readonly syntax: PlanSyntaxError,
    where: string,
  ) {
    super(`environment ${environment} (${where}): ${syntax.message}`, { cause: syntax });
  }
}

/** A file that is not YAML, named with its environment; other errors as they are. */
function named(e: Environment, error: unknown): unknown {
  if (!(error instanceof PlanSyntaxError)) return error;
  return new EnvironmentSyntaxError(e.name, error, e.repository ? `${e.repository.owner}/${e.repository.repo}` : e.patterns.join(', '));
}

/**
 * The environments in read groups, in order: API environments of one repository and branch together (their order
 * kept), every local folder alone.
 */
function readGroups(environments: readonly Environment[], settings: ReportSettings): Environment[][] {
  const groups: Environment[][] = [];
  const byTarget = new Map<string, Environment[]>();
  for (const e of environments) {
    if (e.repository === undefined && settings.localPath !== undefined) {
      groups.push([e]);
      continue;
    }
    const { owner, repo } = e.repository ?? settings.repository!;
    const key = `${owner}/${repo}@${(e.repository ? e.branch : settings.branch) ?? ''}`.toLowerCase();
    const group = byTarget.get(key);
    if (group !== undefined) group.push(e);
    else {
      const fresh = [e];
      byTarget.set(key, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

function withSkips(scan: EnvironmentScan, unread: EnvironmentScan['skipped']): EnvironmentScan {
  return { ...scan, skipped: [...unread, ...scan.skipped] };
}

/** The report, whatever the surroundings: the action and the CLI each pass their environment (`env`). */
export async function report(read: InputReader, io: Io, env: NodeJS.ProcessEnv): Promise<ReportResult> {
  if (read('token').trim()) io.setSecret(read('token').trim());
  const settings = readReportSettings(read, env);
  const byName = new Map<string, EnvironmentRead>();
  for (const group of readGroups(settings.environments, settings)) {
    await io.group(`Read ${group.map((e) => e.name).join(', ')}`, async () => {
      const reads = await readGroup(group, settings, io, env).catch((error: unknown) => {
        const failed = named(group[0]!, error);
        if (failed instanceof EnvironmentSyntaxError) {
          for (const f of failed.syntax.errors) io.error(`${failed.environment}: ${f.file}:${f.line}:${f.column}: not valid YAML: ${f.detail}`);
        }
        throw failed;
      });
      group.forEach((e, i) => {
        const { scan } = reads[i]!;
        io.info(`${e.name}: ${scan.files} file(s) read (${scan.where}), ${scan.rows.size} image(s) and chart(s) found.`);
        for (const skip of scan.skipped) io.info(`${e.name}: skipped ${skip.path}: ${skip.reason}`);
        byName.set(e.name, reads[i]!);
      });
    });
  }
  const reads = settings.environments.map((e) => byName.get(e.name)!);
  const scans = reads.map((r) => r.scan);
  const matrix = withAges(buildMatrix(scans), reads.map((r) => r.ages), settings.now);
  for (const line of matrixLog(matrix)) io.info(line);
  return { matrix, scans, summaryDiff: settings.summaryDiff };
}

// The scan of a run that asks for charts (or chart-app-version): which files are parsed, in two rounds, so that a
// chart bump parses the files that can hold the chart, not every HelmRelease of a fleet. Pure.
//
// Round 1: the images' candidates; files holding a requested chart's name as a component (a HelmRelease base, an
// Argo CD source, an OCIRepository URL, a Chart.yaml dependency, a marker…); HelmRepository objects (`kind:` at the
// start of a line: a sourceRef's `kind: HelmRepository` is indented); with appVersion, every Chart.yaml.
// Round 2: the HelmRelease patches of the bases found (the name of a base's release as a component, and `kind:
// HelmRelease` at the start of a line). Round 3: the kustomizations in the folders of the patches (a patch's base
// is picked through them when several HelmReleases share its name).
import { byPath } from './paths.js';
import { CHART_YAML_FILE, holdsComponent, KUSTOMIZATION_FILE } from './prefilter.js';
import { PlanSyntaxError, scan, type FileSyntaxError, type ScannedFile } from './scan.js';
import type { ChartRequest, Skip, SourceFile } from './types.js';

const SOURCE_OBJECT = /^kind:[ \t]*["']?HelmRepository\b/m;
const RELEASE_OBJECT = /^kind:[ \t]*["']?HelmRelease\b/m;

function folderOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

/**
 * Scans the files a chart run needs (two rounds, see above), charts located, in path order. Throws
 * {@link PlanSyntaxError} listing every selected file that does not parse, after both rounds.
 */
export function scanForCharts(
  files: readonly SourceFile[],
  imageCandidate: (text: string) => boolean,
  charts: readonly ChartRequest[],
  appVersion: boolean,
): { scanned: ScannedFile[]; skipped: Skip[] } {
  const names = [...new Set(charts.map((r) => r.ref.name))];
  const scanned: ScannedFile[] = [];
  const skipped: Skip[] = [];
  const errors: FileSyntaxError[] = [];
  const taken = new Set<string>();
  const round = (select: (file: SourceFile) => boolean): void => {
    const keep = (file: SourceFile): boolean => {
      if (taken.has(file.path) || !select(file)) return false;
      taken.add(file.path);
      return true;
    };
    try {
      skipped.push(...scan(files, (file) => scanned.push(file), keep, { charts: true }));
    } catch (error) {
      if (!(error instanceof PlanSyntaxError)) throw error;
      errors.push(...error.errors);
    }
  };
  round(
    (file) =>
      imageCandidate(file.text) ||
      (appVersion && CHART_YAML_FILE.test(file.path)) ||
      (names.length > 0 && (names.some((name) => holdsComponent(file.text, name)) || SOURCE_OBJECT.test(file.text))),
  );
  const releases = [...new Set(scanned.flatMap((file) => (file.charts?.sites ?? []).flatMap((site) => (site.form === 'helm-release' && site.chart !== undefined && site.release !== undefined ? [site.release.name] : []))))];
  if (releases.length > 0) {
    // A kustomization may patch a HelmRelease inline (`patches: - patch: |`): its `kind: HelmRelease` is indented.
    const mayPatch = (file: SourceFile): boolean => RELEASE_OBJECT.test(file.text) || (KUSTOMIZATION_FILE.test(file.path) && file.text.includes('HelmRelease'));
    round((file) => mayPatch(file) && releases.some((name) => holdsComponent(file.text, name)));
    // Round 3: the kustomizations beside every patch found (in either round).
    const folders = new Set(scanned.filter((file) => (file.charts?.sites ?? []).some((site) => site.form === 'helm-release' && site.chart === undefined)).map((file) => folderOf(file.path)));
    if (folders.size > 0) round((file) => KUSTOMIZATION_FILE.test(file.path) && folders.has(folderOf(file.path)));
  }
  if (errors.length > 0) throw new PlanSyntaxError(errors);
  return { scanned: scanned.sort(byPath), skipped: skipped.sort(byPath) };
}

// `chart-app-version: true`: a Chart.yaml's `appVersion` follows the image its values move (issue 14 item 3). Pure.
//
// A values file belongs to the nearest Chart.yaml beside or above it. When this run moves an image in such a file
// from the tag the chart's appVersion holds, appVersion moves to the new tag in the same plan. The chart's own
// `version` is the chart author's release and is never touched here.
import type { EditSet } from '../yaml/edits.js';
import { whyHeld } from '../yaml/splice.js';
import { dirname, writeScalar } from './charts.js';
import type { ScannedFile } from './scan.js';
import type { Change, Refusal } from './types.js';

/** One planned file, as plan.ts holds it before its edit is made: appVersion changes are added to it. */
export interface PlannedFile {
  readonly file: ScannedFile;
  readonly outcome: { readonly edits: EditSet; readonly changes: Change[]; readonly refusals: Refusal[] };
}

/** The tag of a `from`/`to` value (`1.4.1@sha256:…` → `1.4.1`); '' for a digest alone or nothing. */
function tagOf(version: string): string {
  return version.startsWith('sha256:') || version.startsWith('sha512:') ? '' : (version.split('@')[0] ?? '');
}

/** True when `path` is in `folder` or below it ('' is the repository root). */
function isUnder(path: string, folder: string): boolean {
  return folder === '' || path.startsWith(`${folder}/`);
}

/** Adds the appVersion moves to the Chart.yaml files of `planned`, after every image change is known. */
export function planAppVersions(planned: readonly PlannedFile[]): void {
  // Every Chart.yaml owns the values below it up to the next one (a subchart's values are its own, even when it
  // has no appVersion); only those with an appVersion move.
  const folders = planned.filter(({ file }) => file.charts?.chartYaml !== undefined).map(({ file }) => dirname(file.path));
  const charts = planned.filter(({ file }) => file.charts?.chartYaml?.appVersion !== undefined);
  if (charts.length === 0) return;
  /** The folder of the nearest Chart.yaml beside or above `path`. */
  const owner = (path: string): string | undefined =>
    folders.filter((folder) => isUnder(path, folder)).sort((a, b) => b.length - a.length)[0];
  const imageChanges = planned.flatMap(({ outcome }) => outcome.changes.filter((change) => change.kind !== 'chart'));
  for (const { file, outcome } of charts) {
    const facts = file.charts!.chartYaml!;
    const slot = facts.appVersion!;
    const folder = dirname(file.path);
    const current = slot.text ?? '';
    const moves = imageChanges.filter((change) => owner(change.file) === folder && current !== '' && tagOf(change.from) === current && tagOf(change.to) !== '');
    const targets = [...new Set(moves.map((change) => tagOf(change.to)))];
    const [to] = targets;
    if (to === undefined || to === current) continue;
    const entry: Change = { kind: 'chart', field: 'appVersion', file: file.path, line: slot.line, image: facts.name, from: current, to };
    if (targets.length > 1) {
      const places = moves.map((change) => `${change.image} → ${tagOf(change.to)} at ${change.file}:${change.line}`).join(', ');
      outcome.refusals.push({ ...entry, reason: `appVersion ${current} would follow images moving to different tags (${places})` });
      continue;
    }
    const held = whyHeld(facts);
    if (held !== undefined) {
      outcome.refusals.push({ ...entry, reason: held });
      continue;
    }
    const refused = writeScalar(file.text, slot, to, `line ${slot.line} (appVersion)`, outcome.edits, 'appVersion');
    if (refused !== undefined) outcome.refusals.push({ ...entry, reason: refused });
    else outcome.changes.push(entry);
  }
}

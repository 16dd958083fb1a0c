// What a pull-request branch proposes against its base, pure: the image references it moves (located by the YAML
// engine in both texts, and matched), replayed on another base with the policy judged again, and described as a
// plan (what the title, the body and a rebuild's commit message tell). Whichever run moved a reference, it is part
// of the proposal: a shared `pr-branch` (a matrix's jobs folding their images into one PR) loses nothing.
import type { Policy } from '../image/policy.js';
import { formatReference, parseReference, versionOf, type ImageReference } from '../image/reference.js';
import { isChartTemplate, locate, type ImageSite } from '../yaml/locate.js';
import { byPath } from './paths.js';
import { plan } from './plan.js';
import type { FoundVersion } from './promote.js';
import { PlanSyntaxError } from './scan.js';
import type { Change, FileEdit, ImageRequest, Plan, SourceFile } from './types.js';

/**
 * One image reference a branch moves: where it is on the branch and what it holds there (a found version, `line`
 * 1-based on the branch), and the version the other side holds (`versionOf`).
 */
export interface Move extends FoundVersion {
  readonly from: string;
}

/**
 * The references `after` moves against `before`, file by file (the same path in both), in path and line order.
 * References are matched by document, YAML path and repository, else as the n-th reference to the same repository in
 * the file (a base that inserted a container above keeps the match). A file that is not YAML on either side, a chart
 * template, or a reference `before` does not have, moves nothing.
 */
export function movesBetween(before: readonly SourceFile[], after: readonly SourceFile[]): Move[] {
  const old = new Map(before.map((f) => [f.path, f.text]));
  const moves: Move[] = [];
  for (const file of [...after].sort(byPath)) {
    const text = old.get(file.path);
    if (text === undefined || text === file.text) continue;
    const [was, now] = [sitesOf(file.path, text), sitesOf(file.path, file.text)];
    if (was === undefined || now === undefined) continue;
    for (const [site, match] of matchSites(was, now)) {
      if (site.repository === undefined || match === undefined) continue;
      const from = versionOf(match);
      if (versionOf(site) === from) continue;
      moves.push({ file: file.path, line: site.line, repository: site.repository, name: site.name === '' ? site.repository : site.name, ...version(site), from });
    }
  }
  return moves;
}

/**
 * `files` with `moves` replayed: every file's moves become requests (one version per image per file: the first
 * move's, a shape the runs never produce otherwise) and are planned with `policy`, as a run asking for those
 * versions would be on these files (holds, anchors and the policy judged again: a file that already holds a newer
 * version keeps it under `newer`). A file that does not parse is kept as it is.
 */
export function replay(files: readonly SourceFile[], moves: readonly Move[], policy: Policy): SourceFile[] {
  return files.map((file) => {
    const requests: ImageRequest[] = [];
    for (const move of moves) {
      if (move.file !== file.path || requests.some((r) => r.ref.repository === move.repository)) continue;
      const request = requestOf(move);
      if (request !== undefined) requests.push(request);
    }
    if (requests.length === 0) return file;
    try {
      const edit = plan([file], requests, { policy }).edits[0];
      return edit === undefined ? file : { path: file.path, text: edit.after };
    } catch (error) {
      if (error instanceof PlanSyntaxError) return file;
      throw error;
    }
  });
}

/**
 * The plan that takes `base` to `after`: an edit for every file whose text differs, and as changes the references it
 * moves (from the base's version to the branch's, at the branch's line). What a pull request holding `after`
 * proposes; no refusals (those are a run's, not the PR's).
 */
export function planBetween(base: readonly SourceFile[], after: readonly SourceFile[]): Plan {
  const moves = movesBetween(base, after);
  const old = new Map(base.map((f) => [f.path, f.text]));
  const edits: FileEdit[] = [];
  for (const file of after) {
    const before = old.get(file.path);
    if (before === undefined || before === file.text) continue;
    const changes = moves.filter((m) => m.file === file.path).map(changeOf);
    edits.push({ path: file.path, before, after: file.text, changes });
  }
  edits.sort(byPath);
  return { edits, changes: edits.flatMap((e) => e.changes), refusals: [], skipped: [], notes: [] };
}

/** The policy a replay uses when it cannot tell a move the branch made from one the base made since (no fork point): never backwards. */
export function forwardOnly(policy: Policy): Policy {
  return policy.kind === 'any' ? { kind: 'newer' } : policy;
}

function changeOf(move: Move): Change {
  return { file: move.file, line: move.line, image: move.name, from: move.from, to: versionOf(move) };
}

function version(site: Pick<ImageSite, 'tag' | 'digest'>): { tag?: string; digest?: string } {
  return { ...(site.tag !== undefined && { tag: site.tag }), ...(site.digest !== undefined && { digest: site.digest }) };
}

/** The request that moves a reference to `move`'s version, named as the branch spells it (else by its repository). */
function requestOf(move: Move): ImageRequest | undefined {
  for (const name of [move.name, move.repository]) {
    let ref: ImageReference;
    try {
      ref = parseReference(formatReference(name, move.tag, move.digest));
    } catch {
      continue;
    }
    if (ref.repository === move.repository) return { input: ref.raw, ref };
  }
  return undefined;
}

/** The image references of a file, or undefined when it is a chart template or not YAML. */
function sitesOf(path: string, text: string): readonly ImageSite[] | undefined {
  if (isChartTemplate(path, text)) return undefined;
  try {
    return locate(text).sites;
  } catch {
    return undefined;
  }
}

/** Pairs every site of `now` with its site in `was` (or undefined): same document, path and repository, else the n-th of its repository. */
function matchSites(was: readonly ImageSite[], now: readonly ImageSite[]): [ImageSite, ImageSite | undefined][] {
  const key = (s: ImageSite): string => `${s.doc}\u0000${s.path}\u0000${s.repository ?? ''}`;
  const free = new Set(was);
  const pairs = new Map<ImageSite, ImageSite | undefined>();
  for (const site of now) {
    const same = was.find((w) => free.has(w) && key(w) === key(site));
    if (same !== undefined) free.delete(same);
    pairs.set(site, same);
  }
  for (const site of now) {
    if (pairs.get(site) !== undefined || site.repository === undefined) continue;
    const next = was.find((w) => free.has(w) && w.repository === site.repository);
    if (next !== undefined) free.delete(next);
    pairs.set(site, next);
  }
  return now.map((site) => [site, pairs.get(site)]);
}

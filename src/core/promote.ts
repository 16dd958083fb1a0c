// promote: the versions running in one environment become the requests for the next. Pure.
import { formatReference, parseReference, versionOf, type ImageReference } from '../image/reference.js';
import { scan } from './scan.js';
import type { ImageRequest, Skip, SourceFile } from './types.js';

/** One image version found in the source environment. */
export interface FoundVersion {
  readonly file: string;
  readonly line: number;
  /** Normalised repository (the match key). */
  readonly repository: string;
  /** The repository as the source file spells it. */
  readonly name: string;
  readonly tag?: string;
  readonly digest?: string;
}

export interface Promotion {
  /** One request per promoted image: the source's version. */
  readonly requests: readonly ImageRequest[];
  /** Where each promoted version was found. */
  readonly found: readonly FoundVersion[];
  readonly skipped: readonly Skip[];
}

/**
 * The promotion source's files that were not read (binary, oversized, UTF-16…) or not located (chart templates), as
 * the plan lists them: marked as the source's (`promotion source: <reason>`, or `promotion source owner/name: …` for
 * another repository), so that the summary names them and never mistakes them for the target's.
 */
export function sourceSkips(skipped: readonly Skip[], repository?: string): Skip[] {
  const mark = repository === undefined ? 'promotion source' : `promotion source ${repository}`;
  return skipped.map((skip) => ({ path: skip.path, reason: `${mark}: ${skip.reason}` }));
}

/** The source holds two or more versions of one image: promoting would be a guess. */
export class PromotionConflictError extends Error {
  constructor(readonly conflicts: ReadonlyMap<string, readonly FoundVersion[]>) {
    const lines = [...conflicts].map(
      ([image, places]) => `${image}: ${places.map((p) => `${versionOf(p)} (${p.file}:${p.line})`).join(', ')}`,
    );
    super(
      `The promotion source holds different versions of ${conflicts.size === 1 ? 'an image' : `${conflicts.size} images`}: ` +
        `${lines.join('; ')}. Narrow 'promote-from', or list the images to promote in 'images'.`,
    );
    this.name = 'PromotionConflictError';
  }
}

/**
 * Collects every image version in the source files (every shape the edit engine knows) and turns each into a
 * request. `only` (bare repositories from the `images` input) filters what is promoted.
 * Throws PlanSyntaxError for a source file that does not parse, PromotionConflictError for two versions of one image.
 */
export function promotionRequests(files: readonly SourceFile[], only?: readonly ImageReference[]): Promotion {
  const wanted = only && only.length > 0 ? new Set(only.map((r) => r.repository)) : undefined;
  const found: FoundVersion[] = [];
  const skipped: Skip[] = scan(files, (file) => {
    for (const site of file.sites) {
      if (site.repository === undefined || (site.tag === undefined && site.digest === undefined)) continue;
      if (wanted && !wanted.has(site.repository)) continue;
      found.push({ file: file.path, line: site.line, repository: site.repository, name: site.name, tag: site.tag, digest: site.digest });
    }
  });

  const byImage = new Map<string, FoundVersion[]>();
  for (const f of found) byImage.set(f.repository, [...(byImage.get(f.repository) ?? []), f]);
  const conflicts = new Map<string, FoundVersion[]>();
  const requests: ImageRequest[] = [];
  for (const [repository, places] of byImage) {
    const versions = new Set(places.map(versionOf));
    if (versions.size > 1) {
      conflicts.set(places[0]!.name, places);
      continue;
    }
    const first = places[0]!;
    const input = formatReference(first.name, first.tag, first.digest);
    const ref = parseReference(input);
    if (ref.repository !== repository) throw new Error(`internal: ${input} does not normalise to ${repository}`);
    requests.push({ input, ref });
  }
  if (conflicts.size > 0) throw new PromotionConflictError(conflicts);
  return { requests, found, skipped };
}

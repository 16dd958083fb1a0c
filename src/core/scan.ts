// The one per-file loop of the core (plan and promotion both read files through it): files in path order, Helm
// chart templates skipped, image references located in every other file, and files that are not YAML collected,
// then raised together once every file was read.
import { byPath } from './paths.js';
import type { Skip, SourceFile } from './types.js';
import { isChartTemplate, locate, YamlSyntaxError, type ChartFacts, type ImageSite, type LocateOptions, type LocateResult } from '../yaml/locate.js';
import type { LineIndex } from '../yaml/text.js';

/** One selected file that should be YAML and is not. */
export interface FileSyntaxError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly detail: string;
}

/** Raised when any selected file fails to parse: the run writes nothing. */
export class PlanSyntaxError extends Error {
  constructor(readonly errors: readonly FileSyntaxError[]) {
    super(
      errors.length === 1
        ? `${where(errors[0]!)}: not valid YAML: ${errors[0]!.detail}. Nothing was written.`
        : `${errors.length} files are not valid YAML (${errors.map(where).join(', ')}). Nothing was written.`,
    );
    this.name = 'PlanSyntaxError';
  }
}

function where(e: FileSyntaxError): string {
  return `${e.file}:${e.line}:${e.column}`;
}

/** A file with its image references located, and its line index (for rewriting them). */
export interface ScannedFile extends SourceFile {
  readonly sites: readonly ImageSite[];
  readonly lines: LineIndex;
  /** The file's chart sites and facts, when the scan was asked for them (`charts: true`). */
  readonly charts?: ChartFacts;
}

const CHART_TEMPLATE = 'Helm chart template (not YAML until rendered)';

/**
 * Hands every file `select` keeps (all by default; tested before any parse) to `visit`, located, in path order.
 * Returns the chart templates skipped. Throws {@link PlanSyntaxError} listing every file that does not parse, after
 * the loop: then nothing may be written.
 */
export function scan(files: readonly SourceFile[], visit: (file: ScannedFile) => void, select?: (file: SourceFile) => boolean, options?: LocateOptions): Skip[] {
  const skipped: Skip[] = [];
  const errors: FileSyntaxError[] = [];
  for (const file of [...files].sort(byPath)) {
    if (select !== undefined && !select(file)) continue;
    if (isChartTemplate(file.path, file.text)) {
      skipped.push({ path: file.path, reason: CHART_TEMPLATE });
      continue;
    }
    let located: LocateResult;
    try {
      located = locate(file.text, options);
    } catch (error) {
      if (!(error instanceof YamlSyntaxError)) throw error;
      errors.push({ file: file.path, line: error.line, column: error.column, detail: error.detail });
      continue;
    }
    visit({ path: file.path, text: file.text, sites: located.sites, lines: located.lines, ...(located.charts !== undefined && { charts: located.charts }) });
  }
  if (errors.length > 0) throw new PlanSyntaxError(errors);
  return skipped;
}

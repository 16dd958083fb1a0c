// The chart corpus (__tests__/corpus/charts): every chart version INDEX.json lists is located with its form,
// document, path, line, chart and version, and nothing else is; each resolves to the listed repository through the
// other files of its repository; each pinned one takes a new version that changes only its own bytes, and a plan
// asking for every chart moves exactly the pinned ones (ranges are reported, never pinned).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/core/plan.js';
import type { ChartRequest, SourceFile } from '../../src/core/types.js';
import { parseChartReference } from '../../src/image/chart.js';
import { applyEdits } from '../../src/yaml/edits.js';
import { locate } from '../../src/yaml/locate.js';
import { scalarEdit } from '../../src/yaml/splice.js';

interface Listed {
  form: string;
  doc: number;
  path: string;
  line: number;
  chart: string;
  repository: string | null;
  version: string | null;
  range: boolean;
}
interface Entry {
  file: string;
  /** `extracted`: the lines of `path` the file was cut from (a heredoc of an example), when it is not a blob of its own. */
  source: { repo: string; commit: string; license: string; path: string; extracted?: string; git_blob_sha1: string };
  charts: Listed[];
}

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), 'charts');
const index = JSON.parse(readFileSync(resolve(ROOT, 'INDEX.json'), 'utf8')) as { files: Entry[] };
const NEW = '99.1.0';

/** The value YAML reads at a dotted path (`spec.sources[0].targetRevision`) of document `doc`. */
function valueAt(text: string, doc: number, path: string): unknown {
  const steps = path.split(/\.|\[(\d+)\]/).filter((step) => step !== undefined && step !== '');
  return parseAllDocuments(text)[doc]?.getIn(steps.map((step) => (/^\d+$/.test(step) ? Number(step) : step)));
}

describe('chart corpus', () => {
  it('covers every shape with a version, a range and a look-alike', () => {
    const forms = new Set(index.files.flatMap((entry) => entry.charts.map((c) => c.form)));
    expect([...forms].sort()).toEqual(['argocd', 'chart-dependency', 'helm-release', 'helmfile', 'kustomize-helm-chart', 'oci-repository']);
    expect(index.files.flatMap((entry) => entry.charts).filter((c) => c.range).length).toBeGreaterThanOrEqual(4);
    expect(index.files.filter((entry) => entry.charts.length === 0).length).toBeGreaterThanOrEqual(4);
  });

  describe.each(index.files.map((entry) => [entry.file, entry] as const))('%s', (_, entry) => {
    const bytes = readFileSync(resolve(ROOT, entry.file));
    const text = bytes.toString('utf8');
    const sites = locate(text, { charts: true }).charts?.sites ?? [];

    it('is the blob INDEX.json names, from an Apache-2.0 or MIT repository', () => {
      const sha = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
      expect(sha).toBe(entry.source.git_blob_sha1);
      expect(['Apache-2.0', 'MIT']).toContain(entry.source.license);
    });

    it('locates every listed chart version, and nothing else', () => {
      expect(sites.map((s) => ({ form: s.form, doc: s.doc, path: s.path, line: s.line, version: s.version ?? null, range: s.range }))).toEqual(
        entry.charts.map(({ form, doc, path, line, version, range }) => ({ form, doc, path, line, version, range })),
      );
    });

    it('writes a new version into every pinned one, changing only its bytes', () => {
      for (const site of sites) {
        if (site.range || site.slot === undefined) continue;
        const after = applyEdits(text, [scalarEdit(text, site.slot, NEW, site.path)]);
        const end = after.length - (text.length - site.slot.end);
        expect(after.slice(0, site.slot.start)).toBe(text.slice(0, site.slot.start));
        expect(after.slice(end)).toBe(text.slice(site.slot.end));
        expect(String(valueAt(after, site.doc, site.path))).toBe(NEW);
        const again = locate(after, { charts: true }).charts?.sites ?? [];
        expect(again.map((s) => (s.slot?.start === site.slot!.start ? NEW : s.version))).toEqual(sites.map((s) => (s === site ? NEW : s.version)));
      }
    });
  });

  const groups = [...new Set(index.files.map((entry) => entry.file.split('/')[0]!))];
  describe.each(groups)('%s, planned as a repository', (group) => {
    const entries = index.files.filter((entry) => entry.file.startsWith(`${group}/`));
    const files: SourceFile[] = entries.map((entry) => ({ path: entry.source.path, text: readFileSync(resolve(ROOT, entry.file), 'utf8') }));
    const listed = entries.flatMap((entry) => entry.charts.map((chart) => ({ ...chart, file: entry.source.path })));
    const requests: ChartRequest[] = [...new Set(listed.map((c) => (c.repository === null ? c.chart : `${c.repository}/${c.chart}`)))].map((name) => {
      const ref = parseChartReference(`${name}:${NEW}`);
      return { input: `${name}:${NEW}`, ref: { ...ref, version: NEW } };
    });

    it('resolves each chart to the listed repository, and moves exactly the pinned ones', () => {
      const result = plan(files, [], { policy: { kind: 'any' }, charts: requests });
      const pinned = listed.filter((c) => !c.range && c.version !== null);
      expect(result.changes.map((c) => `${c.file}:${c.line} ${c.image} ${c.from}`).sort()).toEqual(
        pinned.map((c) => `${c.file}:${c.line} ${c.repository === null ? c.chart : `${c.repository}/${c.chart}`} ${c.version}`).sort(),
      );
      expect(result.changes.every((c) => c.to === NEW)).toBe(true);
      for (const range of listed.filter((c) => c.range)) {
        expect(result.notes).toContainEqual(expect.stringContaining(`${range.file}:${range.line}: chart `));
        expect(result.notes).toContainEqual(expect.stringContaining(`stays at the version range '${range.version}'`));
      }
      for (const edit of result.edits) {
        // Only the version lines differ.
        const before = edit.before.split('\n');
        const changed = edit.after.split('\n').flatMap((line, i) => (line === before[i] ? [] : [i + 1]));
        expect(changed, edit.path).toEqual(edit.changes.map((c) => c.line));
      }
    });
  });
});

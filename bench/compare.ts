// Byte-exactness, measured on the real-world corpus: how many files an edit disturbs beyond the value itself.
//   ours            bump every image reference gitops-bump finds in the file; count the lines changed that are
//                   neither a changed reference's own line nor a stale digest it clears (0 is the goal)
//   yaml-document   load the file with the `yaml` package's Document API (which keeps comments) and dump it
//                   again WITHOUT any edit: what any load-then-dump tool starts from
//   yaml-plain      parse to plain data and stringify (what a tool that reads values and writes YAML does)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { unifiedDiff } from '../src/report/diff.js';
import { parsePolicy } from '../src/image/policy.js';
import { plan } from '../src/core/plan.js';
import { parseImages } from '../src/settings/parse.js';
import { locate } from '../src/yaml/locate.js';

function removedLines(before: string, after: string): string[] {
  return unifiedDiff('f', before, after)
    .split('\n')
    .filter((l) => l.startsWith('-') && !l.startsWith('---'));
}

/** Lines removed (= changed or deleted), counted by git's own minimal diff (in `scratch`, a temp dir). */
function changedLines(scratch: string, before: string, after: string): number {
  writeFileSync(join(scratch, 'a'), before);
  writeFileSync(join(scratch, 'b'), after);
  let out = '';
  try {
      execFileSync('git', ['diff', '--no-index', '--numstat', 'a', 'b'], { cwd: scratch, encoding: 'utf8' });
    } catch (error) {
      out = (error as { stdout: string }).stdout;
    }
    return Number(out.split('\t')[1] ?? 0);
  }

  /** A stale digest cleared because a tag alone was written: part of the change, not a disturbance. */
  const DIGEST_FIELD = /^-\s*(?:-\s*)?(?:digest|newDigest|sha)\s*:/;

  export function byteExactness(corpus: string): Record<string, number> {
    const index = JSON.parse(readFileSync(join(corpus, 'INDEX.json'), 'utf8')) as { files: { file: string }[] };
    let files = 0;
    let references = 0;
    let oursExtraLines = 0;
    let oursFilesDisturbed = 0;
    let documentFiles = 0;
    let documentLines = 0;
    let plainFiles = 0;
    let plainLines = 0;
    let refused = 0;
    // Made here, not at import: `npm run bench` imports this module for every scenario.
    const scratch = mkdtempSync(join(tmpdir(), 'gitops-bump-compare-'));
    try {
    for (const entry of index.files) {
      const text = readFileSync(join(corpus, entry.file), 'utf8');
      files++;
      const repositories = [...new Set(locate(text).sites.flatMap((s) => (s.repository && !s.held ? [s.repository] : [])))];
      if (repositories.length > 0) {
        const requests = parseImages(repositories.map((r) => `${r}:9.9.9-bench`).join('\n'));
        const result = plan([{ path: entry.file, text }], requests, { policy: parsePolicy('any') });
        references += result.changes.length;
        for (const edit of result.edits) {
          const own = new Set(edit.changes.map((c) => c.line)).size;
          const removed = removedLines(edit.before, edit.after).filter((l) => !DIGEST_FIELD.test(l)).length;
          const extra = Math.max(0, removed - own);
          oursExtraLines += extra;
          if (extra > 0) oursFilesDisturbed++;
        }
      }
      const parsed = parseAllDocuments(text);
      const documents = Array.isArray(parsed) ? parsed : [parsed];
      if (documents.some((d) => d.errors.length > 0)) {
        refused++;
        continue;
      }
      const dumped = documents.map(String).join('');
      if (dumped !== text) {
        documentFiles++;
        documentLines += changedLines(scratch, text, dumped);
      }
      const plain = documents.map((d) => stringify(parse(String(d)))).join('---\n');
      if (plain !== text) {
        plainFiles++;
        plainLines += changedLines(scratch, text, plain);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return {
    files,
    references_bumped: references,
    ours_files_disturbed: oursFilesDisturbed,
    ours_extra_lines: oursExtraLines,
    yaml_library_refused_files: refused,
    yaml_document_roundtrip_files_changed: documentFiles,
    yaml_document_roundtrip_lines_changed: documentLines,
    yaml_plain_roundtrip_files_changed: plainFiles,
    yaml_plain_roundtrip_lines_changed: plainLines,
  };
}

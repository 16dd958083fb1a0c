// The one per-file loop: path order, chart templates skipped, references located, syntax errors collected.
import { describe, expect, it } from 'vitest';
import { PlanSyntaxError, scan, type ScannedFile } from '../../../src/core/scan.js';
import { applyEdits } from '../../../src/yaml/edits.js';
import { rewrite } from '../../../src/yaml/splice.js';

const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, text]) => ({ path, text }));

function visited(input: ReturnType<typeof files>, select?: (file: { path: string; text: string }) => boolean): { seen: ScannedFile[]; skipped: ReturnType<typeof scan> } {
  const seen: ScannedFile[] = [];
  const skipped = scan(input, (file) => seen.push(file), select);
  return { seen, skipped };
}

describe('scan', () => {
  it('visits files in code-unit path order (as git sorts), whatever order they come in and whatever the locale', () => {
    const { seen } = visited(files({ 'a/b.yaml': 'x: 1\n', 'b.yaml': 'x: 1\n', 'B.yaml': 'x: 1\n', 'a.yaml': 'x: 1\n', 'a-b.yaml': 'x: 1\n' }));
    expect(seen.map((file) => file.path)).toEqual(['B.yaml', 'a-b.yaml', 'a.yaml', 'a/b.yaml', 'b.yaml']);
  });

  it('hands over each file located, with the line index its sites are rewritten with', () => {
    const text = 'images:\n- name: nginx\n  newName: ghcr.io/acme/nginx\n';
    const { seen } = visited(files({ 'k.yaml': text }));
    const [file] = seen;
    expect(file?.sites.map((site) => [site.form, site.repository])).toEqual([['kustomize', 'ghcr.io/acme/nginx']]);
    expect(applyEdits(text, rewrite(text, file!.sites[0]!, { tag: '1.2' }, file!.lines))).toBe(`${text}  newTag: "1.2"\n`);
  });

  it('skips Helm chart templates, naming them, and never visits them', () => {
    const { seen, skipped } = visited(files({ 'chart/templates/deploy.yaml': 'image: {{ .Values.image }}\n', 'values.yaml': 'image: nginx:1\n' }));
    expect(seen.map((file) => file.path)).toEqual(['values.yaml']);
    expect(skipped).toEqual([{ path: 'chart/templates/deploy.yaml', reason: 'Helm chart template (not YAML until rendered)' }]);
  });

  it('tests select before any parse: a file it passes over is neither visited, skipped nor an error', () => {
    const { seen, skipped } = visited(files({ 'bad.yaml': 'a: [\n', 'chart/templates/x.yaml': '{{ x }}\n', 'ok.yaml': 'image: nginx:1\n' }), (file) => file.path === 'ok.yaml');
    expect(seen.map((file) => file.path)).toEqual(['ok.yaml']);
    expect(skipped).toEqual([]);
  });

  it('reads every file, then throws one PlanSyntaxError listing each that does not parse, in path order', () => {
    const seen: string[] = [];
    let error: unknown;
    try {
      scan(files({ 'z.yaml': 'b: {\n', 'm.yaml': 'image: nginx:1\n', 'a.yaml': 'a: [\n' }), (file) => seen.push(file.path));
    } catch (caught) {
      error = caught;
    }
    expect(seen).toEqual(['m.yaml']);
    expect(error).toBeInstanceOf(PlanSyntaxError);
    expect((error as PlanSyntaxError).errors.map((e) => [e.file, e.line])).toEqual([
      ['a.yaml', 2],
      ['z.yaml', 2],
    ]);
    expect((error as PlanSyntaxError).message).toMatch(/^2 files are not valid YAML \(a\.yaml:2:\d+, z\.yaml:2:\d+\)\. Nothing was written\.$/);
  });
});

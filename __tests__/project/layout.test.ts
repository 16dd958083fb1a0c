// The layout CONTRIBUTING.md describes, held by a test: data flows down, no import circle, small files, and
// process.env read only by the two entry points.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/action.js';

const src = join(repoRoot, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [relative(src, join(dir, e.name))] : [],
  );
}

const files = sources(src).sort();
const text = new Map(files.map((f) => [f, readFileSync(join(src, f), 'utf8')]));

/** The src files a file imports (static and dynamic, type-only included), as paths relative to src/. */
function importsOf(file: string): string[] {
  const out: string[] = [];
  for (const m of text.get(file)!.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    out.push(normalize(join(dirname(file), m[1]!)).replace(/\.js$/, '.ts'));
  }
  return out;
}

/** What each top-level folder may import besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  image: [],
  yaml: ['image'],
  core: ['image', 'yaml'],
  report: ['core', 'image'],
  settings: ['core', 'image'],
  local: ['core'],
  github: ['core', 'image'],
  deliver: ['core', 'image', 'github', 'local', 'report', 'settings'],
  app: ['core', 'image', 'deliver', 'github', 'local', 'report', 'settings'],
};

const layer = (file: string) => file.split('/')[0]!;

describe('src/ layout', () => {
  it('every folder imports only the layers below it', () => {
    const upward: string[] = [];
    for (const file of files) {
      for (const target of importsOf(file)) {
        const from = layer(file);
        const to = layer(target);
        if (from !== to && !(ALLOWED[from] ?? []).includes(to)) upward.push(`${file} → ${target}`);
      }
    }
    // The graph is read at all: every module but the leaves imports something.
    expect(files.reduce((n, f) => n + importsOf(f).length, 0)).toBeGreaterThan(150);
    expect(Object.keys(ALLOWED).sort()).toEqual([...new Set(files.map(layer))].filter((l) => !l.endsWith('.ts')).sort());
    expect(upward).toEqual([]);
  });

  it('has no import circle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of importsOf(file)) if (text.has(next)) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('no file is over 400 lines', () => {
    const long = files.filter((f) => text.get(f)!.split('\n').length > 400);
    expect(long).toEqual([]);
  });

  it('process.env is read once per entry point (the action, the CLI), in src/app/entry.ts', () => {
    const readers = files.filter((f) => /process\.env\b/.test(text.get(f)!.replace(/\/\/.*$|\/\*[\s\S]*?\*\/|^\s*\*.*$/gm, '')));
    expect(readers).toEqual(['app/entry.ts']);
    expect(text.get('app/entry.ts')!.match(/process\.env\b/g)?.length ?? 0).toBe(2);
  });
});

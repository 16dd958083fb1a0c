import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { outputs } from '../../src/report/outputs.js';
import { INPUTS } from '../../src/settings/inputs.js';

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}
const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYml;

describe('action.yml', () => {
  it('runs dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares exactly the inputs the action reads, with the same defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(INPUTS).sort());
    for (const [name, spec] of Object.entries(INPUTS)) {
      expect(action.inputs[name]!.description, name).toBeTruthy();
      expect(action.inputs[name]!.default ?? '', name).toBe(spec.default ?? '');
    }
  });

  it('declares exactly the outputs the action sets', () => {
    // `matrix` is set by `mode: report` only (src/app/action.ts), the others by every bump.
    const set = [...Object.keys(outputs({ edits: [], changes: [], refusals: [], skipped: [], notes: [] })), 'matrix'];
    expect(Object.keys(action.outputs).sort()).toEqual(set.sort());
  });
});

describe('README.md', () => {
  it('documents exactly the inputs and outputs of action.yml (npm run docs regenerates the tables)', async () => {
    const { withTables } = await import('../../scripts/docs.js');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const actionYml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8');
    expect(readme).toContain('<!-- inputs:start -->');
    expect(readme).toBe(withTables(readme, actionYml));
    for (const name of Object.keys(action.inputs)) expect(readme).toContain(`| \`${name}\` |`);
  });
});

describe('README workflow examples', () => {
  it('use only inputs that action.yml declares, and parse as YAML', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    let checked = 0;
    for (const block of blocks) {
      // Fragments (a job's steps, a single step) parse as YAML on their own after removing their indentation.
      const indent = Math.min(...block.split('\n').filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
      const doc = parse(block.split('\n').map((l) => l.slice(indent)).join('\n')) as unknown;
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (node === null || typeof node !== 'object') return;
        const step = node as Record<string, unknown>;
        if (typeof step.uses === 'string' && step.uses.includes('gitops-bump@')) {
          for (const key of Object.keys((step.with ?? {}) as object)) expect(Object.keys(action.inputs), `README uses input '${key}'`).toContain(key);
          checked++;
        }
        Object.values(step).forEach(visit);
      };
      visit(doc);
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});

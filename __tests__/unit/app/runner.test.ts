// The runner protocol the action speaks (src/app/runner.ts) is @actions/core's, byte for byte: the same calls with
// the same hostile texts write the same stdout and the same output and summary files through both.
import * as core from '@actions/core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as runner from '../../../src/app/runner.js';

/** What was written on stdout while `fn` ran. */
async function captured(fn: () => unknown): Promise<string> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

const TEXTS = [
  '',
  'plain line',
  '100% done: a, b',
  'two\nlines\r\nand a CR\r',
  '::error::inside',
  '%0A already escaped %25',
  'café ✓ 💥 \u2028 \u0000 \u001b[31m',
];

const PLACES: runner.AnnotationProperties[] = [
  {},
  { file: 'apps/prod/values.yaml', startLine: 3, startColumn: 7 },
  { file: 'a,b:c%d\ne.yaml', startLine: 1 },
  { title: 'T: x, y', file: 'f.yaml', startLine: 0, endLine: 4, startColumn: 0, endColumn: 2 },
];

let dir: string;
const saved = { ...process.env };
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gitops-bump-runner-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.env = { ...saved };
  process.exitCode = undefined;
});

describe('runner protocol = @actions/core', () => {
  it('log lines, debug, masks and groups', async () => {
    for (const text of TEXTS) {
      expect(await captured(() => runner.info(text))).toBe(await captured(() => core.info(text)));
      expect(await captured(() => runner.issue('debug', text))).toBe(await captured(() => core.debug(text)));
      expect(await captured(() => runner.issue('add-mask', text))).toBe(await captured(() => core.setSecret(text)));
      const ours = await captured(() => runner.group(text, async () => runner.info('in')));
      expect(ours).toBe(await captured(() => core.group(text, async () => core.info('in'))));
      expect(ours).toContain('::endgroup::');
    }
  });

  it('annotations with every kind of property', async () => {
    for (const text of TEXTS) {
      for (const place of PLACES) {
        for (const kind of ['error', 'warning', 'notice'] as const) {
          const ours = await captured(() => runner.annotate(kind, text, place));
          expect(ours, `${kind} ${JSON.stringify(text)} ${JSON.stringify(place)}`).toBe(await captured(() => core[kind](text, place)));
        }
      }
    }
    expect(await captured(() => runner.annotate('warning', 'm', PLACES[2]))).toBe('::warning file=a%2Cb%3Ac%25d%0Ae.yaml,line=1::m\n');
  });

  it('setFailed: the same annotation and exit code 1', async () => {
    const theirs = await captured(() => core.setFailed('no\nway'));
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    expect(await captured(() => runner.setFailed('no\nway'))).toBe(theirs);
    expect(process.exitCode).toBe(1);
  });

  it('inputs: the runner variable of a name, trimmed', () => {
    const env = { 'INPUT_LOCAL-PATH': '  ./gitops \n', INPUT_MAX_FILE_SIZE: '10' };
    Object.assign(process.env, env);
    for (const name of ['local-path', 'max file size', 'images']) expect(runner.getInput(env, name)).toBe(core.getInput(name));
    expect(runner.getInput(env, 'local-path')).toBe('./gitops');
  });

  it('outputs: the same heredoc entries in the GITHUB_OUTPUT file (delimiters are random)', () => {
    const file = (name: string): string => {
      const path = join(dir, name);
      writeFileSync(path, '');
      return path;
    };
    const theirs = file('theirs');
    const ours = file('ours');
    process.env.GITHUB_OUTPUT = theirs;
    for (const [i, text] of TEXTS.entries()) core.setOutput(`o${i}`, text);
    for (const [i, text] of TEXTS.entries()) runner.setOutput({ GITHUB_OUTPUT: ours }, `o${i}`, text);
    const same = (path: string) => readFileSync(path, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER');
    expect(same(ours)).toBe(same(theirs));
    expect(same(ours)).toContain('o3<<DELIMITER\ntwo\nlines\r\nand a CR\r\nDELIMITER\n');
    expect(() => runner.setOutput({ GITHUB_OUTPUT: join(dir, 'missing') }, 'x', 'y')).toThrow(/Missing file at path/);
  });

  it('outputs without GITHUB_OUTPUT: the set-output command', async () => {
    delete process.env.GITHUB_OUTPUT;
    for (const text of TEXTS) expect(await captured(() => runner.setOutput({}, 'name', text))).toBe(await captured(() => core.setOutput('name', text)));
  });

  it('the job summary: the same bytes appended', async () => {
    const theirs = join(dir, 'summary-theirs');
    const ours = join(dir, 'summary-ours');
    writeFileSync(theirs, '# before\n');
    writeFileSync(ours, '# before\n');
    process.env.GITHUB_STEP_SUMMARY = theirs;
    for (const text of TEXTS) await core.summary.addRaw(text, true).write();
    for (const text of TEXTS) await runner.appendSummary({ GITHUB_STEP_SUMMARY: ours }, text);
    expect(readFileSync(ours, 'utf8')).toBe(readFileSync(theirs, 'utf8'));
    await expect(runner.appendSummary({ GITHUB_STEP_SUMMARY: join(dir, 'nope') }, 'x')).rejects.toThrow(/Unable to access summary file/);
    await expect(runner.appendSummary({}, 'x')).rejects.toThrow(/GITHUB_STEP_SUMMARY/);
  });
});

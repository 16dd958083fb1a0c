// Our runner protocol must encode exactly as @actions/core does (which we do not bundle: see src/runner.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { getInput, Runner } from '../src/runner.js';
import { parseOutputFile } from '../test/support/action.js';

function capture(fn: () => void): string {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('Runner', () => {
  it('encodes annotations exactly as @actions/core', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(), fc.nat(), (message, file, line, col) => {
        const ours = capture(() => new Runner(process.env, (t) => process.stdout.write(t)).annotate('error', message, { file, startLine: line + 1, startColumn: col + 1 }));
        const theirs = capture(() => core.error(message, { file, startLine: line + 1, startColumn: col + 1 }));
        return ours === theirs;
      }),
    );
  });

  it('encodes warnings, debug, masks and groups exactly as @actions/core', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const runner = new Runner(process.env, (t) => process.stdout.write(t));
        return (
          capture(() => runner.annotate('warning', text)) === capture(() => core.warning(text)) &&
          capture(() => runner.debug(text)) === capture(() => core.debug(text)) &&
          (text === '' || capture(() => runner.setSecret(text)) === capture(() => core.setSecret(text)))
        );
      }),
    );
  });

  it('writes outputs in the GITHUB_OUTPUT heredoc format the runner reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-'));
    dirs.push(dir);
    const file = join(dir, 'output');
    writeFileSync(file, '');
    const runner = new Runner({ GITHUB_OUTPUT: file }, () => undefined);
    runner.setOutput('changes', '[{"a":"multi\nline"}]');
    runner.setOutput('changed', 'true');
    expect(parseOutputFile(readFileSync(file, 'utf8'))).toEqual({ changes: '[{"a":"multi\nline"}]', changed: 'true' });
  });

  it('reads inputs as @actions/core does', () => {
    const env = { 'INPUT_LOCAL-PATH': '  ./x  ', INPUT_IMAGES: 'a\nb' };
    expect(getInput('local-path', env)).toBe('./x');
    expect(getInput('images', env)).toBe('a\nb');
    expect(getInput('missing', env)).toBe('');
  });
});

// The action's Io writes every line safely whoever wrote its text: control characters escaped, a line the
// runner could read as a workflow command fenced with stop-commands; annotations keep their line breaks.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionIo } from '../../../src/app/io.js';
import { annotationText, fenced, holdsCommand, mayBeCommand, oneLine, stopToken } from '../../../src/report/line.js';
import { runnerCommands } from '../../support/bundle.js';

/** What the Io wrote on stdout while `fn` ran. */
function captured(fn: () => void): string {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

const TOKEN = '0123456789abcdef0123456789abcdef';
const io = actionIo({}, () => TOKEN);

afterEach(() => {
  process.exitCode = undefined;
});

describe('line.ts', () => {
  it('oneLine escapes C0, C1, DEL, line separators and bidi overrides; annotationText keeps newlines only', () => {
    expect(oneLine('a\nb\rc\td\u001b[31me\u007f\u0085\u2028\u202e')).toBe(String.raw`a\u000ab\u000dc\u0009d\u001b[31me\u007f\u0085\u2028\u202e`);
    expect(annotationText('a\nb\r\u001b')).toBe(String.raw`a` + '\n' + String.raw`b\u000d\u001b`);
    expect(oneLine('ghcr.io/acme/api:1.4.2 → 1.5.0 · café')).toBe('ghcr.io/acme/api:1.4.2 → 1.5.0 · café');
  });

  it('mayBeCommand: `::` after white space or invisible characters, `##[` anywhere', () => {
    for (const line of ['::error::x', '  ::add-mask::x', '\u00a0::warning::x', '\u200b::debug::x', '\ufeff::group::x', 'wrote a##[add-mask]b']) {
      expect(mayBeCommand(line), JSON.stringify(line)).toBe(true);
    }
    for (const line of ['wrote ::error::z.yaml', 'skipped x: binary file', 'api 1.0 → 1.1', '# [not] a command']) expect(mayBeCommand(line), line).toBe(false);
    expect(holdsCommand('fine\r::error::x')).toBe(true);
    expect(holdsCommand(' +image: x\n context\n')).toBe(false);
  });

  it('fenced text is processed by no runner command but its own fence; tokens are fresh', () => {
    const text = '::add-mask::x\n##[warning]y\n::set-output name=a::b';
    expect(runnerCommands(text).map((c) => c.command)).toEqual(['add-mask', 'warning', 'set-output']);
    expect(runnerCommands(fenced(text, TOKEN)).map((c) => c.command)).toEqual(['stop-commands', TOKEN]);
    expect(stopToken()).toMatch(/^[0-9a-f]{32}$/);
    expect(stopToken()).not.toBe(stopToken());
  });
});

describe('actionIo', () => {
  it('info: an ordinary line as it is, control characters escaped', () => {
    expect(captured(() => io.info('wrote apps/prod/pod.yaml'))).toBe('wrote apps/prod/pod.yaml\n');
    expect(captured(() => io.info('wrote x\n::add-mask::Bumped\r\u001b[2J'))).toBe(String.raw`wrote x\u000a::add-mask::Bumped\u000d\u001b[2J` + '\n');
  });

  it('info: a line the runner could read as a command is fenced, and the runner processes nothing in it', () => {
    for (const text of ['::error::z.yaml', ' \u200b::add-mask::Bumped', 'wrote a##[add-mask]Bumped.yaml']) {
      const out = captured(() => io.info(text));
      expect(out).toBe(`::stop-commands::${TOKEN}\n${oneLine(text)}\n::${TOKEN}::\n`);
      expect(runnerCommands(out).map((c) => c.command)).toEqual(['stop-commands', TOKEN]);
    }
  });

  it('debug and group names are one line; annotations keep line breaks encoded by @actions/core', () => {
    expect(captured(() => io.debug('GET /x\n::add-mask::y'))).toBe(String.raw`::debug::GET /x\u000a::add-mask::y` + '\n');
    const warning = captured(() => io.warning('refused:\nsee \u001b[31mred', { file: 'r\n::error::x.yaml', line: 3 }));
    expect(warning).toBe(String.raw`::warning file=r%0A%3A%3Aerror%3A%3Ax.yaml,line=3::refused:%0Asee \u001b[31mred` + '\n');
    expect(runnerCommands(warning).map((c) => c.command)).toEqual(['warning']);
  });

  it('fail: one error annotation and exit code 1', () => {
    const out = captured(() => io.fail("Input 'images': 'a\n::add-mask::b' is not valid"));
    expect(out).toBe("::error::Input 'images': 'a%0A::add-mask::b' is not valid\n");
    expect(runnerCommands(out).map((c) => c.command)).toEqual(['error']);
    expect(process.exitCode).toBe(1);
  });
});

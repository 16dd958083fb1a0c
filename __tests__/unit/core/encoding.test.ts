// Which bytes are edited as text (UTF-8 only), and the reason a file that is not is skipped with.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mayHaveUnicodeMark, unicodeMarkReason, unreadableText } from '../../../src/core/encoding.js';

const TEXT = 'image: ghcr.io/acme/api:1.0.0 # café\n';
const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]);
const utf32le = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), Buffer.from([...TEXT].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]))]);
const utf32be = Buffer.concat([Buffer.from([0x00, 0x00, 0xfe, 0xff]), Buffer.from([...TEXT].flatMap((c) => [0, 0, 0, c.charCodeAt(0)]))]);

describe('unreadableText', () => {
  it.each([
    ['UTF-16 LE', utf16le, 'UTF-16 LE encoded (BOM FF FE); gitops-bump reads UTF-8 only: convert the file to UTF-8 to have it edited'],
    ['UTF-16 BE', utf16be, 'UTF-16 BE encoded (BOM FE FF); gitops-bump reads UTF-8 only: convert the file to UTF-8 to have it edited'],
    ['UTF-32 LE', utf32le, 'UTF-32 LE encoded (BOM FF FE 00 00); gitops-bump reads UTF-8 only: convert the file to UTF-8 to have it edited'],
    ['UTF-32 BE', utf32be, 'UTF-32 BE encoded (BOM 00 00 FE FF); gitops-bump reads UTF-8 only: convert the file to UTF-8 to have it edited'],
    ['a bare UTF-16 LE mark', Buffer.from([0xff, 0xfe]), 'UTF-16 LE encoded (BOM FF FE); gitops-bump reads UTF-8 only: convert the file to UTF-8 to have it edited'],
    ['UTF-16 LE without a mark (NUL bytes)', Buffer.from(TEXT, 'utf16le'), 'binary file'],
    ['a NUL byte late in the file', Buffer.concat([Buffer.from('x'.repeat(20_000)), Buffer.from([0])]), 'binary file'],
    ['Latin-1', Buffer.from(TEXT, 'latin1'), 'not valid UTF-8 text'],
    ['a lone FE', Buffer.from([0xfe, 0x41]), 'not valid UTF-8 text'],
  ])('%s: %s', (_name, bytes, reason) => {
    expect(unreadableText(bytes)).toBe(reason);
  });

  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8')],
    ['UTF-8 with its BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['empty', Buffer.alloc(0)],
  ])('%s is readable', (_name, bytes) => {
    expect(unreadableText(bytes)).toBeUndefined();
    expect(unicodeMarkReason(bytes)).toBeUndefined();
  });

  it('never takes UTF-8 text for a marked encoding, and reads every UTF-8 text without NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(unicodeMarkReason(bytes)).toBeUndefined();
        expect(unreadableText(bytes)).toBe(text.includes('\0') ? 'binary file' : undefined);
      }),
    );
  });

  it('names every UTF-16 text with a mark, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (text, big) => {
        const body = Buffer.from(text, 'utf16le');
        const bytes = big ? Buffer.concat([Buffer.from([0xfe, 0xff]), body.swap16()]) : Buffer.concat([Buffer.from([0xff, 0xfe]), body]);
        expect(unreadableText(bytes)).toMatch(big ? /^UTF-16 BE encoded \(BOM FE FF\)/ : /^UTF-(16|32) LE encoded/);
        expect(mayHaveUnicodeMark(bytes.length)).toBe(true);
      }),
    );
  });
});

describe('mayHaveUnicodeMark', () => {
  it.each([
    [0, false],
    [1, false],
    [2, true],
    [3, false],
    [1024, true],
    [1025, false],
  ])('%i bytes: %s', (size, may) => {
    expect(mayHaveUnicodeMark(size)).toBe(may);
  });
});

import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isSafePlain, renderLike, renderOver, resolvesAsNonString } from '../../../src/yaml/scalar.js';

describe('resolvesAsNonString', () => {
  it.each(['1.10', '6801028', '1e3', '1E+3', 'true', 'False', 'yes', 'Y', 'n', 'on', 'OFF', 'null', 'Null', '~', '0x1F', '0o17', '012', '1_000', '.inf', '-.Inf', '.NaN', '1:20', '190:20:30.15', '2024-01-01', '2001-12-14t21:59:43.10-05:00', '<<', '=', '+1', '-2.5', '.5', '0b1010', 'E0', 'e5', '1_0.5e+3'])(
    '%s is not a string to some YAML reader',
    (text) => {
      expect(resolvesAsNonString(text)).toBe(true);
    },
  );

  it.each(['v1.10', '1.10-alpine', 'latest', '1.2.3', 'sha-6801028', '20240101T00', 'yes-please', 'null0', '0x1G', '1e', 'main', '1.2.3_4'])('%s is a string to every YAML reader', (text) => {
    expect(resolvesAsNonString(text)).toBe(false);
  });

  it('agrees with the yaml library under 1.1 and 1.2 for what it calls a string', () => {
    for (const text of ['v1.10', 'latest', '1.2.3', 'sha-6801028', '1.10-alpine']) {
      for (const version of ['1.1', '1.2'] as const) expect(typeof parse(`v: ${text}`, { version }).v).toBe('string');
    }
  });
});

describe('resolvesAsNonString covers the yaml library', () => {
  it('flags every tag-shaped text that yaml reads as a non-string under 1.1 or 1.2', () => {
    const tagLike = fc.stringMatching(/^[0-9A-Za-z_][0-9eE._xob+-]{0,8}$/);
    fc.assert(
      fc.property(tagLike, (text) => {
        const strings = (['1.1', '1.2'] as const).every((version) => typeof parse(`v: ${text}`, { version }).v === 'string');
        if (!strings) expect(resolvesAsNonString(text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isSafePlain and renderLike', () => {
  it.each([
    ['', false],
    ['a: b', false],
    ['a #b', false],
    ['-x', true],
    ['- x', false],
    ['@x', false],
    ['*x', false],
    ['x,y', true],
  ])('%j plain-safe: %s', (text, safe) => {
    expect(isSafePlain(text, false)).toBe(safe);
  });

  it('treats flow indicators as unsafe in flow context', () => {
    expect(isSafePlain('x,y', true)).toBe(false);
    expect(isSafePlain('x]', true)).toBe(false);
  });

  it('keeps quote styles and escapes', () => {
    expect(renderLike({ style: 'single', inFlow: false }, "it's")).toBe("'it''s'");
    expect(renderLike({ style: 'double', inFlow: false }, 'a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(renderLike({ style: 'plain', inFlow: false }, '1.10')).toBe('"1.10"');
    expect(renderLike({ style: 'plain', inFlow: false }, 'v1')).toBe('v1');
    expect(renderLike({ style: 'block', inFlow: false }, 'v1')).toBeUndefined();
  });
});

describe('renderOver', () => {
  const double = { style: 'double', inFlow: false } as const;

  it.each([
    ['"ghcr.io\\/acme\\/api:1.4.1"', 'ghcr.io/acme/api:1.5.0', '"ghcr.io\\/acme\\/api:1.5.0"'],
    ['"ghcr.io\\u002Facme\\u002fapi:1.4.1"', 'ghcr.io/acme/api:1.4.2', '"ghcr.io\\u002Facme\\u002fapi:1.4.2"'],
    ['"a\\x2Fb:\\U00000031"', 'a/b:2', '"a\\x2Fb:2"'],
    ['"ghcr.io/acme/api:1.4.1"', 'ghcr.io/acme/api:1.5.0', '"ghcr.io/acme/api:1.5.0"'],
    ['"x\\/y:1"', 'x/y:1\\"', '"x\\/y:1\\\\\\""'],
    ['"caf\\u00e9:1"', 'café:2', '"caf\\u00e9:2"'],
    ['"\\/"', '', '""'],
  ])('rewrites %s to hold %j keeping the other escapes', (source, text, expected) => {
    expect(renderOver(double, source, text)).toBe(expected);
    expect(parse(`v: ${expected}`).v).toBe(text);
  });

  it('re-encodes a double-quoted scalar over several lines, and other styles as renderLike does', () => {
    expect(renderOver(double, '"ghcr.io\\/acme/api:1\n  "', 'ghcr.io/acme/api:2')).toBe('"ghcr.io/acme/api:2"');
    expect(renderOver(double, '"bad \\q escape"', 'x')).toBe('"x"');
    expect(renderOver({ style: 'single', inFlow: false }, "'a:1'", 'a:2')).toBe("'a:2'");
    expect(renderOver({ style: 'plain', inFlow: false }, 'v1', '1.10')).toBe('"1.10"');
    expect(renderOver({ style: 'block', inFlow: false }, '|\n  v1\n', 'v2')).toBeUndefined();
  });

  it('reads back as the new text for any old and new string', () => {
    const piece = fc.constantFrom('a', '/', '\\/', '\\u002F', '\\x41', ':', '1', '\\"', '\\\\', 'é', '\\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.string({ maxLength: 8 }), (pieces, text) => {
        const source = `"${pieces.join('')}"`;
        const out = renderOver(double, source, text);
        expect(out).toBeDefined();
        expect(parse(`v: ${out ?? ''}`).v).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

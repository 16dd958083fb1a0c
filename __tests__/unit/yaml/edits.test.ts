// Text edits: the one overlap rule (collide), applying edits, and a plan's accepted edits of one file (EditSet).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, collide, EditConflictError, EditSet, type TextEdit } from '../../../src/yaml/edits.js';
import { locate } from '../../../src/yaml/locate.js';
import { rewrite } from '../../../src/yaml/splice.js';

describe('applyEdits', () => {
  it('applies edits in any order', () => {
    expect(applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 1, text: 'A' }, { start: 2, end: 2, text: '+' }])).toBe('Ab+cdEf');
  });

  it('counts identical edits once (two sites sharing an anchor)', () => {
    expect(applyEdits('abc', [{ start: 1, end: 2, text: 'X' }, { start: 1, end: 2, text: 'X' }])).toBe('aXc');
  });

  it.each([
    [[{ start: 0, end: 2, text: 'x' }, { start: 1, end: 3, text: 'y' }]],
    [[{ start: 1, end: 1, text: 'x' }, { start: 1, end: 1, text: 'y' }]],
  ])('throws EditConflictError on overlapping edits %j', (edits) => {
    expect(() => applyEdits('abcdef', edits)).toThrow(EditConflictError);
  });

  it('throws RangeError for an edit outside the text', () => {
    expect(() => applyEdits('abcdef', [{ start: 2, end: 9, text: 'x' }])).toThrow(RangeError);
  });

  it('reports two sites sharing an anchor asked for different tags as a conflict', () => {
    const text = 'v: &v 1.0\na:\n  image:\n    repository: nginx\n    tag: *v\nb:\n  image:\n    repository: redis\n    tag: *v\n';
    const [a, b] = locate(text).sites;
    const edits = [...(a ? rewrite(text, a, { tag: '1.1' }) : []), ...(b ? rewrite(text, b, { tag: '2.0' }) : [])];
    expect(() => applyEdits(text, edits)).toThrow(EditConflictError);
  });
});

describe('collide: the one overlap rule', () => {
  it.each([
    ['identical edits', { start: 1, end: 3, text: 'x' }, { start: 1, end: 3, text: 'x' }, false],
    ['overlapping ranges', { start: 0, end: 2, text: 'x' }, { start: 1, end: 3, text: 'y' }, true],
    ['one range inside another', { start: 0, end: 5, text: 'x' }, { start: 2, end: 3, text: 'y' }, true],
    ['the same range, other texts', { start: 1, end: 3, text: 'x' }, { start: 1, end: 3, text: 'y' }, true],
    ['adjacent ranges', { start: 0, end: 2, text: 'x' }, { start: 2, end: 4, text: 'y' }, false],
    ['two insertions at one offset', { start: 2, end: 2, text: 'x' }, { start: 2, end: 2, text: 'y' }, true],
    ['an insertion where a replacement starts', { start: 2, end: 2, text: 'x' }, { start: 2, end: 4, text: 'y' }, true],
    ['an insertion inside a replacement', { start: 3, end: 3, text: 'x' }, { start: 2, end: 4, text: 'y' }, true],
    ['an insertion where a replacement ends', { start: 4, end: 4, text: 'x' }, { start: 2, end: 4, text: 'y' }, false],
  ])('%s: %j, %j → %s', (_, a, b, expected) => {
    expect(collide(a, b)).toBe(expected);
    expect(collide(b, a)).toBe(expected);
  });
});

/** Edits over a 12-character text, insertions and empty replacements included. */
const editArb = fc
  .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('', 'a', 'b', 'xy'))
  .map(([start, length, text]): TextEdit => ({ start, end: Math.min(12, start + length), text }));

describe('applyEdits and EditSet follow the one rule', () => {
  it('applyEdits refuses a list exactly when two of its edits collide, and so does EditSet', () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 6 }), (edits) => {
        const colliding = edits.some((a, i) => edits.slice(i + 1).some((b) => collide(a, b)));
        let threw = false;
        try {
          applyEdits('abcdefghijkl', edits);
        } catch (error) {
          expect(error).toBeInstanceOf(EditConflictError);
          threw = true;
        }
        expect(threw).toBe(colliding);
        expect(new EditSet().conflicts(edits)).toBe(colliding);
        // Accepted one at a time, as a plan accepts each site's edits: the same answer.
        const set = new EditSet();
        const refused = edits.some((edit) => {
          if (set.conflicts([edit])) return true;
          set.add([edit]);
          return false;
        });
        expect(refused).toBe(colliding);
      }),
    );
  });
});

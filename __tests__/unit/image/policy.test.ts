import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import semver from 'semver';
import {
  compareVersionTags,
  describePolicy,
  isVersionTag,
  judge,
  parsePolicy,
  PolicyError,
  semverOfTag,
  type Policy,
} from '../../../src/image/policy.js';

const SHA256 = `sha256:${'0123456789abcdef'.repeat(4)}`;
const NEWER: Policy = { kind: 'newer' };
const ANY: Policy = { kind: 'any' };
const range = (r: string): Policy => ({ kind: 'range', range: r });

describe('parsePolicy', () => {
  it.each([
    ['', NEWER],
    ['   ', NEWER],
    ['newer', NEWER],
    ['Newer', NEWER],
    [' any ', ANY],
    ['ANY', ANY],
    ['~1.4', range('~1.4')],
    ['^2', range('^2')],
    ['>=1.2 <2', range('>=1.2 <2')],
    ['1.x', range('1.x')],
    ['1.4.*', range('1.4.*')],
    ['  ^1.2.3 ', range('^1.2.3')],
    ['>=1.0.0 <2.0.0 || >=3.0.0', range('>=1.0.0 <2.0.0 || >=3.0.0')],
    ['1.2.3 - 1.4.0', range('1.2.3 - 1.4.0')],
  ] as const)('%j → %j', (text, policy) => {
    expect(parsePolicy(text)).toEqual(policy);
  });

  it.each(['latest', 'newest', 'foo', 'semver', '>=', '~', 'older', 'all', 'none'])('rejects %j naming the input and the accepted forms', (text) => {
    expect(() => parsePolicy(text, 'policy')).toThrow(new RegExp(`^policy: '${text}' is not a policy; use 'newer'.*'any'.*'~1\\.4'`));
  });

  it('names the input it was given', () => {
    expect(() => parsePolicy('sideways', 'with.policy')).toThrow(/^with\.policy: 'sideways'/);
  });

  it('throws a PolicyError whose reason leaves the input out', () => {
    const parse = () => parsePolicy(' sideways ', 'with.policy');
    expect(parse).toThrow(PolicyError);
    const reason = expect.stringMatching(/^'sideways' is not a policy; use 'newer'/);
    expect(parse).toThrow(expect.objectContaining({ input: 'with.policy', reason, message: expect.stringMatching(/^with\.policy: 'sideways' is not a policy/) }));
  });
});

describe('describePolicy', () => {
  it.each([
    [NEWER, 'newer'],
    [ANY, 'any'],
    [range('~1.4'), 'range ~1.4'],
    [parsePolicy('>=1.2 <2'), 'range >=1.2 <2'],
  ] as const)('%j → %s', (policy, text) => {
    expect(describePolicy(policy)).toBe(text);
  });
});

describe('version tags', () => {
  it.each([
    ['1.10', '1.10.0'],
    ['1.4.2', '1.4.2'],
    ['v1.4.2', '1.4.2'],
    ['V2.0', '2.0.0'],
    ['1.4-rc.1', '1.4.0-rc.1'],
    ['1.4.2-alpine', '1.4.2-alpine'],
    ['0.0.1', '0.0.1'],
    ['10.20.30-beta.2', '10.20.30-beta.2'],
    ['24.10', '24.10.0'],
  ])('%s is semver %s', (tag, version) => {
    expect(semverOfTag(tag)).toBe(version);
    expect(isVersionTag(tag)).toBe(true);
  });

  // Ordered by their numbers, though semver cannot read them (so a range cannot judge them).
  it.each(['2024.11.02', '24.04', '1.2.3.4', '1.2.3.10', 'v1.2.3.4', 'V2024.01.05', '01.2.3', '1.02', '0.0.0.0', '2024.11.02.1', '1.2.3.4.5.6.7', '99999999999999999999.1'])(
    '%s is a version tag that semver cannot read',
    (tag) => {
      expect(isVersionTag(tag)).toBe(true);
      expect(semverOfTag(tag)).toBeUndefined();
    },
  );

  it.each([
    'latest', '6801028', '20240101', '20241102', '1', 'v1', '007', 'sha-1a2b3c', 'main-6801028', 'v', '', '1.2.', '.1.2', '1..2', '1.2.3-', '1.2.3-01',
    'stable-1.2.3', 'vv1.2', '2024-11-02', '2024_11_02', '1.2.3.4-alpine', '24.04-alpine', '2024.11.02-rc.1', '1.2.3.', ' 1.2.3', '1.2.3 ', 'v 1.2', '1.2.x', '١.٢',
  ])('%j is not a version', (tag) => {
    expect(semverOfTag(tag)).toBeUndefined();
    expect(isVersionTag(tag)).toBe(false);
  });

  it.each([
    // semver precedence, as before
    ['1.10', '1.9', 1],
    ['1.9', '1.10', -1],
    ['1.4', '1.4.0', 0],
    ['v1.4.0', '1.4', 0],
    ['1.5.0-rc.1', '1.5.0', -1],
    ['1.5.0-rc.2', '1.5.0-rc.10', -1],
    ['1.5.0-alpha', '1.4.9', 1],
    ['2.0.0', '10.0.0', -1],
    ['1.2.3+build.9', '1.2.3+build.1', 0],
    // the tags of issue 10, item 3
    ['2024.11.02', '2024.10.15', 1],
    ['2024.10.15', '2024.11.02', -1],
    ['24.10', '24.04', 1],
    ['24.04', '24.10', -1],
    ['1.2.3.10', '1.2.3.9', 1],
    ['1.2.3.9', '1.2.3.10', -1],
    // zero padding and v are ignored
    ['2024.11.02', '2024.11.2', 0],
    ['v2024.11.02', '2024.11.02', 0],
    ['24.04', 'v24.4', 0],
    ['24.04', '24.4.0', 0],
    ['01.2.3', '1.2.3', 0],
    ['2024.01.05', '2024.1.10', -1],
    ['2024.12.31', '2025.01.01', -1],
    // more parts: a longer tag with an equal prefix is newer unless its extra parts are zeros
    ['1.2.3', '1.2.3.1', -1],
    ['1.2.3.0', '1.2.3', 0],
    ['1.2.3.4', '1.2.4', -1],
    ['1.2.3.4.5', '1.2.3.4', 1],
    ['2.0', '1.9.9.9', 1],
    // a pre-release is older than the same numbers without one, and than anything with larger numbers
    ['1.2.3-rc.1', '1.2.3.0', -1],
    ['1.2.3-rc.1', '1.2.3.1', -1],
    ['1.2.3-rc.1', '1.2.2.9', 1],
    ['24.10-rc.1', '24.04', 1],
    // numbers of any size
    ['99999999999999999999.1', '99999999999999999998.9', 1],
    ['100000000000000000000.0', '99999999999999999999.9', 1],
    // a date against a semver tag is still a number: moving from a date scheme to 1.0.0 is older
    ['1.0.0', '2024.11.02', -1],
  ] as const)('compare(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareVersionTags(a, b) ?? Number.NaN)).toBe(sign);
    expect(Math.sign(compareVersionTags(b, a) ?? Number.NaN)).toBe(-sign || 0);
  });

  it('compare is undefined when a side is not a version', () => {
    expect(compareVersionTags('latest', '1.0')).toBeUndefined();
    expect(compareVersionTags('1.0', '6801028')).toBeUndefined();
    expect(compareVersionTags('2024.11.02', '20241101')).toBeUndefined();
    expect(compareVersionTags('1.2.3.4', 'sha-1a2b3c')).toBeUndefined();
    expect(compareVersionTags('2024-11-02', '2024-10-15')).toBeUndefined();
  });
});

describe('judge: newer', () => {
  const cases: ReadonlyArray<{ current: { tag?: string; digest?: string }; wanted: { tag?: string; digest?: string }; allowed: boolean; text?: RegExp }> = [
    { current: { tag: '1.4.1' }, wanted: { tag: '1.4.2' }, allowed: true },
    { current: { tag: '1.4.2' }, wanted: { tag: '1.4.2' }, allowed: true },
    { current: { tag: '1.4' }, wanted: { tag: 'v1.4.0' }, allowed: true },
    { current: { tag: '1.9' }, wanted: { tag: '1.10' }, allowed: true },
    { current: { tag: '1.10' }, wanted: { tag: '1.9' }, allowed: false, text: /^1\.9 is older than 1\.10 already there \(policy: newer; use policy: any to roll back\)$/ },
    { current: { tag: '1.5.0' }, wanted: { tag: '1.4.9' }, allowed: false, text: /^1\.4\.9 is older than 1\.5\.0 already there \(policy: newer; use policy: any to roll back\)$/ },
    { current: { tag: 'v2.0.0' }, wanted: { tag: 'v1.9.9' }, allowed: false, text: /v1\.9\.9 is older than v2\.0\.0/ },
    { current: { tag: '1.5.0' }, wanted: { tag: '1.5.0-rc.1' }, allowed: false, text: /1\.5\.0-rc\.1 is older than 1\.5\.0/ },
    { current: { tag: '1.5.0-rc.1' }, wanted: { tag: '1.5.0' }, allowed: true },
    { current: { tag: '1.5.0-rc.1' }, wanted: { tag: '1.5.0-rc.2' }, allowed: true },
    { current: { tag: '1.4.2', digest: SHA256 }, wanted: { tag: '1.4.1', digest: SHA256 }, allowed: false, text: /1\.4\.1 is older than 1\.4\.2/ },
    { current: { tag: '1.4.2' }, wanted: { tag: '1.4.3', digest: SHA256 }, allowed: true },
    { current: { tag: '1.4.2' }, wanted: { digest: SHA256 }, allowed: true },
    { current: { tag: '9.9.9' }, wanted: { tag: '', digest: SHA256 }, allowed: true },
    { current: { digest: SHA256 }, wanted: { tag: '1.0.0' }, allowed: true, text: /the current reference has no tag: written without an ordering check/ },
    { current: {}, wanted: { tag: '1.0.0' }, allowed: true, text: /no tag/ },
    { current: { tag: '1.4.2' }, wanted: { tag: 'latest' }, allowed: true, text: /^'latest' is not a version tag: written without an ordering check$/ },
    { current: { tag: '1.4.2' }, wanted: { tag: 'sha-1a2b3c' }, allowed: true, text: /^'sha-1a2b3c' is not a version tag: written without an ordering check$/ },
    { current: { tag: 'main-6801028' }, wanted: { tag: '1.0.0' }, allowed: true, text: /^the current tag 'main-6801028' is not a version tag: written without an ordering check$/ },
    // bare integers (build numbers, all-digit short SHAs, 8-digit dates) are not ordered
    { current: { tag: '20240102' }, wanted: { tag: '20240101' }, allowed: true, text: /'20240101' is not a version tag/ },
    { current: { tag: '6801029' }, wanted: { tag: '6801028' }, allowed: true, text: /not a version tag/ },
    { current: { tag: '2024.11.02' }, wanted: { tag: '20241001' }, allowed: true, text: /'20241001' is not a version tag/ },
    { current: { tag: '2024-11-02' }, wanted: { tag: '2024-10-15' }, allowed: true, text: /'2024-10-15' is not a version tag/ },
    // the tags of issue 10, item 3: refused as older, allowed forwards
    { current: { tag: '2024.11.02' }, wanted: { tag: '2024.10.15' }, allowed: false, text: /^2024\.10\.15 is older than 2024\.11\.02 already there \(policy: newer; use policy: any to roll back\)$/ },
    { current: { tag: '2024.10.15' }, wanted: { tag: '2024.11.02' }, allowed: true },
    { current: { tag: '24.10' }, wanted: { tag: '24.04' }, allowed: false, text: /^24\.04 is older than 24\.10 already there/ },
    { current: { tag: '24.04' }, wanted: { tag: '24.10' }, allowed: true },
    { current: { tag: '1.2.3.10' }, wanted: { tag: '1.2.3.9' }, allowed: false, text: /^1\.2\.3\.9 is older than 1\.2\.3\.10 already there/ },
    { current: { tag: 'v1.2.3.9' }, wanted: { tag: 'v1.2.3.10' }, allowed: true },
    { current: { tag: '2024.11.02' }, wanted: { tag: '2024.11.2' }, allowed: true },
    { current: { tag: '1.2.3.1' }, wanted: { tag: '1.2.3' }, allowed: false, text: /^1\.2\.3 is older than 1\.2\.3\.1/ },
    { current: { tag: '1.2.3.0' }, wanted: { tag: '1.2.3-rc.1' }, allowed: false, text: /^1\.2\.3-rc\.1 is older than 1\.2\.3\.0/ },
    { current: { tag: '1.2.3-rc.1' }, wanted: { tag: '1.2.3.0' }, allowed: true },
    { current: { tag: '2024.11.02', digest: SHA256 }, wanted: { tag: '2024.10.15', digest: SHA256 }, allowed: false, text: /older than 2024\.11\.02/ },
    { current: { tag: '2024.11.02' }, wanted: { tag: 'latest' }, allowed: true, text: /'latest' is not a version tag/ },
    { current: { tag: 'latest' }, wanted: { tag: '2024.10.15' }, allowed: true, text: /current tag 'latest' is not a version tag/ },
  ];

  it.each(cases)('$current.tag → $wanted.tag', ({ current, wanted, allowed, text }) => {
    const verdict = judge(NEWER, current, wanted);
    expect(verdict.allowed).toBe(allowed);
    if (allowed) {
      expect(verdict.reason).toBeUndefined();
      if (text === undefined) expect(verdict.note).toBeUndefined();
      else expect(verdict.note).toMatch(text);
    } else {
      expect(verdict.reason).toMatch(text ?? /./);
      expect(verdict.note).toBeUndefined();
    }
  });
});

describe('judge: any', () => {
  it.each([
    [{ tag: '2.0.0' }, { tag: '1.0.0' }],
    [{ tag: '1.0.0' }, { tag: 'latest' }],
    [{}, { digest: SHA256 }],
  ])('%j → %j is allowed without a note', (current, wanted) => {
    expect(judge(ANY, current, wanted)).toEqual({ allowed: true });
  });
});

describe('judge: range', () => {
  const cases: ReadonlyArray<{ policy: string; current: string | undefined; wanted: string; allowed: boolean; text?: RegExp }> = [
    { policy: '~1.4', current: '1.4.0', wanted: '1.4.7', allowed: true },
    { policy: '~1.4', current: '1.4.0', wanted: '2.0.0', allowed: false, text: /^2\.0\.0 is outside the range ~1\.4$/ },
    { policy: '~1.4', current: '1.4.0', wanted: '1.5.0', allowed: false, text: /outside the range ~1\.4/ },
    { policy: '~1.4', current: '1.4.5', wanted: '1.4.3', allowed: false, text: /^1\.4\.3 is older than 1\.4\.5 already there \(policy: range ~1\.4; use policy: any to roll back\)$/ },
    { policy: '~1.4', current: '1.3.0', wanted: 'v1.4', allowed: true },
    { policy: '^2', current: '1.9.0', wanted: '2.3.1', allowed: true },
    { policy: '^2', current: '2.3.1', wanted: '3.0.0', allowed: false, text: /outside the range \^2/ },
    { policy: '>=1.2 <2', current: '1.1.0', wanted: '1.2', allowed: true },
    { policy: '>=1.2 <2', current: '1.3.0', wanted: '1.1.9', allowed: false, text: /outside the range >=1\.2 <2/ },
    { policy: '1.x', current: '1.0.0', wanted: '1.99.0', allowed: true },
    { policy: '1.x', current: '2.0.0', wanted: '1.99.0', allowed: false, text: /older than 2\.0\.0/ },
    { policy: '~1.4', current: '1.4.0', wanted: '1.4.1-rc.1', allowed: false, text: /outside the range/ },
    { policy: '~1.4', current: '1.4.0', wanted: 'latest', allowed: false, text: /^'latest' is not a semantic version, so it cannot be checked against the range ~1\.4$/ },
    { policy: '~1.4', current: 'latest', wanted: '1.4.2', allowed: true, text: /current tag 'latest' is not a version tag/ },
    { policy: '~1.4', current: undefined, wanted: '1.4.2', allowed: true, text: /no tag/ },
    // a range judges only what semver reads: dotted tags semver refuses are refused under a range, as before
    { policy: '~1.2', current: '1.2.3.9', wanted: '1.2.3.10', allowed: false, text: /^'1\.2\.3\.10' is not a semantic version, so it cannot be checked against the range ~1\.2$/ },
    { policy: '>=2024.1.1', current: '2024.10.15', wanted: '2024.11.02', allowed: false, text: /'2024\.11\.02' is not a semantic version, so it cannot be checked against the range/ },
    { policy: '^24', current: '24.04', wanted: '24.10', allowed: true },
    { policy: '^24', current: '24.10', wanted: '24.4', allowed: false, text: /^24\.4 is older than 24\.10 already there \(policy: range \^24;/ },
    { policy: '~1.2', current: '1.2.3.1', wanted: '1.2.3', allowed: false, text: /^1\.2\.3 is older than 1\.2\.3\.1/ },
    { policy: '~1.2', current: '1.2.3.1', wanted: '1.2.4', allowed: true },
  ];

  it.each(cases)('$policy: $current → $wanted', ({ policy, current, wanted, allowed, text }) => {
    const verdict = judge(parsePolicy(policy), current === undefined ? {} : { tag: current }, { tag: wanted });
    expect(verdict.allowed).toBe(allowed);
    const message = allowed ? verdict.note : verdict.reason;
    if (text === undefined) expect(message).toBeUndefined();
    else expect(message).toMatch(text);
  });

  it('a digest-only request is allowed under a range', () => {
    expect(judge(range('~1.4'), { tag: '1.4.0' }, { digest: SHA256 }).allowed).toBe(true);
  });

  it('tag plus digest is judged by the tag', () => {
    expect(judge(range('~1.4'), { tag: '1.4.0' }, { tag: '2.0.0', digest: SHA256 }).allowed).toBe(false);
    expect(judge(range('~1.4'), { tag: '1.4.0' }, { tag: '1.4.1', digest: SHA256 }).allowed).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

const num = fc.integer({ min: 0, max: 30 });
const prerelease = fc.option(fc.constantFrom('alpha', 'beta.1', 'rc.1', 'rc.2', 'rc.10', '0'), { nil: undefined });
const version = fc
  .tuple(fc.boolean(), num, num, fc.option(num, { nil: undefined }), prerelease)
  .map(([v, major, minor, patch, pre]) => `${v ? 'v' : ''}${major}.${minor}${patch === undefined ? '' : `.${patch}`}${pre === undefined ? '' : `-${pre}`}`);
/** Dotted numeric tags semver may or may not read: 2 to 6 parts, some zero-padded, with or without v. */
const small = fc.integer({ min: 0, max: 3 });
const padded = fc.tuple(small, fc.integer({ min: 0, max: 2 })).map(([n, zeros]) => `${'0'.repeat(zeros)}${n}`);
const dotted = fc.tuple(fc.constantFrom('', 'v', 'V'), fc.array(padded, { minLength: 2, maxLength: 6 })).map(([v, parts]) => `${v}${parts.join('.')}`);
/** Semver tags over the same small numbers, so that generated tags often tie or share a prefix. */
const smallSemver = fc
  .tuple(fc.constantFrom('', 'v'), small, small, fc.option(small, { nil: undefined }), fc.option(fc.constantFrom('alpha', 'rc.1', 'rc.2', '1'), { nil: undefined }))
  .map(([v, a, b, c, pre]) => `${v}${a}.${b}${c === undefined ? '' : `.${c}`}${pre === undefined ? '' : `-${pre}`}`);
const versionTag = fc.oneof(dotted, smallSemver, version);
const anyTag = fc.oneof(version, dotted, fc.constantFrom('latest', 'sha-1a2b3c', 'main-6801028', '6801028', '20241102', '2024-11-02', 'stable'));
const sign = (n: number | undefined): number => Math.sign(n ?? Number.NaN);
/** The reference model for dotted numbers: part by part as integers, a missing part counting as 0. */
function numericOrder(a: string, b: string): number {
  const parse = (t: string) => t.replace(/^[vV]/, '').split('.').map(BigInt);
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const [p, q] = [x[i] ?? 0n, y[i] ?? 0n];
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}
const ref = fc.record({ tag: fc.option(anyTag, { nil: undefined }), digest: fc.option(fc.constant(SHA256), { nil: undefined }) });
const policies = fc.oneof(fc.constant(NEWER), fc.constant(ANY), fc.constantFrom('~1.4', '^2', '>=1.2 <2', '1.x', '*').map(range));

describe('properties', () => {
  it('every generated dotted or semver tag is a version tag', () => {
    fc.assert(
      fc.property(versionTag, (a) => {
        expect(isVersionTag(a)).toBe(true);
      }),
    );
  });

  it('the order is antisymmetric and reflexive', () => {
    fc.assert(
      fc.property(versionTag, versionTag, (a, b) => {
        expect(sign(compareVersionTags(a, a))).toBe(0);
        expect(sign(compareVersionTags(a, b))).toBe(-sign(compareVersionTags(b, a)) || 0);
      }),
    );
  });

  it('the order is transitive (for ≤ and for =)', () => {
    fc.assert(
      fc.property(versionTag, versionTag, versionTag, (a, b, c) => {
        const [ab, bc, ac] = [sign(compareVersionTags(a, b)), sign(compareVersionTags(b, c)), sign(compareVersionTags(a, c))];
        if (ab <= 0 && bc <= 0) expect(ac).toBeLessThanOrEqual(0);
        if (ab === 0 && bc === 0) expect(ac).toBe(0);
        if (ab < 0 && bc <= 0) expect(ac).toBe(-1);
      }),
      { numRuns: 2000 },
    );
  });

  it('sorting by the order leaves every pair in order', () => {
    fc.assert(
      fc.property(fc.array(versionTag, { maxLength: 12 }), (tags) => {
        const sorted = [...tags].sort((a, b) => compareVersionTags(a, b)!);
        for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) expect(sign(compareVersionTags(sorted[i]!, sorted[j]!))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('two semver tags compare exactly as semver does', () => {
    fc.assert(
      fc.property(fc.oneof(smallSemver, version), fc.oneof(smallSemver, version), (a, b) => {
        expect(sign(compareVersionTags(a, b))).toBe(semver.compare(semverOfTag(a)!, semverOfTag(b)!));
      }),
      { numRuns: 2000 },
    );
  });

  it('dotted numbers compare part by part as integers (zero padding and v ignored, a missing part is 0)', () => {
    fc.assert(
      fc.property(dotted, dotted, (a, b) => {
        expect(sign(compareVersionTags(a, b))).toBe(numericOrder(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('zero padding never changes the order', () => {
    fc.assert(
      fc.property(versionTag, dotted, fc.integer({ min: 1, max: 3 }), (a, b, zeros) => {
        const pad = (t: string) => t.replace(/(^|[.vV])(\d+)/g, (_, sep: string, n: string) => `${sep}${'0'.repeat(zeros)}${n}`);
        expect(sign(compareVersionTags(a, pad(b)))).toBe(sign(compareVersionTags(a, b)));
      }),
    );
  });

  it('newer: for two versions exactly one direction refuses, unless they are equal', () => {
    fc.assert(
      fc.property(versionTag, versionTag, (a, b) => {
        const forward = judge(NEWER, { tag: a }, { tag: b }).allowed;
        const backward = judge(NEWER, { tag: b }, { tag: a }).allowed;
        if (compareVersionTags(a, b) === 0) expect([forward, backward]).toEqual([true, true]);
        else expect(forward).not.toBe(backward);
      }),
    );
  });

  it('newer: staying put is always allowed', () => {
    fc.assert(fc.property(anyTag, (a) => {
        expect(judge(NEWER, { tag: a }, { tag: a }).allowed).toBe(true);
      }));
  });

  it('any never refuses', () => {
    fc.assert(fc.property(ref, ref, (current, wanted) => {
        expect(judge(ANY, current, wanted)).toEqual({ allowed: true });
      }));
  });

  it('a digest-only request is never refused', () => {
    fc.assert(fc.property(policies, ref, (policy, current) => {
        expect(judge(policy, current, { digest: SHA256 }).allowed).toBe(true);
      }));
  });

  it('a refusal always has a reason and no note; an allowance never has a reason', () => {
    fc.assert(
      fc.property(policies, ref, ref, (policy, current, wanted) => {
        const verdict = judge(policy, current, wanted);
        if (verdict.allowed) expect(verdict.reason).toBeUndefined();
        else {
          expect(verdict.reason).toMatch(/\S/);
          expect(verdict.note).toBeUndefined();
        }
      }),
    );
  });

  it('a range never allows more than newer does, and * allows exactly what newer does for versions', () => {
    fc.assert(
      fc.property(fc.constantFrom('~1.4', '^2', '>=1.2 <2', '1.x', '*'), version, version, (r, a, b) => {
        const ranged = judge(range(r), { tag: a }, { tag: b }).allowed;
        const newer = judge(NEWER, { tag: a }, { tag: b }).allowed;
        if (ranged) expect(newer).toBe(true);
        if (r === '*' && semverOfTag(b)?.includes('-') !== true) expect(ranged).toBe(newer);
      }),
    );
  });

  it('a leading v and a missing patch never change the verdict', () => {
    fc.assert(
      fc.property(num, num, num, num, (a, b, c, d) => {
        const plain = judge(NEWER, { tag: `${a}.${b}.0` }, { tag: `${c}.${d}.0` });
        const spelled = judge(NEWER, { tag: `v${a}.${b}` }, { tag: `V${c}.${d}` });
        expect(spelled.allowed).toBe(plain.allowed);
      }),
    );
  });

  it('parsePolicy(describe-form) round trips for ranges and keywords', () => {
    fc.assert(
      fc.property(policies, (policy) => {
        const text = policy.kind === 'range' ? policy.range : policy.kind;
        expect(parsePolicy(text)).toEqual(policy);
      }),
    );
  });
});

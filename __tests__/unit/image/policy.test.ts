import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareVersionTags,
  describePolicy,
  isVersionTag,
  judge,
  parsePolicy,
  versionOfTag,
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
  ])('%s is version %s', (tag, version) => {
    expect(versionOfTag(tag)).toBe(version);
    expect(isVersionTag(tag)).toBe(true);
  });

  it.each(['latest', '6801028', '20240101', '1', 'v1', 'sha-1a2b3c', 'main-6801028', '1.2.3.4', '01.2.3', '1.02', 'v', '', '1.2.', '.1.2', '1.2.3-', '1.2.3-01', 'stable-1.2.3', 'vv1.2'])(
    '%j is not a version',
    (tag) => {
      expect(versionOfTag(tag)).toBeUndefined();
      expect(isVersionTag(tag)).toBe(false);
    },
  );

  it.each([
    ['1.10', '1.9', 1],
    ['1.9', '1.10', -1],
    ['1.4', '1.4.0', 0],
    ['v1.4.0', '1.4', 0],
    ['1.5.0-rc.1', '1.5.0', -1],
    ['1.5.0-rc.2', '1.5.0-rc.10', -1],
    ['1.5.0-alpha', '1.4.9', 1],
    ['2.0.0', '10.0.0', -1],
  ] as const)('compare(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareVersionTags(a, b) ?? Number.NaN)).toBe(sign);
  });

  it('compare is undefined when a side is not a version', () => {
    expect(compareVersionTags('latest', '1.0')).toBeUndefined();
    expect(compareVersionTags('1.0', '6801028')).toBeUndefined();
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
    { current: { tag: '1.4.2' }, wanted: { tag: 'latest' }, allowed: true, text: /^'latest' is not a semantic version: written without an ordering check$/ },
    { current: { tag: '1.4.2' }, wanted: { tag: 'sha-1a2b3c' }, allowed: true, text: /^'sha-1a2b3c' is not a semantic version: written without an ordering check$/ },
    { current: { tag: 'main-6801028' }, wanted: { tag: '1.0.0' }, allowed: true, text: /current tag 'main-6801028' is not a semantic version/ },
    { current: { tag: '20240102' }, wanted: { tag: '20240101' }, allowed: true, text: /'20240101' is not a semantic version/ },
    { current: { tag: '6801029' }, wanted: { tag: '6801028' }, allowed: true, text: /not a semantic version/ },
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
    { policy: '~1.4', current: 'latest', wanted: '1.4.2', allowed: true, text: /current tag 'latest' is not a semantic version/ },
    { policy: '~1.4', current: undefined, wanted: '1.4.2', allowed: true, text: /no tag/ },
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
const anyTag = fc.oneof(version, fc.constantFrom('latest', 'sha-1a2b3c', 'main-6801028', '6801028', 'stable'));
const ref = fc.record({ tag: fc.option(anyTag, { nil: undefined }), digest: fc.option(fc.constant(SHA256), { nil: undefined }) });
const policies = fc.oneof(fc.constant(NEWER), fc.constant(ANY), fc.constantFrom('~1.4', '^2', '>=1.2 <2', '1.x', '*').map(range));

describe('properties', () => {
  it('newer: for two versions exactly one direction refuses, unless they are equal', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
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
        if (r === '*' && versionOfTag(b)?.includes('-') !== true) expect(ranged).toBe(newer);
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

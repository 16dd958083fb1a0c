import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  InvalidReferenceError,
  digestProblem,
  formatReference,
  isValidDigest,
  isValidTag,
  joinRepository,
  normaliseRepository,
  parseReference,
  sameRepository,
  tagProblem,
  tryParseReference,
  versionOf,
} from '../../../src/image/reference.js';

const SHA256 = `sha256:${'0123456789abcdef'.repeat(4)}`;
const SHA512 = `sha512:${'0123456789abcdef'.repeat(8)}`;

/** The reason parseReference gives for `text`; fails the test when it parses. */
function reasonFor(text: string): string {
  try {
    parseReference(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidReferenceError);
    const invalid = error as InvalidReferenceError;
    expect(invalid.message).toContain(invalid.reason);
    return invalid.reason;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe('parseReference: valid references', () => {
  const cases: ReadonlyArray<{
    text: string;
    name: string;
    registry: string;
    path: string;
    tag?: string;
    digest?: string;
  }> = [
    { text: 'nginx', name: 'nginx', registry: 'docker.io', path: 'library/nginx' },
    { text: 'nginx:1.25.3', name: 'nginx', registry: 'docker.io', path: 'library/nginx', tag: '1.25.3' },
    { text: 'library/nginx:latest', name: 'library/nginx', registry: 'docker.io', path: 'library/nginx', tag: 'latest' },
    { text: 'bitnami/redis:7.2', name: 'bitnami/redis', registry: 'docker.io', path: 'bitnami/redis', tag: '7.2' },
    { text: 'docker.io/nginx', name: 'docker.io/nginx', registry: 'docker.io', path: 'library/nginx' },
    { text: 'index.docker.io/library/nginx', name: 'index.docker.io/library/nginx', registry: 'docker.io', path: 'library/nginx' },
    { text: 'registry-1.docker.io/bitnami/redis', name: 'registry-1.docker.io/bitnami/redis', registry: 'docker.io', path: 'bitnami/redis' },
    { text: 'ghcr.io/acme/api:1.4.2', name: 'ghcr.io/acme/api', registry: 'ghcr.io', path: 'acme/api', tag: '1.4.2' },
    { text: 'GHCR.IO/acme/api', name: 'GHCR.IO/acme/api', registry: 'ghcr.io', path: 'acme/api' },
    { text: 'ghcr.io/acme/api', name: 'ghcr.io/acme/api', registry: 'ghcr.io', path: 'acme/api' },
    { text: `ghcr.io/acme/api@${SHA256}`, name: 'ghcr.io/acme/api', registry: 'ghcr.io', path: 'acme/api', digest: SHA256 },
    { text: `ghcr.io/acme/api:1.4.2@${SHA256}`, name: 'ghcr.io/acme/api', registry: 'ghcr.io', path: 'acme/api', tag: '1.4.2', digest: SHA256 },
    { text: `quay.io/org/app@${SHA512}`, name: 'quay.io/org/app', registry: 'quay.io', path: 'org/app', digest: SHA512 },
    { text: 'localhost/app', name: 'localhost/app', registry: 'localhost', path: 'app' },
    { text: 'LOCALHOST/app', name: 'LOCALHOST/app', registry: 'localhost', path: 'app' },
    { text: 'localhost:5000/x/y:dev', name: 'localhost:5000/x/y', registry: 'localhost:5000', path: 'x/y', tag: 'dev' },
    { text: '[::1]:5000/app:1.0', name: '[::1]:5000/app', registry: '[::1]:5000', path: 'app', tag: '1.0' },
    { text: '[fe80::1]/app', name: '[fe80::1]/app', registry: '[fe80::1]', path: 'app' },
    { text: '10.0.0.1:5000/team/app', name: '10.0.0.1:5000/team/app', registry: '10.0.0.1:5000', path: 'team/app' },
    { text: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:v2', name: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api', registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', path: 'api', tag: 'v2' },
    { text: 'registry.k8s.io/ingress-nginx/controller:v1.10.0', name: 'registry.k8s.io/ingress-nginx/controller', registry: 'registry.k8s.io', path: 'ingress-nginx/controller', tag: 'v1.10.0' },
    { text: 'a/b__c/d.e/f---g/h_i', name: 'a/b__c/d.e/f---g/h_i', registry: 'docker.io', path: 'a/b__c/d.e/f---g/h_i' },
    { text: 'nginx:_under', name: 'nginx', registry: 'docker.io', path: 'library/nginx', tag: '_under' },
    { text: 'nginx:1.0-SNAPSHOT_2.x', name: 'nginx', registry: 'docker.io', path: 'library/nginx', tag: '1.0-SNAPSHOT_2.x' },
    { text: 'localhost:5000', name: 'localhost', registry: 'docker.io', path: 'library/localhost', tag: '5000' },
    { text: '  nginx:1.0\t', name: 'nginx', registry: 'docker.io', path: 'library/nginx', tag: '1.0' },
    { text: `app:${'t'.repeat(128)}`, name: 'app', registry: 'docker.io', path: 'library/app', tag: 't'.repeat(128) },
  ];

  it.each(cases)('$text', ({ text, name, registry, path, tag, digest }) => {
    const ref = parseReference(text);
    expect(ref.raw).toBe(text.trim());
    expect(ref.name).toBe(name);
    expect(ref.registry).toBe(registry);
    expect(ref.path).toBe(path);
    expect(ref.repository).toBe(`${registry}/${path}`);
    expect(ref.tag).toBe(tag);
    expect(ref.digest).toBe(digest);
    expect('tag' in ref).toBe(tag !== undefined);
    expect('digest' in ref).toBe(digest !== undefined);
  });

  it('accepts a name of exactly 255 characters', () => {
    const name = `ghcr.io/${'a'.repeat(247)}`;
    expect(name).toHaveLength(255);
    expect(parseReference(`${name}:1`).name).toBe(name);
  });
});

describe('parseReference: rejections with a reason', () => {
  const cases: ReadonlyArray<{ text: string; reason: RegExp }> = [
    { text: '', reason: /empty/ },
    { text: '   ', reason: /empty/ },
    { text: 'ngi nx', reason: /a space at position 4/ },
    { text: 'nginx:x y', reason: /a space at position 8; image references cannot contain whitespace/ },
    { text: 'nginx:1.0\n', reason: /a newline/ },
    { text: '\nnginx', reason: /a newline at position 1/ },
    { text: 'nginx\r', reason: /a carriage return/ },
    { text: 'ng\u0000inx', reason: /U\+0000/ },
    { text: 'nginx:1\u007f', reason: /U\+007F/ },
    { text: 'nginx\u00a0:1', reason: /U\+00A0/ },
    { text: 'Nginx', reason: /path component 'Nginx' has uppercase letters/ },
    { text: 'ghcr.io/Acme/api', reason: /path component 'Acme' has uppercase letters/ },
    { text: 'Acme/api', reason: /uppercase/ },
    { text: 'ghcr.io/acme/../api', reason: /'\.\.'/ },
    { text: 'acme/a..b', reason: /'\.\.'/ },
    { text: './api', reason: /'\.'/ },
    { text: 'ghcr.io//api', reason: /empty path component/ },
    { text: 'ghcr.io/acme/api/', reason: /empty path component/ },
    { text: '/api', reason: /empty path component/ },
    { text: 'ghcr.io/-api', reason: /must be lowercase letters and digits separated/ },
    { text: 'ghcr.io/api_', reason: /must be lowercase letters and digits separated/ },
    { text: 'ghcr.io/a___b', reason: /must be lowercase letters and digits separated/ },
    { text: 'ghcr.io/a._b', reason: /must be lowercase letters and digits separated/ },
    { text: 'nginx:', reason: /ends with ':' but no tag follows/ },
    { text: 'ghcr.io/acme/api:', reason: /ends with ':' but no tag follows/ },
    { text: 'nginx@', reason: /ends with '@' but no digest follows/ },
    { text: 'nginx:1.0@', reason: /ends with '@' but no digest follows/ },
    { text: ':1.0', reason: /no image name before ':'/ },
    { text: `@${SHA256}`, reason: /no image name before '@'/ },
    { text: `nginx@${SHA256}@${SHA256}`, reason: /more than one '@'/ },
    { text: `nginx:${'t'.repeat(129)}`, reason: /129 characters long; at most 128/ },
    { text: 'nginx:.hidden', reason: /must start with a letter, a digit or '_'/ },
    { text: 'nginx:-rc', reason: /must start with a letter, a digit or '_'/ },
    { text: 'nginx:1.0+build', reason: /tag '1\.0\+build' has a character outside \[A-Za-z0-9._-\]/ },
    { text: 'nginx@sha256:abc', reason: /digest must be sha256: followed by 64 lowercase hex characters; it has 3/ },
    { text: `nginx@${SHA256.toUpperCase().replace('SHA256', 'sha256')}`, reason: /64 lowercase hex characters; it has uppercase hex/ },
    { text: `nginx@${SHA256}0`, reason: /it has 65/ },
    { text: `nginx@sha256:${'g'.repeat(64)}`, reason: /not hex/ },
    { text: `nginx@sha512:${'a'.repeat(64)}`, reason: /sha512: followed by 128 lowercase hex characters/ },
    { text: 'nginx@md5:d41d8cd98f00b204e9800998ecf8427e', reason: /algorithm 'md5' is not supported/ },
    { text: `nginx@${'a'.repeat(64)}`, reason: /has no algorithm/ },
    { text: 'oci://ghcr.io/acme/charts/api', reason: /OCI artifact URL.*not a container image/ },
    { text: 'OCI://ghcr.io/acme/charts/api', reason: /OCI artifact URL/ },
    { text: 'https://ghcr.io/acme/api', reason: /is a URL/ },
    { text: '${REGISTRY}/acme/api:1.0', reason: /template placeholder/ },
    { text: 'ghcr.io/acme/api:${TAG}', reason: /template placeholder/ },
    { text: '{{ .Values.image }}', reason: /template placeholder/ },
    { text: 'ghcr.io/acme/api:{{.Chart.AppVersion}}', reason: /template placeholder/ },
    { text: 'ghcr.io/acme/api:{% tag %}', reason: /template placeholder/ },
    { text: 'host:abc/app', reason: /port 'abc'; a port must be digits only/ },
    { text: 'my_host.io/app', reason: /registry host 'my_host\.io' is not a valid host name/ },
    { text: '-bad.io/app', reason: /not a valid host name/ },
    { text: '[::1/app', reason: /never closes it with '\]'/ },
    { text: '[::1]x/app', reason: /not a valid host name/ },
    { text: '[::g]:5000/app', reason: /not a valid host name/ },
    { text: 'a:1:2', reason: /must be lowercase letters/ },
    { text: 'ghcr.io/fluxcd/source-controller:*', reason: /tag '\*' has a character outside/ }, // Kyverno pattern
    { text: '<image_url>', reason: /path component '<image_url>'/ },
    { text: `ghcr.io/${'a'.repeat(248)}`, reason: /256 characters long; at most 255/ },
  ];

  it.each(cases)('$text → $reason', ({ text, reason }) => {
    expect(reasonFor(text)).toMatch(reason);
    expect(tryParseReference(text)).toBeUndefined();
  });

  it('keeps messages on one line for values with control characters', () => {
    expect(() => parseReference('a\nb')).toThrow(/^"a\\nb" is not a valid image reference/);
  });

  it('exposes the trimmed value on the error', () => {
    try {
      parseReference('  Foo/bar ');
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidReferenceError).value).toBe('Foo/bar');
      expect((error as InvalidReferenceError).name).toBe('InvalidReferenceError');
    }
  });
});

describe('normaliseRepository and sameRepository', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx'],
    ['library/nginx', 'docker.io/library/nginx'],
    ['docker.io/library/nginx', 'docker.io/library/nginx'],
    ['index.docker.io/library/nginx', 'docker.io/library/nginx'],
    ['nginx:1.25', 'docker.io/library/nginx'],
    ['GHCR.IO/acme/api', 'ghcr.io/acme/api'],
    [`ghcr.io/acme/api:1@${SHA256}`, 'ghcr.io/acme/api'],
    ['localhost:5000/app', 'localhost:5000/app'],
    ['bitnami/redis', 'docker.io/bitnami/redis'],
  ])('%s → %s', (name, repository) => {
    expect(normaliseRepository(name)).toBe(repository);
  });

  it('throws on invalid names', () => {
    expect(() => normaliseRepository('Nginx')).toThrow(InvalidReferenceError);
    expect(() => normaliseRepository('')).toThrow(/empty/);
  });

  const same: ReadonlyArray<[string, string]> = [
    ['nginx', 'docker.io/library/nginx'],
    ['nginx', 'library/nginx'],
    ['nginx', 'index.docker.io/library/nginx'],
    ['library/nginx', 'registry-1.docker.io/library/nginx'],
    ['docker.io/nginx', 'nginx'],
    ['GHCR.IO/acme/api', 'ghcr.io/acme/api'],
    ['ghcr.io/acme/api:1.0', `ghcr.io/acme/api@${SHA256}`],
  ];
  const different: ReadonlyArray<[string, string]> = [
    ['ghcr.io/acme/api', 'ghcr.io/acme/api-gateway'],
    ['ghcr.io/acme/api', 'ghcr.io/acme/api/sub'],
    ['ghcr.io/acme/api', 'ghcr.io/acme'],
    ['ghcr.io/acme/api', 'ghcr.io/acme/ap'],
    ['localhost:5000/app', 'localhost/app'],
    ['localhost:5000/app', 'localhost:5001/app'],
    ['nginx', 'ghcr.io/library/nginx'],
    ['nginx', 'docker.io/bitnami/nginx'],
    ['acme/api', 'ghcr.io/acme/api'],
    ['nginx', 'Nginx'],
    ['', ''],
  ];

  it.each(same)('%s = %s', (a, b) => {
    expect(sameRepository(a, b)).toBe(true);
    expect(sameRepository(b, a)).toBe(true);
  });

  it.each(different)('%s ≠ %s', (a, b) => {
    expect(sameRepository(a, b)).toBe(false);
    expect(sameRepository(b, a)).toBe(false);
  });
});

describe('formatReference', () => {
  it.each([
    ['nginx', undefined, undefined, 'nginx'],
    ['nginx', '1.25', undefined, 'nginx:1.25'],
    ['GHCR.IO/acme/api', '1.4.2', SHA256, `GHCR.IO/acme/api:1.4.2@${SHA256}`],
    ['localhost:5000/app', undefined, SHA512, `localhost:5000/app@${SHA512}`],
    ['index.docker.io/library/nginx', 'latest', undefined, 'index.docker.io/library/nginx:latest'],
  ] as const)('%s %s %s → %s', (name, tag, digest, text) => {
    expect(formatReference(name, tag, digest)).toBe(text);
  });

  it.each([
    ['nginx', 'bad tag', undefined, /character outside/],
    ['nginx', '', undefined, /tag is empty/],
    ['nginx', undefined, 'sha256:abc', /64 lowercase hex/],
    ['Nginx', '1.0', undefined, /uppercase/],
    ['nginx:1.0', '2.0', undefined, /bare repository name/],
    [' nginx', '2.0', undefined, /bare repository name/],
  ] as const)('rejects %s %s %s', (name, tag, digest, reason) => {
    expect(() => formatReference(name, tag, digest)).toThrow(reason);
  });
});

describe('tags and digests', () => {
  it.each(['latest', '1', '1.4.2', 'v1.4.2-rc.1', '_x', 'A-Z_a.z', 't'.repeat(128)])('valid tag %s', (tag) => {
    expect(isValidTag(tag)).toBe(true);
    expect(tagProblem(tag)).toBeUndefined();
  });

  it.each(['', '.x', '-x', 'a b', 'a+b', 'a/b', 'a:b', 'a@b', 'é', 't'.repeat(129)])('invalid tag %j', (tag) => {
    expect(isValidTag(tag)).toBe(false);
    expect(tagProblem(tag)).toMatch(/tag/);
  });

  it('phrases the tag character problem for a person', () => {
    expect(tagProblem('x y')).toMatch(/^tag 'x y' has a character outside \[A-Za-z0-9._-\]/);
  });

  it.each([SHA256, SHA512])('valid digest %s', (digest) => {
    expect(isValidDigest(digest)).toBe(true);
    expect(digestProblem(digest)).toBeUndefined();
  });

  it.each([
    '',
    'sha256:',
    'sha256',
    SHA256.slice(0, -1),
    `${SHA256}a`,
    SHA256.replace('a', 'A'),
    SHA256.replace('sha256', 'SHA256'),
    `sha512:${'a'.repeat(64)}`,
    `sha384:${'a'.repeat(96)}`,
    `sha256:${'z'.repeat(64)}`,
  ])('invalid digest %j', (digest) => {
    expect(isValidDigest(digest)).toBe(false);
    expect(digestProblem(digest)).toMatch(/^digest must be sha(256|512): followed by (64|128) lowercase hex characters/);
  });
});

describe('joinRepository and versionOf', () => {
  it.each([
    ['ghcr.io', 'acme/api', 'ghcr.io/acme/api'],
    [undefined, 'acme/api', 'acme/api'],
    ['', 'nginx', 'nginx'],
    ['  ', 'nginx', 'nginx'],
    ['ghcr.io/', 'acme/api', 'ghcr.io/acme/api'],
    ['ghcr.io', '/acme/api', 'ghcr.io/acme/api'],
    ['docker.io', 'bitnami/redis', 'docker.io/bitnami/redis'],
    ['localhost:5000', 'app', 'localhost:5000/app'],
  ] as const)('%s + %s → %s', (registry, repository, joined) => {
    expect(joinRepository(registry, repository)).toBe(joined);
  });

  it('joined Helm parts match the single-string form', () => {
    expect(sameRepository(joinRepository('docker.io', 'nginx'), 'nginx')).toBe(true);
  });

  it.each([
    [{ tag: '1.4.2' }, '1.4.2'],
    [{ digest: SHA256 }, SHA256],
    [{ tag: '1.4.2', digest: SHA256 }, `1.4.2@${SHA256}`],
    [{}, ''],
    [{ tag: '', digest: '' }, ''],
    [parseReference(`ghcr.io/acme/api:2@${SHA256}`), `2@${SHA256}`],
  ])('versionOf(%j) = %s', (ref, version) => {
    expect(versionOf(ref)).toBe(version);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const alnumRun = fc.array(alnum, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
const separator = fc.constantFrom('.', '_', '__', '-', '--');
const pathComponent = fc
  .tuple(alnumRun, fc.array(fc.tuple(separator, alnumRun), { maxLength: 2 }))
  .map(([head, rest]) => head + rest.map(([s, r]) => s + r).join(''));
const hostLabel = fc
  .tuple(fc.constantFrom(...'abcXYZ019'.split('')), fc.array(fc.constantFrom(...'abcXYZ019-'.split('')), { maxLength: 5 }), fc.constantFrom(...'abcXYZ019'.split('')))
  .map(([a, mid, z]) => a + mid.join('') + z);
const host = fc.oneof(
  fc.tuple(hostLabel, fc.array(hostLabel, { minLength: 1, maxLength: 2 })).map(([h, rest]) => [h, ...rest].join('.')),
  fc.constant('localhost'),
  fc.constant('[::1]'),
);
const domain = fc.tuple(host, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined })).map(([h, port]) => (port === undefined ? h : `${h}:${port}`));
const name = fc
  .tuple(fc.option(domain, { nil: undefined }), fc.array(pathComponent, { minLength: 1, maxLength: 3 }))
  // Without a registry, a first component with '.' would be read as a host (as distribution does): avoid it.
  .filter(([d, parts]) => d !== undefined || parts.length === 1 || !/[.:]|^localhost$/.test(parts[0] ?? ''))
  .map(([d, parts]) => (d === undefined ? parts.join('/') : `${d}/${parts.join('/')}`));
const tagChar = fc.constantFrom(...'abcXYZ019._-'.split(''));
const tag = fc
  .tuple(fc.constantFrom(...'aZ9_'.split('')), fc.array(tagChar, { maxLength: 20 }))
  .map(([first, rest]) => first + rest.join(''));
const hex = (length: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...'0123456789abcdef'.split('')), { minLength: length, maxLength: length }).map((cs) => cs.join(''));
const digest = fc.oneof(hex(64).map((h) => `sha256:${h}`), hex(128).map((h) => `sha512:${h}`));
const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

describe('properties', () => {
  it('parse(format(name, tag, digest)) gives the parts back', () => {
    fc.assert(
      fc.property(name, opt(tag), opt(digest), (n, t, d) => {
        const text = formatReference(n, t, d);
        const ref = parseReference(text);
        expect(ref.raw).toBe(text);
        expect(ref.name).toBe(n);
        expect(ref.tag).toBe(t);
        expect(ref.digest).toBe(d);
      }),
    );
  });

  it('format(parse(text)) reproduces the text', () => {
    fc.assert(
      fc.property(name, opt(tag), opt(digest), (n, t, d) => {
        const text = formatReference(n, t, d);
        const ref = parseReference(text);
        expect(formatReference(ref.name, ref.tag, ref.digest)).toBe(text);
      }),
    );
  });

  it('normalisation is idempotent and the repository is itself a valid name', () => {
    fc.assert(
      fc.property(name, opt(tag), (n, t) => {
        const once = normaliseRepository(formatReference(n, t));
        expect(normaliseRepository(once)).toBe(once);
        expect(sameRepository(once, n)).toBe(true);
        const ref = parseReference(once);
        expect(ref.name).toBe(once);
        expect(ref.registry).toBe(ref.registry.toLowerCase());
      }),
    );
  });

  it('registry spelling never matters, path spelling always does', () => {
    fc.assert(
      fc.property(domain, fc.array(pathComponent, { minLength: 1, maxLength: 3 }), pathComponent, (d, parts, extra) => {
        const n = `${d}/${parts.join('/')}`;
        expect(sameRepository(n, `${d.toUpperCase()}/${parts.join('/')}`)).toBe(true);
        expect(sameRepository(n, `${n}/${extra}`)).toBe(false);
        expect(sameRepository(n, `${n}-${extra}`)).toBe(false);
      }),
    );
  });

  it('tryParseReference never throws, and agrees with parseReference', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const ref = tryParseReference(text);
        if (ref === undefined) expect(() => parseReference(text)).toThrow(InvalidReferenceError);
        else expect(parseReference(text)).toEqual(ref);
      }),
    );
  });

  it('no accepted reference contains whitespace, control characters or a template', () => {
    fc.assert(
      fc.property(name, opt(tag), fc.constantFrom(' ', '\n', '\r', '\t', '\u0000', '${', '{{', '}}'), fc.nat(), (n, t, bad, at) => {
        const text = formatReference(n, t);
        const i = 1 + (at % (text.length - 1 || 1));
        const spoiled = text.slice(0, i) + bad + text.slice(i);
        if (i < text.length || !/^[ \t]$/.test(bad)) expect(tryParseReference(spoiled)).toBeUndefined();
      }),
    );
  });

  it('isValidTag agrees with the tag grammar', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 140 }), (t) => {
        expect(isValidTag(t)).toBe(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/.test(t));
        expect(tagProblem(t) === undefined).toBe(isValidTag(t));
      }),
    );
  });
});

// Provenance trailers: what a commit records per moved reference, and reading it back from a real git trailer block.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { provenanceTrailers, recordedMoves } from '../../../src/core/provenance.js';
import type { Change } from '../../../src/core/types.js';
import { ATTEMPT_TRAILER, fullMessage, trailers, withTrailers } from '../../../src/github/mutation.js';
import { withProvenance } from '../../../src/deliver/provenance.js';
import type { Plan } from '../../../src/core/types.js';

const SHA = 'a'.repeat(40);
const change = (image: string, from: string, to: string, file = 'a.yaml', line = 1): Change => ({ file, line, image, from, to });
const source = { repository: 'acme/api', sha: SHA, builtBy: 'https://github.com/acme/api/actions/runs/42' };

describe('provenanceTrailers', () => {
  it('one set per distinct move, in the plan order: Bumped-Image, Source-Commit, Built-By', () => {
    const changes = [
      change('ghcr.io/acme/api', '1.4.1', '1.5.0', 'a.yaml', 3),
      change('ghcr.io/acme/api', '1.4.1', '1.5.0', 'b.yaml', 9),
      change('ghcr.io/acme/web', '', `2.0@sha256:${'b'.repeat(64)}`),
    ];
    expect(provenanceTrailers(changes, source)).toEqual([
      ['Bumped-Image', 'ghcr.io/acme/api 1.4.1 -> 1.5.0'],
      ['Source-Commit', `acme/api@${SHA}`],
      ['Built-By', 'https://github.com/acme/api/actions/runs/42'],
      ['Bumped-Image', `ghcr.io/acme/web (none) -> 2.0@sha256:${'b'.repeat(64)}`],
      ['Source-Commit', `acme/api@${SHA}`],
      ['Built-By', 'https://github.com/acme/api/actions/runs/42'],
    ]);
  });

  it('leaves out what is not known; no changes, no trailers', () => {
    expect(provenanceTrailers([change('a/b', '1', '2')], { repository: 'acme/api' })).toEqual([['Bumped-Image', 'a/b 1 -> 2']]);
    expect(provenanceTrailers([change('a/b', '1', '2')], { sha: SHA })).toEqual([['Bumped-Image', 'a/b 1 -> 2']]);
    expect(provenanceTrailers([], source)).toEqual([]);
  });

  it('withProvenance: off (undefined settings) leaves the message as it is', () => {
    const plan = { changes: [change('a/b', '1', '2')] } as unknown as Plan;
    const message = { headline: 'Bump b 1 → 2', body: '- a/b: 1 → 2' };
    expect(withProvenance(message, plan, undefined)).toBe(message);
    const on = withProvenance(message, plan, { repository: { owner: 'acme', repo: 'api' }, sha: SHA, builtBy: undefined, serverUrl: 'https://github.com', token: 't', named: true });
    expect(fullMessage(on)).toBe(`Bump b 1 → 2\n\n- a/b: 1 → 2\n\nBumped-Image: a/b 1 -> 2\nSource-Commit: acme/api@${SHA}`);
  });
});

describe('recordedMoves', () => {
  it('reads back what provenanceTrailers wrote, through git interpret-trailers and the attempt trailer after it', () => {
    const changes = [change('ghcr.io/acme/api', '1.4.1', '1.5.0'), change('ghcr.io/acme/web', '2.0', '2.1')];
    const message = withTrailers({ headline: 'Bump', body: 'body text', trailers: provenanceTrailers(changes, source) }, [ATTEMPT_TRAILER, '1.1/abc.1']);
    const text = fullMessage(message);
    // git agrees that these are trailers, in this order.
    const parsed = execFileSync('git', ['interpret-trailers', '--parse'], { input: text, encoding: 'utf8' });
    expect(parsed.trim().split('\n').map((l) => l.split(':')[0])).toEqual(['Bumped-Image', 'Source-Commit', 'Built-By', 'Bumped-Image', 'Source-Commit', 'Built-By', ATTEMPT_TRAILER]);
    expect(recordedMoves(trailers(text))).toEqual([
      { image: 'ghcr.io/acme/api', from: '1.4.1', to: '1.5.0', source: { repository: 'acme/api', sha: SHA }, builtBy: source.builtBy },
      { image: 'ghcr.io/acme/web', from: '2.0', to: '2.1', source: { repository: 'acme/api', sha: SHA }, builtBy: source.builtBy },
    ]);
  });

  it('skips malformed values and sources before any move; names are case-insensitive', () => {
    const moves = recordedMoves([
      ['Source-Commit', `acme/x@${SHA}`],
      ['bumped-image', 'a/b 1 -> 2'],
      ['source-commit', 'acme/api@123'],
      ['Source-Commit', `acme/api@${'C'.repeat(40)}`],
      ['Bumped-Image', 'not a move'],
      ['Source-Commit', `acme/y@${SHA}`],
    ]);
    expect(moves).toEqual([{ image: 'a/b', from: '1', to: '2', source: { repository: 'acme/api', sha: 'c'.repeat(40) } }]);
  });
});

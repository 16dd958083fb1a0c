// The report's ages, pure: from file histories (as github/gates.ts reads them) to each cell's arrival and age text.
import { describe, expect, it } from 'vitest';
import { ageFields, ageText, placeAge, withAges } from '../../../src/core/age.js';
import { versionsIn, type FileCommit } from '../../../src/core/gates.js';
import { buildMatrix, cellText, scanEnvironment } from '../../../src/core/matrix.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const api = (tag: string, extra = '') => `image: ghcr.io/acme/api:${tag}\n${extra}`;
const redis = (version: string) => `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: redis}\nspec:\n  chart:\n    spec:\n      chart: redis\n      version: ${version}\n      sourceRef: {kind: HelmRepository, name: bitnami}\n`;
let n = 0;
const commit = (path: string, text: string, h: number, message = 'edit'): FileCommit => ({
  oid: `${(++n).toString(16).padStart(4, '0')}${'0'.repeat(36)}`,
  committedDate: hoursAgo(h),
  trailers: message.includes('Bumped-Image') ? [['Bumped-Image', message.split('Bumped-Image: ')[1]!]] : [],
  versions: versionsIn({ path, text }),
});

describe('placeAge', () => {
  it('starts the clock at the oldest commit of the run holding the version: a later edit of other lines does not reset it', () => {
    const history = [commit('a.yaml', api('1.5.0', 'x: 2\n'), 2), commit('a.yaml', api('1.5.0'), 26), commit('a.yaml', api('1.4.0'), 50)];
    const age = placeAge(history, 'ghcr.io/acme/api', 'ghcr.io/acme/api', '1.5.0', 30, NOW);
    expect(age).toEqual({ kind: 'known', since: hoursAgo(26), oid: history[1]!.oid, ms: 26 * 3_600_000 });
    expect(ageText(age)).toBe('1d2h');
    expect(ageFields(age)).toEqual({ since: hoursAgo(26), age: '1d2h', ageSeconds: 26 * 3600 });
  });

  it('takes a Bumped-Image trailer recording the move to the version as the arrival', () => {
    const history = [commit('a.yaml', api('1.5.0'), 3, 'Bump\n\nBumped-Image: ghcr.io/acme/api 1.5.0-rc -> 1.5.0'), commit('a.yaml', api('1.5.0'), 40)];
    expect(placeAge(history, 'ghcr.io/acme/api', 'ghcr.io/acme/api', '1.5.0', 30, NOW)).toMatchObject({ kind: 'known', ms: 3 * 3_600_000 });
  });

  it('says "older than the window" when a full window holds the version throughout, and the file creation otherwise', () => {
    const full = [commit('a.yaml', api('1.5.0'), 1), commit('a.yaml', api('1.5.0'), 5)];
    const older = placeAge(full, 'ghcr.io/acme/api', 'ghcr.io/acme/api', '1.5.0', 2, NOW);
    expect([ageText(older), ageFields(older).age]).toEqual(['>2 commits', 'older than 2 commits']);
    expect(placeAge(full, 'ghcr.io/acme/api', 'ghcr.io/acme/api', '1.5.0', 3, NOW)).toMatchObject({ kind: 'known', ms: 5 * 3_600_000 });
  });

  it('is unknown when the newest commit read does not hold the version (the branch moved) or nothing was read', () => {
    const moved = placeAge([commit('a.yaml', api('1.6.0'), 1)], 'ghcr.io/acme/api', 'ghcr.io/acme/api', '1.5.0', 30, NOW);
    expect([moved.kind, ageText(moved), ageFields(moved)]).toEqual(['unknown', '?', { since: null, age: 'unknown', ageSeconds: null }]);
    expect(placeAge([], 'ghcr.io/acme/api', 'ghcr.io/acme/api', '1.5.0', 30, NOW).kind).toBe('unknown');
  });
});

describe('withAges', () => {
  const scan = scanEnvironment('staging', 'envs/', [
    { path: 'api.yaml', text: api('1.5.0') },
    { path: 'b.yaml', text: api('1.5.0') },
    { path: 'redis.yaml', text: redis('19.0.1') },
  ]);
  const histories = new Map([
    ['api.yaml', [commit('api.yaml', api('1.5.0'), 26), commit('api.yaml', api('1.4.0'), 60)]],
    ['b.yaml', [commit('b.yaml', api('1.5.0'), 2)]],
    ['redis.yaml', [commit('redis.yaml', redis('19.0.1'), 49), commit('redis.yaml', redis('19.0.0'), 90)]],
  ]);
  const local = scanEnvironment('dev', 'envs/', [{ path: 'api.yaml', text: api('1.6.0') }]);

  it("gives a cell the youngest of its places' ages, charts included; an unread environment shows none", () => {
    const m = withAges(buildMatrix([local, scan]), [undefined, { histories, window: 30 }], NOW);
    expect(m.rows.map((r) => r.cells.map(cellText))).toEqual([
      ['1.6.0', '1.5.0 (2h) ≠'],
      ['—', '19.0.1 (2d1h)'],
    ]);
    expect(m.rows[0]!.cells[0]!.age).toBeUndefined();
  });

  it('marks every cell unknown when the history could not be read', () => {
    const m = withAges(buildMatrix([scan]), [{ unknown: 'the history could not be read' }], NOW);
    expect(m.rows.map((r) => cellText(r.cells[0]!))).toEqual(['1.5.0 (?)', '19.0.1 (?)']);
  });
});

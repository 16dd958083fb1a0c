import { describe, expect, it } from 'vitest';
import { withAges } from '../../../src/core/age.js';
import { buildMatrix, scanEnvironment } from '../../../src/core/matrix.js';
import { matrixOutput, matrixSummary, matrixTable } from '../../../src/report/matrix.js';

const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, text]) => ({ path, text }));
const matrix = buildMatrix([
  scanEnvironment('dev', 'dev/', files({ 'dev/a.yaml': 'image: ghcr.io/acme/api:1.6.0\n---\nimage: ghcr.io/acme/web:2.0.0\n' })),
  scanEnvironment('prod', 'prod/', files({ 'prod/a.yaml': 'image: ghcr.io/acme/api:1.5.0 # gitops-bump: hold <b>|pipe</b>\n' })),
]);

describe('matrixTable', () => {
  it('aligns the columns and explains the marks it uses', () => {
    expect(matrixTable(matrix)).toBe(
      [
        'IMAGE / CHART     dev    prod',
        'ghcr.io/acme/api  1.6.0  1.5.0 ≠ (held)',
        'ghcr.io/acme/web  2.0.0  —',
        '',
        '≠ differs from the previous environment · (held) frozen by a # gitops-bump: hold comment · — not in that environment',
        '',
      ].join('\n'),
    );
  });
});

describe('matrixSummary', () => {
  it('escapes repository text, and shows hold reasons only when the summary may show file lines', () => {
    const full = matrixSummary(matrix, 'full');
    expect(full).toContain('| ghcr.io/acme/api | `1.6.0` | **`1.5.0`** ≠ 🔒 held: &lt;b>\\|pipe&lt;/b> |');
    const changes = matrixSummary(matrix, 'changes');
    expect(changes).toContain('| ghcr.io/acme/api | `1.6.0` | **`1.5.0`** ≠ 🔒 held |');
    expect(changes).not.toContain('pipe');
  });
});

describe('matrixOutput', () => {
  it('keys cells by environment, null where the image is absent', () => {
    const json = JSON.parse(matrixOutput(matrix)) as { environments: unknown[]; rows: { name: string; cells: Record<string, unknown> }[] };
    expect(json.environments).toEqual([{ name: 'dev', where: 'dev/', files: 1 }, { name: 'prod', where: 'prod/', files: 1 }]);
    expect(json.rows[1]).toEqual({
      kind: 'image',
      name: 'ghcr.io/acme/web',
      cells: {
        dev: { versions: ['2.0.0'], held: false, drift: false, places: [{ file: 'dev/a.yaml', line: 3, version: '2.0.0', held: false }], since: null, age: 'unknown', ageSeconds: null },
        prod: null,
      },
    });
  });

  it("gives each cell's age: since the arrival commit, or unknown", () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const commit = { oid: 'a'.repeat(40), committedDate: '2026-11-30T10:00:00Z', trailers: [], versions: new Map([['ghcr.io/acme/api', '1.5.0']]) };
    const aged = withAges(matrix, [undefined, { histories: new Map([['prod/a.yaml', [commit]]]), window: 30 }], now);
    const json = JSON.parse(matrixOutput(aged)) as { rows: { cells: Record<string, { since: string | null; age: string; ageSeconds: number | null } | null> }[] };
    expect(json.rows[0]!.cells.prod).toMatchObject({ since: '2026-11-30T10:00:00Z', age: '1d2h', ageSeconds: 26 * 3600 });
    expect(json.rows[0]!.cells.dev).toMatchObject({ since: null, age: 'unknown', ageSeconds: null });
    expect(matrixSummary(aged, 'changes')).toContain('| ghcr.io/acme/api | `1.6.0` | **`1.5.0`** (1d2h) ≠ 🔒 held |');
    expect(matrixTable(aged)).toContain('ghcr.io/acme/api  1.6.0  1.5.0 (1d2h) ≠ (held)');
    expect(matrixTable(aged)).toContain('(1d2h) there since the commit that brought it · no age: read from a local folder');
  });
});

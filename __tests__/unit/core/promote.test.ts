import { describe, expect, it } from 'vitest';
import { parseReference } from '../../../src/image/reference.js';
import { PlanSyntaxError } from '../../../src/core/scan.js';
import { PromotionConflictError, promotionRequests, sourceSkips } from '../../../src/core/promote.js';

const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, text]) => ({ path, text }));
const digest = `sha256:${'c'.repeat(64)}`;

describe('promotionRequests', () => {
  it('turns every version found, in every shape, into one request per image', () => {
    const result = promotionRequests(
      files({
        'k.yaml': 'images:\n  - name: ghcr.io/acme/api\n    newTag: "1.5.0"\n  - name: nginx\n    newName: ghcr.io/acme/nginx\n    digest: ' + digest + '\n',
        'v.yaml': 'image:\n  registry: ghcr.io\n  repository: acme/web\n  tag: "2.10"\n',
        'd.yaml': 'spec:\n  containers:\n    - image: ghcr.io/acme/api:1.5.0\n    - image: busybox\n',
      }),
    );
    expect(result.requests.map((r) => r.input).sort()).toEqual(['ghcr.io/acme/api:1.5.0', `ghcr.io/acme/nginx@${digest}`, 'ghcr.io/acme/web:2.10']);
    expect(result.found.filter((f) => f.repository === 'ghcr.io/acme/api').map((f) => `${f.file}:${f.line}`)).toEqual(['d.yaml:3', 'k.yaml:3']);
  });

  it('filters by the bare repositories given', () => {
    const result = promotionRequests(files({ 'd.yaml': 'a:\n  image: ghcr.io/acme/api:1.5.0\nb:\n  image: ghcr.io/acme/web:2.0.0\n' }), [parseReference('ghcr.io/acme/web')]);
    expect(result.requests.map((r) => r.input)).toEqual(['ghcr.io/acme/web:2.0.0']);
  });

  it('refuses two versions of one image, listing both places', () => {
    const input = files({ 'a.yaml': 'image: ghcr.io/acme/api:1.5.0\n', 'b.yaml': 'image: ghcr.io/acme/api:1.4.0\n' });
    expect(() => promotionRequests(input)).toThrow(PromotionConflictError);
    expect(() => promotionRequests(input)).toThrow(/ghcr\.io\/acme\/api: 1\.5\.0 \(a\.yaml:1\), 1\.4\.0 \(b\.yaml:1\)/);
    expect(promotionRequests(input, [parseReference('ghcr.io/acme/web')]).requests).toEqual([]);
  });

  it('fails naming a source file that does not parse', () => {
    expect(() => promotionRequests(files({ 'a.yaml': 'image: [\n' }))).toThrow(PlanSyntaxError);
  });

  it('marks the source’s skipped files as the source’s, naming the repository when it is another one', () => {
    const skips = [{ path: 'a.yaml', reason: 'binary file' }];
    expect(sourceSkips(skips)).toEqual([{ path: 'a.yaml', reason: 'promotion source: binary file' }]);
    expect(sourceSkips(skips, 'acme/staging')).toEqual([{ path: 'a.yaml', reason: 'promotion source acme/staging: binary file' }]);
  });
});

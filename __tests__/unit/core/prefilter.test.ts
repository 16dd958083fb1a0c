import { describe, expect, it } from 'vitest';
import { plan } from '../../../src/core/plan.js';
import { mayHoldAny, textMayHoldAny } from '../../../src/core/prefilter.js';
import { parsePolicy } from '../../../src/image/policy.js';
import { locate } from '../../../src/yaml/locate.js';
import { parseImages } from '../../../src/settings/parse.js';

const api = parseImages('ghcr.io/acme/api:2.0.0');
const keepApi = mayHoldAny(api);
const textKeepApi = textMayHoldAny(api);
const kept = (text: string): boolean => {
  const bytes = keepApi(Buffer.from(text, 'utf8'));
  expect(textKeepApi(text), `text and bytes agree on ${JSON.stringify(text)}`).toBe(bytes);
  return bytes;
};
const repositories = (text: string): (string | undefined)[] => locate(text).sites.map((site) => site.repository);

describe('mayHoldAny', () => {
  it('keeps files that hold a requested repository name, byte-level', () => {
    const keep = mayHoldAny(parseImages('ghcr.io/acme/api:1, nginx:1.27'));
    expect(keep(Buffer.from('image: nginx'))).toBe(true);
    expect(keep(Buffer.from('x: acme/api'))).toBe(true);
    expect(keep(Buffer.from('x: acme/web'))).toBe(false);
  });

  // Each text holds ghcr.io/acme/api in a shape the engine reads (checked by locate), and is kept.
  it.each([
    ['a container image', 'spec:\n  containers:\n    - name: x\n      image: ghcr.io/acme/api:1.0\n'],
    ['a digest', 'image: "ghcr.io/acme/api@sha256:' + 'a'.repeat(64) + '"\n'],
    ['single quotes, no final newline', "image: 'ghcr.io/acme/api:1.0'"],
    ['CRLF line ends', 'image:\r\n  repository: ghcr.io/acme/api\r\n  tag: "1.0"\r\n'],
    ['a flow map', 'containers: [{name: x, image: ghcr.io/acme/api:1.0}]\n'],
    ['a flow map without blanks', 'containers: [{name: x,image: ghcr.io/acme/api}]\n'],
    ['a split registry', 'image:\n  registry: ghcr.io\n  repository: acme/api\n  tag: 1.0\n'],
    ['a registry holding the owner', 'image:\n  registry: ghcr.io/acme\n  repository: api\n  tag: 1.0\n'],
    ['a flow Helm map', 'image: {registry: ghcr.io, repository: "acme/api", tag: "1.0"}\n'],
    ['a kustomize newName', 'kind: Kustomization\nimages:\n  - name: api\n    newName: ghcr.io/acme/api\n    newTag: "1.0"\n'],
    ['an Argo CD alias', 'spec:\n  source:\n    kustomize:\n      images:\n        - x=ghcr.io/acme/api:1.0\n'],
    ['Argo CD helm.parameters', 'spec:\n  source:\n    helm:\n      parameters:\n        - name: image.repository\n          value: ghcr.io/acme/api\n        - name: image.tag\n          value: "1.0"\n'],
    ['a marker comment', 'build:\n  version: 1.0 # gitops-bump: ghcr.io/acme/api:tag\n'],
    ['a marker without a blank', 'build:\n  version: 1.0 #gitops-bump:ghcr.io/acme/api:tag\n'],
    ['escaped slashes', 'image: "ghcr.io\\/acme\\/api:1.0"\n'],
    ['a \\x2F slash', 'image: "ghcr.io/acme\\x2Fapi:1.0"\n'],
    ['a \\u002f slash', 'image: "ghcr.io/acme\\u002fapi:1.0"\n'],
    ['a \\U0000002F slash', 'image: "ghcr.io/acme\\U0000002Fapi:1.0"\n'],
    ['an escaped colon', 'image: "ghcr.io/acme/api\\x3a1.0"\n'],
    ['an anchor', 'x: &img ghcr.io/acme/api:1.0\nimage: *img\n'],
    ['an uppercase registry', 'image: GHCR.IO/acme/api:1.0\n'],
  ])('keeps %s', (_, text) => {
    expect(repositories(text)).toContain('ghcr.io/acme/api');
    expect(kept(text)).toBe(true);
  });

  it('keeps a name that stands alone: a tab escape, a bare value, a look-alike with the same last part', () => {
    expect(repositories('image: "\\tnginx:1.0"\n')).toContain('docker.io/library/nginx');
    const nginx = mayHoldAny(parseImages('nginx:1.27'));
    expect(nginx(Buffer.from('image: "\\tnginx:1.0"\n'))).toBe(true);
    for (const spelling of ['nginx', 'library/nginx', 'docker.io/nginx', 'index.docker.io/library/nginx', 'registry-1.docker.io/library/nginx']) {
      const text = `image: ${spelling}:1.0\n`;
      expect(repositories(text)).toEqual(['docker.io/library/nginx']);
      expect(nginx(Buffer.from(text))).toBe(true);
    }
    // A registry or owner typo keeps the file: the plan names it as a look-alike of the missing image.
    expect(kept('image: ghcr.io/acmee/api:1.0\n')).toBe(true);
    expect(kept('- name: api\n')).toBe(true);
    expect(kept('image: api:1.0')).toBe(true);
  });

  it('drops files where the last part is only part of a longer word or path', () => {
    const manifest = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/acme/web:1.0\n';
    expect(kept(manifest)).toBe(false);
    // A key is not a value: `api:` followed by a blank or a line end (a tag follows its colon directly).
    for (const text of ['api:\n  replicas: 2\n', 'api: {replicas: 2}\n', 'labels: {api: x}', 'api:', 'api:\r\n  x: 1\r\n']) expect(kept(text), text).toBe(false);
    for (const text of ['image: ghcr.io/acme/api-gateway:1.0\n', 'image: ghcr.io/acme/my-api:1.0\n', 'image: ghcr.io/acme/apiserver\n', 'path: /api/v1\n', 'x: rapid\n', 'x: my_api\n', 'x: api.v2\n', 'x: API\n']) {
      expect(kept(text), text).toBe(false);
    }
    const svc7 = mayHoldAny(parseImages('ghcr.io/acme/svc7:1'));
    expect(svc7(Buffer.from('images:\n  - name: ghcr.io/acme/svc70\n  - name: ghcr.io/acme/svc7-worker\n'))).toBe(false);
    expect(svc7(Buffer.from('images:\n  - name: ghcr.io/acme/svc70\n  - name: ghcr.io/acme/svc7\n'))).toBe(true);
  });

  it('plan reads only the files that may hold the image: an apiVersion-only file that does not parse no longer stops a bump of api', () => {
    const result = plan(
      [
        { path: 'broken.yaml', text: 'apiVersion: v1\nkind: [\n' },
        { path: 'a.yaml', text: 'image: ghcr.io/acme/api:1.0.0\n' },
      ],
      api,
      { policy: parsePolicy('newer') },
    );
    expect(result.changes.map((c) => c.file)).toEqual(['a.yaml']);
  });
});

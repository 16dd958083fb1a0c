import { describe, expect, it } from 'vitest';
import { locate } from '../../../src/yaml/locate.js';
import { applyEdits } from '../../../src/yaml/edits.js';
import { rewrite, UnwritableError, versionAfter, whyHeld, type Want } from '../../../src/yaml/splice.js';

const OLD = `sha256:${'a'.repeat(64)}`;
const NEW = `sha256:${'b'.repeat(64)}`;

/** Bumps the `index`-th site of `text` and checks that a second run changes nothing. */
function bump(text: string, want: Want, index = 0): string {
  const site = locate(text).sites[index];
  if (site === undefined) throw new Error(`no site ${index} in ${JSON.stringify(text)}`);
  const output = applyEdits(text, rewrite(text, site, want));
  const again = locate(output).sites[index];
  if (again === undefined) throw new Error('the site is gone after the bump');
  expect(rewrite(output, again, want)).toEqual([]);
  return output;
}

describe('rewrite: full references', () => {
  it.each([
    ['a plain tag', 'image: ghcr.io/acme/api:1.4.1\n', { tag: '1.4.2' }, 'image: ghcr.io/acme/api:1.4.2\n'],
    ['a single-quoted value stays single-quoted', "image: 'nginx:1.0'\n", { tag: '1.1' }, "image: 'nginx:1.1'\n"],
    ['a double-quoted value stays double-quoted', 'image: "nginx:1.0"\n', { tag: '1.1' }, 'image: "nginx:1.1"\n'],
    ['a numeric-looking tag inside a reference needs no quotes', 'image: nginx:1.9\n', { tag: '1.10' }, 'image: nginx:1.10\n'],
    ['the spelling of the name is kept', 'image: docker.io/library/nginx:1.0\n', { tag: '1.1' }, 'image: docker.io/library/nginx:1.1\n'],
    ['an untagged image gets a tag', 'image: nginx\n', { tag: '1.25' }, 'image: nginx:1.25\n'],
    ['a tag over name:old@digest drops the stale digest', `image: busybox:1.36@${OLD}\n`, { tag: '1.37' }, 'image: busybox:1.37\n'],
    ['a tag and a digest are both written', 'image: busybox:1.36\n', { tag: '1.37', digest: NEW }, `image: busybox:1.37@${NEW}\n`],
    ['a digest alone drops the tag that named the old digest', `image: busybox:1.36@${OLD}\n`, { digest: NEW }, `image: busybox@${NEW}\n`],
    ['a digest alone drops a tag', 'image: busybox:1.36\n', { digest: NEW }, `image: busybox@${NEW}\n`],
    ['a digest alone in an Argo CD alias=ref', 'kustomize:\n  images:\n  - web=gcr.io/acme/web:0.1\n', { digest: NEW }, `kustomize:\n  images:\n  - web=gcr.io/acme/web@${NEW}\n`],
    ['a comment on the line is kept', 'image: nginx:1.0 # pinned by ops\n', { tag: '1.1' }, 'image: nginx:1.1 # pinned by ops\n'],
    ['a flow mapping', 'containers: [{name: a, image: nginx:1.0}]\n', { tag: '1.1' }, 'containers: [{name: a, image: nginx:1.1}]\n'],
    ['CRLF, a BOM and no final newline', '\uFEFFa: 1\r\nimage: nginx:1.0', { tag: '1.1' }, '\uFEFFa: 1\r\nimage: nginx:1.1'],
    ['an anchored image: the anchor is edited, the aliases stay', 'x: &i nginx:1.0\na:\n  image: *i\n', { tag: '1.1' }, 'x: &i nginx:1.1\na:\n  image: *i\n'],
    ['Argo CD alias=ref keeps the alias', 'kustomize:\n  images:\n  - "web=gcr.io/acme/web:0.1"\n', { tag: '0.2' }, 'kustomize:\n  images:\n  - "web=gcr.io/acme/web:0.2"\n'],
  ])('%s', (_, text, want, expected) => {
    expect(bump(text, want)).toBe(expected);
  });

  it('returns no edits when the site already points at the version', () => {
    const text = 'image: nginx:1.0\n';
    const site = locate(text).sites[0];
    expect(site && rewrite(text, site, { tag: '1.0' })).toEqual([]);
  });

  it('keeps the tag when a digest alone names the digest already there', () => {
    const text = `image: nginx:1.0@${NEW}\n`;
    const site = locate(text).sites[0];
    expect(site && rewrite(text, site, { digest: NEW })).toEqual([]);
    expect(site && versionAfter(site, { digest: NEW })).toEqual({ tag: '1.0', digest: NEW });
  });

  it('leaves every other document of a stream alone', () => {
    const text = '# head\r\n---\r\nimage: nginx:1.0\r\n---\r\n\r\nimage: nginx:1.0 # second\r\n...\r\n';
    expect(bump(text, { tag: '1.1' }, 1)).toBe('# head\r\n---\r\nimage: nginx:1.0\r\n---\r\n\r\nimage: nginx:1.1 # second\r\n...\r\n');
  });
});

describe('rewrite: quoting of values YAML would not read as strings', () => {
  it.each(['1.10', '6801028', '1e3', 'true', 'yes', 'on', 'No', 'null', '0x1F', '0o17', '012', '1_000', '2024-01-01', '0b101', '1e-3', 'Off', '0x_1'])(
    'writes tag %s quoted where it was plain',
    (tag) => {
      expect(bump('image:\n  repository: nginx\n  tag: v1\n', { tag })).toBe(`image:\n  repository: nginx\n  tag: "${tag}"\n`);
    },
  );

  it.each(['v1.10', '1.10-alpine', 'latest', '2024-01-01T00', 'sha-abc123'])('writes tag %s plain where it was plain', (tag) => {
    expect(bump('image:\n  repository: nginx\n  tag: v1\n', { tag })).toBe(`image:\n  repository: nginx\n  tag: ${tag}\n`);
  });

  it('keeps single quotes and double quotes', () => {
    expect(bump("image:\n  repository: nginx\n  tag: '1.0'\n", { tag: '1.10' })).toBe("image:\n  repository: nginx\n  tag: '1.10'\n");
    expect(bump('image:\n  repository: nginx\n  tag: "v1"\n', { tag: 'v2' })).toBe('image:\n  repository: nginx\n  tag: "v2"\n');
  });
});

describe('rewrite: Helm-values maps', () => {
  it.each([
    ['an empty quoted tag', 'image:\n  repository: nginx\n  tag: ""\n', { tag: '1.25' }, 'image:\n  repository: nginx\n  tag: "1.25"\n'],
    ['a null tag', 'image:\n  repository: nginx\n  tag:\n  pullPolicy: Always\n', { tag: '1.25' }, 'image:\n  repository: nginx\n  tag: "1.25"\n  pullPolicy: Always\n'],
    ['a null tag before a comment', 'image:\n  repository: nginx\n  tag:   # set me\n', { tag: 'v1' }, 'image:\n  repository: nginx\n  tag:   v1 # set me\n'],
    ['a ~ tag', 'image:\n  repository: nginx\n  tag: ~\n', { tag: 'v1' }, 'image:\n  repository: nginx\n  tag: v1\n'],
    ['a missing tag is inserted after the repository', 'image:\n  repository: nginx\n  pullPolicy: Always\n', { tag: 'v1' }, 'image:\n  repository: nginx\n  tag: v1\n  pullPolicy: Always\n'],
    ['an insertion keeps CRLF', 'image:\r\n    repository: nginx\r\n', { tag: '1.0' }, 'image:\r\n    repository: nginx\r\n    tag: "1.0"\r\n'],
    ['an insertion keeps a missing final newline', 'image:\n  repository: nginx', { tag: 'v1' }, 'image:\n  repository: nginx\n  tag: v1'],
    ['an insertion into a flow mapping', 'image: {repository: nginx}\n', { tag: '1.0' }, 'image: {repository: nginx, tag: "1.0"}\n'],
    ['a tag alone clears a stale digest sibling', `image:\n  repository: nginx\n  tag: 1.0.0\n  digest: "${OLD}"\n`, { tag: '1.1.0' }, 'image:\n  repository: nginx\n  tag: 1.1.0\n  digest: ""\n'],
    ['a tag and a digest fill both fields', 'image:\n  registry: docker.io\n  repository: bitnami/redis\n  tag: 7.0.0\n  digest: ""\n', { tag: '7.2.0', digest: NEW }, `image:\n  registry: docker.io\n  repository: bitnami/redis\n  tag: 7.2.0\n  digest: "${NEW}"\n`],
    ['a sha field takes the bare hex', 'image:\n  repository: prometheus/prometheus\n  tag: v1\n  sha: ""\n', { tag: 'v2', digest: NEW }, `image:\n  repository: prometheus/prometheus\n  tag: v2\n  sha: "${'b'.repeat(64)}"\n`],
    ['a tag@digest tag is rewritten whole', `image:\n  repository: ghcr.io/twin/gatus\n  tag: v5.1.0@${OLD}\n`, { tag: 'v5.2.0', digest: NEW }, `image:\n  repository: ghcr.io/twin/gatus\n  tag: v5.2.0@${NEW}\n`],
    ['a tag alone over tag@digest drops the digest', `image:\n  repository: ghcr.io/twin/gatus\n  tag: v5.1.0@${OLD}\n`, { tag: 'v5.2.0' }, 'image:\n  repository: ghcr.io/twin/gatus\n  tag: v5.2.0\n'],
    ['a digest the map has no field for is not written with a tag', 'image:\n  repository: nginx\n  tag: "1.0"\n', { tag: '1.1', digest: NEW }, 'image:\n  repository: nginx\n  tag: "1.1"\n'],
    ['an anchored tag: the anchor is edited, the alias stays', 'base: &t 1.0.0\nimage:\n  repository: nginx\n  tag: *t\n', { tag: '1.1.0' }, 'base: &t 1.1.0\nimage:\n  repository: nginx\n  tag: *t\n'],
  ])('%s', (_, text, want, expected) => {
    expect(bump(text, want)).toBe(expected);
  });

  it('writes a merged map’s own tag, or the anchored one it inherits, and inserts after a lone merge key', () => {
    const text = 'base: &base\n  repository: ghcr.io/acme/api\n  tag: 1.0.0\nworker:\n  image:\n    <<: *base\n    tag: 0.9.0\n';
    expect(bump(text, { tag: '0.9.1' }, 1)).toBe(text.replace('0.9.0', '0.9.1'));
    const bare = 'base: &base\n  repository: ghcr.io/acme/api\nworker:\n  image:\n    <<: *base\n';
    expect(bump(bare, { tag: 'v2' }, 0)).toBe('base: &base\n  repository: ghcr.io/acme/api\nworker:\n  image:\n    <<: *base\n    tag: v2\n');
  });

  it('refuses a digest alone where the map has no digest field', () => {
    const text = 'image:\n  repository: nginx\n  tag: "1.0"\n';
    const site = locate(text).sites[0];
    expect(() => site && rewrite(text, site, { digest: NEW })).toThrow(UnwritableError);
    expect(() => site && rewrite(text, site, { digest: NEW })).toThrow(/this map has no digest field/);
  });

  it.each([
    ['a digest field', 'image:\n  repository: nginx\n  tag: "1.0"\n  digest: ""\n', `image:\n  repository: nginx\n  tag: "1.0"\n  digest: "${NEW}"\n`],
    ['a sha field', 'image:\n  repository: nginx\n  tag: v1\n  sha: ""\n', `image:\n  repository: nginx\n  tag: v1\n  sha: "${'b'.repeat(64)}"\n`],
    ['a tag@digest tag', `image:\n  repository: nginx\n  tag: v1@${OLD}\n`, `image:\n  repository: nginx\n  tag: v1@${NEW}\n`],
    ['Argo CD helm.parameters', `helm:\n  parameters:\n  - name: image.tag\n    value: v1\n  - name: image.digest\n    value: ${OLD}\n`, `helm:\n  parameters:\n  - name: image.tag\n    value: v1\n  - name: image.digest\n    value: ${NEW}\n`],
  ])('a digest alone writes %s and keeps the Helm tag', (_, text, expected) => {
    expect(bump(text, { digest: NEW })).toBe(expected);
  });

  it('refuses a full image in a block scalar', () => {
    const text = 'image: |\n  nginx:1.0\n';
    const site = locate(text).sites[0];
    expect(() => site && rewrite(text, site, { tag: '1.1' })).toThrow(/block scalar/);
  });

  it('refuses a tag in a block scalar', () => {
    const text = 'image:\n  repository: nginx\n  tag: |\n    1.0\n';
    const site = locate(text).sites[0];
    expect(() => site && rewrite(text, site, { tag: '1.1' })).toThrow(/block scalar/);
  });
});

describe('rewrite: kustomize images entries', () => {
  it.each([
    ['newTag replaced', 'images:\n- name: nginx\n  newTag: "1.0"\n', { tag: '1.1' }, 'images:\n- name: nginx\n  newTag: "1.1"\n'],
    ['newTag inserted after the last key', 'images:\n- name: nginx\n  newName: ghcr.io/x/nginx # mirror\n- name: b\n  newTag: v1\n', { tag: '1.1' }, 'images:\n- name: nginx\n  newName: ghcr.io/x/nginx # mirror\n  newTag: "1.1"\n- name: b\n  newTag: v1\n'],
    ['newTag and digest inserted together', 'images:\n  - name: nginx\n    newName: ghcr.io/x/nginx', { tag: 'v2', digest: NEW }, `images:\n  - name: nginx\n    newName: ghcr.io/x/nginx\n    newTag: v2\n    digest: ${NEW}`],
    ['a tag alone removes a stale digest line', `images:\r\n- name: nginx\r\n  newTag: v1\r\n  digest: ${OLD}\r\n`, { tag: 'v2' }, 'images:\r\n- name: nginx\r\n  newTag: v2\r\n'],
    ['a tag alone removes a last digest line without adding a final newline', `images:\n- name: nginx\n  newTag: v1\n  digest: ${OLD}`, { tag: 'v2' }, 'images:\n- name: nginx\n  newTag: v2'],
    ['a digest line with a comment is emptied, not removed', `images:\n- name: nginx\n  newTag: v1\n  newDigest: ${OLD} # {"$imagepolicy": "ns:p:digest"}\n`, { tag: 'v2' }, 'images:\n- name: nginx\n  newTag: v2\n  newDigest: "" # {"$imagepolicy": "ns:p:digest"}\n'],
    ['a digest updated in place', `images:\n- name: nginx\n  newTag: v1\n  digest: ${OLD}\n`, { tag: 'v2', digest: NEW }, `images:\n- name: nginx\n  newTag: v2\n  digest: ${NEW}\n`],
    ['a flow entry: replace and insert', 'images:\n- {name: nginx, newName: x.io/nginx}\n', { tag: '1.10' }, 'images:\n- {name: nginx, newName: x.io/nginx, newTag: "1.10"}\n'],
    ['a JSON entry gets a JSON pair', '{"images": [{"name": "nginx", "newName": "x.io/nginx"}]}', { tag: 'v1' }, '{"images": [{"name": "nginx", "newName": "x.io/nginx", "newTag": "v1"}]}'],
    ['a flow entry: remove a stale digest', `images: [{name: nginx, newTag: v1, digest: ${OLD}}]\n`, { tag: 'v2' }, 'images: [{name: nginx, newTag: v2}]\n'],
  ])('%s', (_, text, want, expected) => {
    expect(bump(text, want)).toBe(expected);
  });

  // An entry pinned only by a digest, asked for a tag: newTag is written and the digest goes, in every field order.
  it.each([
    ['name, digest', `images:\n- name: api\n  digest: ${OLD}\n- name: web\n`, 'images:\n- name: api\n  newTag: 1.5.0\n- name: web\n'],
    ['digest, name', `images:\n- digest: ${OLD}\n  name: api\n- name: web\n`, 'images:\n- name: api\n  newTag: 1.5.0\n- name: web\n'],
    ['name, newName, digest', `images:\n  - name: api\n    newName: ghcr.io/acme/api\n    digest: ${OLD}\n`, 'images:\n  - name: api\n    newName: ghcr.io/acme/api\n    newTag: 1.5.0\n'],
    ['name, digest, newName', `images:\n- name: api\n  digest: ${OLD}\n  newName: ghcr.io/acme/api\n`, 'images:\n- name: api\n  newName: ghcr.io/acme/api\n  newTag: 1.5.0\n'],
    ['digest, name, newName', `images:\n-   digest: ${OLD}\n    name: api\n    newName: ghcr.io/acme/api\n`, 'images:\n-   name: api\n    newName: ghcr.io/acme/api\n    newTag: 1.5.0\n'],
    ['newDigest, name', `images:\n- newDigest: ${OLD}\n  name: api\n`, 'images:\n- name: api\n  newTag: 1.5.0\n'],
    ['CRLF, digest first', `images:\r\n- digest: ${OLD}\r\n  name: api\r\n`, 'images:\r\n- name: api\r\n  newTag: 1.5.0\r\n'],
    ['CRLF, digest last, no final newline', `images:\r\n- name: api\r\n  digest: ${OLD}`, 'images:\r\n- name: api\r\n  newTag: 1.5.0'],
    ['a comment on the digest line keeps the line, emptied', `images:\n- name: api\n  digest: ${OLD} # pinned\n`, 'images:\n- name: api\n  digest: "" # pinned\n  newTag: 1.5.0\n'],
    ['a comment on a first digest line keeps it too', `images:\n- digest: ${OLD} # pinned\n  name: api\n`, 'images:\n- digest: "" # pinned\n  name: api\n  newTag: 1.5.0\n'],
    ['a comment line after a first digest keeps it', `images:\n- digest: ${OLD}\n  # the mirror\n  name: api\n`, 'images:\n- digest: ""\n  # the mirror\n  name: api\n  newTag: 1.5.0\n'],
    ['a comment on the name line', `images:\n- name: api # the api\n  digest: ${OLD}\n`, 'images:\n- name: api # the api\n  newTag: 1.5.0\n'],
    ['flow, digest last', `images:\n- {name: api, digest: ${OLD}}\n`, 'images:\n- {name: api, newTag: 1.5.0}\n'],
    ['flow, digest first', `images:\n- {digest: ${OLD}, name: api}\n`, 'images:\n- {name: api, newTag: 1.5.0}\n'],
    ['flow, digest in the middle', `images: [{name: api, digest: ${OLD}, newName: x.io/api}]\n`, 'images: [{name: api, newName: x.io/api, newTag: 1.5.0}]\n'],
    ['JSON, digest first', `{"images": [{"digest": "${OLD}", "name": "api"}]}`, '{"images": [{"name": "api", "newTag": "1.5.0"}]}'],
    ['flow over lines, a comment after the digest: emptied, not removed', `images:\n- {name: api,\n   digest: ${OLD}  # pinned\n  }\n`, 'images:\n- {name: api,\n   digest: "", newTag: 1.5.0  # pinned\n  }\n'],
    ['flow over lines', `images:\n- {\n    name: api,\n    digest: ${OLD},\n  }\n`, 'images:\n- {\n    name: api, newTag: 1.5.0,\n  }\n'],
    ['flow with a comment before the digest: emptied, not removed', `images:\n- {name: api, # pinned\n   digest: ${OLD}}\n`, 'images:\n- {name: api, # pinned\n   digest: "", newTag: 1.5.0}\n'],
  ])('a tag over a digest-only entry: %s', (_, text, expected) => {
    expect(bump(text, { tag: '1.5.0' })).toBe(expected);
  });

  // A digest alone replaces the newTag that named the old image: kustomize would render name:tag@digest.
  it.each([
    ['newTag last', 'images:\n- name: api\n  newTag: 1.4.1\n', `images:\n- name: api\n  digest: ${NEW}\n`],
    ['newTag first, no final newline', 'images:\n- newTag: 1.4.1\n  name: api', `images:\n- name: api\n  digest: ${NEW}`],
    ['newTag and an old digest', `images:\n- name: api\n  newTag: 1.4.1\n  digest: ${OLD}\n`, `images:\n- name: api\n  digest: ${NEW}\n`],
    ['a Flux setter on newTag keeps its line', 'images:\n- name: api\n  newTag: 1.4.1 # {"$imagepolicy": "ns:p:tag"}\n', `images:\n- name: api\n  newTag: "" # {"$imagepolicy": "ns:p:tag"}\n  digest: ${NEW}\n`],
    ['flow', 'images: [{name: api, newTag: 1.4.1}]\n', `images: [{name: api, digest: ${NEW}}]\n`],
  ])('a digest alone over a tagged entry: %s', (_, text, expected) => {
    expect(bump(text, { digest: NEW })).toBe(expected);
  });

  it('a digest alone that is already there keeps newTag', () => {
    const text = `images:\n- name: api\n  newTag: 1.4.1\n  digest: ${NEW}\n`;
    const site = locate(text).sites[0];
    expect(site && rewrite(text, site, { digest: NEW })).toEqual([]);
  });
});

describe('rewrite: Argo CD helm.parameters', () => {
  it('writes the tag parameter, keeping its quotes, and clears a stale digest parameter', () => {
    const text = `helm:\n  parameters:\n  - name: image.repository\n    value: ghcr.io/acme/api\n  - name: image.tag\n    value: '1.0'\n  - name: image.digest\n    value: ${OLD}\n`;
    expect(bump(text, { tag: '1.1' })).toBe(`helm:\n  parameters:\n  - name: image.repository\n    value: ghcr.io/acme/api\n  - name: image.tag\n    value: '1.1'\n  - name: image.digest\n    value: ""\n`);
  });
});

describe('rewrite: markers, holds, invalid requests', () => {
  it('writes a :tag marker’s scalar and a whole-reference marker’s tag', () => {
    expect(bump('x:\n  v: 1.4.1 # gitops-bump: ghcr.io/acme/api:tag\n', { tag: '1.5.0' })).toBe('x:\n  v: 1.5.0 # gitops-bump: ghcr.io/acme/api:tag\n');
    expect(bump('x:\n  v: 1.4 # gitops-bump: ghcr.io/acme/api:tag\n', { tag: '1.10' })).toBe('x:\n  v: "1.10" # gitops-bump: ghcr.io/acme/api:tag\n');
    expect(bump("x: 'mirror/api:1' # gitops-bump: ghcr.io/acme/api\n", { tag: '2' })).toBe("x: 'mirror/api:2' # gitops-bump: ghcr.io/acme/api\n");
  });

  it('writes a digest alone: a whole-reference marker drops its tag, :tag and :digest markers keep the tag', () => {
    expect(bump("x: 'mirror/api:1' # gitops-bump: ghcr.io/acme/api\n", { digest: NEW })).toBe(`x: 'mirror/api@${NEW}' # gitops-bump: ghcr.io/acme/api\n`);
    const parts = `x:\n  v: 1.4.1 # gitops-bump: ghcr.io/acme/api:tag\n  d: ${OLD} # gitops-bump: ghcr.io/acme/api:digest\n`;
    expect(bump(parts, { digest: NEW })).toBe(parts.replace(OLD, NEW));
    const tagOnly = 'x:\n  v: 1.4.1 # gitops-bump: ghcr.io/acme/api:tag\n';
    const site = locate(tagOnly).sites[0];
    expect(() => site && rewrite(tagOnly, site, { digest: NEW })).toThrow(/no ':digest' marker/);
  });

  it('refuses a marker that names the image only', () => {
    const text = 'x: ghcr.io/acme/api # gitops-bump: ghcr.io/acme/api:name\n';
    const site = locate(text).sites[0];
    expect(site).toBeDefined();
    expect(() => site && rewrite(text, site, { tag: '1' })).toThrow(UnwritableError);
  });

  it('never writes a held site, and says why in the words of the hold rule', () => {
    const text = 'image: nginx:1.0 # gitops-bump: hold until INC-42\n';
    const site = locate(text).sites[0]!;
    expect(site.held).toBe(true);
    expect(whyHeld(site)).toBe('held by a `# gitops-bump: hold` comment on line 1: until INC-42');
    expect(() => rewrite(text, site, { tag: '1.1' })).toThrow(new UnwritableError(whyHeld(site)!));
    expect(whyHeld(locate('image: nginx:1.0\n').sites[0]!)).toBeUndefined();
  });

  it('uses the line index it is given (locate’s) and refuses one of another text', () => {
    const text = 'images:\n- name: nginx\n  newName: ghcr.io/acme/nginx\n';
    const located = locate(text);
    const site = located.sites[0]!;
    const inserted = 'images:\n- name: nginx\n  newName: ghcr.io/acme/nginx\n  newTag: "1.2"\n';
    expect(applyEdits(text, rewrite(text, site, { tag: '1.2' }, located.lines))).toBe(inserted);
    expect(applyEdits(text, rewrite(text, site, { tag: '1.2' }))).toBe(inserted);
    expect(() => rewrite(text, site, { tag: '1.2' }, locate('image: x:1\n').lines)).toThrow(/another text/);
  });

  it('keeps no state between calls: two files rewritten in turn each get their own lines', () => {
    const a = 'images:\n- name: nginx\n  newTag: "1.0"\n  digest: sha256:' + 'a'.repeat(64) + '\n';
    const b = '# a comment line first\n\nimages:\n  - name: redis\n    newName: ghcr.io/acme/redis\n';
    const [siteA] = locate(a).sites;
    const [siteB] = locate(b).sites;
    for (let i = 0; i < 2; i++) {
      expect(applyEdits(a, rewrite(a, siteA!, { tag: '1.1' }))).toBe('images:\n- name: nginx\n  newTag: "1.1"\n');
      expect(applyEdits(b, rewrite(b, siteB!, { tag: '7' }))).toBe(b + '    newTag: "7"\n');
    }
  });

  it.each([[{}], [{ tag: 'bad tag' }], [{ digest: 'sha256:short' }]])('rejects %j', (want) => {
    const text = 'image: nginx:1.0\n';
    const site = locate(text).sites[0];
    expect(() => site && rewrite(text, site, want)).toThrow(UnwritableError);
  });
});

describe('versionAfter', () => {
  it('says what the site holds after the rewrite', () => {
    const [full, split] = locate(`a:\n  image: nginx:1.0@${OLD}\nb:\n  image:\n    repository: redis\n    tag: "7"\n`).sites;
    expect(full && versionAfter(full, { tag: '1.1' })).toEqual({ tag: '1.1' });
    expect(full && versionAfter(full, { digest: NEW })).toEqual({ digest: NEW });
    expect(full && versionAfter(full, { digest: OLD })).toEqual({ tag: '1.0', digest: OLD });
    expect(split && versionAfter(split, { tag: '8', digest: NEW })).toEqual({ tag: '8' });
    expect(split && versionAfter(split, { digest: NEW })).toEqual({ tag: '7' });
  });
});

describe('rewrite: a double-quoted scalar keeps its own escapes', () => {
  it.each([
    ['escaped slashes', '{"image": "ghcr.io\\/acme\\/api:1.4.1"}', { tag: '1.5.0' }, '{"image": "ghcr.io\\/acme\\/api:1.5.0"}'],
    ['\\u002F slashes', 'image: "ghcr.io\\u002Facme\\u002Fapi:1.4.1"\n', { tag: '1.5.0' }, 'image: "ghcr.io\\u002Facme\\u002Fapi:1.5.0"\n'],
    ['a plain double-quoted reference', 'image: "ghcr.io/acme/api:1.4.1"\n', { tag: '1.5.0' }, 'image: "ghcr.io/acme/api:1.5.0"\n'],
    ['an escape inside the old version is replaced', 'image: "nginx:\\u0031.0"\n', { tag: '2.0' }, 'image: "nginx:2.0"\n'],
    ['a digest alone', 'image: "ghcr.io\\/acme\\/api:1.4.1"\n', { digest: NEW }, `image: "ghcr.io\\/acme\\/api@${NEW}"\n`],
    ['a JSON kustomize entry', '{"images": [{"name": "ghcr.io\\/acme\\/api", "newTag": "1.4.1"}]}', { tag: '1.5.0' }, '{"images": [{"name": "ghcr.io\\/acme\\/api", "newTag": "1.5.0"}]}'],
  ])('%s', (_, text, want, expected) => {
    expect(bump(text, want)).toBe(expected);
  });
});

describe('rewrite: a comment aligned after padding keeps its column', () => {
  it.each([
    ['a longer value takes from the padding', 'image:\n  repository: nginx\n  tag: "2.9"        # quoted\n', { tag: '2.11' }, 'image:\n  repository: nginx\n  tag: "2.11"       # quoted\n'],
    ['a shorter value gives to the padding', 'image:\n  repository: nginx\n  tag: "2.11"  # quoted\n', { tag: '2.9' }, 'image:\n  repository: nginx\n  tag: "2.9"   # quoted\n'],
    ['an equal length changes no padding', 'image: nginx:1.0    # web\n', { tag: '1.1' }, 'image: nginx:1.1    # web\n'],
    ['at least one space stays', 'image: nginx:1.0  # web\n', { tag: '1.0.1-rc.1' }, 'image: nginx:1.0.1-rc.1 # web\n'],
    ['one space is no alignment', 'image: nginx:1.0 # web\n', { tag: '1.0.1' }, 'image: nginx:1.0.1 # web\n'],
    ['one space stays one when shorter', 'image: nginx:1.0.1 # web\n', { tag: '1.1' }, 'image: nginx:1.1 # web\n'],
    ['a tab is left alone', 'image: nginx:1.0\t  # web\n', { tag: '1.0.1' }, 'image: nginx:1.0.1\t  # web\n'],
    ['CRLF', 'image: nginx:1.0      # web\r\nx: 1\r\n', { tag: '1.0.1' }, 'image: nginx:1.0.1    # web\r\nx: 1\r\n'],
    ['padding not followed by a comment is not padding', 'image: nginx:1.0   \nx: 1\n', { tag: '1.0.1' }, 'image: nginx:1.0.1   \nx: 1\n'],
    ['a flow collection is left alone', 'image: {repository: nginx, tag: v1}     # web\n', { tag: 'v1.0.1' }, 'image: {repository: nginx, tag: v1.0.1}     # web\n'],
    ['the column holds for a tag and a digest at once', `image:\n  repository: nginx\n  tag: v1            # tag\n  digest: ${OLD}   # digest\n`, { tag: 'v1.0.1', digest: NEW }, `image:\n  repository: nginx\n  tag: v1.0.1        # tag\n  digest: ${NEW}   # digest\n`],
    ['a cleared digest gives its length to the padding', `image:\n  repository: nginx\n  tag: v1   # tag\n  digest: ${OLD}  # digest\n`, { tag: 'v2' }, `image:\n  repository: nginx\n  tag: v2   # tag\n  digest: ""${' '.repeat(71)}# digest\n`],
  ])('%s', (_, text, want, expected) => {
    expect(bump(text, want)).toBe(expected);
  });

  it('keeps an empty value before a comment as it was', () => {
    expect(bump('image:\n  repository: nginx\n  tag:   # set me\n', { tag: 'v1' })).toBe('image:\n  repository: nginx\n  tag:   v1 # set me\n');
  });
});

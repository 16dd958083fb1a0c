import { describe, expect, it } from 'vitest';
import { isChartTemplate, locate, YamlSyntaxError } from '../../../src/yaml/locate.js';
import { DIGEST, sitesOf } from './helpers.js';

describe('locate: markers and holds', () => {
  it('reads a marker on a whole reference, and :tag / :digest / :name markers as one site', () => {
    const text = [
      'config:',
      '  ref: "mirror.local/api:1.0" # gitops-bump: ghcr.io/acme/api',
      'other:',
      '  img: ghcr.io/acme/web # gitops-bump: ghcr.io/acme/web:name',
      '  version: 2.0.0 # gitops-bump: ghcr.io/acme/web:tag',
      `  pin: "${DIGEST}" # gitops-bump: ghcr.io/acme/web:digest`,
      '',
    ].join('\n');
    expect(sitesOf(text)).toEqual([
      expect.objectContaining({ form: 'marker', path: 'config.ref', line: 2, name: 'ghcr.io/acme/api', repository: 'ghcr.io/acme/api', tag: '1.0' }),
      expect.objectContaining({ form: 'marker', path: 'other.version', line: 5, name: 'ghcr.io/acme/web', repository: 'ghcr.io/acme/web', tag: '2.0.0', digest: DIGEST }),
    ]);
  });

  it('does not take ":tag" for an image tag, nor a marker inside a string for a comment', () => {
    const text = 'a: "x # gitops-bump: ghcr.io/acme/api"\nb: 1.0 # gitops-bump: ghcr.io/acme/api:tag\n';
    expect(sitesOf(text)).toEqual([expect.objectContaining({ form: 'marker', path: 'b', tag: '1.0', repository: 'ghcr.io/acme/api' })]);
  });

  it('honours a marker in a subtree that holds no sites otherwise (a kustomize patch target)', () => {
    const text = 'patches:\n- target:\n    kind: Deployment\n    image: ghcr.io/acme/api:1.0 # gitops-bump: ghcr.io/acme/api\n';
    expect(sitesOf(text)).toEqual([expect.objectContaining({ form: 'marker', path: 'patches[0].target.image', tag: '1.0' })]);
  });

  it('does not double a site that is already found', () => {
    const text = 'image: ghcr.io/acme/api:1.0 # gitops-bump: ghcr.io/acme/api\n';
    expect(sitesOf(text)).toEqual([expect.objectContaining({ form: 'full' })]);
  });

  it('lets a marker on a site’s value line name its image (a mirror, a registry set elsewhere)', () => {
    const text = [
      'a:',
      '  image: mirror.local/api:1.0 # gitops-bump: ghcr.io/acme/api',
      'agents:',
      '  image:',
      '    name: agent',
      '    tag: 7.50.0 # gitops-bump: gcr.io/datadoghq/agent:tag',
      '    repository:',
      '',
    ].join('\n');
    expect(locate(text).sites.map((site) => [site.form, site.path, site.name, site.repository])).toEqual([
      ['full', 'a.image', 'mirror.local/api', 'ghcr.io/acme/api'],
      ['split', 'agents.image', 'agent', 'gcr.io/datadoghq/agent'],
    ]);
  });

  it('marks a site held by a hold comment on any of its lines', () => {
    const text = 'a:\n  image: nginx:1.0 # gitops-bump: hold\nb:\n  image:\n    repository: redis\n    tag: 7.0 # gitops-bump: hold\nc:\n  image: nginx:1.1\n';
    expect(locate(text).sites.map((site) => [site.path, site.held])).toEqual([
      ['a.image', true],
      ['b.image', true],
      ['c.image', false],
    ]);
  });
});

describe('locate: holds as people write them', () => {
  const heldOf = (text: string) => locate(text).sites.map((site) => [site.path, site.held, site.hold]);

  it.each([
    ['the canonical end-of-line comment', 'image: nginx:1.0 # gitops-bump: hold\n', { line: 1 }],
    ['any case', 'image: nginx:1.0 # GitOps-Bump: HOLD\n', { line: 1 }],
    ['anywhere in the comment', 'image: nginx:1.0 # INC-42, gitops-bump: hold\n', { line: 1 }],
    ['with a reason', 'image: nginx:1.0 # gitops-bump: hold until INC-42 is fixed\n', { line: 1, reason: 'until INC-42 is fixed' }],
    ['with punctuation before the reason', 'image: nginx:1.0 # gitops-bump: hold: rolled back - INC-42\n', { line: 1, reason: 'rolled back - INC-42' }],
    ['on the comment line directly above (Renovate style)', 'a:\n  # gitops-bump: hold (INC-42)\n  image: nginx:1.0\n', { line: 2, reason: '(INC-42)' }],
    ['in a block of comment lines directly above', '# gitops-bump: hold until Monday\n# rolled back by alice\nimage: nginx:1.0\n', { line: 1, reason: 'until Monday' }],
    ['above a key whose value is the image map', '# gitops-bump: hold\nimage:\n  repository: redis\n  tag: 7.0\n', { line: 1 }],
    ['after a key whose value is the image map', 'image: # gitops-bump: hold\n  repository: redis\n  tag: 7.0\n', { line: 1 }],
    ['above an alias the tag is read through', 'v: &v 7.0\nimage:\n  repository: redis\n  # gitops-bump: hold\n  tag: *v\n', { line: 4 }],
    ['with a marker naming the image, then hold and a reason', 'v: 1.0 # gitops-bump: ghcr.io/acme/api:tag hold until INC-42\n', { line: 1, reason: 'until INC-42' }],
    ['hold first, then the marked image (the older order)', 'v: 1.0 # gitops-bump: hold ghcr.io/acme/api:tag\n', { line: 1 }],
  ])('holds %s', (_, text, hold) => {
    expect(heldOf(text)).toEqual([[expect.any(String), true, hold]]);
  });

  it.each([
    ['a blank line between the comment and the value', '# gitops-bump: hold\n\nimage: nginx:1.0\n'],
    ['a comment on the line below the value', 'image: nginx:1.0\n# gitops-bump: hold\n'],
    ['a hold above a mapping that holds the image deeper', '# gitops-bump: hold\nspec:\n  image: nginx:1.0\n'],
    ['another word before hold', 'image: nginx:1.0 # gitops-bump: unhold\n'],
    ['hold as part of a longer word', 'image: nginx:1.0 # gitops-bump: holdover\n'],
    ['a mention without the colon', 'image: nginx:1.0 # hold this? gitops-bump handles it\n'],
    ['a marker-like text inside a string', 'image: "nginx:1.0 # gitops-bump: hold"\n'],
  ])('does not hold for %s', (_, text) => {
    expect(heldOf(text).map(([, held]) => held)).toEqual([false]);
  });

  it('keeps the image a marker names, next to a hold and its reason', () => {
    const [site] = locate('v: 1.0 # gitops-bump: ghcr.io/acme/api:tag hold until INC-42\n').sites;
    expect(site).toMatchObject({ form: 'marker', repository: 'ghcr.io/acme/api', held: true });
  });

  it('reads a reason as a reason, never as an image (a bare word parses as one)', () => {
    const [site] = locate('image: ghcr.io/acme/api:1.0 # gitops-bump: hold until fixed\n').sites;
    expect(site).toMatchObject({ repository: 'ghcr.io/acme/api', hold: { line: 1, reason: 'until fixed' } });
  });

  it('names an image only from a comment that starts with the marker', () => {
    expect(locate('image: mirror.local/api:1.0 # see gitops-bump: ghcr.io/acme/api\n').sites[0]?.repository).toBe('mirror.local/api');
  });

  it('cuts a very long reason and blanks control characters', () => {
    const [site] = locate(`image: nginx:1.0 # gitops-bump: hold \u0007${'x'.repeat(300)}\n`).sites;
    expect(site?.hold?.reason).toMatch(/^x{199}…$/);
  });
});

describe('locate: values shared through anchors', () => {
  const usesOf = (text: string) => locate(text).sites.map((site) => [site.path, site.shared?.map((use) => [use.anchor, use.line, use.kind]) ?? []]);

  it('lists the alias of a tag another image reads, from both sides', () => {
    const text = 'api:\n  image:\n    repository: ghcr.io/acme/api\n    tag: &release 1.4.1\nweb:\n  image:\n    repository: ghcr.io/acme/web\n    tag: *release\n';
    expect(usesOf(text)).toEqual([
      ['api.image', [['release', 8, 'site']]],
      ['web.image', [['release', 8, 'own']]],
    ]);
  });

  it('tells copies of the same image (also through an alias of a mapping holding one) from places that are not images', () => {
    const text = 'a:\n  image: &img ghcr.io/acme/api:1.4.1\nb:\n  image: *img\nc:\n  initImage: *img\nd: &all\n  image: *img\ne: *all\n';
    expect(usesOf(text)).toEqual([['a.image', [['img', 4, 'copy'], ['img', 6, 'other'], ['img', 8, 'copy'], ['all', 9, 'copy']]]]);
  });

  it('reads an image written as an alias through its first alias; later ones are copies', () => {
    const text = 'x: &img golang:1.22\njobs:\n  a:\n    image: *img\n  b:\n    image: *img\n';
    expect(usesOf(text)).toEqual([['jobs.a.image', [['img', 4, 'own'], ['img', 6, 'copy']]]]);
  });

  it('follows merge keys, and skips a mapping that overrides the key', () => {
    const text = [
      'defaults: &d',
      '  tag: 1.0.0',
      'api:',
      '  image:',
      '    <<: *d',
      '    repository: ghcr.io/acme/api',
      'web:',
      '  image:',
      '    <<: [*d]',
      '    repository: ghcr.io/acme/web',
      'pinned:',
      '  image:',
      '    <<: *d',
      '    repository: ghcr.io/acme/db',
      '    tag: 2.0.0',
      'sidecar:',
      '  <<: *d',
      '  port: 80',
      '',
    ].join('\n');
    expect(usesOf(text)).toEqual([
      ['api.image', [['d', 5, 'own'], ['d', 9, 'site'], ['d', 17, 'other']]],
      ['web.image', [['d', 5, 'site'], ['d', 9, 'own'], ['d', 17, 'other']]],
      ['pinned.image', []],
    ]);
  });

  it('takes a merged `image:` pair for a copy of that image, and a merged tag in a mapping that is no image for another place', () => {
    const text = 'base: &base\n  image: ghcr.io/acme/api:1.0.0\n  tag: &t 1.0.0\nvalues:\n  <<: *base\n';
    expect(usesOf(text)).toEqual([['base.image', [['base', 5, 'copy']]]]);
    const tag = 'base: &base\n  tag: 1.0.0\nimage:\n  <<: *base\n  repository: ghcr.io/acme/api\nother:\n  <<: *base\n';
    expect(usesOf(tag)).toEqual([['image', [['base', 4, 'own'], ['base', 7, 'other']]]]);
  });

  it('copies an anchored image map wherever it is aliased', () => {
    const text = 'base: &m\n  repository: ghcr.io/acme/api\n  tag: 1.0.0\napi:\n  image: *m\n';
    expect(usesOf(text)).toEqual([['base', [['m', 5, 'copy']]]]);
  });

  it('resolves an alias to the nearest anchor of its name before it', () => {
    const text = 'a: &v 1.0.0\nx:\n  repository: ghcr.io/acme/api\n  tag: *v\nb: &v 1.0.0\ny:\n  repository: ghcr.io/acme/web\n  tag: *v\nz: *v\n';
    expect(usesOf(text)).toEqual([
      ['x', [['v', 4, 'own']]],
      ['y', [['v', 8, 'own'], ['v', 9, 'other']]],
    ]);
  });

  it('marks an alias on a held line', () => {
    const text = 'a:\n  image: &img ghcr.io/acme/api:1.4.1\nb:\n  # gitops-bump: hold until INC-42\n  image: *img\n';
    expect(locate(text).sites[0]?.shared).toEqual([expect.objectContaining({ line: 5, kind: 'copy', hold: { line: 4, reason: 'until INC-42' } })]);
  });

  it('holds a site whose own alias is on a held line', () => {
    const text = 'v: &v 1.0.0\nx:\n  repository: ghcr.io/acme/api\n  tag: *v # gitops-bump: hold\n';
    expect(locate(text).sites.map((site) => site.held)).toEqual([true]);
  });
});

describe('locate: streams, line endings, BOM', () => {
  it('counts every document, empty ones included, and reports lines and columns through CRLF and a BOM', () => {
    const text = '\uFEFF# first\r\n---\r\n---\r\nkind: Pod\r\nspec:\r\n  containers:\r\n  - image: nginx:1.0\r\n---\r\n\r\nimage: redis:7\r\n';
    expect(locate(text).sites.map((site) => [site.doc, site.path, site.line, site.column])).toEqual([
      [1, 'spec.containers[0].image', 7, 12],
      [2, 'image', 10, 8],
    ]);
  });

  it('handles an empty file and a comment-only file', () => {
    expect(sitesOf('')).toEqual([]);
    expect(sitesOf('# nothing\n')).toEqual([]);
  });
});

describe('locate: errors', () => {
  it.each([
    ['an unclosed flow sequence', 'a: [1\nb: 2\n', 2, 1],
    ['a bad indentation', 'a: 1\n  b: 2\n', 1, 4],
    ['a tab indentation', 'a:\n\tb: 1\n', 2, 1],
    ['an unterminated string in a later document (reported where the stream ends)', 'a: 1\n---\nb: "x\n', 4, 1],
  ])('%s throws YamlSyntaxError with line:column', (_, text, line, column) => {
    let caught: unknown;
    try {
      locate(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(YamlSyntaxError);
    const error = caught as YamlSyntaxError;
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.message).toBe(`${line}:${column}: ${error.detail}`);
    expect(error.detail).not.toBe('');
  });
});

describe('isChartTemplate', () => {
  const helmDeployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ include "app.fullname" . }}',
    '  labels:',
    '    {{- include "app.labels" . | nindent 4 }}',
    'spec:',
    '  {{- if not .Values.autoscaling.enabled }}',
    '  replicas: {{ .Values.replicaCount }}',
    '  {{- end }}',
    '  template:',
    '    spec:',
    '      containers:',
    '        - image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
    '',
  ].join('\n');

  it.each([
    ['a file under a chart’s templates/', 'charts/app/templates/deployment.yaml', 'image: "{{ .Values.image }}"\n', true],
    ['a template elsewhere that parses only without its actions', 'deploy/app.yaml', helmDeployment, true],
    ['an action read as a flow mapping', 'x.yaml', 'replicas: {{ .Values.replicas }}\n', true],
    ['a GitHub workflow with ${{ }} in strings', '.github/workflows/ci.yaml', 'on: push\njobs:\n  a:\n    if: ${{ github.event_name == \'push\' }}\n    steps:\n    - run: echo "${{ secrets.X }}"\n', false],
    ['an ApplicationSet with quoted {{ }}', 'appset.yaml', "spec:\n  template:\n    metadata:\n      name: '{{path.basename}}'\n", false],
    ['a comment mentioning {{ }}', 'values.yaml', '# use {{ .Values.x }} in templates\nimage: nginx:1\n', false],
    ['plain YAML under templates/ without actions', 'templates/values.yaml', 'image: nginx:1\n', false],
    ['a broken file that is not a template either', 'x.yaml', 'a: {{ x }\n  b: [\n', false],
  ])('%s', (_, path, text, expected) => {
    expect(isChartTemplate(path, text)).toBe(expected);
  });
});

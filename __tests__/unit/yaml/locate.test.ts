import { describe, expect, it } from 'vitest';
import { isChartTemplate, locate, YamlSyntaxError, type ImageSite } from '../../../src/yaml/locate.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

/** The public fields of a site, for comparing with a table row. */
function summary(site: ImageSite): Record<string, unknown> {
  const { target: _target, ...rest } = site;
  return rest;
}

function sitesOf(text: string): Record<string, unknown>[] {
  return locate(text).sites.map(summary);
}

describe('locate: full references (image: fields)', () => {
  it.each([
    {
      name: 'a Deployment container',
      text: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: ghcr.io/acme/api:1.4.1\n',
      site: { form: 'full', doc: 0, path: 'spec.template.spec.containers[0].image', line: 8, column: 16, name: 'ghcr.io/acme/api', repository: 'ghcr.io/acme/api', tag: '1.4.1', held: false },
    },
    {
      name: 'an init container with a digest and a quoted value',
      text: `spec:\n  initContainers:\n    - image: "busybox:1.36@${DIGEST}"\n`,
      site: { form: 'full', path: 'spec.initContainers[0].image', line: 3, column: 14, name: 'busybox', repository: 'docker.io/library/busybox', tag: '1.36', digest: DIGEST },
    },
    {
      name: 'an untagged image',
      text: 'services:\n  web:\n    image: nginx\n',
      site: { form: 'full', path: 'services.web.image', name: 'nginx', repository: 'docker.io/library/nginx' },
    },
    {
      name: 'a numeric-looking tag, kept as written',
      text: 'image: redis:6.10\n',
      site: { form: 'full', path: 'image', tag: '6.10' },
    },
    {
      name: 'a registry with a port',
      text: 'image: localhost:5000/team/app:2\n',
      site: { form: 'full', name: 'localhost:5000/team/app', repository: 'localhost:5000/team/app', tag: '2' },
    },
    {
      name: 'a key needing quotes in the path',
      text: 'podSpecs:\n  "a.yaml":\n    image: nginx:1\n',
      site: { form: 'full', path: 'podSpecs["a.yaml"].image' },
    },
    {
      name: 'a top-level sequence',
      text: '- op: add\n  value:\n    image: nginx:1\n',
      site: { form: 'full', path: '[0].value.image' },
    },
    {
      name: 'a placeholder: a site that is never matched',
      text: 'image: ${IMAGE}:${TAG}\n',
      site: { form: 'full', path: 'image', repository: undefined },
    },
  ])('$name', ({ text, site }) => {
    const sites = sitesOf(text);
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatchObject(site);
  });

  it('locates a block-scalar image (a bump of it is refused)', () => {
    expect(sitesOf('image: >-\n  nginx:1\n')).toEqual([expect.objectContaining({ form: 'full', repository: 'docker.io/library/nginx', tag: '1' })]);
  });

  it('takes an aliased image from its anchor, once', () => {
    const text = 'x: &img golang:1.22\njobs:\n  a:\n    container:\n      image: *img\n  b:\n    container:\n      image: *img\n';
    expect(sitesOf(text)).toEqual([
      expect.objectContaining({ form: 'full', path: 'jobs.a.container.image', line: 1, column: 9, tag: '1.22' }),
    ]);
  });

  it('uses the anchored image itself when it is an image field', () => {
    const text = 'a:\n  image: &img golang:1.22\nb:\n  image: *img\n';
    expect(sitesOf(text)).toEqual([expect.objectContaining({ path: 'a.image', line: 2, tag: '1.22' })]);
  });
});

describe('locate: look-alikes are not sites', () => {
  it.each([
    ['an rbd volume image', 'spec:\n  volumes:\n  - name: v\n    rbd:\n      image: foo\n'],
    ['managedFields', 'metadata:\n  managedFields:\n  - fieldsV1:\n      f:spec:\n        image: {}\n        x:\n          image: nginx:1\n'],
    ['a kustomize patch target', 'patches:\n- path: p.yaml\n  target:\n    image: nginx:1\n'],
    ['Flux ImageRepository', 'apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageRepository\nspec:\n  image: ghcr.io/acme/api\n'],
    ['Flux OCIRepository', 'apiVersion: source.toolkit.fluxcd.io/v1beta2\nkind: OCIRepository\nspec:\n  url: oci://ghcr.io/x\n  ref:\n    tag: 1.0.0\n'],
    ['a CRD schema', 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec:\n  versions:\n  - schema:\n      openAPIV3Schema:\n        properties:\n          image:\n            type: string\n            default: nginx:1\n'],
    ['Argo CD status', 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nstatus:\n  summary:\n    images:\n    - nginx:latest\n  sync:\n    comparedTo:\n      source:\n        kustomize:\n          images: [nginx:1]\n'],
    ['a Pod status', 'apiVersion: v1\nkind: Pod\nstatus:\n  containerStatuses:\n  - image: nginx:1\n'],
    ['the status of an object in a List', 'apiVersion: v1\nkind: PodList\nitems:\n- kind: Pod\n  status:\n    containerStatuses:\n    - image: nginx:1\n'],
    ['a PersistentVolume rbd image', 'apiVersion: v1\nkind: PersistentVolume\nspec:\n  rbd:\n    image: foo\n    pool: kube\n'],
    ['argocd-image-updater imageName', 'apiVersion: argocd-image-updater.argoproj.io/v1alpha1\nkind: ImageUpdater\nspec:\n  applicationRefs:\n  - images:\n    - alias: a\n      imageName: nginx:1.17\n'],
    ['an image inside a block scalar', 'metadata:\n  annotations:\n    last: |\n      {"spec":{"image":"nginx:1"}}\n'],
    ['an image field holding a mapping', 'image:\n  pullPolicy: Always\n'],
    ['image fields that are not strings', 'a:\n  image: 5\nb:\n  image: true\nc:\n  image:\nd:\n  image: ~\n'],
    ['GitHub Actions step inputs', 'jobs:\n  release:\n    steps:\n    - uses: acme/release@v1\n      with:\n        repository: acme/api\n        tag: v1.2.3\n'],
    ['compose build.cache_from', 'services:\n  a:\n    build:\n      cache_from:\n      - nginx:1\n'],
    ['a chart reference', 'spec:\n  source:\n    repoURL: registry-1.docker.io/bitnamicharts\n    chart: nginx\n    targetRevision: 1.0.0\n'],
  ])('%s', (_, text) => {
    expect(sitesOf(text)).toEqual([]);
  });
});

describe('locate: kustomize images entries', () => {
  it('matches on newName when present, else name; the line is newTag’s, else name’s', () => {
    const text = [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'images:',
      '- name: api',
      '  newName: ghcr.io/acme/api',
      '  newTag: 1.4.1',
      '- name: nginx',
      '  digest: ' + DIGEST,
      '- {name: redis, newTag: "7.2"}',
      '',
    ].join('\n');
    expect(sitesOf(text)).toEqual([
      expect.objectContaining({ form: 'kustomize', path: 'images[0]', line: 6, name: 'ghcr.io/acme/api', repository: 'ghcr.io/acme/api', tag: '1.4.1' }),
      expect.objectContaining({ form: 'kustomize', path: 'images[1]', line: 7, name: 'nginx', repository: 'docker.io/library/nginx', digest: DIGEST }),
      expect.objectContaining({ form: 'kustomize', path: 'images[2]', line: 9, name: 'redis', tag: '7.2' }),
    ]);
  });

  it('finds Flux Kustomization spec.images', () => {
    const text = 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nspec:\n  images:\n  - name: api\n    newTag: v2\n';
    expect(sitesOf(text)).toEqual([expect.objectContaining({ form: 'kustomize', path: 'spec.images[0]', tag: 'v2' })]);
  });

  it('takes a name-only entry in a kustomization (a tag gets inserted), not in other images lists', () => {
    expect(sitesOf('resources:\n- a.yaml\nimages:\n- name: nginx\n')).toEqual([expect.objectContaining({ form: 'kustomize', path: 'images[0]', line: 4 })]);
    expect(sitesOf('kind: Component\nimages:\n- name: nginx\n')).toHaveLength(1);
    expect(sitesOf('gallery:\n  images:\n  - name: logo\n')).toEqual([]);
    expect(sitesOf('kind: Gallery\nimages:\n- name: logo\n')).toEqual([]);
  });
});

describe('locate: Helm-values maps (split)', () => {
  it.each([
    {
      name: 'repository + tag',
      text: 'image:\n  repository: ghcr.io/acme/api\n  tag: "1.4.1"\n  pullPolicy: IfNotPresent\n',
      site: { form: 'split', path: 'image', line: 3, name: 'ghcr.io/acme/api', repository: 'ghcr.io/acme/api', tag: '1.4.1' },
    },
    {
      name: 'registry + repository + tag + digest, deep and under any key',
      text: `a:\n  b:\n    server:\n      registry: docker.io\n      repository: bitnami/redis\n      tag: 7.2.4-debian-12-r0\n      digest: "${DIGEST}"\n`,
      site: { form: 'split', path: 'a.b.server', name: 'docker.io/bitnami/redis', repository: 'docker.io/bitnami/redis', tag: '7.2.4-debian-12-r0', digest: DIGEST },
    },
    {
      name: 'a sha field (kube-prometheus-stack)',
      text: `image:\n  registry: quay.io\n  repository: prometheus/prometheus\n  tag: v2.50.0\n  sha: "${'b'.repeat(64)}"\n`,
      site: { form: 'split', repository: 'quay.io/prometheus/prometheus', tag: 'v2.50.0', digest: `sha256:${'b'.repeat(64)}` },
    },
    {
      name: 'an empty tag (the chart default)',
      text: 'image:\n  repository: ghcr.io/acme/api\n  tag: ""\n',
      site: { form: 'split', line: 3, repository: 'ghcr.io/acme/api' },
      absent: 'tag',
    },
    {
      name: 'no tag at all under an image key',
      text: 'image:\n  repository: ghcr.io/acme/api\n',
      site: { form: 'split', line: 2, repository: 'ghcr.io/acme/api' },
    },
    {
      name: 'a tag holding tag@digest',
      text: `app:\n  image:\n    repository: ghcr.io/acme/api\n    tag: 1.4.1@${DIGEST}\n`,
      site: { form: 'split', tag: '1.4.1', digest: DIGEST },
    },
    {
      name: 'image + tag (argo-helm redis exporter)',
      text: 'exporter:\n  enabled: false\n  image: ghcr.io/oliver006/redis_exporter\n  tag: v1.75.0\n',
      site: { form: 'split', path: 'exporter', name: 'ghcr.io/oliver006/redis_exporter', repository: 'ghcr.io/oliver006/redis_exporter', tag: 'v1.75.0' },
    },
    {
      name: 'name + tag with a path',
      text: 'image:\n  name: quay.io/acme/guestbook\n  tag: "1.0.0"\n',
      site: { form: 'split', repository: 'quay.io/acme/guestbook', tag: '1.0.0' },
    },
    {
      name: 'a bare name completed by a registry elsewhere: not resolvable',
      text: 'clusterAgent:\n  image:\n    name: cluster-agent\n    tag: 7.50.0\n    repository:\n',
      site: { form: 'split', name: 'cluster-agent', repository: undefined, tag: '7.50.0' },
    },
    {
      name: 'a tag alone under an image key: not resolvable',
      text: 'image:\n  tag: "v1.2.0"\n',
      site: { form: 'split', repository: undefined, tag: 'v1.2.0' },
    },
    {
      name: 'a flow mapping',
      text: 'image: {repository: nginx, tag: 1.25}\n',
      site: { form: 'split', line: 1, column: 33, repository: 'docker.io/library/nginx', tag: '1.25' },
    },
    {
      name: 'Flux HelmRelease values',
      text: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  values:\n    image:\n      repository: ghcr.io/acme/api\n      tag: 1.0.0\n',
      site: { form: 'split', path: 'spec.values.image' },
    },
    {
      name: 'an aliased tag: the anchored scalar’s line',
      text: 'v: &v 2.0.0\nimage:\n  repository: nginx\n  tag: *v\n',
      site: { form: 'split', line: 1, tag: '2.0.0' },
    },
  ])('$name', ({ text, site, absent }: { text: string; site: Record<string, unknown>; absent?: string }) => {
    const sites = sitesOf(text);
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatchObject(site);
    if (absent !== undefined) expect(sites[0]).not.toHaveProperty(absent);
  });

  it('reads fields a merge key brings in', () => {
    const text = 'defaults: &defaults\n  repository: ghcr.io/acme/api\n  tag: 1.0.0\nworker:\n  image:\n    <<: *defaults\n    tag: 0.9.0\nlisted:\n  image:\n    <<: [*defaults]\n';
    expect(locate(text).sites.map((site) => [site.path, site.line, site.repository, site.tag])).toEqual([
      ['defaults', 3, 'ghcr.io/acme/api', '1.0.0'],
      ['listed.image', 3, 'ghcr.io/acme/api', '1.0.0'],
      ['worker.image', 7, 'ghcr.io/acme/api', '0.9.0'],
    ]);
  });

  it('keeps image: name:tag next to a tag: as a full reference', () => {
    expect(sitesOf('task:\n  image: nginx:1.2\n  tag: build-7\n')).toEqual([expect.objectContaining({ form: 'full', path: 'task.image', tag: '1.2' })]);
  });

  it('never matches a tag a template fills in', () => {
    const text = 'a:\n  image:\n    repository: nginx\n    tag: ${TAG}\nimages:\n- name: redis\n  newTag: "{{ .tag }}"\n';
    expect(locate(text).sites.map((site) => [site.path, site.repository])).toEqual([
      ['a.image', undefined],
      ['images[0]', undefined],
    ]);
  });

  it('is not fooled by repository-like keys elsewhere', () => {
    expect(sitesOf('source:\n  repoURL: https://github.com/acme/x\n  targetRevision: main\nref:\n  tag: v1\n')).toEqual([]);
  });
});

describe('locate: Argo CD kustomize.images strings', () => {
  it('reads ref and alias=ref in an Application, sources[] and .argocd-source files', () => {
    const text = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'spec:',
      '  source:',
      '    kustomize:',
      '      images:',
      '      - quay.io/acme/app:0.2',
      '      - "web=gcr.io/acme/web:0.1"',
      '  sources:',
      '  - kustomize:',
      '      images: [nginx:1.25]',
      '---',
      'kustomize:',
      '  images:',
      '  - ghcr.io/acme/api:1.0.0',
      '',
    ].join('\n');
    expect(sitesOf(text)).toEqual([
      expect.objectContaining({ form: 'argocd-kustomize', doc: 0, path: 'spec.source.kustomize.images[0]', line: 7, repository: 'quay.io/acme/app', tag: '0.2' }),
      expect.objectContaining({ form: 'argocd-kustomize', doc: 0, path: 'spec.source.kustomize.images[1]', line: 8, repository: 'gcr.io/acme/web', tag: '0.1' }),
      expect.objectContaining({ form: 'argocd-kustomize', doc: 0, path: 'spec.sources[0].kustomize.images[0]', line: 11, repository: 'docker.io/library/nginx' }),
      expect.objectContaining({ form: 'argocd-kustomize', doc: 1, path: 'kustomize.images[0]', line: 15, repository: 'ghcr.io/acme/api' }),
    ]);
  });
});

describe('locate: Argo CD helm.parameters', () => {
  it('pairs image.repository / image.name with image.tag (and a digest parameter)', () => {
    const text = [
      'helm:',
      '  parameters:',
      '  - name: image.name',
      '    value: ghcr.io/acme/api',
      '    forcestring: true',
      '  - name: image.tag',
      '    value: v1.0.1',
      '  - name: worker.image.repository',
      '    value: ghcr.io/acme/worker',
      '  - name: worker.image.tag',
      "    value: '0.2'",
      `  - name: worker.image.digest`,
      `    value: ${DIGEST}`,
      '  - name: replicaCount',
      '    value: "2"',
      '  - name: nametag',
      '    value: x',
      '',
    ].join('\n');
    expect(sitesOf(text)).toEqual([
      expect.objectContaining({ form: 'split', path: 'helm.parameters[1].value', line: 7, repository: 'ghcr.io/acme/api', tag: 'v1.0.1' }),
      expect.objectContaining({ form: 'split', path: 'helm.parameters[3].value', line: 11, repository: 'ghcr.io/acme/worker', tag: '0.2', digest: DIGEST }),
    ]);
  });

  it('takes a lone tag parameter as a site that is never matched', () => {
    const text = "spec:\n  source:\n    helm:\n      parameters:\n      - name: image.tag\n        value: '0.2'\n";
    expect(sitesOf(text)).toEqual([expect.objectContaining({ form: 'split', path: 'spec.source.helm.parameters[0].value', repository: undefined, tag: '0.2' })]);
  });
});

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

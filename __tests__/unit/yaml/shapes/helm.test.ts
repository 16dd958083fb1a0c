// Helm values maps and Argo CD helm.parameters (shapes/helm.ts), as locate finds them.
import { describe, expect, it } from 'vitest';
import { locate } from '../../../../src/yaml/locate.js';
import { DIGEST, sitesOf } from '../helpers.js';

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

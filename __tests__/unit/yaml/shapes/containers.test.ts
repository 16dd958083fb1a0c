// Whole references (shapes/containers.ts), as locate finds them.
import { describe, expect, it } from 'vitest';
import { DIGEST, sitesOf } from '../helpers.js';

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

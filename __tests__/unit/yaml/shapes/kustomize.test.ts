// Kustomize images entries and Argo CD kustomize.images strings (shapes/kustomize.ts), as locate finds them.
import { describe, expect, it } from 'vitest';
import { DIGEST, sitesOf } from '../helpers.js';

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

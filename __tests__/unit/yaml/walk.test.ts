// The walk keeps look-alikes out by where they are (walk.ts).
import { describe, expect, it } from 'vitest';
import { sitesOf } from './helpers.js';

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

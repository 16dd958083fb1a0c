// Generates the benchmark monorepo: `services` services × `environments` environments, each with a
// kustomization.yaml (kustomize images:) and a values.yaml (Helm split image), 10,000 files by default.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ENVIRONMENTS = ['dev', 'qa', 'staging', 'canary', 'prod'] as const;

export function serviceName(i: number): string {
  return `svc-${String(i).padStart(4, '0')}`;
}

export function generateMonorepo(root: string, services = 1000, environments: readonly string[] = ENVIRONMENTS): number {
  let files = 0;
  for (let s = 0; s < services; s++) {
    const name = serviceName(s);
    for (const env of environments) {
      const dir = join(root, 'apps', name, env);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'kustomization.yaml'),
        `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${name}-${env}
resources:
  - ../base
# ${name} in ${env}
images:
  - name: ghcr.io/acme/${name}
    newTag: "1.${s % 10}.0"
  - name: docker.io/library/nginx
    newTag: 1.27.0 # sidecar
`,
      );
      writeFileSync(
        join(dir, 'values.yaml'),
        `replicaCount: 2
image:
  registry: ghcr.io
  repository: acme/${name}-worker
  tag: "1.${s % 10}.0"
  pullPolicy: IfNotPresent
resources:
  limits: { cpu: 500m, memory: 256Mi }
`,
      );
      files += 2;
    }
  }
  return files;
}

/** The name of service `i` in `generateServices`: `api` for 0 (a short name inside every `apiVersion:`), else `svc<i>`. */
export function shortServiceName(i: number): string {
  return i === 0 ? 'api' : `svc${i}`;
}

/**
 * The monorepo of issue 13: `environments` × `services`, a kustomization (kustomize `images:`, with an
 * `apiVersion:` line) and a Helm values file (registry and repository split) each, under
 * `apps/<service>/<env>/`. Every service names its own image `ghcr.io/acme/<service>`, so the text
 * `ghcr.io/acme/svc7` appears only in the files of services named `svc7…` (svc7, svc70–svc79, svc700–…), and
 * `ghcr.io/acme/api` only in those of `api`, while `api` itself is in every kustomization's `apiVersion`.
 * Returns the number of files (2 × services × environments).
 */
export function generateServices(root: string, services: number, environments: readonly string[] = ENVIRONMENTS): number {
  let files = 0;
  for (let s = 0; s < services; s++) {
    const name = shortServiceName(s);
    const tag = `1.${s % 10}.0`;
    for (const env of environments) {
      const dir = join(root, 'apps', name, env);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'kustomization.yaml'),
        `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${name}-${env}
resources:
  - ../base
images:
  - name: ghcr.io/acme/${name}
    newTag: "${tag}"
`,
      );
      writeFileSync(
        join(dir, 'values.yaml'),
        `replicaCount: ${env === 'prod' ? 3 : 1}
image:
  registry: ghcr.io
  repository: acme/${name}
  tag: "${tag}"
  pullPolicy: IfNotPresent
service:
  port: 8080
resources:
  limits: { cpu: 500m, memory: 256Mi }
`,
      );
      files += 2;
    }
  }
  return files;
}

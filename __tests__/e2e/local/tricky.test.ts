// Tricky files through the built bundle in local mode: each must come out byte-for-byte as written here,
// and the identical second run must change nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../support/action.js';

const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;

/** [path, before, after] for a bump of ghcr.io/acme/api to 1.10 (and nginx to 1.27.1). */
const CASES: [string, string, string][] = [
  [
    'numeric/values.yaml',
    'image:\n  repository: ghcr.io/acme/api\n  tag: 1.9 # was a float to YAML\nsidecar:\n  image: ghcr.io/acme/api:1.9\n',
    'image:\n  repository: ghcr.io/acme/api\n  tag: "1.10" # was a float to YAML\nsidecar:\n  image: ghcr.io/acme/api:1.10\n',
  ],
  [
    'crlf/stream.yaml',
    '\ufeff---\r\napiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - image: "ghcr.io/acme/api:1.9"\r\n---\r\n# second document\r\nkind: Job\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - image: \'ghcr.io/acme/api:1.9\' # keep me\r\n---\r\n',
    '\ufeff---\r\napiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - image: "ghcr.io/acme/api:1.10"\r\n---\r\n# second document\r\nkind: Job\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - image: \'ghcr.io/acme/api:1.10\' # keep me\r\n---\r\n',
  ],
  [
    'anchors/values.yaml',
    'versions:\n  api: &apiTag 1.9\nimage:\n  repository: ghcr.io/acme/api\n  tag: *apiTag\nworker:\n  repository: ghcr.io/acme/api\n  tag: *apiTag\n',
    'versions:\n  api: &apiTag "1.10"\nimage:\n  repository: ghcr.io/acme/api\n  tag: *apiTag\nworker:\n  repository: ghcr.io/acme/api\n  tag: *apiTag\n',
  ],
  [
    'split/values.yaml',
    'global:\n  image:\n    registry: ghcr.io\n    repository: acme/api\n    tag: \'1.9\'\n    pullPolicy: Always\n',
    'global:\n  image:\n    registry: ghcr.io\n    repository: acme/api\n    tag: \'1.10\'\n    pullPolicy: Always\n',
  ],
  [
    'digest/deploy.yaml',
    `spec:\n  containers:\n    - name: api\n      image: ghcr.io/acme/api:1.9@${D1}\n    - name: web\n      image: nginx:1.27.0@${D1}\n`,
    `spec:\n  containers:\n    - name: api\n      image: ghcr.io/acme/api:1.10\n    - name: web\n      image: nginx:1.27.1@${D2}\n`,
  ],
  [
    'lookalike/deploy.yaml',
    'containers:\n  - image: ghcr.io/acme/api-gateway:1.9\n  - image: ghcr.io/acme/api/sub:1.9\n  - image: ghcr.io/other/api:1.9\nvolumes:\n  - rbd:\n      image: api\n',
    'containers:\n  - image: ghcr.io/acme/api-gateway:1.9\n  - image: ghcr.io/acme/api/sub:1.9\n  - image: ghcr.io/other/api:1.9\nvolumes:\n  - rbd:\n      image: api\n',
  ],
  [
    'kustomize/kustomization.yaml',
    `resources:\n- deploy.yaml\nimages:\n- name: ghcr.io/acme/api\n  newTag: "1.9"\n  digest: ${D1}\n- name: nginx # no tag yet\n`,
    `resources:\n- deploy.yaml\nimages:\n- name: ghcr.io/acme/api\n  newTag: "1.10"\n- name: nginx # no tag yet\n  newTag: 1.27.1\n  digest: ${D2}\n`,
  ],
  [
    'nofinalnewline/deploy.yml',
    'image: ghcr.io/acme/api:1.9',
    'image: ghcr.io/acme/api:1.10',
  ],
  [
    'chart/templates/deployment.yaml',
    'spec:\n  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n{{- if .Values.api }}\n  # ghcr.io/acme/api\n{{- end }}\n',
    'spec:\n  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n{{- if .Values.api }}\n  # ghcr.io/acme/api\n{{- end }}\n',
  ],
];

const IMAGES = `ghcr.io/acme/api:1.10\nnginx:1.27.1@${D2}`;
let root: string;
const read = (path: string) => readFileSync(join(root, path), 'utf8');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'e2e-tricky-'));
  for (const [path, before] of CASES) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), before);
  }
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('tricky files, byte for byte', () => {
  it('edits only the version bytes, and an identical re-run changes nothing', async () => {
    const run = await runAction({ images: IMAGES, 'local-path': root });
    expect(run.code, run.stdout).toBe(0);
    for (const [path, , after] of CASES) expect(read(path), path).toBe(after);
    expect(run.summary).toContain('chart/templates/deployment.yaml');
    const again = await runAction({ images: IMAGES, 'local-path': root });
    expect(again.code).toBe(0);
    expect(again.outputs.changed).toBe('false');
    for (const [path, , after] of CASES) expect(read(path), path).toBe(after);
  });

  it('dry-run writes nothing', async () => {
    const run = await runAction({ images: IMAGES, 'local-path': root, mode: 'dry-run' });
    expect(run.outputs.changed).toBe('true');
    for (const [path, before] of CASES) expect(read(path), path).toBe(before);
  });

  it('a malformed file among good ones fails the run with file:line:column, and nothing is written', async () => {
    writeFileSync(join(root, 'deploy.yaml'), 'spec:\n  image: ghcr.io/acme/api:1.9\n  env: [a, b\n');
    const run = await runAction({ images: IMAGES, 'local-path': root });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error file=deploy\.yaml,line=\d+,col=\d+::/);
    for (const [path, before] of CASES) expect(read(path), path).toBe(before);
  });

  it('refuses a downgrade and leaves the files alone', async () => {
    const run = await runAction({ images: 'ghcr.io/acme/api:1.8', 'local-path': root });
    expect(run.code).toBe(0);
    expect(run.outputs.changed).toBe('false');
    expect(JSON.parse(run.outputs.refused!).length).toBeGreaterThan(3);
    for (const [path, before] of CASES) expect(read(path), path).toBe(before);
  });
});

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
    // JSON-style YAML: the file's own escapes stay, only the version changes.
    'json/deploy.yaml',
    '{"spec": {"containers": [{"name": "api", "image": "ghcr.io\\/acme\\/api:1.9"}, {"name": "web", "image": "docker.io\\u002Flibrary\\u002Fnginx:1.27.0"}]}}\n',
    `{"spec": {"containers": [{"name": "api", "image": "ghcr.io\\/acme\\/api:1.10"}, {"name": "web", "image": "docker.io\\u002Flibrary\\u002Fnginx:1.27.1@${D2}"}]}}\n`,
  ],
  [
    // Aligned comments keep their column.
    'aligned/values.yaml',
    'api:\n  image:\n    repository: ghcr.io/acme/api   # the API\n    tag: "1.9"            # quoted: YAML reads 1.9 as a number\nsidecar:\n  image: ghcr.io/acme/api:1.9  # same\n',
    'api:\n  image:\n    repository: ghcr.io/acme/api   # the API\n    tag: "1.10"           # quoted: YAML reads 1.9 as a number\nsidecar:\n  image: ghcr.io/acme/api:1.10 # same\n',
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

  it('writes newTag over kustomize entries pinned only by a digest, in any field order, and drops the digest', async () => {
    const worker: [string, string, string][] = [
      ['worker/first/kustomization.yaml', `images:\n- digest: ${D1}\n  name: ghcr.io/acme/worker\n`, 'images:\n- name: ghcr.io/acme/worker\n  newTag: 1.5.0\n'],
      ['worker/last/kustomization.yaml', `images:\r\n  - name: worker\r\n    newName: ghcr.io/acme/worker\r\n    digest: ${D1}\r\n`, 'images:\r\n  - name: worker\r\n    newName: ghcr.io/acme/worker\r\n    newTag: 1.5.0\r\n'],
      ['worker/flow/kustomization.yaml', `images: [{digest: ${D1}, name: ghcr.io/acme/worker}]`, 'images: [{name: ghcr.io/acme/worker, newTag: 1.5.0}]'],
      ['worker/comment/kustomization.yaml', `images:\n- name: ghcr.io/acme/worker\n  digest: ${D1} # {"$imagepolicy": "flux-system:worker:digest"}\n`, 'images:\n- name: ghcr.io/acme/worker\n  digest: "" # {"$imagepolicy": "flux-system:worker:digest"}\n  newTag: 1.5.0\n'],
    ];
    for (const [path, before] of worker) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), before);
    }
    const run = await runAction({ images: 'ghcr.io/acme/worker:1.5.0', 'local-path': root });
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.refused!)).toEqual([]);
    expect(JSON.parse(run.outputs.changes!)).toHaveLength(worker.length);
    for (const [path, , after] of worker) expect(read(path), path).toBe(after);
  });

  it('a digest alone replaces the tag of a reference and a kustomize entry, keeps a Helm tag, and refuses a map without a digest field', async () => {
    const web: [string, string, string][] = [
      ['web/deploy.yaml', `image: ghcr.io/acme/web:2.0.0@${D1}    # pinned\n`, `image: ghcr.io/acme/web@${D2}          # pinned\n`],
      ['web/argocd.yaml', 'spec:\n  source:\n    kustomize:\n      images:\n      - web=ghcr.io/acme/web:2.0.0\n', `spec:\n  source:\n    kustomize:\n      images:\n      - web=ghcr.io/acme/web@${D2}\n`],
      ['web/kustomization.yaml', `images:\n- name: ghcr.io/acme/web\n  newTag: 2.0.0\n  digest: ${D1}\n`, `images:\n- name: ghcr.io/acme/web\n  digest: ${D2}\n`],
      ['web/values.yaml', 'web:\n  image:\n    repository: ghcr.io/acme/web\n    tag: 2.0.0\n    digest: ""\n', `web:\n  image:\n    repository: ghcr.io/acme/web\n    tag: 2.0.0\n    digest: "${D2}"\n`],
      ['web/values-nodigest.yaml', 'web:\n  image:\n    repository: ghcr.io/acme/web\n    tag: 2.0.0\n', 'web:\n  image:\n    repository: ghcr.io/acme/web\n    tag: 2.0.0\n'],
    ];
    for (const [path, before] of web) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), before);
    }
    const refusal = { kind: 'image', file: 'web/values-nodigest.yaml', line: 4, image: 'ghcr.io/acme/web', from: '2.0.0', to: D2 };
    const run = await runAction({ images: `ghcr.io/acme/web@${D2}`, 'local-path': root });
    expect(run.code, run.stdout).toBe(0);
    for (const [path, , after] of web) expect(read(path), path).toBe(after);
    expect(JSON.parse(run.outputs.changes!)).toHaveLength(4);
    const refused = JSON.parse(run.outputs.refused!) as { reason: string }[];
    expect(refused).toEqual([{ ...refusal, reason: expect.stringContaining('this map has no digest field') as string }]);
    const again = await runAction({ images: `ghcr.io/acme/web@${D2}`, 'local-path': root });
    expect(again.outputs.changed).toBe('false');
    for (const [path, , after] of web) expect(read(path), path).toBe(after);
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

// Issue 10, items 4 and 5: an anchored value moves every alias of it, and holds are written as people write them.
describe('anchors and holds, through the bundle', () => {
  const SHARED = [
    'api:',
    '  image:',
    '    repository: ghcr.io/acme/api',
    '    tag: &release 1.4.1',
    'web:',
    '  image:',
    '    repository: ghcr.io/acme/web',
    '    tag: *release',
    '',
  ].join('\n');
  const HELD = [
    'spec:',
    '  containers:',
    '    - name: api',
    '      image: &img ghcr.io/acme/api:1.4.1',
    '  initContainers:',
    '    - name: migrate',
    '      # INC-42, GitOps-Bump: hold until INC-42 is fixed',
    '      image: *img',
    '',
  ].join('\n');
  const ABOVE = 'worker:\n  # gitops-bump: hold - rolled back by alice\n  image: ghcr.io/acme/api:1.4.0\n';
  type Refused = { file: string; line: number; image: string; from: string; to: string; reason: string };

  beforeEach(() => {
    mkdirSync(join(root, 'anchors'), { recursive: true });
    writeFileSync(join(root, 'anchors/values.yaml'), SHARED);
    writeFileSync(join(root, 'anchors/deploy.yaml'), HELD);
    writeFileSync(join(root, 'anchors/worker.yaml'), ABOVE);
  });

  it('refuses an edit that would move an image nobody asked for, or a held alias, and writes nothing', async () => {
    const run = await runAction({ images: 'ghcr.io/acme/api:1.5.0', paths: 'anchors/**', 'local-path': root });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.changed).toBe('false');
    expect(JSON.parse(run.outputs.refused!) as Refused[]).toEqual([
      {
        kind: 'image',
        file: 'anchors/deploy.yaml',
        line: 4,
        image: 'ghcr.io/acme/api',
        from: '1.4.1',
        to: '1.5.0',
        reason: 'anchored value &img is also used at anchors/deploy.yaml:8, held by a `# gitops-bump: hold` comment on line 7: until INC-42 is fixed',
      },
      {
        kind: 'image',
        file: 'anchors/values.yaml',
        line: 4,
        image: 'ghcr.io/acme/api',
        from: '1.4.1',
        to: '1.5.0',
        reason: 'anchored value &release is also used by ghcr.io/acme/web at anchors/values.yaml:8 (not requested at 1.5.0)',
      },
      {
        kind: 'image',
        file: 'anchors/worker.yaml',
        line: 3,
        image: 'ghcr.io/acme/api',
        from: '1.4.0',
        to: '1.5.0',
        reason: 'held by a `# gitops-bump: hold` comment on line 2: rolled back by alice',
      },
    ]);
    expect(run.summary).toContain('until INC-42 is fixed');
    expect(read('anchors/values.yaml')).toBe(SHARED);
    expect(read('anchors/deploy.yaml')).toBe(HELD);
    expect(read('anchors/worker.yaml')).toBe(ABOVE);
  });

  it('moves a shared anchor once when every image reading it is asked for the same version, reporting each', async () => {
    const run = await runAction({ images: 'ghcr.io/acme/api:1.5.0, ghcr.io/acme/web:1.5.0', paths: 'anchors/values.yaml', 'local-path': root });
    expect(run.code, run.stdout).toBe(0);
    expect(read('anchors/values.yaml')).toBe(SHARED.replace('&release 1.4.1', '&release 1.5.0'));
    expect((JSON.parse(run.outputs.changes!) as Refused[]).map((c) => [c.line, c.image])).toEqual([
      [4, 'ghcr.io/acme/api'],
      [8, 'ghcr.io/acme/web'],
    ]);
    expect(run.outputs.refused).toBe('[]');
  });
});

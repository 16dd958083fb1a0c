import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/settings/errors.js';
import { parseEnvironments, resolveEnvironments } from '../../../src/settings/environments.js';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('parseEnvironments', () => {
  it('reads folders and repositories in promotion order', () => {
    const envs = parseEnvironments(
      '# promotion order\ndev: envs/dev/, clusters/dev/*.yaml\n\nstaging: acme/staging:apps/**\nprod: acme/prod@release/v1\n',
    );
    expect(envs.map((e) => [e.name, e.line, e.patterns, e.repository, e.branch])).toEqual([
      ['dev', 2, ['envs/dev/', 'clusters/dev/*.yaml'], undefined, undefined],
      ['staging', 4, ['apps/**'], { owner: 'acme', repo: 'staging' }, undefined],
      ['prod', 5, ['**/*.{yaml,yml}'], { owner: 'acme', repo: 'prod' }, 'release/v1'],
    ]);
    expect(envs[0]!.paths.matches('envs/dev/api.yaml')).toBe(true);
    expect(envs[0]!.paths.matches('envs/prod/api.yaml')).toBe(false);
  });

  it('takes `owner/name:` as the whole repository and a brace glob as a folder', () => {
    const [repo, folder] = parseEnvironments('a: acme/prod:\nb: apps/{x,y}/prod');
    expect([repo!.repository, repo!.patterns]).toEqual([{ owner: 'acme', repo: 'prod' }, ['**/*.{yaml,yml}']]);
    expect([folder!.repository, folder!.patterns]).toEqual([undefined, ['apps/{x,y}/prod']]);
  });

  it.each([
    ['prod', "line 1 ('prod') is not 'name: globs'"],
    ['prod:', "line 1 ('prod:') is not"],
    ['a b: x/', "line 1 ('a b: x/') is not"],
    ['dev: a/\ndev: b/', "line 2 ('dev: b/') names 'dev' a second time"],
    ['prod: envs/prod', "'envs/prod' could be a folder or a repository: write 'envs/prod/' for the folder, 'envs/prod:' for the repository"],
    ['x: a/\nprod: /abs/**', "line 2 ('prod: /abs/**'): '/abs/**': globs are relative"],
    ['prod: acme/p@bad..branch:x', "'bad..branch' is not a valid branch name"],
  ])('refuses %j naming the input and the line', (value, message) => {
    let error: unknown;
    try {
      parseEnvironments(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('environments');
    expect((error as Error).message).toContain(message);
  });
});

describe('resolveEnvironments', () => {
  const environments = 'dev: envs/dev/\nstaging: envs/staging/\nprod: acme/prod@main:clusters/**';

  it('answers promote-from and paths from the two environments named', () => {
    const read = resolveEnvironments(reader({ environments, 'promote-from-environment': 'dev', environment: 'staging', paths: '**/*.{yaml,yml}' }), 'acme/app');
    expect([read('promote-from'), read('paths'), read('repository'), read('promote-from-repository')]).toEqual(['envs/dev/', 'envs/staging/', '', '']);
  });

  it('takes the repository and branch of a repository environment (the workflow repository counts as not given)', () => {
    const read = resolveEnvironments(reader({ environments, 'promote-from-environment': 'staging', environment: 'prod', repository: 'acme/app' }), 'acme/app');
    expect([read('promote-from'), read('paths'), read('repository'), read('branch')]).toEqual(['envs/staging/', 'clusters/**', 'acme/prod', 'main']);
  });

  it('keeps an explicit input that says the same, and fails naming both on a conflict', () => {
    const same = resolveEnvironments(reader({ environments, 'promote-from-environment': 'dev', 'promote-from': ' envs/dev/ ' }), undefined);
    expect(same('promote-from')).toBe(' envs/dev/ ');
    expect(() => resolveEnvironments(reader({ environments, 'promote-from-environment': 'dev', 'promote-from': 'apps/**' }), undefined)).toThrow(
      "Input 'promote-from': 'apps/**' conflicts with promote-from-environment 'dev' (environments line 1: envs/dev/): remove one of the two.",
    );
    expect(() => resolveEnvironments(reader({ environments, 'promote-from-environment': 'staging', environment: 'prod', branch: 'dev' }), undefined)).toThrow(
      "Input 'branch': 'dev' conflicts with environment 'prod' (environments line 3: main)",
    );
  });

  it('names the input that asks for an environment environments does not list', () => {
    expect(() => resolveEnvironments(reader({ environments, 'promote-from-environment': 'qa' }), undefined)).toThrow(
      "Input 'promote-from-environment': 'qa' is not in environments (dev, staging, prod).",
    );
    expect(() => resolveEnvironments(reader({ environments, 'promote-from-environment': 'dev', environment: 'eu' }), undefined)).toThrow("Input 'environment': 'eu'");
  });

  it('leaves the inputs alone without promote-from-environment, or in report mode', () => {
    const inputs = reader({ environments, environment: 'prod', paths: 'x/**' });
    expect(resolveEnvironments(inputs, undefined)).toBe(inputs);
    const report = reader({ environments, 'promote-from-environment': 'dev', mode: 'report' });
    expect(resolveEnvironments(report, undefined)).toBe(report);
  });
});

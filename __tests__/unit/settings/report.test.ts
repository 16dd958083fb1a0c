import { describe, expect, it } from 'vitest';
import { isReport, readReportSettings } from '../../../src/settings/read.js';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
const env = { GITHUB_REPOSITORY: 'acme/app' };

describe('readReportSettings', () => {
  it('is chosen by mode report alone', () => {
    expect(isReport(reader({ mode: ' report ' }))).toBe(true);
    expect(isReport(reader({ mode: 'dry-run', environments: 'a: x/' }))).toBe(false);
  });

  it('reads folder environments from local-path with no token, and from the workflow repository through the API', () => {
    const local = readReportSettings(reader({ mode: 'report', environments: 'dev: envs/dev/', 'local-path': '.' }), env);
    expect([local.localPath, local.repository, local.summaryDiff]).toEqual(['.', undefined, 'full']);
    const api = readReportSettings(reader({ mode: 'report', environments: 'dev: envs/dev/', token: 't', branch: 'main' }), env);
    expect([api.repository, api.branch, api.summaryDiff]).toEqual([{ owner: 'acme', repo: 'app' }, 'main', 'full']);
  });

  it('keeps hold reasons out of the summary when auto and any repository read is another', () => {
    const other = readReportSettings(reader({ mode: 'report', environments: 'dev: envs/dev/\nprod: acme/prod:', token: 't', 'local-path': '.' }), env);
    expect(other.summaryDiff).toBe('changes');
    const asked = readReportSettings(reader({ mode: 'report', environments: 'prod: acme/prod:', token: 't', 'summary-diff': 'full' }), env);
    expect(asked.summaryDiff).toBe('full');
  });

  it.each([
    [{ mode: 'report', token: 't' }, "Input 'environments': is required with mode 'report'"],
    [{ mode: 'report', environments: 'dev: envs/dev/' }, "Input 'token': is empty"],
    [{ mode: 'report', environments: 'prod: acme/prod:', 'local-path': '.' }, "Input 'token': is empty"],
  ])('refuses %j', (inputs, message) => {
    expect(() => readReportSettings(reader(inputs), env)).toThrow(message);
  });

  it('needs a repository for folder environments outside a runner', () => {
    expect(() => readReportSettings(reader({ mode: 'report', environments: 'dev: envs/dev/', token: 't' }), {})).toThrow("Input 'repository': is required");
  });
});

/**
 * A local GitHub for tests, the demo and benchmarks: REST (`/`, `/api/v3`) and GraphQL
 * (`/graphql`, `/api/graphql`) over real git repositories, checked against GitHub's published
 * contracts (OpenAPI extract, GraphQL schema), with GitHub's error shapes, latency and faults.
 *
 * ```ts
 * const emu = await startEmulator({ repos: [{ name: 'acme/gitops', dir: '/path/to/repo' }] });
 * const octokit = new Octokit({ auth: 'token', baseUrl: emu.url });
 * …
 * await emu.stop();
 * ```
 */
import { EmulatorCore, type EmulatorOptions, type FaultRule, type RequestRecord } from './server.js';
import type { PullRecord, RepoOptions } from './repo.js';

export type { EmulatorOptions, FaultRule, RequestRecord } from './server.js';
export type { PullRecord, RepoOptions, LabelRecord } from './repo.js';
export type { BranchRule, RuleKind } from './rules.js';
export type { CheckedOutPolicy } from './worktree.js';

/** A running emulator. */
export interface Emulator {
  /** 'http://127.0.0.1:PORT' (REST root; GraphQL at `${url}/graphql`; GHES `${url}/api/v3`, `${url}/api/graphql`). */
  readonly url: string;
  /**
   * The git directory actually served for a repository (for a plain directory: the fresh repository
   * it was imported into, a temp dir removed by stop() unless `keepImported`).
   */
  repoDir(name: string): string;
  /** Every answered request, in order. */
  readonly requests: readonly RequestRecord[];
  /** Responses of our own that did not match GitHub's OpenAPI schemas (answered 500). Tests assert it stays empty. */
  readonly contractViolations: readonly string[];
  resetLog(): void;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  /**
   * Before the next matching write (createCommitOnBranch, a ref update or updateRefs) to
   * repo/branch, commits a change (a new file race/<n>.txt) on that branch, so the client's
   * expected head is stale.
   */
  raceNextWrite(repo: string, branch: string, times?: number): void;
  setRepoOption<K extends keyof RepoOptions>(repo: string, key: K, value: RepoOptions[K]): void;
  /** Pull-request state for assertions. */
  pulls(repo: string): readonly PullRecord[];
  /** From now on, answers `token` 401 "Bad credentials" as GitHub does for an expired or revoked token. */
  revokeToken(token: string): void;
  /** Serves one more repository. */
  addRepo(options: RepoOptions): Promise<void>;
  stop(): Promise<void>;
}

/** Starts an emulator serving `options.repos`. */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const core = new EmulatorCore(options);
  await core.start();
  return {
    get url() {
      return core.url;
    },
    repoDir: (name) => core.repo(name).gitDir,
    get requests() {
      return core.requests;
    },
    get contractViolations() {
      return core.contractViolations;
    },
    resetLog: () => {
      core.requests.length = 0;
    },
    addFault: (rule) => core.addFault(rule),
    clearFaults: () => core.clearFaults(),
    raceNextWrite: (repo, branch, times = 1) => {
      const target = core.repo(repo);
      target.races.set(branch, (target.races.get(branch) ?? 0) + times);
    },
    setRepoOption: (repo, key, value) => {
      const target = core.repo(repo);
      if (key === 'name' || key === 'dir') throw new Error(`setRepoOption: '${String(key)}' cannot change while serving`);
      if (key === 'defaultBranch') target.defaultBranch = value as string;
      if (key === 'labels') for (const label of (value as string[] | undefined) ?? []) target.ensureLabel(label);
      target.options[key] = value;
    },
    pulls: (repo) => core.repo(repo).pulls,
    revokeToken: (token) => {
      core.revoked.add(token);
    },
    addRepo: async (repoOptions) => {
      await core.addRepo(repoOptions);
    },
    stop: () => core.stop(),
  };
}

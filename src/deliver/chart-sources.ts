// API mode: the Flux sources a selected HelmRelease names outside `paths` (issue 14). Nothing is read unless a
// requested chart's HelmRelease names a HelmRepository that no selected file defines; then one recursive tree listing
// at the snapshot's head names the repository's files, and one read (a single chunk) takes the few named like Flux
// sources (core/chart-sources.ts sourceCandidates). Their texts reach the plan as read-only context.
import { missingChartSources, mayDefineSource, sourceCandidates, sourceContext } from '../core/chart-sources.js';
import type { ChartRequest } from '../core/types.js';
import { chunkSize, readFilesAt } from '../github/blob.js';
import type { GitHubClient } from '../github/client.js';
import type { ReadOptions, RemoteSnapshot, RepoRef } from '../github/read.js';

/**
 * The `ReadOptions.complete` of a run asking for `charts`: undefined (nothing to do, ever) when no chart request names a
 * repository, since a bare chart name matches without its source.
 */
export function chartSourceReader(client: GitHubClient, target: RepoRef, charts: readonly ChartRequest[], read: ReadOptions): ReadOptions['complete'] {
  if (!charts.some((request) => request.ref.repository !== undefined)) return undefined;
  return async (snapshot: RemoteSnapshot): Promise<RemoteSnapshot> => {
    const missing = missingChartSources(snapshot.files, charts);
    if (missing.length === 0) return snapshot;
    const listed = await listRepository(client, target, snapshot.head);
    const limit = chunkSize(read);
    const paths = sourceCandidates(listed.paths, missing, new Set(snapshot.files.map((f) => f.path)), limit);
    const found = paths.length === 0 ? [] : (await readFilesAt(client, target, snapshot.branch, snapshot.head, paths, read)).files.filter((f) => mayDefineSource(missing)(f.text));
    const truncated = listed.truncated ? ' (the listing was truncated)' : '';
    const searched = `the ${paths.length} file(s) of the repository named like Flux sources${truncated}`;
    return { ...snapshot, chartSources: sourceContext(found, searched) };
  };
}

/** Every file path of the commit `oid` (one REST recursive listing; GitHub truncates it past 100,000 entries). */
async function listRepository(client: GitHubClient, target: RepoRef, oid: string): Promise<{ paths: string[]; truncated: boolean }> {
  const { data } = await client.rest.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner: target.owner, repo: target.repo, tree_sha: oid, recursive: '1' });
  return { paths: data.tree.flatMap((entry) => (entry.type === 'blob' && entry.path !== undefined ? [entry.path] : [])), truncated: data.truncated };
}

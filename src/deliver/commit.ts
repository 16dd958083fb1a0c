// Commit mode: one atomic, verified commit on the branch, race-safe (github/commit.ts); the plan is reported
// before the commit is sent.
import { commitPlan } from '../github/commit.js';
import { commitMessage } from '../report/messages.js';
import { bumpResult, type BumpResult } from '../report/outputs.js';
import { shippedIn, withProvenance, withShippedRead } from './provenance.js';
import { planChecked, planReporter, type Remote } from './remote.js';

export async function commit(remote: Remote): Promise<BumpResult> {
  const { settings, io, client, target, read, context } = remote;
  const result = await commitPlan(client, {
    target,
    paths: settings.paths,
    read,
    planner: (snapshot) => planChecked(settings, snapshot, remote.promotion),
    onPlan: withShippedRead(remote, planReporter(remote)),
    message: (p) => withProvenance(commitMessage(settings.commitMessage, p, shippedIn(remote, p, context(settings.branch ?? ''))), p, settings.provenance, remote.provenance?.context(p)),
    maxTotalMs: settings.raceTimeoutMs,
    log: (m) => io.debug(m),
    runTag: remote.runTag,
  });
  await io.group('Commit', async () => {
    const requests = client.stats().requests;
    io.info(
      result.commit
        ? `Committed ${result.commit.oid} on ${result.branch} (parent ${result.head.slice(0, 7)}; ${result.attempts} round(s), ${requests} request(s)).` +
            (result.recovered === true ? ' The answer to the commit was lost; the commit was found on the branch by its Gitops-Bump-Attempt trailer.' : '')
        : `Nothing to commit on ${result.branch} at ${result.head.slice(0, 7)} (${requests} request(s)).`,
    );
  });
  return bumpResult(result.plan, shippedIn(remote, result.plan, context(result.branch, result.commit)));
}

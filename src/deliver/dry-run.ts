// API dry-run: read one snapshot and plan it; nothing is written.
import { readSnapshot } from '../github/read.js';
import { bumpResult, type BumpResult } from '../report/outputs.js';
import { planChecked, planReporter, type Remote } from './remote.js';

export async function dryRun(remote: Remote): Promise<BumpResult> {
  const { settings, client, target, read, context } = remote;
  const snapshot = await readSnapshot(client, target, settings.paths, undefined, read);
  const result = planChecked(settings, snapshot, remote.promotion);
  await planReporter(remote)(result, snapshot, 1);
  return bumpResult(result, context(snapshot.branch));
}

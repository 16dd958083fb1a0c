// The action's run(): inputs from the runner, outputs and the job summary back to it; never throws.
import * as core from '@actions/core';
import { matrixOutput, matrixSummary } from '../report/matrix.js';
import { outputs } from '../report/outputs.js';
import { isReport } from '../settings/read.js';
import { jobSummary } from '../report/summary.js';
import { bump } from './bump.js';
import { actionIo } from './io.js';
import { report } from './report.js';

/**
 * The action's run, with the process environment (read once, by the entry point: app/entry.ts): never throws; a
 * failure fails the step through the Io (an error annotation, exit code 1).
 */
export async function run(env: NodeJS.ProcessEnv): Promise<void> {
  const io = actionIo(env);
  const read = (name: string): string => core.getInput(name);
  try {
    if (isReport(read)) {
      // What runs where: read every environment, write nothing.
      const result = await report(read, io, env);
      io.setOutput('matrix', matrixOutput(result.matrix));
      await io.summary(matrixSummary(result.matrix, result.summaryDiff));
      io.info(`Read ${result.matrix.environments.length} environment(s): ${result.matrix.rows.length} image(s) and chart(s). Nothing was written.`);
      return;
    }
    const result = await bump(read, io, env);
    const values = outputs(result.plan, result.context);
    for (const [name, value] of Object.entries(values)) io.setOutput(name, value);
    await io.summary(jobSummary(result.plan, result.context));
    io.info(result.outcome);
  } catch (error) {
    io.fail(error instanceof Error ? error.message : String(error));
  }
}

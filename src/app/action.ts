// The action's run(): inputs from the runner, outputs and the job summary back to it; never throws.
import { outputs } from '../report/outputs.js';
import { jobSummary } from '../report/summary.js';
import { bump } from './bump.js';
import { actionIo } from './io.js';
import { getInput } from './runner.js';

/** The action's entry point: never throws; a failure fails the step through the Io (an error annotation, exit code 1). */
export async function run(): Promise<void> {
  // The action's one read of the process environment: the Io and bump() take it from here.
  const env = process.env;
  const io = actionIo(env);
  try {
    const result = await bump((name) => getInput(env, name), io, env);
    const values = outputs(result.plan, result.context);
    for (const [name, value] of Object.entries(values)) io.setOutput(name, value);
    await io.summary(jobSummary(result.plan, result.context));
    io.info(result.outcome);
  } catch (error) {
    io.fail(error instanceof Error ? error.message : String(error));
  }
}

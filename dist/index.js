// The action's entry point (action.yml `runs.main`): runs the action and nothing else.
import { run } from './lib/index.js';

await run();

// The action's entry point (action.yml `runs.main`): runs the action and nothing else.
import module from 'node:module';

module.enableCompileCache?.();
const { run } = await import('./lib/index.js');
await run();

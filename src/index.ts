// The action's entry point (dist/index.js): calls run() and nothing else.
import { run } from './main.js';

await run();

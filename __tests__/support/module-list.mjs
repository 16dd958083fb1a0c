// Preloaded into the action by a test (NODE_OPTIONS=--import …): at exit, writes the Node built-in modules the
// process loaded (process.moduleLoadList) to the file MODULE_LIST_FILE names, one per line.
import { writeFileSync } from 'node:fs';

const file = process.env.MODULE_LIST_FILE;
if (file) process.on('exit', () => writeFileSync(file, process.moduleLoadList.join('\n')));

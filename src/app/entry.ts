// The one bundle (dist/lib/index.js): both entry points, exported. Importing it runs nothing; the two files
// GitHub and npm start, dist/index.js (the action) and dist/cli/index.js (the CLI), each call one of them.
export { run } from './action.js';
export { main } from './command.js';

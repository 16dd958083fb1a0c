// Preloaded into the action by the bench (NODE_OPTIONS=--import …): at exit, writes the process's peak
// resident set size in kilobytes (getrusage's ru_maxrss) to the file BENCH_RSS_FILE names.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));

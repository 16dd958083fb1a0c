// A small helper process that runs git for the emulator. Forking from the emulator's own
// process costs ~10 ms of blocked event loop per git call once GitHub's GraphQL schema is in
// memory (the page tables of a large heap are copied); forking from this tiny process is cheap.
// Protocol (IPC, advanced serialization): { id, args, input?: Uint8Array, env (added to ours) } in,
// { id, code, stdout: Uint8Array, stderr: string } or { id, error } out.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';

process.on('message', (message) => {
  const { id, args, input, env } = message;
  let child;
  try {
    child = spawn('git', args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    process.send({ id, error: String(error) });
    return;
  }
  const out = [];
  const err = [];
  child.stdout.on('data', (chunk) => out.push(chunk));
  child.stderr.on('data', (chunk) => err.push(chunk));
  child.on('error', (error) => process.send({ id, error: String(error) }));
  child.on('close', (code) => {
    process.send({ id, code: code ?? 1, stdout: new Uint8Array(Buffer.concat(out)), stderr: Buffer.concat(err).toString('utf8') });
  });
  child.stdin.on('error', () => undefined);
  child.stdin.end(input ? Buffer.from(input) : '');
});

process.on('disconnect', () => process.exit(0));

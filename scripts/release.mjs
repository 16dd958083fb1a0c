#!/usr/bin/env node
// Cuts a release of the action: `node scripts/release.mjs vX.Y.Z [--dry-run]`.
//
// Checks, in the git repository of the current directory: the tree is clean and on `main`, package.json's
// version is X.Y.Z, dist/ equals a fresh `npm run build`, CHANGELOG.md has a dated section for X.Y.Z, the tag
// does not exist yet and the major tag `vX` (if any) is an ancestor of HEAD. Then creates the annotated tag
// `vX.Y.Z` and moves the major tag `vX` to it (the only tag ever force-moved), and prints the `git push`
// commands. It never pushes and never touches the network. `--dry-run` runs every check and prints the git
// commands it would run, creating nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const RELEASE_BRANCH = 'main';
const USAGE = 'usage: node scripts/release.mjs vX.Y.Z [--dry-run]';

class ReleaseError extends Error {}

/** Runs git in `cwd`; returns trimmed stdout, throws with git's stderr. */
function git(cwd, ...args) {
  const result = spawnSync('git', ['-C', cwd, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new ReleaseError(`git ${args.join(' ')} failed: ${(result.stderr || result.stdout).trim()}`);
  return result.stdout.trim();
}

/** True when git exits 0 (for questions such as "does this ref exist?"). */
function gitOk(cwd, ...args) {
  return spawnSync('git', ['-C', cwd, ...args], { encoding: 'utf8' }).status === 0;
}

/** Parses the command line: exactly one `vX.Y.Z` and optionally `--dry-run`. */
export function parseArgs(argv) {
  const flags = argv.filter((a) => a.startsWith('-'));
  const positional = argv.filter((a) => !a.startsWith('-'));
  const unknown = flags.filter((f) => f !== '--dry-run');
  if (unknown.length > 0) throw new ReleaseError(`unknown option ${unknown.join(' ')}\n${USAGE}`);
  if (positional.length !== 1) throw new ReleaseError(USAGE);
  const tag = positional[0];
  const match = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(tag);
  if (!match) throw new ReleaseError(`'${tag}' is not a release tag of the form vX.Y.Z (e.g. v1.4.2; no pre-release suffix).\n${USAGE}`);
  return { tag, version: tag.slice(1), major: `v${match[1]}`, dryRun: flags.includes('--dry-run') };
}

function checkCleanTree(root) {
  const status = git(root, 'status', '--porcelain', '--untracked-files=all');
  if (status !== '') {
    const lines = status.split('\n');
    const shown = lines.slice(0, 20).join('\n') + (lines.length > 20 ? `\n… and ${lines.length - 20} more` : '');
    throw new ReleaseError(`the working tree is not clean (${lines.length} path(s)): commit or remove them first.\n${shown}`);
  }
}

function checkBranch(root) {
  const branch = spawnSync('git', ['-C', root, 'symbolic-ref', '--quiet', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  if (branch !== RELEASE_BRANCH) {
    throw new ReleaseError(`releases are cut from '${RELEASE_BRANCH}', but HEAD is ${branch ? `on '${branch}'` : 'detached'}: git switch ${RELEASE_BRANCH}.`);
  }
}

function checkPackageVersion(root, version) {
  const file = join(root, 'package.json');
  const declared = JSON.parse(readFileSync(file, 'utf8')).version;
  if (declared !== version) {
    throw new ReleaseError(`package.json has version ${declared}, not ${version}: set "version": "${version}" and commit it.`);
  }
}

/** The CHANGELOG.md section for `version`: a `## [X.Y.Z] - YYYY-MM-DD` (or `## X.Y.Z …`) heading and its text. */
export function changelogSection(text, version) {
  const lines = text.split(/\r?\n/);
  const escaped = version.replace(/\./g, '\\.');
  const heading = new RegExp(`^##\\s+\\[?v?${escaped}\\]?(?=\\s|$)(.*)$`);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^##\s/.test(l));
  return { heading: lines[start], body: (end < 0 ? rest : rest.slice(0, end)).join('\n').trim() };
}

function checkChangelog(root, version) {
  const file = join(root, 'CHANGELOG.md');
  if (!existsSync(file)) throw new ReleaseError('CHANGELOG.md is missing.');
  const section = changelogSection(readFileSync(file, 'utf8'), version);
  if (!section) throw new ReleaseError(`CHANGELOG.md has no section for ${version}: add '## [${version}] - YYYY-MM-DD' with the changes.`);
  if (/unreleased/i.test(section.heading) || !/\d{4}-\d{2}-\d{2}/.test(section.heading)) {
    throw new ReleaseError(`CHANGELOG.md's section '${section.heading.trim()}' is not dated: write '## [${version}] - YYYY-MM-DD'.`);
  }
  if (section.body === '') throw new ReleaseError(`CHANGELOG.md's section for ${version} is empty.`);
  return section;
}

function checkFreshDist(root) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (build.status !== 0) throw new ReleaseError(`npm run build failed:\n${(build.stderr || build.stdout).trim()}`);
  const changed = git(root, 'status', '--porcelain', '--untracked-files=all', '--', 'dist');
  if (changed !== '') {
    throw new ReleaseError(`dist/ differs from a fresh build of src/ (the build output is left in place): commit dist/ first.\n${changed}`);
  }
}

function checkTags(root, tag, major) {
  if (gitOk(root, 'rev-parse', '--verify', '--quiet', `refs/tags/${tag}`)) {
    throw new ReleaseError(`tag ${tag} already exists: a release tag is never moved; release the next version instead.`);
  }
  if (gitOk(root, 'rev-parse', '--verify', '--quiet', `refs/tags/${major}`)) {
    const current = git(root, 'rev-parse', `refs/tags/${major}^{commit}`);
    if (!gitOk(root, 'merge-base', '--is-ancestor', current, 'HEAD')) {
      throw new ReleaseError(`${major} points at ${current.slice(0, 12)}, which is not an ancestor of HEAD: moving it here would take users backwards.`);
    }
  }
}

/** The git commands that make the release, and the push commands the maintainer runs afterwards. */
export function releaseCommands({ tag, major }, message) {
  return {
    create: [
      ['tag', '--annotate', tag, '--message', message],
      ['tag', '--force', '--annotate', major, '--message', `${major} -> ${tag}`, `${tag}^{commit}`],
    ],
    push: [`git push origin refs/tags/${tag}`, `git push origin +refs/tags/${major}  # force-moves ${major} only`],
  };
}

/** Runs the release in the git repository holding `cwd`; returns the lines to print. */
export function release(argv, cwd = process.cwd()) {
  const args = parseArgs(argv);
  const root = git(cwd, 'rev-parse', '--show-toplevel');
  checkCleanTree(root);
  checkBranch(root);
  checkPackageVersion(root, args.version);
  const section = checkChangelog(root, args.version);
  checkTags(root, args.tag, args.major);
  checkFreshDist(root);
  checkCleanTree(root);
  const head = git(root, 'rev-parse', 'HEAD');
  const { create, push } = releaseCommands(args, `${args.tag}\n\n${section.body}\n`);
  const out = [];
  const show = (command) => command.map((a) => (/^[\w./^{}+-]+$/.test(a) ? a : `'${a.split('\n')[0]}…'`)).join(' ');
  if (args.dryRun) {
    out.push(`dry run: every check passed for ${args.tag} at ${head.slice(0, 12)}; would run:`);
    for (const command of create) out.push(`  git ${show(command)}`);
  } else {
    for (const command of create) git(root, ...command);
    out.push(`tagged ${args.tag} at ${head.slice(0, 12)} and moved ${args.major} to it.`);
  }
  out.push(args.dryRun ? 'then push with:' : 'push with:');
  for (const command of push) out.push(`  ${command}`);
  return out;
}

const invoked = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invoked) {
  try {
    for (const line of release(process.argv.slice(2))) console.log(line);
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    console.error(`release: ${error.message}`);
    process.exit(1);
  }
}

export const id = 89;
export const ids = [89];
export const modules = {

/***/ 7089:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bumpRemote: () => (/* binding */ bumpRemote)
});

;// CONCATENATED MODULE: ./src/core/effective.ts
/**
 * The plan as far as it changes bytes: an edit whose text after is its text before is no edit, so it is
 * dropped, and so are the changes of the files it leaves without an edit (nothing is written for them).
 * A run whose edits are all such no-ops converges (nothing to commit, nothing reported as changed) instead
 * of committing nothing or reporting a change it did not make. Refusals, notes and skips are kept.
 */
function effective(plan) {
    if (plan.edits.every((e) => e.after !== e.before))
        return plan;
    const edits = plan.edits.filter((e) => e.after !== e.before);
    const paths = new Set(edits.map((e) => e.path));
    return { ...plan, edits, changes: plan.changes.filter((c) => paths.has(c.file)) };
}

// EXTERNAL MODULE: ./src/github/errors.ts
var github_errors = __webpack_require__(3116);
// EXTERNAL MODULE: ./src/github/failures.ts
var failures = __webpack_require__(8112);
// EXTERNAL MODULE: ./src/github/mutation.ts
var mutation = __webpack_require__(824);
// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(6584);
;// CONCATENATED MODULE: ./src/github/race.ts
// THE read-decide-write loop, written once. Every write to GitHub (a commit on a branch, a pull request's
// document) is a compare-and-swap on the head it read; a round that lost the race reads and decides again,
// after a full-jitter backoff, within a budget of attempts and time. A write whose answer was lost (the client
// retried it, and the retry lost the race, maybe to its own first try) is recognised on the next read.


/** The defaults of `RaceOptions`, in one place. */
const RACE_DEFAULTS = { maxAttempts: 10, maxTotalMs: 120_000, baseMs: 250, maxMs: 8_000 };
/** The budget `options` ask for, defaults filled in. */
function raceBudget(options) {
    return {
        maxAttempts: options.maxAttempts ?? RACE_DEFAULTS.maxAttempts,
        maxTotalMs: options.maxTotalMs ?? RACE_DEFAULTS.maxTotalMs,
        baseMs: options.backoff?.baseMs ?? RACE_DEFAULTS.baseMs,
        maxMs: options.backoff?.maxMs ?? RACE_DEFAULTS.maxMs,
    };
}
/**
 * Runs `round` until it is done: read, decide, write. A lost round sleeps random(0, min(maxMs, unit·2ⁿ⁻¹)) and
 * goes again, unless that would pass `maxAttempts` rounds or `maxTotalMs`: then its `exhausted` error is thrown.
 * `now` is injectable for tests.
 */
async function race(client, options, round, now = Date.now) {
    const budget = raceBudget(options);
    const started = now();
    let ambiguous;
    for (let attempt = 1;; attempt += 1) {
        const roundStarted = now();
        const previous = ambiguous;
        let retried;
        const outcome = await round({
            attempt,
            landed: (head) => previous !== undefined && head.parent === previous.parent && head.message.trim() === (0,mutation/* fullMessage */.P8)(previous.message).trim(),
            write: async (commit, send) => {
                const retries = client.stats().retries;
                try {
                    return await send();
                }
                finally {
                    if (client.stats().retries > retries)
                        retried = commit;
                }
            },
        });
        if ('done' in outcome)
            return outcome.done;
        // A retried write can be answered as a lost race because its first try landed: the next read looks for it.
        ambiguous = retried;
        const elapsed = now() - started;
        // The backoff unit is at least one read-write round: windows then scale with GitHub's latency.
        const waitMs = (0,github_client.backoffMs)(attempt, Math.max(budget.baseMs, now() - roundStarted), budget.maxMs, client.random);
        if (attempt >= budget.maxAttempts || elapsed + waitMs > budget.maxTotalMs)
            throw outcome.lost.exhausted(attempt, elapsed);
        options.log?.(`${outcome.lost.reason}: re-reading in ${waitMs} ms`);
        await client.sleep(waitMs);
    }
}

// EXTERNAL MODULE: ./src/github/read.ts
var github_read = __webpack_require__(2371);
;// CONCATENATED MODULE: ./src/github/commit.ts
// Commit mode: one atomic, verified commit per run, race-safe. Each round reads, plans and sends one
// createCommitOnBranch with the head it read as expectedHeadOid; a moved head (STALE_DATA) is a lost round of
// the race loop: read again, plan again (the policy is judged again against the new head), retry.






/**
 * Commits `planner`'s edits to `target` as one commit on top of the head it read, with no author (GitHub
 * signs it: Verified). Never forces, never merges: a moved head (STALE_DATA) means read, plan and try again,
 * within the race budget. Edits that change no bytes are no edits (`effective`). Nothing is committed on any
 * error. Throws `GitHubError`.
 */
function commitPlan(client, request) {
    const log = request.log ?? (() => undefined);
    return race(client, request, async (round) => {
        const snapshot = await (0,github_read.readSnapshot)(client, request.target, request.paths, request.filter, request.read);
        const plan = effective(request.planner(snapshot));
        await request.onPlan?.(plan, snapshot, round.attempt);
        const base = { plan, head: snapshot.head, attempts: round.attempt, branch: snapshot.branch, snapshot };
        if (plan.edits.length === 0) {
            if (round.landed({ parent: snapshot.headParents[0], message: snapshot.headMessage })) {
                log(`the commit landed although its answer was lost: ${snapshot.head}`);
                return { done: { ...base, head: snapshot.headParents[0] ?? snapshot.head, commit: { oid: snapshot.head, url: snapshot.headUrl } } };
            }
            return { done: base };
        }
        const message = request.message(plan);
        const where = { repositoryNameWithOwner: snapshot.nameWithOwner, branch: snapshot.branch, expectedHead: snapshot.head };
        let answer;
        try {
            answer = await round.write({ parent: snapshot.head, message }, () => (0,mutation/* mutate */.Tk)(client, 'CreateCommit', [(0,mutation/* commitField */.od)(where, plan.edits, message)]));
        }
        catch (error) {
            throw (0,failures/* toWriteError */.h$)(error, request.target, snapshot.branch, client.workflowRepository);
        }
        if (answer.errors.length > 0) {
            const error = new github_errors/* GraphqlResponseError */.rp(answer.errors, answer.data);
            if (!(0,github_errors/* isStale */.QO)(error))
                throw (0,failures/* toWriteError */.h$)(error, request.target, snapshot.branch, client.workflowRepository);
            return {
                lost: {
                    reason: `branch '${snapshot.branch}' moved past ${snapshot.head} (STALE_DATA)`,
                    exhausted: (attempts, elapsedMs) => (0,failures/* commitRaceExhausted */.Gi)(request.target, snapshot.branch, attempts, elapsedMs, error),
                },
            };
        }
        const commit = (0,mutation/* committed */.rh)(answer);
        if (commit === undefined)
            throw (0,failures/* noCommit */.lN)();
        log(`committed ${commit.oid} on ${snapshot.branch} (parent ${snapshot.head}, round ${round.attempt})`);
        return { done: { ...base, commit } };
    });
}

// EXTERNAL MODULE: ./src/report/messages.ts
var messages = __webpack_require__(3020);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/core/plan.ts + 2 modules
var plan = __webpack_require__(8643);
// EXTERNAL MODULE: ./src/image/policy.ts
var policy = __webpack_require__(6811);
// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(6472);
// EXTERNAL MODULE: ./src/report/unmatched.ts
var unmatched = __webpack_require__(9715);
;// CONCATENATED MODULE: ./src/deliver/remote.ts
// What every delivery through GitHub shares: the client, the target, the run context for messages and summaries,
// the planner, and the plan's report before anything is written.





/** Plans against one snapshot; the promotion source's skips and the snapshot's are listed with the plan's. */
function planSnapshot(settings, snapshot, promotion) {
    const p = (0,plan/* plan */.e)(snapshot.files, settings.images, { policy: settings.policy });
    return { ...p, skipped: [...(promotion?.skipped ?? []), ...snapshot.skipped, ...p.skipped], selected: snapshot.selected };
}
/** planSnapshot, failing before anything is written when `fail-on-unmatched` is set and an image matched nothing. */
function planChecked(settings, snapshot, promotion) {
    const p = planSnapshot(settings, snapshot, promotion);
    (0,unmatched/* checkUnmatched */.wF)(p, settings.failOnUnmatched, settings.pathPatterns);
    return p;
}
/** The read line of a snapshot: files selected, read, skipped, and the requests so far. */
function readLine(client, s) {
    const skipped = s.skipped.length ? `, ${s.skipped.length} skipped` : '';
    return (`${s.selected ?? s.files.length} file(s) selected, ${s.files.length} read from ${s.nameWithOwner}@${s.branch} at ${s.head.slice(0, 7)}${skipped} ` +
        `(${client.stats().requests} request(s)).`);
}
/** Bytes of text read past which the plan's log suggests narrowing `paths` (5 MB). */
const LARGE_READ_BYTES = 5_000_000;
/** The large-read line: how much a run read to find its references, when that is over `threshold` bytes. */
function largeReadLine(s, threshold = LARGE_READ_BYTES) {
    if (s.bytesRead <= threshold)
        return undefined;
    const mb = (s.bytesRead / 1_000_000).toFixed(1);
    return `read ${mb} MB in ${s.files.length} files to find the references; narrow \`paths\` to the folders that hold them to read less`;
}
/**
 * The plan, reported in the "Plan" log group before anything is written. A later round (the branch moved and the
 * plan was made again) is reported again only when what it would do differs from what was reported.
 */
function planReporter(remote, options = {}) {
    let reported;
    return async (plan, snapshot, attempt) => {
        const key = JSON.stringify([plan.changes, plan.refusals, plan.notes, plan.skipped]);
        if (key === reported) {
            remote.io.debug(`round ${attempt}: the plan against ${snapshot.head.slice(0, 7)} is the one reported`);
            return;
        }
        const name = reported === undefined ? 'Plan' : `Plan again (round ${attempt}: the branch moved)`;
        reported = key;
        await remote.io.group(name, async () => {
            remote.io.info(readLine(remote.client, snapshot));
            const large = largeReadLine(snapshot, options.largeReadBytes);
            if (large !== undefined)
                remote.io.info(large);
            (0,log/* reportPlan */._)(remote.io, plan, remote.settings.pathPatterns);
        });
    };
}
/** The shared parts of an API-mode run. `env` is the runner's environment as the entry point read it. */
function createRemote(settings, io, promotion, env) {
    const { owner, repo } = settings.repository;
    return {
        settings,
        io,
        client: (0,github_client.createClient)({ token: settings.token, log: (m) => io.debug(m), userAgent: 'gitops-bump', env }),
        target: { owner, repo, branch: settings.branch },
        read: { maxBytes: settings.maxFileBytes },
        promotion,
        context: (branch, commit) => ({
            mode: settings.mode,
            environment: settings.environment,
            target: `${owner}/${repo}`,
            branch,
            commit,
            policy: (0,policy/* describePolicy */.wy)(settings.policy),
            promotion,
            serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
            paths: settings.pathPatterns,
        }),
    };
}

;// CONCATENATED MODULE: ./src/deliver/commit.ts
// Commit mode: one atomic, verified commit on the branch, race-safe (github/commit.ts); the plan is reported
// before the commit is sent.




async function commit(remote) {
    const { settings, io, client, target, read, context } = remote;
    const result = await commitPlan(client, {
        target,
        paths: settings.paths,
        read,
        planner: (snapshot) => planChecked(settings, snapshot, remote.promotion),
        onPlan: planReporter(remote),
        message: (p) => (0,messages/* commitMessage */.df)(settings.commitMessage, p, context(settings.branch ?? '')),
        log: (m) => io.debug(m),
    });
    await io.group('Commit', async () => {
        const requests = client.stats().requests;
        io.info(result.commit
            ? `Committed ${result.commit.oid} on ${result.branch} (parent ${result.head.slice(0, 7)}; ${result.attempts} round(s), ${requests} request(s)).`
            : `Nothing to commit on ${result.branch} at ${result.head.slice(0, 7)} (${requests} request(s)).`);
    });
    return (0,outputs/* bumpResult */.Q)(result.plan, context(result.branch, result.commit));
}

;// CONCATENATED MODULE: ./src/deliver/dry-run.ts
// API dry-run: read one snapshot and plan it; nothing is written.



async function dryRun(remote) {
    const { settings, client, target, read, context } = remote;
    const snapshot = await (0,github_read.readSnapshot)(client, target, settings.paths, undefined, read);
    const result = planChecked(settings, snapshot, remote.promotion);
    await planReporter(remote)(result, snapshot, 1);
    return (0,outputs/* bumpResult */.Q)(result, context(snapshot.branch));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/paths.ts + 9 modules
var core_paths = __webpack_require__(7331);
;// CONCATENATED MODULE: ./src/core/branch.ts
// Pull-request branch names: deterministic from the target and the images, and always a valid git ref.


/** Makes any text a valid branch name under git's check-ref-format rules (and short enough to read). */
function sanitiseBranch(text, maxLength = 100) {
    const segments = text
        .normalize('NFKD')
        .split('/')
        .map((segment) => segment
        .replace(/[^A-Za-z0-9._+-]+/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/^[.-]+|[.-]+$/g, '')
        .replace(/\.lock$/i, '-lock'))
        .filter((segment) => segment !== '');
    let name = segments.join('/');
    if (name.length > maxLength) {
        const hash = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 8);
        name = `${name.slice(0, maxLength - 9).replace(/[./-]+$/, '')}-${hash}`;
    }
    return name === '' || name === '@' ? 'gitops-bump' : name;
}
function branch_short(image) {
    return image.slice(image.lastIndexOf('/') + 1);
}
/**
 * The default head branch: one per service and environment, so later bumps update the same pull request.
 * `gitops-bump/prod/api`, `gitops-bump/prod/api+web`; a promotion: `gitops-bump/promote/staging-to-prod`.
 * Without an environment, `paths-<hash>` of the paths stands for the target (settings derive the same one).
 */
function defaultPullRequestBranch(options) {
    const target = options.environment || (0,core_paths/* pathsKey */.Ew)((0,core_paths/* compilePaths */.Iw)(options.pathPatterns));
    if (options.promotionFrom !== undefined)
        return sanitiseBranch(`gitops-bump/promote/${options.promotionFrom}-to-${target}`);
    const names = [...new Set(options.images.map(branch_short))].sort();
    let images = names.join('+');
    if (images.length > 60)
        images = `${names.length}-images-${(0,external_node_crypto_.createHash)('sha256').update(names.join('\n')).digest('hex').slice(0, 8)}`;
    return sanitiseBranch(`gitops-bump/${target}/${images}`);
}
/** The head branch: the `pr-branch` template ({environment}, {images}, {from}) or the default, always a valid ref. */
function pullRequestBranch(template, options) {
    if (template.trim() === '')
        return defaultPullRequestBranch(options);
    const images = [...new Set(options.images.map(branch_short))].sort().join('+');
    const text = template
        .replace(/\{environment\}/g, options.environment)
        .replace(/\{images\}/g, images)
        .replace(/\{from\}/g, options.promotionFrom ?? '');
    return sanitiseBranch(text);
}

;// CONCATENATED MODULE: ./src/core/pull-decision.ts
// The pull-request decision, pure: from one read of the base, the open pull request for the branch and the
// branch itself, what one round should do (nothing, refresh, close, read the fork point, or write what).
// The GitHub side (github/pull/) reads the observation and carries the decision out.

/** The oid of a ref that does not exist (a compare-and-swap from it creates the ref). */
const ZERO_OID = '0000000000000000000000000000000000000000';
/**
 * Decides one round from one observation. The base plan is what the PR proposes; the PR branch's plan
 * guards it: a site where the PR branch already holds a newer version than this run wants is refused and
 * its file is left as the PR has it (a late older build never lowers an open PR).
 *
 * While the PR branch still forks from the base head (or the base moved without touching the files we edit),
 * the new commit goes on top of the PR head, keeping what earlier runs proposed. When the base moved under the
 * edited files, the branch is rebuilt: moved to the base head (compare-and-swap) with one commit holding, per
 * file, a three-way pick against the fork point (the PR's version where the base did not touch the file, else
 * the base's) with this run's plan applied. Without a known fork point (deeper than the first parents read),
 * the rebuild holds the base plan alone.
 */
function decidePull(observation, spec) {
    const { snapshot, pull, branch } = observation;
    const basePlan = effective(spec.planner(snapshot));
    if (pull === undefined) {
        if (basePlan.edits.length === 0)
            return { kind: 'none', plan: basePlan };
        return { kind: 'write', plan: basePlan, write: basePlan, parent: snapshot.head, moveFrom: branch?.head ?? ZERO_OID, describes: true };
    }
    if (branch?.files === undefined) {
        // An open PR whose branch is gone (or not a commit): recreate the branch from the base.
        if (basePlan.edits.length === 0)
            return { kind: 'close', plan: basePlan, pull };
        return { kind: 'write', plan: basePlan, write: basePlan, parent: snapshot.head, moveFrom: branch?.head ?? ZERO_OID, pull, describes: true };
    }
    const branchPlan = effective(spec.planner({
        ...snapshot,
        head: branch.head,
        branch: spec.branch,
        headParents: branch.chain.slice(1, 2),
        files: branch.files.files,
        skipped: branch.files.skipped,
    }));
    // Sites this run would change on the base that the PR branch already holds newer: refused, file kept.
    const changed = new Set(basePlan.changes.map(siteKey));
    const prRefusals = branchPlan.refusals.filter((r) => changed.has(siteKey(r)));
    const guarded = new Set(prRefusals.map((r) => r.file));
    const plan = withRefusals(dropFiles(basePlan, guarded), prRefusals);
    const baseFiles = textByPath(snapshot.files);
    const pullFiles = textByPath(branch.files.files);
    const moved = !branch.chain.includes(snapshot.head);
    const onBase = apply(baseFiles, basePlan.edits);
    const onPull = apply(pullFiles, branchPlan.edits);
    const edited = new Set([...basePlan.edits, ...branchPlan.edits].map((e) => e.path));
    // The base moved under an edited file when the two results disagree there (without knowing the fork point,
    // this also counts a file where an earlier run of this branch changed other sites: those are then rebuilt).
    const disagrees = [...edited].some((path) => onBase.get(path) !== onPull.get(path));
    if (plan.edits.length === 0 && guarded.size === 0) {
        // Nothing this run wants is missing from the base: close, unless (base not moved) the PR proposes more.
        const proposesMore = !moved && [...pullFiles.keys()].some((path) => onPull.get(path) !== baseFiles.get(path));
        if (!proposesMore)
            return { kind: 'close', plan, pull };
    }
    // Title and body follow the plan only when it describes the PR: no file kept as the PR has it, and (a shared
    // branch whose other changes stay open) something of this run's own in it.
    const describes = guarded.size === 0 && plan.changes.length > 0;
    let onTop = !moved || !disagrees || !describes;
    if (!onTop) {
        const fork = branch.chain.find((oid) => observation.baseChain.includes(oid));
        if (fork !== undefined && observation.fork?.oid !== fork)
            return { kind: 'fork', plan, oid: fork };
        // With the fork point known: the base moved under an edited file only if it changed that file since.
        const forkFiles = observation.fork === undefined ? undefined : textByPath(observation.fork.files.files);
        onTop = forkFiles !== undefined && [...edited].every((path) => baseFiles.get(path) === forkFiles.get(path));
    }
    if (onTop) {
        if (branchPlan.edits.length === 0)
            return { kind: 'unchanged', plan, pull, describes };
        return { kind: 'write', plan, write: branchPlan, parent: branch.head, pull, describes };
    }
    const rebuilt = observation.fork === undefined ? basePlan : rebuild(spec, snapshot, pullFiles, observation.fork.files);
    if (rebuilt.edits.length === 0)
        return { kind: 'close', plan, pull };
    if (rebuilt.edits.every((e) => pullFiles.get(e.path) === e.after))
        return { kind: 'unchanged', plan, pull, describes };
    return { kind: 'write', plan, write: rebuilt, parent: snapshot.head, moveFrom: branch.head, pull, describes };
}
/**
 * The plan of a rebuilt PR branch, as edits of the base: per file, the PR's version where the base has not
 * touched the file since the fork (F), else the base's; then this run's plan over that.
 */
function rebuild(spec, snapshot, pullFiles, fork) {
    const forkFiles = textByPath(fork.files);
    const files = snapshot.files.map((file) => {
        const pulled = pullFiles.get(file.path);
        return pulled !== undefined && forkFiles.get(file.path) === file.text ? { path: file.path, text: pulled } : file;
    });
    const planned = effective(spec.planner({ ...snapshot, files }));
    const after = apply(textByPath(files), planned.edits);
    const edits = [];
    for (const file of snapshot.files) {
        const text = after.get(file.path);
        if (text === undefined || text === file.text)
            continue;
        edits.push({ path: file.path, before: file.text, after: text, changes: planned.edits.find((e) => e.path === file.path)?.changes ?? [] });
    }
    const paths = new Set(edits.map((e) => e.path));
    return { ...planned, edits, changes: planned.changes.filter((c) => paths.has(c.file)) };
}
function siteKey(change) {
    return `${change.file}\u0000${change.image}`;
}
function dropFiles(plan, files) {
    if (files.size === 0)
        return plan;
    return { ...plan, edits: plan.edits.filter((e) => !files.has(e.path)), changes: plan.changes.filter((c) => !files.has(c.file)) };
}
function withRefusals(plan, extra) {
    const seen = new Set(plan.refusals.map((r) => `${siteKey(r)}\u0000${r.from}\u0000${r.to}`));
    const added = extra.filter((r) => !seen.has(`${siteKey(r)}\u0000${r.from}\u0000${r.to}`));
    return added.length === 0 ? plan : { ...plan, refusals: [...plan.refusals, ...added] };
}
function textByPath(files) {
    return new Map(files.map((f) => [f.path, f.text]));
}
function apply(files, edits) {
    const out = new Map(files);
    for (const edit of edits)
        out.set(edit.path, edit.after);
    return out;
}

;// CONCATENATED MODULE: ./src/github/pull/follow-up.ts
// What follows a new pull request: labels, reviewers, assignees and auto-merge, in one document (and one REST
// call creating missing labels). A PR just created may not resolve yet: those fields are sent again after a
// short backoff. Nothing here fails the run: a follow-up that cannot be done is a warning.




const MERGE_METHODS = { merge: 'MERGE', squash: 'SQUASH', rebase: 'REBASE' };
/** `addLabelsToLabelable` (alias `labels`) of label ids to the PR (or issue) `id`. */
function labelsField(id, labelIds) {
    return {
        alias: 'labels',
        declaration: 'AddLabelsToLabelableInput!',
        selection: 'addLabelsToLabelable(input: $labels) { clientMutationId }',
        value: { labelableId: id, labelIds },
    };
}
/** Whether the spec names reviewers, teams or assignees (their ids are looked up once, beside the create). */
function needsIds(spec) {
    return (spec.reviewers?.length ?? 0) + (spec.teamReviewers?.length ?? 0) + (spec.assignees?.length ?? 0) > 0;
}
/** Team slug in the repository owner's organization, or undefined (with a warning) for another organization's. */
function teamSlug(spec, team) {
    const slash = team.indexOf('/');
    if (slash === -1)
        return team;
    const org = team.slice(0, slash);
    if (org.toLowerCase() === spec.target.owner.toLowerCase())
        return team.slice(slash + 1);
    spec.warn?.(`team reviewer '${team}' is not in ${spec.target.owner}'s organization: only its teams can review pull requests in ${(0,github_errors/* slug */.yR)(spec.target)}`);
    return undefined;
}
/** One query: node ids of reviewer and assignee logins and teams (unknown ones are warnings), and the viewer. */
async function lookupReviewers(client, spec, snapshot) {
    const logins = [...new Set([...(spec.reviewers ?? []), ...(spec.assignees ?? [])])];
    const teams = [...new Set((spec.teamReviewers ?? []).map((t) => teamSlug(spec, t)).filter((t) => t !== undefined))];
    const variables = {};
    const declarations = [];
    const selections = ['viewer { login }'];
    logins.forEach((login, i) => {
        variables[`u${i}`] = login;
        declarations.push(`$u${i}: String!`);
        selections.push(`u${i}: user(login: $u${i}) { id login }`);
    });
    if (teams.length > 0) {
        variables['org'] = snapshot.nameWithOwner.split('/')[0] ?? spec.target.owner;
        declarations.push('$org: String!');
        const slugs = teams.map((t, i) => {
            variables[`t${i}`] = t;
            declarations.push(`$t${i}: String!`);
            return `t${i}: team(slug: $t${i}) { id }`;
        });
        selections.push(`org: organization(login: $org) { ${slugs.join(' ')} }`);
    }
    const query = `query LookupReviewers${declarations.length > 0 ? `(${declarations.join(', ')})` : ''} { ${selections.join(' ')} }`;
    let answer;
    try {
        answer = await (0,mutation/* send */.tN)(client, query, variables, []);
    }
    catch (error) {
        spec.warn?.(`could not look up reviewers and assignees (${error instanceof Error ? error.message : String(error)}): none were requested`);
        return { users: new Map(), teams: new Map() };
    }
    const users = new Map();
    logins.forEach((login, i) => {
        const user = answer.data[`u${i}`];
        if (user)
            users.set(login, user.id);
        else
            spec.warn?.(`no GitHub user '${login}' (pr-reviewers / assignees): skipped`);
    });
    const viewer = answer.data['viewer']?.login;
    if (viewer !== undefined && (spec.reviewers ?? []).some((r) => r.toLowerCase() === viewer.toLowerCase())) {
        spec.warn?.(`'${viewer}' opens the pull request and cannot review it: not requested`);
        const own = [...users.keys()].find((login) => login.toLowerCase() === viewer.toLowerCase());
        if (own !== undefined && !(spec.assignees ?? []).includes(own))
            users.delete(own);
    }
    const org = answer.data['org'];
    const teamIds = new Map();
    teams.forEach((team, i) => {
        const found = org?.[`t${i}`];
        if (found)
            teamIds.set(team, found.id);
        else
            spec.warn?.(`no team '${team}' in ${spec.target.owner} visible to the token (team reviewers need \`members: read\` on an App token): skipped`);
    });
    return { users, teams: teamIds };
}
/** Labels, reviewers, assignees and auto-merge of a new PR: one document (+ one REST call creating missing labels). */
async function followUp(client, spec, observation, pull, lookup) {
    const labels = spec.labels ?? [];
    const missing = labels.filter((name) => !observation.labelIds.has(name));
    const fields = [];
    const ids = [...observation.labelIds.values()];
    if (ids.length > 0)
        fields.push(labelsField(pull.id, ids));
    const found = lookup === undefined ? undefined : await lookup;
    if (found !== undefined) {
        const userIds = (spec.reviewers ?? []).flatMap((login) => found.users.get(login) ?? []);
        const teamIds = (spec.teamReviewers ?? []).flatMap((team) => {
            const s = team.includes('/') ? team.slice(team.indexOf('/') + 1) : team;
            return found.teams.get(s) ?? [];
        });
        if (userIds.length + teamIds.length > 0) {
            fields.push({
                alias: 'reviews',
                declaration: 'RequestReviewsInput!',
                selection: 'requestReviews(input: $reviews) { clientMutationId }',
                value: { pullRequestId: pull.id, userIds, teamIds, union: true },
            });
        }
        const assigneeIds = (spec.assignees ?? []).flatMap((login) => found.users.get(login) ?? []);
        if (assigneeIds.length > 0) {
            fields.push({
                alias: 'assignees',
                declaration: 'AddAssigneesToAssignableInput!',
                selection: 'addAssigneesToAssignable(input: $assignees) { clientMutationId }',
                value: { assignableId: pull.id, assigneeIds },
            });
        }
    }
    if (spec.autoMerge !== undefined) {
        if (observation.snapshot.autoMergeAllowed) {
            fields.push({
                alias: 'autoMerge',
                declaration: 'EnablePullRequestAutoMergeInput!',
                selection: 'enablePullRequestAutoMerge(input: $autoMerge) { clientMutationId }',
                value: { pullRequestId: pull.id, mergeMethod: MERGE_METHODS[spec.autoMerge] },
            });
        }
        else {
            spec.warn?.(`auto-merge is not allowed in ${(0,github_errors/* slug */.yR)(spec.target)}: pull request #${pull.number} was opened without it ` +
                `(enable Settings → General → Pull Requests → "Allow auto-merge")`);
        }
    }
    await Promise.all([
        fields.length > 0 ? sendFollowUp(client, spec, 'DecoratePullRequest', fields, pull) : Promise.resolve(),
        missing.length > 0 ? addLabelsByName(client, spec, pull.number, missing) : Promise.resolve(),
    ]);
}
/** REST `issues/add-labels`: creates labels that do not exist yet. */
async function addLabelsByName(client, spec, number, labels) {
    try {
        await client.rest.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
            owner: spec.target.owner,
            repo: spec.target.repo,
            issue_number: number,
            labels: [...labels],
        });
    }
    catch (error) {
        spec.warn?.(`could not add labels ${labels.map((l) => `'${l}'`).join(', ')} to #${number}: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/**
 * Sends follow-up fields; those GitHub cannot resolve yet ("Could not resolve to a node": a PR just created
 * is still replicating) are sent again after a short backoff; every other failure is a warning.
 */
async function sendFollowUp(client, spec, name, fields, pull, firstTry = 1) {
    const attempts = spec.followUpAttempts ?? 5;
    const { baseMs, maxMs } = raceBudget(spec);
    let pending = [...fields];
    for (let attempt = firstTry; pending.length > 0; attempt += 1) {
        if (attempt > 1)
            await client.sleep((0,github_client.backoffMs)(attempt - 1, baseMs, maxMs, client.random));
        let answer;
        try {
            answer = await (0,mutation/* mutate */.Tk)(client, name, pending);
        }
        catch (error) {
            for (const f of pending)
                spec.warn?.(followUpWarning(spec, f.alias, pull.number, [{ message: error instanceof Error ? error.message : String(error) }]));
            return;
        }
        const failed = pending.filter((f) => (0,mutation/* failure */.V2)(answer, f.alias).length > 0);
        const again = failed.filter((f) => (0,mutation/* failure */.V2)(answer, f.alias).every(github_errors/* isUnresolvable */.HU));
        for (const f of failed) {
            if (!again.includes(f) || attempt >= attempts)
                spec.warn?.(followUpWarning(spec, f.alias, pull.number, (0,mutation/* failure */.V2)(answer, f.alias)));
        }
        if (again.length > 0 && attempt < attempts)
            spec.log?.(`#${pull.number} not resolvable yet (${again.map((f) => f.alias).join(', ')}): retrying`);
        pending = attempt < attempts ? again : [];
    }
}
const FOLLOW_UP_NAMES = {
    labels: 'add labels to',
    reviews: 'request reviewers on',
    assignees: 'assign',
    autoMerge: 'enable auto-merge on',
    meta: 'update the title and body of',
};
function followUpWarning(spec, alias, number, errors) {
    const hint = alias === 'autoMerge' && (0,github_errors/* isNothingPending */.dE)(errors)
        ? ' (GitHub enables auto-merge only while something is still pending: required checks or reviews in branch protection or a ruleset)'
        : '';
    return `could not ${FOLLOW_UP_NAMES[alias] ?? alias} pull request #${number} of ${(0,github_errors/* slug */.yR)(spec.target)}: ${(0,github_errors/* say */.cv)(errors)}${hint}`;
}

// EXTERNAL MODULE: ./src/github/blob.ts
var blob = __webpack_require__(5312);
// EXTERNAL MODULE: ./src/github/tree.ts
var tree = __webpack_require__(9191);
;// CONCATENATED MODULE: ./src/github/pull/observe.ts





/** First parents of the PR head and of the base head read with them: enough to see whether the base head is still its fork point. */
const CHAIN_DEPTH = 8;
/** `oid parents(first: 1) { nodes { oid parents … } }`, `depth` parents deep. */
function chainSelection(depth) {
    return depth <= 0 ? 'oid' : `oid parents(first: 1) { nodes { ${chainSelection(depth - 1)} } }`;
}
function flattenChain(node) {
    const oids = [];
    for (let n = node; n !== undefined; n = n.parents?.nodes[0])
        oids.push(n.oid);
    return oids;
}
/**
 * The selection added to the head query: the open PRs for the branch, the branch (and its files: the literal
 * paths, or the listings of the base that carry texts, at the branch), label ids.
 */
function extraSelection(spec, listings) {
    const variables = {
        prHead: { type: 'String!', value: spec.branch },
        prRef: { type: 'String!', value: (0,mutation/* qualifiedBranch */.JO)(spec.branch) },
    };
    const files = (spec.paths.literals ?? []).map((path, i) => {
        variables[`prF${i}`] = { type: 'String!', value: path };
        return `prF${i}: file(path: $prF${i}) { ${blob/* FILE_ENTRY_SELECTION */.he} }`;
    });
    listings.forEach((listing, i) => {
        if (!listing.texts)
            return;
        if (listing.prefix !== '')
            variables[`prT${i}`] = { type: 'String!', value: listing.prefix };
        files.push((0,tree/* treeSelection */.f$)(`prT${i}`, listing));
    });
    const labels = (spec.labels ?? []).map((name, i) => {
        variables[`prL${i}`] = { type: 'String!', value: name };
        return `prL${i}: label(name: $prL${i}) { id name }`;
    });
    if (spec.target.branch !== undefined)
        variables['prBase'] = { type: 'String!', value: (0,mutation/* qualifiedBranch */.JO)(spec.target.branch) };
    const baseRef = spec.target.branch === undefined ? 'prBase: defaultBranchRef' : 'prBase: ref(qualifiedName: $prBase)';
    const selection = `${baseRef} { target { ... on Commit { ${chainSelection(CHAIN_DEPTH)} } } } ` +
        `prPulls: pullRequests(headRefName: $prHead, states: [OPEN], first: 20) { nodes { id number url title body baseRefName ` +
        `headRepository { nameWithOwner } labels(first: 100) { nodes { name } } } } ` +
        `prBranch: ref(qualifiedName: $prRef) { target { __typename ... on Commit { message url ${chainSelection(CHAIN_DEPTH)} ${files.join(' ')} } } } ` +
        labels.join(' ');
    return { selection, variables };
}
/**
 * One read (with globs whose listing cannot carry the texts: two, three with an open PR): base, open PR, PR
 * branch and its files, labels.
 */
async function observe(client, spec) {
    // The listings the read chose (without texts after a failed try with them), to list them at the PR branch too.
    let listed = [];
    const selection = (listings) => {
        listed = listings;
        return extraSelection(spec, listings);
    };
    const snapshot = await (0,github_read.readSnapshot)(client, spec.target, spec.paths, undefined, { ...spec.read, extra: selection });
    const extra = snapshot.extra ?? {};
    const pulls = (extra['prPulls']?.nodes ?? []).filter((p) => p.headRepository === null || p.headRepository.nameWithOwner.toLowerCase() === snapshot.nameWithOwner.toLowerCase());
    const raw = pulls.find((p) => p.baseRefName === snapshot.branch) ?? pulls[0];
    const pull = raw === undefined
        ? undefined
        : {
            id: raw.id,
            number: raw.number,
            url: raw.url,
            title: raw.title,
            body: raw.body ?? '',
            baseRefName: raw.baseRefName,
            labels: (raw.labels?.nodes ?? []).map((l) => l.name),
        };
    const target = extra['prBranch']?.target ?? undefined;
    let branch;
    if (target !== undefined && target !== null) {
        const chain = flattenChain(target);
        let files;
        if (pull !== undefined && target.__typename === 'Commit') {
            // The PR branch's versions of the literal paths came with the head query, unless a literal was a folder.
            const literals = spec.paths.literals;
            const direct = literals !== undefined && snapshot.files.every((f) => literals.includes(f.path));
            files =
                literals !== undefined && direct
                    ? await (0,blob/* filesFromAnswers */.xx)(client, spec.target, spec.branch, literals.map((path, i) => ({ path, entry: target[`prF${i}`] })), spec.read)
                    : await branchFiles(client, spec, snapshot, target, listed);
        }
        const message = typeof target['message'] === 'string' ? target['message'] : '';
        const url = typeof target['url'] === 'string' ? target['url'] : '';
        branch = { head: target.oid, message, url, chain, ...(files === undefined ? {} : { files }) };
    }
    const labelIds = new Map();
    (spec.labels ?? []).forEach((name, i) => {
        const label = extra[`prL${i}`];
        if (label)
            labelIds.set(name, label.id);
    });
    const baseChain = flattenChain(extra['prBase']?.target ?? undefined);
    return { snapshot, ...(pull === undefined ? {} : { pull }), ...(branch === undefined ? {} : { branch }), labelIds, baseChain };
}
/**
 * The PR branch's versions of the base's files: from the branch's listings that came with the head query (a path
 * they do not hold does not exist there), and read by path where they do not tell (not listed with texts, deeper
 * than listed, or a folder on the branch).
 */
async function branchFiles(client, spec, snapshot, target, listings) {
    const { listing, unexpanded } = (0,tree/* listingOf */.K7)(target, listings, 'prT');
    const byName = new Map(listing.map((e) => [e.path, e]));
    const under = (path, folder) => folder === '' || path === folder || path.startsWith(`${folder}/`);
    const carried = listings.flatMap((l, i) => (l.texts && target[`prT${i}`] !== undefined ? [l.prefix] : []));
    const known = [];
    const unknown = [];
    for (const { path } of snapshot.files) {
        const entry = byName.get(path);
        if (entry !== undefined)
            known.push({ path, entry: entry.answer ?? { type: entry.type, mode: entry.mode, oid: entry.oid } });
        else if (carried.some((prefix) => under(path, prefix)) && !unexpanded.some((e) => under(path, e.path)) && !listing.some((e) => e.path.startsWith(`${path}/`)))
            known.push({ path, entry: null });
        else
            unknown.push(path);
    }
    const [fromListing, byPathRead] = await Promise.all([
        (0,blob/* filesFromAnswers */.xx)(client, spec.target, spec.branch, known, spec.read),
        (0,blob/* readFilesAt */.nl)(client, spec.target, spec.branch, target.oid, unknown, spec.read),
    ]);
    return { files: [...fromListing.files, ...byPathRead.files].sort(core_paths/* byPath */.f2), skipped: [...fromListing.skipped, ...byPathRead.skipped].sort(core_paths/* byPath */.f2) };
}
/** The observation with the fork point's files (the paths of the base and of the PR branch), read at `oid`. */
async function withFork(client, spec, observation, oid) {
    const paths = new Set([...observation.snapshot.files, ...(observation.branch?.files?.files ?? [])].map((f) => f.path));
    const files = await (0,blob/* readFilesAt */.nl)(client, spec.target, oid.slice(0, 12), oid, [...paths].sort(core_paths/* comparePaths */.cD), spec.read);
    return { ...observation, fork: { oid, files } };
}

;// CONCATENATED MODULE: ./src/github/pull/clash.ts

/** The existing branch that keeps `branch` from being created, if any (see `clashingBranches`). */
async function clashingBranch(client, target, branch) {
    const { above, below } = (0,failures/* clashingBranches */.qF)(branch);
    const declarations = above.map((_, i) => `, $a${i}: String!`).join('');
    const fields = above.map((_, i) => `a${i}: ref(qualifiedName: $a${i}) { name }`).join(' ');
    const query = `query BranchClash($owner: String!, $name: String!, $below: String!${declarations}) { repository(owner: $owner, name: $name) { ` +
        `${fields} below: refs(refPrefix: $below, first: 1) { nodes { prefix name } } } }`;
    const variables = { owner: target.owner, name: target.repo, below: `refs/heads/${below}` };
    above.forEach((name, i) => (variables[`a${i}`] = `refs/heads/${name}`));
    const repository = (await client.graphql(query, variables)).repository;
    if (repository === null)
        return undefined;
    const found = above.find((_, i) => repository[`a${i}`] != null);
    if (found !== undefined)
        return found;
    // `prefix` + `name` is the qualified name, however the server splits it.
    const child = repository.below?.nodes[0];
    return child === undefined ? undefined : `${child.prefix}${child.name}`.replace(/^refs\/heads\//, '');
}

;// CONCATENATED MODULE: ./src/github/pull/write.ts
// The writes of the pull-request mode, one mutation document each: create (the branch, its commit, the PR),
// update (move the branch if rebuilt, commit, refresh the title, body and labels), refresh (title, body and
// labels of a PR whose content is right), close (the PR, and its branch by compare-and-swap).






/**
 * One document: the branch to the base head (compare-and-swap: it must not exist, or still be the leftover
 * we read), one commit, the PR. Resolves undefined when done, else the race that was lost (read again).
 */
async function create({ client, spec, observation, progress, round }, decision) {
    const { snapshot } = observation;
    const message = spec.message(decision.write);
    const fields = [
        (0,mutation/* refMove */.Xc)(snapshot.repositoryId, spec.branch, decision.moveFrom ?? ZERO_OID, decision.parent),
        (0,mutation/* commitField */.od)(commitTarget(spec, observation, decision), decision.write.edits, message),
        {
            alias: 'pull',
            declaration: 'CreatePullRequestInput!',
            selection: 'createPullRequest(input: $pull) { pullRequest { id number url } }',
            value: {
                repositoryId: snapshot.repositoryId,
                baseRefName: snapshot.branch,
                headRefName: spec.branch,
                title: titleOf(spec, decision.plan),
                body: bodyOf(spec, decision.plan),
                draft: spec.draft === true,
            },
        },
    ];
    progress.opening = true;
    const answer = await round.write({ parent: decision.parent, message }, () => (0,mutation/* mutate */.Tk)(client, 'OpenPullRequest', fields));
    const pull = answer.data['pull']?.pullRequest;
    const commit = (0,mutation/* committed */.rh)(answer);
    if (pull)
        progress.created = pull;
    if (commit)
        progress.commit = commit;
    const refErrors = (0,mutation/* errorsOf */.Bp)(answer, 'ref');
    const commitErrors = (0,mutation/* errorsOf */.Bp)(answer, 'commit');
    const pullErrors = (0,mutation/* errorsOf */.Bp)(answer, 'pull');
    await clash(client, spec, decision, refErrors);
    fatal(client, spec, 'ref', refErrors);
    // With the ref move lost, the commit fails for want of the branch or of its head: that is the same race.
    if (!(refErrors.some(github_errors/* isRace */.Kw) && commitErrors.length > 0))
        fatal(client, spec, 'commit', commitErrors);
    if (pullErrors.some(github_errors/* isActionsForbidden */.Fq))
        throw (0,failures/* actionsForbidden */.$h)(spec.target, spec.branch, pullErrors, commit !== undefined);
    fatal(client, spec, 'pull', pullErrors);
    if (answer.errors.length === 0) {
        spec.log?.(`opened #${pull?.number ?? '?'} from '${spec.branch}' (commit ${commit?.oid ?? '?'} on ${decision.parent})`);
        return undefined;
    }
    // "No commits between" after a lost commit race, "already exists": somebody else got there first.
    return (0,github_errors/* say */.cv)(answer.errors);
}
/**
 * One document for an open PR: [move the branch to the base head] + one commit + [title/body/base refresh]
 * + [labels it lacks]. Resolves undefined when done, else the race that was lost.
 */
async function update({ client, spec, observation, progress, round }, decision, pull) {
    const { snapshot } = observation;
    const fields = [];
    if (decision.moveFrom !== undefined)
        fields.push((0,mutation/* refMove */.Xc)(snapshot.repositoryId, spec.branch, decision.moveFrom, decision.parent));
    const message = spec.message(decision.write);
    fields.push((0,mutation/* commitField */.od)(commitTarget(spec, observation, decision), decision.write.edits, message));
    fields.push(...metadataFields(spec, observation, pull, decision.describes ? decision.plan : undefined));
    progress.opening = false;
    const answer = await round.write({ parent: decision.parent, message }, () => (0,mutation/* mutate */.Tk)(client, 'UpdatePullRequest', fields));
    const commit = (0,mutation/* committed */.rh)(answer);
    if (commit)
        progress.commit = commit;
    const refErrors = (0,mutation/* errorsOf */.Bp)(answer, 'ref');
    const commitErrors = (0,mutation/* errorsOf */.Bp)(answer, 'commit');
    await clash(client, spec, decision, refErrors);
    fatal(client, spec, 'ref', refErrors);
    if (!(refErrors.some(github_errors/* isRace */.Kw) && commitErrors.length > 0))
        fatal(client, spec, 'commit', commitErrors);
    if (refErrors.length > 0 || commitErrors.length > 0)
        return (0,github_errors/* say */.cv)([...refErrors, ...commitErrors]);
    spec.log?.(`committed ${commit?.oid ?? '?'} on '${spec.branch}' (parent ${decision.parent}) for #${pull.number}`);
    await retryMetadata(client, spec, answer, fields.filter((f) => f.alias === 'meta' || f.alias === 'labels'), pull);
    return undefined;
}
/** Refreshes the title/body (and adds missing labels) of a PR whose content is already right. */
async function refresh({ client, spec, observation }, pull, plan) {
    const fields = metadataFields(spec, observation, pull, plan);
    if (fields.length === 0)
        return;
    await sendFollowUp(client, spec, 'RefreshPullRequest', fields, pull);
}
/** Closes the PR and deletes its branch (compare-and-swap on the head read: a branch that moved is kept). */
async function write_close({ client, spec, observation }, pull) {
    const { snapshot, branch } = observation;
    const fields = [
        { alias: 'close', declaration: 'ClosePullRequestInput!', selection: 'closePullRequest(input: $close) { pullRequest { number } }', value: { pullRequestId: pull.id } },
    ];
    if (branch !== undefined)
        fields.push((0,mutation/* refMove */.Xc)(snapshot.repositoryId, spec.branch, branch.head, ZERO_OID));
    const answer = await (0,mutation/* mutate */.Tk)(client, 'ClosePullRequest', fields);
    const closeErrors = (0,mutation/* errorsOf */.Bp)(answer, 'close');
    if (closeErrors.length > 0)
        throw (0,failures/* closeFailed */.ok)(spec.target, pull.number, closeErrors);
    const refErrors = (0,mutation/* errorsOf */.Bp)(answer, 'ref');
    if (refErrors.length > 0) {
        spec.warn?.(`closed pull request #${pull.number}, but kept its branch '${spec.branch}' (${(0,github_errors/* say */.cv)(refErrors)}): delete it by hand if it is not needed`);
    }
    spec.log?.(`closed #${pull.number}: ${snapshot.branch} already holds everything it proposed`);
}
function commitTarget(spec, observation, decision) {
    return { repositoryNameWithOwner: observation.snapshot.nameWithOwner, branch: spec.branch, expectedHead: decision.parent };
}
/**
 * A branch this document was to create (from the zero oid) that could not be: when another branch's name is in the
 * way (`gitops-bump` beside `gitops-bump/prod/api`), throws the error naming both. GitHub's answer to such a create
 * does not say so ("Reference update failed", "Ref cannot be created"; an emulator may even call it a moved ref), so
 * one query asks, only on this failure path.
 */
async function clash(client, spec, decision, refErrors) {
    if (decision.moveFrom !== ZERO_OID || refErrors.length === 0)
        return;
    const existing = await clashingBranch(client, spec.target, spec.branch);
    if (existing !== undefined)
        throw (0,failures/* branchClash */.Ys)(spec.target, spec.branch, existing);
}
/** Throws the error a person can act on for a field that failed for a reason other than a race. */
function fatal(client, spec, alias, errors) {
    const error = (0,failures/* pullWriteError */.FK)(spec.target, spec.branch, alias, errors, client.workflowRepository);
    if (error !== undefined)
        throw error;
}
/** Re-sends the metadata fields of a document that GitHub could not resolve yet; other failures warn. */
async function retryMetadata(client, spec, answer, fields, pull) {
    const failed = fields.filter((f) => (0,mutation/* failure */.V2)(answer, f.alias).length > 0);
    const again = failed.filter((f) => (0,mutation/* failure */.V2)(answer, f.alias).every(github_errors/* isUnresolvable */.HU));
    for (const f of failed)
        if (!again.includes(f))
            spec.warn?.(followUpWarning(spec, f.alias, pull.number, (0,mutation/* failure */.V2)(answer, f.alias)));
    if (again.length > 0)
        await sendFollowUp(client, spec, 'RefreshPullRequest', again, pull, 2);
}
/**
 * updatePullRequest when the title, body (from `plan`; kept when undefined) or base differ;
 * addLabelsToLabelable for wanted labels the PR lacks.
 */
function metadataFields(spec, observation, pull, plan) {
    const fields = [];
    const base = observation.snapshot.branch;
    const changes = {};
    if (plan !== undefined) {
        const title = titleOf(spec, plan);
        const body = bodyOf(spec, plan);
        if (title !== pull.title)
            changes['title'] = title;
        if (normalise(body) !== normalise(pull.body))
            changes['body'] = body;
    }
    if (base !== pull.baseRefName)
        changes['baseRefName'] = base;
    if (Object.keys(changes).length > 0) {
        fields.push({
            alias: 'meta',
            declaration: 'UpdatePullRequestInput!',
            selection: 'updatePullRequest(input: $meta) { pullRequest { number } }',
            value: { pullRequestId: pull.id, ...changes },
        });
    }
    const have = new Set(pull.labels.map((l) => l.toLowerCase()));
    const missing = [...observation.labelIds].filter(([name]) => !have.has(name.toLowerCase())).map(([, id]) => id);
    if (missing.length > 0)
        fields.push(labelsField(pull.id, missing));
    return fields;
}
/** GitHub refuses titles over 256 characters and bodies over 65,536 (422 "… is too long"): cut, never fail. */
const MAX_TITLE = 256;
const MAX_BODY = 65_536;
function titleOf(spec, plan) {
    const title = spec.title(plan).replace(/\s+/g, ' ').trim();
    return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1)}…`;
}
function bodyOf(spec, plan) {
    const body = spec.body(plan);
    const note = "\n\n… (cut at GitHub's limit of 65,536 characters)";
    return body.length <= MAX_BODY ? body : `${body.slice(0, MAX_BODY - note.length)}${note}`;
}
function normalise(text) {
    return text.replace(/\r\n/g, '\n').trimEnd();
}

;// CONCATENATED MODULE: ./src/github/pull/open.ts
// Pull-request mode: one branch and one pull request per service and environment, created once, then
// updated in place. Every round of the race loop is: one read (base head + files, the open PR, the PR branch
// and its files), the pure decision (core/pull-decision.ts), and one mutation document; a lost race
// (STALE_DATA, "already exists") reads and decides again. Every ref move is a compare-and-swap (updateRefs
// with beforeOid): never a blind force.







/**
 * Opens the pull request for `spec.branch`, or brings the open one up to date, or closes it when the base
 * already holds what it proposes. A new PR costs 3 requests with explicit paths (read, one document that
 * creates the branch, commits and opens the PR, one follow-up for labels, reviewers, assignees and auto-merge;
 * +1 in parallel to look up reviewer ids; +1 to create missing labels); an update costs 2; an identical re-run 1.
 * Throws `GitHubError`; label, reviewer, assignee and auto-merge failures are `warn`ings.
 */
function openOrUpdatePullRequest(client, given) {
    const spec = { ...given, branch: given.branch.replace(/^refs\/heads\//, '') };
    const run = { progress: {} };
    return race(client, spec, async (round) => {
        const result = await playRound(client, spec, run, round);
        if (typeof result !== 'string')
            return { done: result };
        return {
            lost: {
                reason: `lost a race on '${spec.branch}' (${result})`,
                exhausted: (attempts, elapsedMs) => (0,failures/* pullRaceExhausted */.Wb)(spec.target, spec.branch, attempts, elapsedMs, result),
            },
        };
    });
}
/** Recognises the commit (and PR) of a document whose answer was lost: the branch head is our commit. */
function recognise(progress, observation, round, log) {
    const branch = observation.branch;
    if (branch === undefined || !round.landed({ parent: branch.chain[1], message: branch.message }))
        return;
    progress.commit ??= { oid: branch.head, url: branch.url };
    if (progress.opening === true && observation.pull !== undefined && progress.created === undefined) {
        const { id, number, url } = observation.pull;
        progress.created = { id, number, url };
    }
    log(`the write landed although its answer was lost: ${branch.head}`);
}
/** One round: read, decide, act. Resolves the result, or the race that was lost (then read again). */
async function playRound(client, spec, run, round) {
    const { progress } = run;
    let observation = await observe(client, spec);
    const { snapshot } = observation;
    if (snapshot.branch === spec.branch) {
        throw new github_errors/* GitHubError */.y_('api', `the pull-request branch '${spec.branch}' is the base branch of ${(0,github_errors/* slug */.yR)(spec.target)}: set \`pr-branch\` to another name`);
    }
    // git keeps refs as paths: 'main/x' cannot exist beside 'main' (nor 'main' beside 'main/x').
    if (spec.branch.startsWith(`${snapshot.branch}/`) || snapshot.branch.startsWith(`${spec.branch}/`)) {
        throw new github_errors/* GitHubError */.y_('api', `the pull-request branch '${spec.branch}' cannot exist beside the base branch '${snapshot.branch}' of ${(0,github_errors/* slug */.yR)(spec.target)} (one is a folder of the other): set \`pr-branch\` to another name`);
    }
    recognise(progress, observation, round, spec.log ?? (() => undefined));
    let decision = decidePull(observation, spec);
    if (decision.kind === 'fork') {
        observation = await withFork(client, spec, observation, decision.oid);
        decision = decidePull(observation, spec);
    }
    spec.log?.(`pull request '${spec.branch}' → ${snapshot.branch}: ${decision.kind} (round ${round.attempt})`);
    if (decision.kind !== 'fork')
        await spec.onPlan?.(decision.plan, snapshot, round.attempt);
    const writer = { client, spec, observation, progress, round };
    const plan = decision.plan;
    const done = (operation, pull) => ({
        operation,
        ...(pull === undefined ? {} : { number: pull.number, url: pull.url }),
        branch: spec.branch,
        ...(progress.commit === undefined ? {} : { commit: progress.commit }),
        plan,
        base: snapshot.branch,
        attempts: round.attempt,
    });
    // A PR this run opened in an earlier round (whose commit then lost a race) still gets its follow-up.
    const finish = async (operation, pull) => {
        if (progress.created !== undefined)
            await followUp(client, spec, observation, progress.created, run.lookup);
        return done(outcome(progress, operation), pull ?? progress.created);
    };
    switch (decision.kind) {
        case 'none':
            return finish('none');
        case 'unchanged':
            await refresh(writer, decision.pull, decision.describes ? decision.plan : undefined);
            return finish('unchanged', decision.pull);
        case 'close':
            await write_close(writer, decision.pull);
            return done('closed', decision.pull);
        case 'fork':
            throw new github_errors/* GitHubError */.y_('api', `internal: the fork point ${decision.oid} of '${spec.branch}' was read but not used`);
        case 'write': {
            if (decision.pull === undefined) {
                if (run.lookup === undefined && needsIds(spec))
                    run.lookup = lookupReviewers(client, spec, snapshot);
                const raced = await create(writer, decision);
                return raced ?? finish('created');
            }
            const raced = await update(writer, decision, decision.pull);
            return raced ?? finish('updated', decision.pull);
        }
    }
}
/** The operation when this round wrote nothing new: earlier rounds' writes still count. */
function outcome(progress, fallback) {
    if (progress.created !== undefined)
        return 'created';
    if (progress.commit !== undefined)
        return 'updated';
    return fallback;
}

;// CONCATENATED MODULE: ./src/deliver/pull-request.ts
// Pull-request mode: one pull request per service and environment, created once, then updated in place (or
// closed), through github/pull/; the plan the pull request proposes is reported before anything is written.





async function pullRequest(remote) {
    const { settings, io, client, target, read, context, promotion } = remote;
    const pr = settings.pullRequest;
    const branch = pullRequestBranch(pr.branch, {
        environment: settings.environment,
        pathPatterns: settings.pathPatterns,
        images: settings.images.map((i) => i.ref.name),
        promotionFrom: promotion?.from,
    });
    const result = await openOrUpdatePullRequest(client, {
        target,
        paths: settings.paths,
        read,
        branch,
        // The base is checked (its plan is what the pull request proposes); the pull-request branch's files are not.
        planner: (snapshot) => (snapshot.branch === branch ? planSnapshot(settings, snapshot, promotion) : planChecked(settings, snapshot, promotion)),
        onPlan: planReporter(remote),
        message: (p) => (0,messages/* commitMessage */.df)(settings.commitMessage, p, context(branch)),
        title: (p) => (0,messages/* pullRequestTitle */.Zr)(pr.title, p, context(branch)),
        body: (p) => (0,messages/* pullRequestBody */.NF)(pr.body, p, context(branch), branch),
        labels: pr.labels,
        reviewers: pr.reviewers,
        teamReviewers: pr.teamReviewers,
        assignees: pr.assignees,
        draft: pr.draft,
        autoMerge: pr.autoMerge,
        log: (m) => io.debug(m),
        warn: (m) => io.warning(m),
    });
    await io.group('Pull request', async () => {
        const which = result.number === undefined ? 'no pull request' : `pull request #${result.number}`;
        io.info(`${which}: ${result.operation} (branch ${result.branch} → ${result.base}; ${result.attempts} round(s), ${client.stats().requests} request(s)).`);
    });
    const ctx = {
        ...context(result.base, result.commit),
        pullRequest: { operation: result.operation, number: result.number, url: result.url, branch: result.branch },
    };
    return (0,outputs/* bumpResult */.Q)(result.plan, ctx);
}

;// CONCATENATED MODULE: ./src/deliver/api.ts




/** API-mode delivery. `env` is the runner's environment as the entry point read it (endpoints, the workflow's repository). */
function bumpRemote(settings, io, promotion, env) {
    const remote = createRemote(settings, io, promotion, env);
    if (settings.mode === 'dry-run')
        return dryRun(remote);
    if (settings.mode === 'pull-request')
        return pullRequest(remote);
    return commit(remote);
}


/***/ }),

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   backoffMs: () => (/* binding */ backoffMs),
/* harmony export */   createClient: () => (/* binding */ createClient),
/* harmony export */   graphqlPreviews: () => (/* binding */ graphqlPreviews),
/* harmony export */   resolveEndpoints: () => (/* binding */ resolveEndpoints)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3116);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8112);
// The one Octokit factory: GHES URLs, the runner's proxy, and the retry policy, in one place.



const DEFAULT_RETRY = {
    attempts: 5,
    baseMs: 500,
    maxMs: 10_000,
    maxTotalMs: 120_000,
    timeoutMs: 60_000,
};
/** GitHub asks for at least a minute after a secondary rate limit that names no wait. */
const SECONDARY_DEFAULT_WAIT_MS = 60_000;
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
/** The REST and GraphQL endpoints a client talks to. */
function resolveEndpoints(apiUrl, graphqlUrl, env = {}) {
    const envApi = env['GITHUB_API_URL'];
    const api = trimSlash(apiUrl ?? envApi ?? 'https://api.github.com');
    if (graphqlUrl !== undefined)
        return { apiUrl: api, graphqlUrl: trimSlash(graphqlUrl) };
    const envGraphql = env['GITHUB_GRAPHQL_URL'];
    if (envGraphql && (apiUrl === undefined || (envApi !== undefined && trimSlash(envApi) === api))) {
        return { apiUrl: api, graphqlUrl: trimSlash(envGraphql) };
    }
    return { apiUrl: api, graphqlUrl: /\/api\/v3$/.test(api) ? api.replace(/\/api\/v3$/, '/api/graphql') : `${api}/graphql` };
}
/**
 * Creates the GitHub client every adapter uses: an Octokit (`rest`) from `@actions/github` (runner proxy
 * variables, GHES base URL) whose every request, GraphQL included, goes through one retry policy:
 * 5xx and network errors are retried with full-jitter exponential backoff; rate limits (403/429 with
 * `retry-after`, `x-ratelimit-remaining: 0`, or the "secondary rate limit" message, and any 429; GraphQL answered
 * with HTTP 200: `RATE_LIMITED`, `RATE_LIMIT`, `graphql_rate_limit`, or a secondary limit's message) wait as GitHub
 * asks, within `maxTotalMs`; other 4xx are never retried; 401 becomes a `GitHubError('unauthorized')`. Documents
 * using `updateRefs` ask for its schema preview off api.github.com (GHES 3.12 and older need it).
 */
function createClient(options) {
    if (options.token.trim() === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('unauthorized', 'no token: set the `token` input (default `${{ github.token }}`), or GITHUB_TOKEN for the CLI');
    }
    const { apiUrl, graphqlUrl } = resolveEndpoints(options.apiUrl, options.graphqlUrl, options.env);
    const policy = { ...DEFAULT_RETRY, ...definedOnly(options.retry ?? {}) };
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const log = options.log ?? (() => undefined);
    const counters = { requests: 0, retries: 0, mutations: 0 };
    const rest = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
        baseUrl: apiUrl,
        ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
        log: { debug: log, info: log, warn: log, error: log },
    });
    rest.hook.wrap('request', async (request, requestOptions) => {
        const url = rest.request.endpoint.parse(requestOptions).url;
        // A request may ask for fewer tries than the policy (a heavy read with a lighter fallback).
        const attempts = Math.min(policy.attempts, requestOptions.request?.attempts ?? policy.attempts);
        const bounded = { ...policy, attempts };
        const label = describe(requestOptions.method, url, requestOptions['query']);
        if (isMutation(requestOptions['query']))
            counters.mutations += 1;
        const started = Date.now();
        for (let attempt = 1;; attempt += 1) {
            counters.requests += 1;
            const t0 = Date.now();
            const signal = AbortSignal.timeout(policy.timeoutMs);
            let failure;
            try {
                const response = await request({ ...requestOptions, request: { ...requestOptions.request, signal } });
                const limited = graphqlFailure(response.data, response.headers);
                log(`${label} → ${response.status}${limited ? ` (${limited.reason})` : ''} in ${Date.now() - t0} ms`);
                if (limited === undefined)
                    return response;
                failure = limited;
            }
            catch (error) {
                const classified = classify(error);
                log(`${label} → ${classified.reason} in ${Date.now() - t0} ms`);
                if (classified.kind === 'fatal')
                    throw classified.error;
                failure = classified;
            }
            const waitMs = waitFor(failure, attempt, policy, random);
            const refusal = giveUp(label, shownUrl(url), failure, attempt, Date.now() - started, waitMs, bounded);
            if (refusal !== undefined)
                throw refusal;
            counters.retries += 1;
            log(`${label}: retry ${attempt}/${attempts - 1} in ${waitMs} ms`);
            await sleep(waitMs);
        }
    });
    /**
     * Sends one GraphQL document. Resolves with `data`; throws `GraphqlResponseError` when GitHub answers
     * with `errors` (e.g. `STALE_DATA`, `NOT_FOUND`), holding the partial `data`. `attempts` lowers the retry
     * policy's tries for this one document.
     */
    async function graphql(query, variables = {}, options = {}) {
        const previews = graphqlPreviews(graphqlUrl, query);
        const response = await rest.request(`POST ${graphqlUrl}`, {
            query,
            variables,
            ...(previews.length > 0 ? { mediaType: { previews } } : {}),
            ...(options.attempts === undefined ? {} : { request: { attempts: options.attempts } }),
        });
        const body = response.data;
        if (body.errors !== undefined && body.errors.length > 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GraphqlResponseError */ .rp(body.errors, body.data);
        if (body.data === undefined || body.data === null) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('api', `POST ${graphqlUrl}: GitHub answered without data or errors`);
        }
        return body.data;
    }
    return {
        rest,
        graphql,
        apiUrl,
        graphqlUrl,
        /** The repository running the workflow (`env.GITHUB_REPOSITORY`), if known: permission errors name its remedy. */
        workflowRepository: options.env?.['GITHUB_REPOSITORY'],
        /** Requests, retries and GraphQL mutation documents sent so far. */
        stats: () => ({ ...counters }),
        /** The client's sleep and random source, so the loops above it (the race loop, follow-up retries) share the test seams. */
        sleep,
        random,
    };
}
/** Full-jitter exponential backoff: random(0, min(maxMs, baseMs·2^(attempt-1))). */
function backoffMs(attempt, baseMs, maxMs, random = Math.random) {
    const window = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * window);
}
function waitFor(failure, attempt, policy, random) {
    if (failure.kind === 'rate-limit')
        return failure.waitMs ?? Math.max(SECONDARY_DEFAULT_WAIT_MS, backoffMs(attempt, policy.baseMs, policy.maxMs, random));
    return backoffMs(attempt, policy.baseMs, policy.maxMs, random);
}
/** The error that ends the retries, or undefined to wait `waitMs` and try again. `url`: the request's URL without its query. */
function giveUp(label, url, failure, attempt, elapsed, waitMs, policy) {
    if (failure.kind === 'rate-limit' && elapsed + waitMs > policy.maxTotalMs) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('rate-limited', `${label}: GitHub's ${failure.reason} asks to wait ${Math.ceil(waitMs / 1000)} s, longer than the retry ` +
            `budget (${Math.round(policy.maxTotalMs / 1000)} s): re-run later, or spread the runs out`, { status: failure.status });
    }
    if (attempt < policy.attempts && elapsed + waitMs <= policy.maxTotalMs)
        return undefined;
    const tries = `${attempt} time(s) in ${(elapsed / 1000).toFixed(1)} s`;
    if (failure.kind === 'transient' && failure.network === true) {
        // No answer at all (refused, unknown host, reset, timeout): the address or the network, not GitHub's health.
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_('unavailable', `could not reach ${url}: ${failure.reason} (${label}, tried ${tries}): check GITHUB_API_URL (and GITHUB_GRAPHQL_URL) ` +
            `and the network (DNS, proxy variables, firewall), then re-run the job`, { cause: failure.error });
    }
    const degraded = /^https:\/\/api\.github\.com\//.test(url) ? 'GitHub may be degraded (https://www.githubstatus.com)' : 'the server may be degraded';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubError */ .y_(failure.kind === 'rate-limit' ? 'rate-limited' : 'unavailable', `${label} failed ${tries} (last: ${failure.reason}; ${url}): ${degraded}; re-run the job`, { status: failure.status, cause: failure.error });
}
/** A URL for messages: without credentials or a query string. */
function shownUrl(url) {
    return withoutCredentials(url).replace(/[?#].*$/s, '');
}
/** Text with the user-info of every URL in it left out (`https://user:secret@host` → `https://host`). */
function withoutCredentials(text) {
    return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1');
}
/** Decides what a thrown request error means for the retry loop. */
function classify(error) {
    const e = (typeof error === 'object' && error !== null ? error : {});
    const status = typeof e.status === 'number' ? e.status : undefined;
    if (e.response === undefined) {
        // @octokit/request reports fetch failures (ECONNRESET, socket hang up, timeouts) as status 500 without a response.
        if (status === 500 || status === undefined || e.name === 'AbortError' || e.name === 'TimeoutError') {
            return { kind: 'transient', reason: `network error: ${withoutCredentials(e.message ?? String(error))}`, error, network: true };
        }
        return { kind: 'fatal', reason: String(e.message), error };
    }
    const headers = e.response.headers;
    if (status === 401)
        return { kind: 'fatal', reason: '401', error: (0,_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .unauthorized */ .nc)(401, error) };
    if (status === 403 || status === 429) {
        const limit = rateLimitWait(headers, (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .bodyMessage */ .Al)(e.response.data) ?? e.message ?? '');
        if (limit !== undefined)
            return { kind: 'rate-limit', status, ...limit, error };
        // 429 is "Too Many Requests" whatever the body says: wait at least a minute, as GitHub asks.
        if (status === 429)
            return { kind: 'rate-limit', status, reason: 'rate limit (429)', waitMs: undefined, error };
        return { kind: 'fatal', reason: String(status), error };
    }
    if (status !== undefined && TRANSIENT_STATUSES.has(status))
        return { kind: 'transient', reason: `${status}`, status, error };
    return { kind: 'fatal', reason: String(status), error };
}
/**
 * A GraphQL answer (HTTP 200) that should be retried: a primary rate limit (`RATE_LIMITED`, `RATE_LIMIT`,
 * `graphql_rate_limit`), a secondary one (its message), or GitHub's own timeout. A rate limit waits as the headers
 * ask (`retry-after`, else `x-ratelimit-reset` when `x-ratelimit-remaining` is 0), else at least a minute.
 */
function graphqlFailure(data, headers) {
    if (typeof data !== 'object' || data === null || !('errors' in data))
        return undefined;
    const body = data;
    const errors = Array.isArray(body.errors) ? body.errors : [];
    const limited = errors.find((e) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isRateLimited */ .Jz)(e) || (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isSecondaryRateLimit */ .i7)(e.message ?? ''));
    if (limited !== undefined) {
        const secondary = !(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isRateLimited */ .Jz)(limited);
        const wait = rateLimitWait(headers, secondary ? limited.message : 'rate limit');
        const name = secondary ? 'GraphQL secondary rate limit' : `GraphQL rate limit (${limited.type ?? limited.code ?? limited.extensions?.code ?? 'exceeded'})`;
        return { kind: 'rate-limit', reason: name, waitMs: wait?.waitMs, status: 200 };
    }
    const noData = body.data === undefined || body.data === null;
    if (noData && errors.some(_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isGraphqlTimeout */ .BI)) {
        return { kind: 'transient', reason: `GraphQL: ${errors[0]?.message ?? 'error'}` };
    }
    return undefined;
}
/** The wait a rate-limited answer asks for, or undefined when the 403/429 is not a rate limit. */
function rateLimitWait(headers, message) {
    const retryAfter = headers['retry-after'];
    if (retryAfter !== undefined) {
        const seconds = Number(retryAfter);
        const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(String(retryAfter)) - Date.now();
        return { reason: 'secondary rate limit (retry-after)', waitMs: Math.max(0, Math.ceil(ms)) };
    }
    if (String(headers['x-ratelimit-remaining']) === '0' && headers['x-ratelimit-reset'] !== undefined) {
        const resetMs = Number(headers['x-ratelimit-reset']) * 1000;
        return { reason: 'rate limit (x-ratelimit-reset)', waitMs: Math.max(0, resetMs - Date.now()) + 1000 };
    }
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isSecondaryRateLimit */ .i7)(message)) {
        return { reason: 'secondary rate limit', waitMs: undefined };
    }
    return undefined;
}
/**
 * GHES 3.12 and older serve `updateRefs` only under its schema preview, asked for with
 * `Accept: application/vnd.github.update-refs-preview+json` (docs.github.com, GraphQL "Schema previews": "Update
 * refs preview … Mutation.updateRefs"); later servers, where the preview has graduated, ignore it. Sent (through
 * Octokit's `mediaType.previews`) only on documents that use `updateRefs`, and never to api.github.com, which never
 * needed it.
 */
function graphqlPreviews(graphqlUrl, query) {
    if (/^https:\/\/api\.github\.com\/graphql$/i.test(graphqlUrl))
        return [];
    return /\bupdateRefs\s*\(/.test(query) ? ['update-refs'] : [];
}
/** `POST /graphql (mutation CreateCommit)` or `GET /repos/o/r/git/trees/…`: the path only, never the query string. */
function describe(method, url, query) {
    const path = url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
    if (typeof query !== 'string')
        return `${method} ${path}`;
    const name = /^\s*(query|mutation)\s*(\w*)/.exec(query);
    return name ? `${method} ${path} (${name[1]}${name[2] ? ` ${name[2]}` : ''})` : `${method} ${path}`;
}
function isMutation(query) {
    return typeof query === 'string' && /^\s*mutation\b/.test(query);
}
function trimSlash(url) {
    return url.replace(/\/+$/, '');
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
function defaultSleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}


/***/ })

};

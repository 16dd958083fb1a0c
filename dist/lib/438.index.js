export const id = 438;
export const ids = [438];
export const modules = {

/***/ 4425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ bump)
});

// EXTERNAL MODULE: ./src/core/promote.ts
var promote = __webpack_require__(1659);
// EXTERNAL MODULE: ./src/core/gates.ts
var gates = __webpack_require__(7311);
// EXTERNAL MODULE: ./src/settings/errors.ts
var errors = __webpack_require__(6990);
;// CONCATENATED MODULE: ./src/app/gates.ts
// A promotion's gates between reading the source and planning: the facts read through the API (one query), every
// candidate judged, the decisions logged, and only what passed left to plan. What was held back is kept in the
// promotion report, so that the plan lists it in `refused` with its reason (core/gates.ts gateRefusals).


/** The gates' outcome: the report (undefined without gates) and the requests left to plan. */
async function applyGates(settings, found, source, io, env) {
    const rules = settings.gates;
    if (!(0,gates/* gatesOn */.aN)(rules))
        return { images: found.requests, charts: found.charts };
    if (source === undefined) {
        const input = rules.after !== undefined ? 'promote-after' : 'promote-require-status';
        throw new errors/* InputError */.d(input, "reads the source branch's history and statuses through the GitHub API: promote from a repository (remove local-path, or set promote-from-repository).");
    }
    const items = (0,gates/* candidates */.Xi)(found.found, found.foundCharts);
    const { readRemoteGates } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(96)]).then(__webpack_require__.bind(__webpack_require__, 2096));
    const facts = await readRemoteGates({ token: source.token, target: { ...source.repository, branch: undefined }, head: source.head }, [...new Set(items.map((i) => i.file))], rules, settings.now, io, env);
    const decisions = (0,gates/* decide */.LD)(rules, items, facts);
    for (const d of decisions) {
        const since = d.arrived ? ` (in the source since ${d.arrived.oid.slice(0, 7)}, ${d.arrived.at})` : '';
        const line = `gate ${d.candidate.display} ${d.candidate.version}: ${d.state}${since}`;
        if (d.passed)
            io.info(line);
        else
            io.warning(line);
    }
    const passed = (0,gates/* passedRequests */.Tu)(decisions, found.requests, found.charts);
    return { gates: { decisions }, images: passed.images, charts: passed.charts };
}

// EXTERNAL MODULE: ./src/core/scan.ts
var scan = __webpack_require__(9506);
// EXTERNAL MODULE: ./src/core/plan.ts + 2 modules
var plan = __webpack_require__(182);
// EXTERNAL MODULE: ./src/core/prefilter.ts
var prefilter = __webpack_require__(9160);
// EXTERNAL MODULE: ./src/core/chart-sources.ts
var chart_sources = __webpack_require__(4736);
// EXTERNAL MODULE: ./src/image/policy.ts
var policy = __webpack_require__(6811);
// EXTERNAL MODULE: ./src/local/disk.ts + 1 modules
var disk = __webpack_require__(1708);
// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(6472);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/report/unmatched.ts
var unmatched = __webpack_require__(9715);
;// CONCATENATED MODULE: ./src/deliver/local.ts
// Local delivery (`local-path`): read the checkout on disk, plan, and write the edited files back (nothing in
// dry-run). No GitHub code is loaded on this path.









/**
 * The Flux sources selected HelmReleases name for a requested chart that `paths` does not select: looked for anywhere
 * under local-path (only then: a byte filter on `HelmRepository` and the name keeps the walk cheap), read-only.
 */
function chartSourcesOnDisk(root, settings, files) {
    const missing = (0,chart_sources/* missingChartSources */.Dp)(files, settings.charts);
    if (missing.length === 0)
        return {};
    const found = (0,disk/* readContext */.yI)(root, (0,chart_sources/* sourceFileFilter */.SA)(missing), settings.maxFileBytes, new Set(files.map((f) => f.path)));
    return { chartSources: (0,chart_sources/* sourceContext */.RH)(found, 'anywhere under local-path') };
}
async function bumpLocal(settings, io, promotion) {
    const root = settings.localPath;
    const context = {
        mode: settings.mode,
        environment: settings.environment,
        target: root,
        policy: (0,policy/* describePolicy */.wy)(settings.policy),
        promotion,
        paths: settings.pathPatterns,
    };
    const snapshot = await io.group('Read files', async () => {
        // A promotion's held-back images are read too: their moves are listed as refused.
        const images = promotion?.gates ? promotion.requests : settings.images;
        const keep = (0,prefilter/* readFilterOf */.sQ)(images, settings.charts.map((c) => c.ref.name), settings.chartAppVersion);
        const s = await (0,disk/* readLocal */.iG)(root, settings.paths, { maxFileBytes: settings.maxFileBytes, keep });
        if (s.shares.length > 1)
            io.debug(`Read on ${s.shares.length} threads: ${s.shares.join(' + ')} folders or batches (the main thread's first).`);
        const skipped = s.skipped.length ? `, ${s.skipped.length} skipped` : '';
        io.info(s.selected
            ? `${s.selected} file(s) selected under ${root}, ${s.files.length} read as candidates (they contain a requested ${settings.charts.length > 0 ? "image's or chart's" : "image's"} name)${skipped}.`
            : `No file under ${root} matches paths (${settings.pathPatterns.join(', ')})${skipped}.`);
        return s;
    });
    const result = await io.group('Plan', async () => {
        const options = { policy: settings.policy, charts: settings.charts, chartAppVersion: settings.chartAppVersion, ...chartSourcesOnDisk(root, settings, snapshot.files) };
        const p = (0,gates/* withGateRefusals */.tT)((0,plan/* plan */.e)(snapshot.files, settings.images, options), snapshot.files, promotion, options);
        const withSkips = { ...p, skipped: [...(promotion?.skipped ?? []), ...snapshot.skipped, ...p.skipped], notes: [...(promotion?.notes ?? []), ...p.notes], selected: snapshot.selected };
        (0,log/* reportPlan */._)(io, withSkips, settings.pathPatterns);
        (0,unmatched/* checkUnmatched */.wF)(withSkips, settings.failOnUnmatched, settings.pathPatterns);
        (0,gates/* checkRefused */.H5)(withSkips, settings.failOnRefused);
        return withSkips;
    });
    if (settings.mode !== 'dry-run' && result.edits.length > 0) {
        await io.group('Write files', async () => {
            await (0,disk/* writeLocal */.Fb)(root, result.edits);
            for (const e of result.edits)
                io.info(`wrote ${e.path}`);
        });
    }
    return (0,outputs/* bumpResult */.QJ)(result, context);
}

// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/settings/environments.ts
var environments = __webpack_require__(2871);
// EXTERNAL MODULE: ./src/settings/read.ts + 2 modules
var settings_read = __webpack_require__(5904);
;// CONCATENATED MODULE: ./src/app/bump.ts
// bump(): settings → (promotion) → source → plan → deliver → result, one log group per phase; the action and the
// CLI both run it, each with its own Io.










function annotate(io, error) {
    if (error instanceof scan/* PlanSyntaxError */.f) {
        for (const e of error.errors) {
            io.error(`${e.file}:${e.line}:${e.column}: not valid YAML: ${e.detail}`, { file: e.file, line: e.line, column: e.column });
        }
    }
}
/**
 * A promotion's requests: every image version in the source files (a folder of the target, or another
 * repository) becomes a request for the target files. Without promote-from, the settings as they are.
 */
async function resolvePromotion(settings, io, env) {
    const source = settings.promotion;
    if (!source)
        return { settings };
    return io.group('Read the promotion source', async () => {
        let files;
        let skipped;
        let where;
        let gateSource;
        const globs = source.patterns.join(', ');
        if (source.repository || !settings.localPath) {
            // The GitHub adapters load only when the run goes through the API: local bumps start faster without them.
            const { readRemoteSource } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(96)]).then(__webpack_require__.bind(__webpack_require__, 2096));
            const { owner, repo } = source.repository ?? settings.repository;
            const branch = source.branch ?? (source.repository ? undefined : settings.branch);
            const target = { owner, repo, branch };
            const snapshot = await readRemoteSource({ token: source.token, target, paths: source.paths, maxBytes: settings.maxFileBytes }, io, env);
            ({ files, skipped } = snapshot);
            gateSource = { repository: { owner, repo }, head: snapshot.head, token: source.token };
            where = `${owner}/${repo}@${snapshot.branch}: ${globs}`;
        }
        else {
            ({ files, skipped } = await (0,disk/* readLocal */.iG)(settings.localPath, source.paths, { maxFileBytes: settings.maxFileBytes }));
            where = globs;
        }
        const found = (0,promote/* promotionRequests */.Mn)(files, source.only, { charts: source.onlyCharts });
        if (found.requests.length === 0 && found.charts.length === 0) {
            const listed = [...source.only.map((r) => r.name), ...source.onlyCharts.map((r) => `chart ${r.display}`)];
            const filter = listed.length > 0 ? ` for ${listed.join(', ')}` : '';
            const why = found.notes.length > 0 ? ` ${found.notes.join('; ')}.` : '';
            throw new errors/* InputError */.d('promote-from', `no image or chart version found${filter} in the ${files.length} source file(s) matching ${where}.${why}`);
        }
        for (const request of found.requests) {
            const at = found.found.find((f) => f.repository === request.ref.repository);
            io.info(`promote ${request.ref.name} ${(0,reference/* versionOf */.E4)(request.ref)} (from ${at.file}:${at.line})`);
        }
        for (const request of found.charts) {
            const at = found.foundCharts.find((f) => f.chart === request.ref.display);
            io.info(`promote chart ${request.ref.display} ${request.ref.version} (from ${at.file}:${at.line})`);
        }
        const gated = await applyGates(settings, found, gateSource, io, env);
        const repository = source.repository && `${source.repository.owner}/${source.repository.repo}`;
        const promotion = {
            from: source.environment,
            where,
            requests: found.requests,
            found: found.found,
            charts: found.charts,
            foundCharts: found.foundCharts,
            skipped: (0,promote/* sourceSkips */.Ip)([...skipped, ...found.skipped], repository),
            notes: found.notes,
            ...(gated.gates !== undefined && { gates: gated.gates }),
        };
        return { settings: { ...settings, images: gated.images, charts: gated.charts }, promotion };
    });
}
/** One bump, whatever the surroundings: used by the action and by the CLI, each passing its environment (`env`). */
async function bump(inputs, io, env) {
    // `promote-from-environment` + `environment` through `environments`: the globs and repositories they name.
    const read = (0,environments/* resolveEnvironments */.x)(inputs, env.GITHUB_REPOSITORY);
    for (const secret of [read('token'), read('promote-from-token'), read('source-token')])
        if (secret.trim())
            io.setSecret(secret.trim());
    const given = (0,settings_read/* readSettings */.sb)(read, env);
    for (const note of [given.environmentNote, given.promotion?.environmentNote])
        if (note)
            io.info(note);
    io.debug(`settings: ${JSON.stringify({
        images: given.images.map((i) => i.input),
        charts: given.charts.map((c) => c.input),
        chartAppVersion: given.chartAppVersion,
        paths: given.pathPatterns,
        repository: given.repository,
        branch: given.branch,
        mode: given.mode,
        localPath: given.localPath,
        policy: (0,policy/* describePolicy */.wy)(given.policy),
        environment: given.environment,
        failOnUnmatched: given.failOnUnmatched,
        summaryDiff: given.summaryDiff,
        promoteFrom: given.promotion && { ...given.promotion, paths: undefined, token: undefined },
    })}`);
    try {
        const { settings, promotion } = await resolvePromotion(given, io, env);
        const result = settings.localPath
            ? await bumpLocal(settings, io, promotion)
            : await (await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(96)]).then(__webpack_require__.bind(__webpack_require__, 2096))).bumpRemote(settings, io, promotion, env);
        return { ...result, context: { ...result.context, summaryDiff: settings.summaryDiff } };
    }
    catch (error) {
        annotate(io, error);
        throw error;
    }
}


/***/ }),

/***/ 6257:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ report)
/* harmony export */ });
/* harmony import */ var _core_age_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4392);
/* harmony import */ var _core_scan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9506);
/* harmony import */ var _core_matrix_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5490);
/* harmony import */ var _local_disk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1708);
/* harmony import */ var _report_matrix_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3677);
/* harmony import */ var _settings_read_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5904);
/* harmony import */ var _core_paths_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6107);
// `mode: report` (the CLI's `report` command): read every environment once, build the matrix of what runs where.
// Reads only: nothing is ever written (no commit, no pull request, no file).







/**
 * Reads environments through the API from one repository and branch together: one snapshot of what any of them
 * selects, split by each one's own globs, then one query for the histories of every file holding a version (the
 * ages). A folder layout is then two requests whatever the number of environments. A local folder is read from
 * local-path and its ages are not read: the checkout may be shallow (actions/checkout fetches one commit) or not a
 * git repository, and running git on it is not this report's business.
 */
async function readGroup(group, settings, io, env) {
    const first = group[0];
    if (first.repository === undefined && settings.localPath !== undefined) {
        const snapshot = await (0,_local_disk_js__WEBPACK_IMPORTED_MODULE_3__/* .readLocal */ .iG)(settings.localPath, first.paths, { maxFileBytes: settings.maxFileBytes });
        return [{ scan: withSkips((0,_core_matrix_js__WEBPACK_IMPORTED_MODULE_2__/* .scanEnvironment */ .D9)(first.name, first.patterns.join(', '), snapshot.files), snapshot.skipped) }];
    }
    // The GitHub adapters load only when an environment is read through the API.
    const { readRemoteHistories, readRemoteSource } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(96)]).then(__webpack_require__.bind(__webpack_require__, 2096));
    const { owner, repo } = first.repository ?? settings.repository;
    const branch = first.repository ? first.branch : settings.branch;
    const paths = group.length === 1 ? first.paths : (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_6__/* .unionPaths */ .In)(group.map((e) => e.paths));
    const snapshot = await readRemoteSource({ token: settings.token, target: { owner, repo, branch }, paths, maxBytes: settings.maxFileBytes }, io, env);
    const scans = group.map((e) => {
        const globs = e.patterns.join(', ');
        const where = e.repository ? `${owner}/${repo}@${snapshot.branch}: ${globs}` : globs;
        const own = only(snapshot, e);
        return scanned(e, () => withSkips((0,_core_matrix_js__WEBPACK_IMPORTED_MODULE_2__/* .scanEnvironment */ .D9)(e.name, where, own.files), own.skipped));
    });
    const files = [...new Set(scans.flatMap((scan) => [...scan.rows.values()].flatMap((r) => r.places.map((p) => p.file))))].sort();
    if (files.length === 0)
        return scans.map((scan) => ({ scan }));
    try {
        const ages = await readRemoteHistories({ token: settings.token, target: { owner, repo, branch }, head: snapshot.head }, files, io, env);
        io.info(`${group.map((e) => e.name).join(', ')}: ages from the history of ${files.length} file(s), up to ${ages.window} commits each.`);
        return scans.map((scan) => ({ scan, ages }));
    }
    catch (error) {
        // The versions stand without their ages: a failed history read makes every age of these environments unknown.
        io.warning(`${group.map((e) => e.name).join(', ')}: the files' history could not be read, ages unknown: ${error instanceof Error ? error.message : String(error)}`);
        return scans.map((scan) => ({ scan, ages: { unknown: 'the history could not be read' } }));
    }
}
/** What of a shared snapshot is `e`'s: the files and skips its own globs select. */
function only(snapshot, e) {
    return { files: snapshot.files.filter((f) => e.paths.matches(f.path)), skipped: snapshot.skipped.filter((s) => e.paths.matches(s.path)) };
}
/** Scans one environment; a file that is not YAML fails the report naming the environment and the place. */
function scanned(e, scan) {
    try {
        return scan();
    }
    catch (error) {
        throw named(e, error);
    }
}
/** A file of one environment that is not YAML: the message names the environment (its paths are its repository's). */
class EnvironmentSyntaxError extends Error {
    environment;
    syntax;
    constructor(environment, syntax, where) {
        super(`environment ${environment} (${where}): ${syntax.message}`, { cause: syntax });
        this.environment = environment;
        this.syntax = syntax;
    }
}
/** A file that is not YAML, named with its environment; other errors as they are. */
function named(e, error) {
    if (!(error instanceof _core_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .PlanSyntaxError */ .f))
        return error;
    return new EnvironmentSyntaxError(e.name, error, e.repository ? `${e.repository.owner}/${e.repository.repo}` : e.patterns.join(', '));
}
/**
 * The environments in read groups, in order: API environments of one repository and branch together (their order
 * kept), every local folder alone.
 */
function readGroups(environments, settings) {
    const groups = [];
    const byTarget = new Map();
    for (const e of environments) {
        if (e.repository === undefined && settings.localPath !== undefined) {
            groups.push([e]);
            continue;
        }
        const { owner, repo } = e.repository ?? settings.repository;
        const key = `${owner}/${repo}@${(e.repository ? e.branch : settings.branch) ?? ''}`.toLowerCase();
        const group = byTarget.get(key);
        if (group !== undefined)
            group.push(e);
        else {
            const fresh = [e];
            byTarget.set(key, fresh);
            groups.push(fresh);
        }
    }
    return groups;
}
function withSkips(scan, unread) {
    return { ...scan, skipped: [...unread, ...scan.skipped] };
}
/** The report, whatever the surroundings: the action and the CLI each pass their environment (`env`). */
async function report(read, io, env) {
    if (read('token').trim())
        io.setSecret(read('token').trim());
    const settings = (0,_settings_read_js__WEBPACK_IMPORTED_MODULE_5__/* .readReportSettings */ .i$)(read, env);
    const byName = new Map();
    for (const group of readGroups(settings.environments, settings)) {
        await io.group(`Read ${group.map((e) => e.name).join(', ')}`, async () => {
            const reads = await readGroup(group, settings, io, env).catch((error) => {
                const failed = named(group[0], error);
                if (failed instanceof EnvironmentSyntaxError) {
                    for (const f of failed.syntax.errors)
                        io.error(`${failed.environment}: ${f.file}:${f.line}:${f.column}: not valid YAML: ${f.detail}`);
                }
                throw failed;
            });
            group.forEach((e, i) => {
                const { scan } = reads[i];
                io.info(`${e.name}: ${scan.files} file(s) read (${scan.where}), ${scan.rows.size} image(s) and chart(s) found.`);
                for (const skip of scan.skipped)
                    io.info(`${e.name}: skipped ${skip.path}: ${skip.reason}`);
                byName.set(e.name, reads[i]);
            });
        });
    }
    const reads = settings.environments.map((e) => byName.get(e.name));
    const scans = reads.map((r) => r.scan);
    const matrix = (0,_core_age_js__WEBPACK_IMPORTED_MODULE_0__/* .withAges */ .l8)((0,_core_matrix_js__WEBPACK_IMPORTED_MODULE_2__/* .buildMatrix */ .Kn)(scans), reads.map((r) => r.ages), settings.now);
    for (const line of (0,_report_matrix_js__WEBPACK_IMPORTED_MODULE_4__/* .matrixLog */ .cK)(matrix))
        io.info(line);
    return { matrix, scans, summaryDiff: settings.summaryDiff };
}


/***/ }),

/***/ 4392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tf: () => (/* binding */ ageFields),
/* harmony export */   XG: () => (/* reexport safe */ _matrix_js__WEBPACK_IMPORTED_MODULE_1__.XG),
/* harmony export */   l8: () => (/* binding */ withAges)
/* harmony export */ });
/* unused harmony exports placeAge, cellAge */
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7311);
/* harmony import */ var _provenance_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5240);
/* harmony import */ var _matrix_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5490);
// How long each version of the matrix has been in its environment, pure: from the histories of the files holding it
// (read like the promotion gates read them, github/gates.ts) to the commit that brought it and its age at `now`.



/**
 * When `version` of the row keyed `key` (versionsIn's key) arrived in one file: a commit whose Bumped-Image trailer
 * records the move to it, else the oldest commit of the newest run of commits whose text holds it (as gates.ts
 * `arrival`). When that run reaches the end of a full window, the version is older than the window.
 */
function placeAge(history, key, trailerName, version, window, now) {
    let found;
    for (const commit of history) {
        if ((0,_provenance_js__WEBPACK_IMPORTED_MODULE_2__/* .recordedMoves */ .LJ)(commit.trailers).some((m) => m.image.toLowerCase() === trailerName.toLowerCase() && m.to === version))
            return known(commit, now);
        if (commit.versions?.get(key) !== version)
            break;
        found = commit;
    }
    if (found === undefined)
        return { kind: 'unknown', why: 'the history read does not show it' };
    if (found === history[history.length - 1] && history.length >= window)
        return { kind: 'older', commits: window };
    return known(found, now);
}
function known(commit, now) {
    return { kind: 'known', since: commit.committedDate, oid: commit.oid, ms: Math.max(0, now.getTime() - Date.parse(commit.committedDate)) };
}
/** The row's key in versionsIn (`ghcr.io/acme/api`, `chart redis`) and the name a Bumped-Image trailer gives it. */
function keys(row) {
    if (row.kind === 'chart')
        return { key: row.key, trailerName: row.key.slice('chart '.length) };
    const repository = row.key.slice('image '.length);
    return { key: repository, trailerName: repository };
}
/**
 * A cell's age: the youngest of its places (the cell is as it is since its last place changed); unknown when one
 * place's is, older than the window when every place's is.
 */
function cellAge(row, cell, source, now) {
    const { key, trailerName } = keys(row);
    const ages = cell.places.map((p) => placeAge(source.histories.get(p.file) ?? [], key, trailerName, p.version, source.window, now));
    const unknown = ages.find((a) => a.kind === 'unknown');
    if (unknown !== undefined)
        return unknown;
    const knowns = ages.filter((a) => a.kind === 'known');
    if (knowns.length === 0)
        return { kind: 'older', commits: source.window };
    return knowns.reduce((young, a) => (a.ms < young.ms ? a : young));
}
/**
 * The matrix with every cell's age, per environment (in matrix order): a source, why its history could not be read
 * (`unknown`: every cell shows `?`), or undefined when it is not read at all (local folders: no age shown).
 */
function withAges(matrix, sources, now) {
    const rows = matrix.rows.map((row) => ({
        ...row,
        cells: row.cells.map((cell, i) => {
            if (cell === null)
                return null;
            const source = sources[i];
            if (source === undefined)
                return cell;
            return { ...cell, age: 'unknown' in source ? { kind: 'unknown', why: source.unknown } : cellAge(row, cell, source, now) };
        }),
    }));
    return { ...matrix, rows };
}
/** The age as the `matrix` output gives it: `since` (ISO, or null), `age` (`1d2h`, `older than 30 commits`, `unknown`). */
function ageFields(age) {
    if (age?.kind === 'known')
        return { since: age.since, age: (0,_gates_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(age.ms), ageSeconds: Math.floor(age.ms / 1000) };
    if (age?.kind === 'older')
        return { since: null, age: `older than ${age.commits} commits`, ageSeconds: null };
    return { since: null, age: 'unknown', ageSeconds: null };
}


/***/ }),

/***/ 8321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ scanForCharts)
/* harmony export */ });
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6107);
/* harmony import */ var _prefilter_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9160);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9506);
// The scan of a run that asks for charts (or chart-app-version): which files are parsed, in two rounds, so that a
// chart bump parses the files that can hold the chart, not every HelmRelease of a fleet. Pure.
//
// Round 1: the images' candidates; files holding a requested chart's name as a component (a HelmRelease base, an
// Argo CD source, an OCIRepository URL, a Chart.yaml dependency, a marker…); HelmRepository objects (`kind:` at the
// start of a line: a sourceRef's `kind: HelmRepository` is indented); with appVersion, every Chart.yaml.
// Round 2: the HelmRelease patches of the bases found (the name of a base's release as a component, and `kind:
// HelmRelease` at the start of a line). Round 3: the kustomizations in the folders of the patches (a patch's base
// is picked through them when several HelmReleases share its name).



const SOURCE_OBJECT = /^kind:[ \t]*["']?HelmRepository\b/m;
const RELEASE_OBJECT = /^kind:[ \t]*["']?HelmRelease\b/m;
function folderOf(path) {
    const cut = path.lastIndexOf('/');
    return cut < 0 ? '' : path.slice(0, cut);
}
/**
 * Scans the files a chart run needs (two rounds, see above), charts located, in path order. Throws
 * {@link PlanSyntaxError} listing every selected file that does not parse, after both rounds.
 */
function scanForCharts(files, imageCandidate, charts, appVersion) {
    const names = [...new Set(charts.map((r) => r.ref.name))];
    const scanned = [];
    const skipped = [];
    const errors = [];
    const taken = new Set();
    const round = (select) => {
        const keep = (file) => {
            if (taken.has(file.path) || !select(file))
                return false;
            taken.add(file.path);
            return true;
        };
        try {
            skipped.push(...(0,_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .scan */ .S)(files, (file) => scanned.push(file), keep, { charts: true }));
        }
        catch (error) {
            if (!(error instanceof _scan_js__WEBPACK_IMPORTED_MODULE_2__/* .PlanSyntaxError */ .f))
                throw error;
            errors.push(...error.errors);
        }
    };
    round((file) => imageCandidate(file.text) ||
        (appVersion && _prefilter_js__WEBPACK_IMPORTED_MODULE_1__/* .CHART_YAML_FILE */ .oO.test(file.path)) ||
        (names.length > 0 && (names.some((name) => (0,_prefilter_js__WEBPACK_IMPORTED_MODULE_1__/* .holdsComponent */ .Ki)(file.text, name)) || SOURCE_OBJECT.test(file.text))));
    const releases = [...new Set(scanned.flatMap((file) => (file.charts?.sites ?? []).flatMap((site) => (site.form === 'helm-release' && site.chart !== undefined && site.release !== undefined ? [site.release.name] : []))))];
    if (releases.length > 0) {
        // A kustomization may patch a HelmRelease inline (`patches: - patch: |`): its `kind: HelmRelease` is indented.
        const mayPatch = (file) => RELEASE_OBJECT.test(file.text) || (_prefilter_js__WEBPACK_IMPORTED_MODULE_1__/* .KUSTOMIZATION_FILE */ .j9.test(file.path) && file.text.includes('HelmRelease'));
        round((file) => mayPatch(file) && releases.some((name) => (0,_prefilter_js__WEBPACK_IMPORTED_MODULE_1__/* .holdsComponent */ .Ki)(file.text, name)));
        // Round 3: the kustomizations beside every patch found (in either round).
        const folders = new Set(scanned.filter((file) => (file.charts?.sites ?? []).some((site) => site.form === 'helm-release' && site.chart === undefined)).map((file) => folderOf(file.path)));
        if (folders.size > 0)
            round((file) => _prefilter_js__WEBPACK_IMPORTED_MODULE_1__/* .KUSTOMIZATION_FILE */ .j9.test(file.path) && folders.has(folderOf(file.path)));
    }
    if (errors.length > 0)
        throw new _scan_js__WEBPACK_IMPORTED_MODULE_2__/* .PlanSyntaxError */ .f(errors);
    return { scanned: scanned.sort(_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .byPath */ .f2), skipped: skipped.sort(_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .byPath */ .f2) };
}


/***/ }),

/***/ 4736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dp: () => (/* binding */ missingChartSources),
/* harmony export */   Gk: () => (/* binding */ mayDefineSource),
/* harmony export */   RH: () => (/* binding */ sourceContext),
/* harmony export */   SA: () => (/* binding */ sourceFileFilter),
/* harmony export */   kk: () => (/* binding */ sourceCandidates)
/* harmony export */ });
/* harmony import */ var _yaml_locate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7007);
/* harmony import */ var _charts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6250);
/* harmony import */ var _chart_scan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8321);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9506);
// Flux sources outside `paths` (issue 14): a HelmRelease in the selected files may name a HelmRepository defined
// elsewhere in the repository (`infrastructure/sources/`, `clusters/…/flux-system/`). The adapters look for it only
// when a requested chart needs it (missingChartSources), keep the few files that may define it (sourceFileFilter,
// on bytes), and hand their texts to the plan as read-only context (sourceContext). Pure.




const RELEASE_WORD = 'HelmRelease';
const SOURCE_WORD = 'HelmRepository';
/**
 * The HelmRepository objects that HelmReleases of `files` name for a requested chart (by name) and that no file of
 * `files` defines: what a request naming a repository cannot be matched against. Empty when no request names a
 * repository (a bare chart name matches by name anyway), when no file holds a HelmRelease, or when a selected file
 * does not parse (the plan reports that, and writes nothing).
 */
function missingChartSources(files, charts) {
    const named = charts.filter((request) => request.ref.repository !== undefined);
    if (named.length === 0 || !files.some((file) => file.text.includes(RELEASE_WORD) && file.text.includes(SOURCE_WORD)))
        return [];
    let scanned;
    try {
        scanned = (0,_chart_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .scanForCharts */ .m)(files, () => false, named, false).scanned;
    }
    catch (error) {
        if (error instanceof _scan_js__WEBPACK_IMPORTED_MODULE_3__/* .PlanSyntaxError */ .f)
            return [];
        throw error;
    }
    const context = new _charts_js__WEBPACK_IMPORTED_MODULE_1__/* .ChartContext */ .uR(scanned);
    const missing = new Map();
    for (const file of scanned) {
        for (const site of file.charts?.sites ?? []) {
            const chart = site.chart?.toLowerCase();
            if (chart === undefined || !named.some((request) => request.ref.name.toLowerCase() === chart))
                continue;
            const ref = context.missingSource(site);
            if (ref !== undefined)
                missing.set(`${ref.namespace ?? ''}/${ref.name}`, ref);
        }
    }
    return [...missing.values()];
}
/**
 * The byte-level filter of the files that may define one of `refs`: they hold `HelmRepository` and the object's
 * name. Cheap enough to run over every file of a repository.
 */
function sourceFileFilter(refs) {
    const kind = Buffer.from(SOURCE_WORD, 'utf8');
    const names = [...new Set(refs.map((ref) => ref.name))].map((name) => Buffer.from(name, 'utf8'));
    return (bytes) => bytes.indexOf(kind) >= 0 && names.some((name) => bytes.indexOf(name) >= 0);
}
/**
 * The Flux sources the context files define, and where they were looked for. A context file is never edited and
 * never fails the run: one that is not YAML (or is a chart template) only defines nothing.
 */
function sourceContext(files, searched) {
    const sources = [];
    for (const file of files) {
        if ((0,_yaml_locate_js__WEBPACK_IMPORTED_MODULE_0__/* .isChartTemplate */ .ZC)(file.path, file.text))
            continue;
        try {
            for (const source of (0,_yaml_locate_js__WEBPACK_IMPORTED_MODULE_0__/* .locate */ .x5)(file.text, { charts: true }).charts?.sources ?? [])
                sources.push({ file: file.path, source });
        }
        catch (error) {
            if (!(error instanceof _yaml_locate_js__WEBPACK_IMPORTED_MODULE_0__/* .YamlSyntaxError */ .nN))
                throw error;
        }
    }
    return { sources, searched };
}
/** A folder or file name that says "Flux sources here": `sources/`, `repositories/`, `helmrepository.yaml`, `repos.yaml`… */
const SOURCE_PLACE = /^(?:sources?|repositories|repos?|helm-?repos?|helm-?repositor(?:y|ies)|flux-system)$/i;
const YAML_FILE = /\.ya?ml$/i;
/**
 * Which files of a repository listing to read for `refs` when only names are known (the API reads no bytes it does
 * not ask for): YAML files not read yet whose name is a source's name (`bitnami.yaml`, `podinfo-repo.yaml`), then
 * those in a folder or named like a place for sources (`infrastructure/sources/`, `helmrepositories.yaml`,
 * `clusters/prod/flux-system/`); at most `limit`, in that order, then by path.
 */
function sourceCandidates(paths, refs, read, limit) {
    const names = [...new Set(refs.map((ref) => ref.name.toLowerCase()))];
    const scored = [];
    for (const path of paths) {
        if (!YAML_FILE.test(path) || read.has(path))
            continue;
        const parts = path.split('/');
        const base = parts.pop().replace(YAML_FILE, '').toLowerCase();
        const score = names.some((name) => base === name || base.startsWith(`${name}-`) || base.endsWith(`-${name}`)) ? 2 : [...parts, base].some((part) => SOURCE_PLACE.test(part)) ? 1 : 0;
        if (score > 0)
            scored.push({ path, score });
    }
    return scored
        .sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
        .slice(0, limit)
        .map((c) => c.path);
}
/** {@link sourceFileFilter} on decoded text. */
function mayDefineSource(refs) {
    const names = [...new Set(refs.map((ref) => ref.name))];
    return (text) => text.includes(SOURCE_WORD) && names.some((name) => text.includes(name));
}


/***/ }),

/***/ 6250:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T7: () => (/* binding */ baselessPatch),
/* harmony export */   gN: () => (/* binding */ writeScalar),
/* harmony export */   hr: () => (/* binding */ planCharts),
/* harmony export */   pD: () => (/* binding */ dirname),
/* harmony export */   uR: () => (/* binding */ ChartContext)
/* harmony export */ });
/* harmony import */ var _image_chart_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8209);
/* harmony import */ var _image_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6811);
/* harmony import */ var _yaml_splice_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4387);
// Chart versions in the plan (issue 14): which chart each site holds (its repository found through a Flux
// source, its base for an environment's HelmRelease patch), whether a request names it, and the edit. Pure.



/** What every file's chart planning needs from the others: Flux sources, base HelmReleases, kustomizations. */
class ChartContext {
    sources = [];
    bases = [];
    /** Names of the HelmReleases some environment's patch sets the version of. */
    patched = new Set();
    /** The OCIRepository objects HelmReleases read their chart from: those hold a chart, whatever their layer selector. */
    chartRefs = [];
    kustomizations = new Map();
    /** Where else a missing source was looked for (the repository outside `paths`), for the note; undefined: nowhere. */
    searched;
    /** `outside`: Flux sources read from files `paths` does not select (read-only context), and where they were looked for. */
    constructor(files, outside) {
        this.searched = outside?.searched;
        for (const { file, source } of outside?.sources ?? [])
            this.sources.push({ file, source });
        for (const file of files) {
            const facts = file.charts;
            if (facts === undefined)
                continue;
            for (const source of facts.sources)
                this.sources.push({ file: file.path, source });
            this.chartRefs.push(...facts.chartRefs);
            for (const site of facts.sites) {
                if (site.form !== 'helm-release')
                    continue;
                if (site.chart !== undefined)
                    this.bases.push({ file: file.path, site });
                else if (site.release !== undefined)
                    this.patched.add(site.release.name);
            }
            if (facts.kustomization !== undefined)
                this.kustomizations.set(dirname(file.path), facts.kustomization.resources);
        }
    }
    /** True for a base HelmRelease whose version an environment's patch sets (the base need not pin one). */
    isPatched(site) {
        return site.form === 'helm-release' && site.chart !== undefined && site.release !== undefined && this.patched.has(site.release.name);
    }
    /** The chart a site holds; undefined when it cannot be told (a patch without a base, a Git source's chart). */
    resolve(file, site) {
        if (site.chart === undefined)
            return this.baseOf(file, site);
        const origin = site.origin;
        const needs = site.needsRepository === true && !this.isChartRef(site) ? { needsRepository: true } : {};
        if (origin.kind === 'none')
            return { chart: site.chart, repository: undefined, ...needs };
        if (origin.kind === 'url') {
            return origin.repository !== undefined
                ? { chart: site.chart, repository: origin.repository, ...needs }
                : { chart: site.chart, repository: undefined, unknown: `its repository '${origin.url}' names no URL`, ...needs };
        }
        return this.throughSource(site.chart, origin.source, site.release?.namespace);
    }
    /** True for an OCIRepository a HelmRelease's chartRef names (by name, and namespace where both say one). */
    isChartRef(site) {
        const object = site.release;
        if (site.form !== 'oci-repository' || object === undefined)
            return false;
        return this.chartRefs.some((ref) => ref.name === object.name && (ref.namespace === undefined || object.namespace === undefined || ref.namespace === object.namespace));
    }
    /**
     * The HelmRepository a HelmRelease base names when no file read defines it (its namespace filled in from the
     * HelmRelease's): the source to look for outside the selected files. Undefined for every other site.
     */
    missingSource(site) {
        if (site.form !== 'helm-release' || site.chart === undefined || site.origin.kind !== 'source' || site.origin.source.kind !== 'HelmRepository')
            return undefined;
        const ref = site.origin.source;
        const namespace = ref.namespace ?? site.release?.namespace;
        if (this.sourcesOf(ref, namespace).length > 0)
            return undefined;
        return { kind: ref.kind, name: ref.name, ...(namespace !== undefined && { namespace }) };
    }
    sourcesOf(ref, wanted) {
        return this.sources.filter(({ source }) => source.kind === ref.kind && source.name === ref.name && (wanted === undefined || source.namespace === undefined || source.namespace === wanted));
    }
    /** A HelmRelease's chart through its sourceRef: the HelmRepository's URL (a GitRepository or Bucket holds no chart version). */
    throughSource(chart, ref, namespace) {
        if (ref.kind !== 'HelmRepository')
            return undefined;
        const wanted = ref.namespace ?? namespace;
        const found = this.sourcesOf(ref, wanted);
        const keys = new Set(found.map(({ source }) => source.repository));
        const named = `${ref.kind} ${wanted === undefined ? '' : `${wanted}/`}${ref.name}`;
        if (found.length === 0) {
            const where = this.searched === undefined ? 'the files read' : `the files read nor ${this.searched}`;
            return { chart, repository: undefined, unknown: `its source ${named} is not in ${where}` };
        }
        const [only] = keys;
        if (keys.size > 1 || only === undefined)
            return { chart, repository: undefined, unknown: `its source ${named} is defined ${found.length} times with different URLs (${found.map((f) => f.file).join(', ')})` };
        return { chart, repository: only };
    }
    /**
     * The base of an environment's HelmRelease patch (version alone): the HelmRelease with the same name (and
     * namespace, where both say one) that names the chart; when several do, the one a kustomization in the patch's
     * folder takes in through its resources.
     */
    baseOf(file, patch) {
        const release = patch.release;
        if (release === undefined)
            return undefined;
        let bases = this.bases.filter(({ file: at, site }) => at !== file && site.release?.name === release.name && (release.namespace === undefined || site.release.namespace === undefined || site.release.namespace === release.namespace));
        if (bases.length > 1)
            bases = this.throughKustomization(dirname(file), bases);
        const resolved = new Map(bases.flatMap(({ file: at, site }) => {
            const base = this.resolve(at, site);
            return base === undefined ? [] : [[`${base.chart}\u0000${base.repository ?? ''}`, base]];
        }));
        return resolved.size === 1 ? [...resolved.values()][0] : undefined;
    }
    throughKustomization(folder, bases) {
        const resources = this.kustomizations.get(folder) ?? [];
        const roots = resources.map((resource) => joinPath(folder, resource));
        return bases.filter(({ file }) => roots.some((root) => file === root || file.startsWith(`${root}/`)));
    }
}
/**
 * Plans the chart sites of one file into `edits` (the file's accepted edits, images first): a matched site moves
 * to the requested version unless a hold or the policy refuses; a range is reported, never pinned.
 */
function planCharts(file, requests, context, policy, edits) {
    const outcome = { changes: [], refusals: [], notes: [], matched: new Set() };
    for (const site of file.charts?.sites ?? []) {
        const resolved = context.resolve(file.path, site);
        if (resolved === undefined) {
            const orphan = requests.length === 0 ? undefined : baselessPatch(site, 'the files read', "not matched (add the base's folder to paths)");
            if (orphan !== undefined)
                outcome.notes.push(`${file.path}:${site.line}: ${orphan}`);
            continue;
        }
        const request = requests.find((r) => (resolved.needsRepository !== true || r.ref.repository !== undefined) && (0,_image_chart_js__WEBPACK_IMPORTED_MODULE_0__/* .sameChart */ .zb)(r.ref, resolved.chart, resolved.repository));
        if (request === undefined)
            continue;
        outcome.matched.add(request);
        const at = `${file.path}:${site.line}`;
        const name = request.ref.display;
        if (request.ref.repository !== undefined && resolved.repository === undefined) {
            outcome.notes.push(`${at}: chart ${resolved.chart} matched ${name} by its name alone: ${resolved.unknown ?? 'the file names no repository'}`);
        }
        if (site.range) {
            outcome.notes.push(`${at}: chart ${name} stays at the version range '${site.version ?? ''}' (a range is resolved by the cluster or Helm; it is never replaced by a pinned version)`);
            continue;
        }
        const entry = { kind: 'chart', file: file.path, line: site.line, image: name, from: site.version ?? '', to: request.ref.version };
        if (entry.from === entry.to)
            continue;
        if (site.unwritable !== undefined) {
            outcome.refusals.push({ ...entry, reason: site.unwritable });
            continue;
        }
        if (site.slot === undefined) {
            if (context.isPatched(site))
                continue;
            outcome.notes.push(`${at}: chart ${name} has no version field (the latest chart is deployed); add one to let it be pinned`);
            continue;
        }
        const held = (0,_yaml_splice_js__WEBPACK_IMPORTED_MODULE_2__/* .whyHeld */ .U4)(site);
        if (held !== undefined) {
            outcome.refusals.push({ ...entry, reason: held });
            continue;
        }
        const verdict = (0,_image_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .judge */ .S4)(policy, { tag: site.version }, { tag: request.ref.version });
        if (verdict.note !== undefined)
            outcome.notes.push(`${at}: ${verdict.note}`);
        if (!verdict.allowed) {
            outcome.refusals.push({ ...entry, reason: verdict.reason ?? 'refused by the policy' });
            continue;
        }
        const refused = writeScalar(file.text, site.slot, request.ref.version, `line ${site.line} (${site.path})`, edits, 'the version');
        if (refused !== undefined)
            outcome.refusals.push({ ...entry, reason: refused });
        else
            outcome.changes.push(entry);
    }
    return outcome;
}
/**
 * Writes `value` over `slot` into the file's `edits` (a chart version, an appVersion: one scalar each): undefined once
 * written, else why not (the shape cannot take it, or another change of this run writes the same bytes: `what` is
 * also written by it).
 */
function writeScalar(text, slot, value, place, edits, what) {
    let edit;
    try {
        edit = (0,_yaml_splice_js__WEBPACK_IMPORTED_MODULE_2__/* .scalarEdit */ .N2)(text, slot, value, place);
    }
    catch (error) {
        if (!(error instanceof _yaml_splice_js__WEBPACK_IMPORTED_MODULE_2__/* .UnwritableError */ .ye))
            throw error;
        return error.message;
    }
    if (edits.conflicts([edit]))
        return `${what} is also written by another change of this run`;
    edits.add([edit]);
    return undefined;
}
/**
 * What to say of a HelmRelease patch whose base (the HelmRelease naming the chart) is not among `where`: its chart
 * cannot be told, so it is `outcome`. Undefined for any other site (a Git source's chart, a range, no version).
 */
function baselessPatch(site, where, outcome) {
    if (site.form !== 'helm-release' || site.chart !== undefined || site.release === undefined || site.version === undefined || site.range)
        return undefined;
    const release = `${site.release.namespace === undefined ? '' : `${site.release.namespace}/`}${site.release.name}`;
    return `the HelmRelease patch of ${release} sets chart version ${site.version}, but no single base HelmRelease ${release} naming its chart is in ${where}: ${outcome}`;
}
/** The folder of a repository path ('' at the root). */
function dirname(path) {
    const cut = path.lastIndexOf('/');
    return cut < 0 ? '' : path.slice(0, cut);
}
/** `folder` joined with a relative `path` (`..` and `.` resolved), as a repository path. */
function joinPath(folder, path) {
    const parts = folder === '' ? [] : folder.split('/');
    for (const part of path.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            parts.pop();
        else
            parts.push(part);
    }
    return parts.join('/');
}


/***/ }),

/***/ 3590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LF: () => (/* binding */ unreadableText),
/* harmony export */   Yy: () => (/* binding */ mayHaveUnicodeMark),
/* harmony export */   pK: () => (/* binding */ unicodeMarkReason)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
// Which bytes gitops-bump can edit as text: UTF-8 only (with or without a BOM). Every other file is skipped
// with a reason that names what it is, so a UTF-16 file saved by a Windows editor is not called "binary".

const ADVICE = 'gitops-bump reads UTF-8 only: convert the file to UTF-8 to have it edited';
/** Byte-order marks of the Unicode encodings other than UTF-8, longest first (UTF-32 LE starts like UTF-16 LE). */
const MARKS = [
    { bytes: [0xff, 0xfe, 0x00, 0x00], name: 'UTF-32 LE' },
    { bytes: [0x00, 0x00, 0xfe, 0xff], name: 'UTF-32 BE' },
    { bytes: [0xff, 0xfe], name: 'UTF-16 LE' },
    { bytes: [0xfe, 0xff], name: 'UTF-16 BE' },
];
/**
 * The skip reason for bytes that start with a UTF-16 or UTF-32 byte-order mark
 * (`UTF-16 LE encoded (BOM FF FE); gitops-bump reads UTF-8 only: …`), else undefined. Such bytes are never
 * valid UTF-8 (FF and FE never occur in it), so a UTF-8 file is never taken for one.
 */
function unicodeMarkReason(bytes) {
    // Every mark starts with FF, FE or 00: a cheap first look, since every file of a local read passes here.
    const first = bytes[0];
    if (first !== 0xff && first !== 0xfe && first !== 0x00)
        return undefined;
    const mark = MARKS.find((m) => m.bytes.length <= bytes.length && m.bytes.every((b, i) => bytes[i] === b));
    if (mark === undefined)
        return undefined;
    const hex = mark.bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    return `${mark.name} encoded (BOM ${hex}); ${ADVICE}`;
}
/**
 * Why `bytes` cannot be edited as text, or undefined when they are UTF-8: a UTF-16 or UTF-32 byte-order mark
 * ({@link unicodeMarkReason}), a NUL byte (`binary file`), or bytes that are not UTF-8.
 */
function unreadableText(bytes) {
    const marked = unicodeMarkReason(bytes);
    if (marked !== undefined)
        return marked;
    if (bytes.includes(0))
        return 'binary file';
    // Decoding invalid UTF-8 would replace bytes with U+FFFD and a write would corrupt them: never edited.
    if (!(0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(bytes))
        return 'not valid UTF-8 text';
    return undefined;
}
/**
 * True when a blob of `size` bytes could be UTF-16 or UTF-32 text with a byte-order mark (an even size of at
 * least 2 bytes), so that a "binary" or "not UTF-8" verdict made without its bytes is worth checking on them.
 */
function mayHaveUnicodeMark(size) {
    return size >= 2 && size % 2 === 0;
}


/***/ }),

/***/ 7311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H5: () => (/* binding */ checkRefused),
/* harmony export */   LD: () => (/* binding */ decide),
/* harmony export */   Tu: () => (/* binding */ passedRequests),
/* harmony export */   Xi: () => (/* binding */ candidates),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   aN: () => (/* binding */ gatesOn),
/* harmony export */   bS: () => (/* binding */ versionsIn),
/* harmony export */   tT: () => (/* binding */ withGateRefusals)
/* harmony export */ });
/* unused harmony exports arrival, gateRefusals, RefusedError */
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1138);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(182);
/* harmony import */ var _provenance_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5240);
/* harmony import */ var _promote_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1659);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3564);
// Promotion gates, pure: from what the source branch's history says (when each version arrived, which statuses its
// commits carry) to a pass or a refusal with its reason. The facts are read by github/gates.ts in one query.





const gatesOn = (rules) => rules !== undefined && (rules.after !== undefined || rules.requireStatus.length > 0);
function candidates(found, foundCharts = []) {
    const seen = new Set();
    const out = [];
    for (const f of found) {
        if (seen.has(f.repository))
            continue;
        seen.add(f.repository);
        out.push({ key: f.repository, trailerName: f.repository, display: f.name, version: (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .versionOf */ .E4)(f), file: f.file });
    }
    for (const c of foundCharts) {
        const key = `chart ${c.chart}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({ key, trailerName: c.chart, display: key, version: c.version, file: c.file });
    }
    return out;
}
/** The versions one file's text holds, by candidate key; undefined when it does not parse or holds two of one. */
function versionsIn(file) {
    try {
        const found = (0,_promote_js__WEBPACK_IMPORTED_MODULE_2__/* .promotionRequests */ .Mn)([file]);
        return new Map([...found.found.map((f) => [f.repository, (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .versionOf */ .E4)(f)]), ...found.foundCharts.map((c) => [`chart ${c.chart}`, c.version])]);
    }
    catch {
        return undefined;
    }
}
const UNITS = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
];
/** `3h12m`, `1d2h`, `45m`, `30s`: the two largest units, never more precise than a second. */
function formatDuration(ms) {
    let rest = Math.max(0, Math.floor(ms / 1000)) * 1000;
    const counts = UNITS.map(([unit, size]) => {
        const n = Math.floor(rest / size);
        rest -= n * size;
        return [unit, n];
    });
    const first = counts.findIndex(([, n]) => n > 0);
    if (first === -1)
        return '0s';
    return counts
        .slice(first, first + 2)
        .filter(([, n]) => n > 0)
        .map(([unit, n]) => `${n}${unit}`)
        .join('');
}
/**
 * The commit that brought `candidate`'s version into its file: walking the history newest first, a commit whose
 * Bumped-Image trailer records the move to this version is it; else the oldest commit of the run of commits whose
 * text still holds it (a commit changing other lines keeps the run going). Undefined when the newest commit of the
 * history does not hold the version (the branch moved since the read) or nothing was read.
 */
function arrival(history, candidate) {
    let found;
    for (const commit of history) {
        if ((0,_provenance_js__WEBPACK_IMPORTED_MODULE_4__/* .recordedMoves */ .LJ)(commit.trailers).some((m) => m.image.toLowerCase() === candidate.trailerName.toLowerCase() && m.to === candidate.version))
            return commit;
        if (commit.versions?.get(candidate.key) !== candidate.version)
            break;
        found = commit;
    }
    return found;
}
const short = (oid) => oid.slice(0, 7);
/**
 * The status gate for one candidate: for each glob, the newest commit since the version arrived (`window`, newest
 * first) that carries a context matching it must show success for all of them. The first problem found, or none.
 */
function statusProblem(globs, window, arrivedAt) {
    for (const glob of globs) {
        const match = (name) => (0,minimatch__WEBPACK_IMPORTED_MODULE_0__/* .minimatch */ .xF)(name, glob, { dot: true });
        const commit = window.find((c) => c.contexts.some((ctx) => match(ctx.name)));
        if (commit === undefined)
            return `no status matching \`${glob}\` since it arrived${arrivedAt === undefined ? '' : ` (${short(arrivedAt)})`}`;
        const bad = commit.contexts.find((ctx) => match(ctx.name) && ctx.state !== 'success');
        if (bad !== undefined)
            return `${bad.state === 'pending' ? 'pending' : 'failing'} \`${bad.name}\` on ${short(commit.oid)}`;
    }
    return undefined;
}
/** Judges every candidate against the rules. */
function decide(rules, items, facts) {
    return items.map((candidate) => {
        const came = arrival(facts.histories.get(candidate.file) ?? [], candidate);
        const arrived = came && { oid: came.oid, at: came.committedDate };
        if (rules.after !== undefined) {
            if (came === undefined) {
                const reason = `soaking: when ${candidate.version} arrived in ${candidate.file} is unknown (the history read does not show it)`;
                return { candidate, passed: false, state: 'soaking: arrival unknown', reason };
            }
            const age = facts.now.getTime() - Date.parse(came.committedDate);
            if (age < rules.after.ms) {
                const state = `soaking ${formatDuration(age)} of ${rules.after.text}`;
                const leftMs = rules.after.ms - age;
                return { candidate, passed: false, state, reason: `soaking: ${formatDuration(age)} of ${rules.after.text} (${formatDuration(leftMs)} left)`, arrived, leftMs };
            }
        }
        if (rules.requireStatus.length > 0) {
            const at = came === undefined ? -1 : facts.branch.findIndex((c) => c.oid === came.oid);
            const window = at === -1 ? facts.branch : facts.branch.slice(0, at + 1);
            const problem = statusProblem(rules.requireStatus, window, came?.oid);
            if (problem !== undefined)
                return { candidate, passed: false, state: problem, reason: problem, ...(arrived && { arrived }) };
        }
        return { candidate, passed: true, state: 'passed', ...(arrived && { arrived }) };
    });
}
/** The requests whose candidates passed (images by repository, charts by display). */
function passedRequests(decisions, requests, charts) {
    const refused = new Set(decisions.filter((d) => !d.passed).map((d) => d.candidate.key));
    return {
        images: requests.filter((r) => !refused.has(r.ref.repository)),
        charts: charts.filter((c) => !refused.has(`chart ${c.ref.display}`)),
        refusedImages: requests.filter((r) => refused.has(r.ref.repository)),
        refusedCharts: charts.filter((c) => refused.has(`chart ${c.ref.display}`)),
    };
}
/**
 * The target-side refusals of what the gates held back: the moves a plan of only the refused requests would make,
 * each with its gate's reason (a refused version the target already holds is no refusal: nothing would move).
 * Added to the plan's own refusals so that `refused`, the log and the summary list them like the policy's.
 */
function gateRefusals(files, report, requests, charts, options) {
    const held = passedRequests(report.decisions, requests, charts);
    if (held.refusedImages.length === 0 && held.refusedCharts.length === 0)
        return [];
    const p = (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .plan */ .e)(files, held.refusedImages, { ...options, charts: held.refusedCharts });
    const decisionOf = (image, kind) => report.decisions.find((d) => !d.passed && (kind === 'chart' ? d.candidate.key === `chart ${image}` : d.candidate.key === image));
    const out = [];
    for (const change of [...p.changes, ...p.refusals]) {
        if (change.field === 'appVersion')
            continue;
        const decision = decisionOf(change.image, change.kind);
        if (decision?.reason === undefined)
            continue;
        const left = decision.leftMs === undefined ? {} : { leftSeconds: Math.ceil(decision.leftMs / 1000) };
        out.push({ kind: change.kind, file: change.file, line: change.line, image: change.image, from: change.from, to: change.to, reason: decision.reason, ...left });
    }
    return out;
}
/** `fail-on-refused`: any refusal (policy, hold, gate) fails the run before anything is written. */
class RefusedError extends Error {
    refusals;
    constructor(refusals) {
        const listed = refusals.slice(0, 5).map((r) => `${r.image} ${r.from || '(none)'} → ${r.to} in ${r.file}:${r.line}: ${r.reason}`);
        const more = refusals.length > 5 ? `; and ${refusals.length - 5} more` : '';
        super(`fail-on-refused: ${refusals.length} change(s) refused, nothing written: ${listed.join('; ')}${more}.`);
        this.refusals = refusals;
        this.name = 'RefusedError';
    }
}
function checkRefused(p, fail) {
    if (fail && p.refusals.length > 0)
        throw new RefusedError(p.refusals);
}
/** The plan with what the gates held back added to its refusals (nothing changes without gates). */
function withGateRefusals(p, files, promotion, options) {
    if (promotion?.gates === undefined)
        return p;
    const held = gateRefusals(files, promotion.gates, promotion.requests, promotion.charts ?? [], options);
    return held.length === 0 ? p : { ...p, refusals: [...p.refusals, ...held] };
}


/***/ }),

/***/ 5490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D9: () => (/* binding */ scanEnvironment),
/* harmony export */   Ie: () => (/* binding */ cellText),
/* harmony export */   Kn: () => (/* binding */ buildMatrix),
/* harmony export */   XG: () => (/* binding */ ageText)
/* harmony export */ });
/* harmony import */ var _image_chart_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8209);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3564);
/* harmony import */ var _charts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6250);
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7311);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9506);
// What runs where: every image and chart version found in each environment's files, as one matrix (rows: images
// and charts, columns: environments in promotion order). Pure: the files come in, the matrix goes out.





/**
 * The versions in one environment's files: every located image reference with a tag or digest, every pinned chart
 * version (ranges and patches whose base is not among the files are left out). Throws PlanSyntaxError for a file
 * that does not parse.
 */
function scanEnvironment(name, where, files) {
    const rows = new Map();
    const add = (key, kind, display, place) => {
        const row = rows.get(key) ?? { kind, name: display, places: [] };
        row.places.push(place);
        rows.set(key, row);
    };
    const scanned = [];
    const skipped = (0,_scan_js__WEBPACK_IMPORTED_MODULE_4__/* .scan */ .S)(files, (file) => {
        scanned.push(file);
        for (const site of file.sites) {
            if (site.repository === undefined || (site.tag === undefined && site.digest === undefined))
                continue;
            add(`image ${site.repository}`, 'image', site.name, { file: file.path, line: site.line, version: (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .versionOf */ .E4)(site), ...holdOf(site) });
        }
    }, undefined, { charts: true });
    const context = new _charts_js__WEBPACK_IMPORTED_MODULE_2__/* .ChartContext */ .uR(scanned);
    for (const file of scanned) {
        for (const site of file.charts?.sites ?? []) {
            if (site.version === undefined || site.range)
                continue;
            const resolved = context.resolve(file.path, site);
            if (resolved === undefined)
                continue;
            const display = (0,_image_chart_js__WEBPACK_IMPORTED_MODULE_0__/* .chartDisplay */ .fc)(resolved.repository, resolved.chart);
            add(`chart ${display}`, 'chart', display, { file: file.path, line: site.line, version: site.version, ...holdOf(site) });
        }
    }
    return { name, where, files: files.length, rows, skipped };
}
function holdOf(site) {
    return { held: site.held, ...(site.hold?.reason !== undefined && { holdReason: site.hold.reason }) };
}
/** The matrix of environment scans given in promotion order. */
function buildMatrix(scans) {
    const keys = new Map();
    for (const s of scans)
        for (const [key, row] of s.rows)
            if (!keys.has(key))
                keys.set(key, { kind: row.kind, name: row.name });
    const order = [...keys].sort(([, a], [, b]) => (a.kind === b.kind ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.kind === 'image' ? -1 : 1));
    const rows = order.map(([key, { kind, name }]) => {
        let previous = null;
        const cells = scans.map((s) => {
            const found = s.rows.get(key);
            if (!found)
                return null;
            const versions = [...new Set(found.places.map((p) => p.version))];
            // Compared as sets: two environments holding the same two versions in other files do not differ.
            const drift = previous !== null && [...previous.versions].sort().join('\n') !== [...versions].sort().join('\n');
            const cell = { versions, held: found.places.some((p) => p.held), drift, places: found.places };
            previous = cell;
            return cell;
        });
        return { key, kind, name, cells };
    });
    return { environments: scans.map((s) => ({ name: s.name, where: s.where, files: s.files })), rows };
}
/** The age as the tables show it: `1d2h`, `>30 commits`, `?`. */
function ageText(age) {
    return age.kind === 'known' ? (0,_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(age.ms) : age.kind === 'older' ? `>${age.commits} commits` : '?';
}
/**
 * One cell as a person reads it: `1.5.0`, `1.5.0 (1d2h)` (its age, when read), `1.5.0 ≠` (differs from the previous
 * environment), `held`, `—` (absent).
 */
function cellText(cell) {
    if (cell === null)
        return '—';
    const marks = [cell.age ? `(${ageText(cell.age)})` : '', cell.drift ? '≠' : '', cell.held ? '(held)' : ''].filter((m) => m !== '');
    return [cell.versions.join(' / '), ...marks].join(' ');
}


/***/ }),

/***/ 6107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ reachUnder),
/* harmony export */   Ew: () => (/* binding */ pathsKey),
/* harmony export */   In: () => (/* binding */ unionPaths),
/* harmony export */   Iw: () => (/* binding */ compilePaths),
/* harmony export */   Pf: () => (/* binding */ environmentOfPaths),
/* harmony export */   Zh: () => (/* binding */ PathsError),
/* harmony export */   cD: () => (/* binding */ comparePaths),
/* harmony export */   f2: () => (/* binding */ byPath)
/* harmony export */ });
/* unused harmony exports matcherOf, normalisePattern, environmentOfGlob */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1138);
// The `paths` input: minimatch globs relative to the repository root, `!` to exclude.


const options = { dot: true, nocomment: true, nonegate: true };
/** Globs an input cannot use: `reason` says why (`'../x': '..' would leave the repository.`), `input` names the input. */
class PathsError extends Error {
    input;
    reason;
    constructor(input, reason) {
        super(`Input '${input}': ${reason}`);
        this.input = input;
        this.reason = reason;
        this.name = 'PathsError';
    }
}
/** Compiles the `paths` globs. Throws a PathsError for a pattern that escapes the root, or globs that select nothing. */
function compilePaths(patterns, input = 'paths') {
    const include = [];
    const exclude = [];
    for (const raw of patterns) {
        const negated = raw.startsWith('!');
        const pattern = normalisePattern(negated ? raw.slice(1) : raw, input);
        (negated ? exclude : include).push(pattern);
    }
    if (include.length === 0)
        throw new PathsError(input, "selects nothing: give at least one glob that is not a '!' exclusion.");
    const includes = include.flatMap(expand).map((p) => new minimatch__WEBPACK_IMPORTED_MODULE_1__/* .Minimatch */ .VR(p, options));
    const excludes = exclude.flatMap(expand).map((p) => new minimatch__WEBPACK_IMPORTED_MODULE_1__/* .Minimatch */ .VR(p, options));
    const matches = (path) => includes.some((m) => m.match(path)) && !excludes.some((m) => m.match(path));
    const literal = include.every((p) => !hasMagic(p) && looksLikeFile(lastSegment(p)));
    return {
        matches,
        prefixes: dedupePrefixes(include.map(staticPrefix)),
        literals: literal ? [...new Set(include)].filter((p) => !excludes.some((m) => m.match(p))) : undefined,
        include,
        exclude,
        sources: [[...include, ...exclude.map((p) => `!${p}`)]],
    };
}
/** The matcher `sources` (a {@link PathMatcher}'s own) were compiled into. */
function matcherOf(sources) {
    const matchers = sources.map((patterns) => compilePaths(patterns));
    return matchers.length === 1 ? matchers[0] : unionPaths(matchers);
}
/**
 * Trims, turns `\` into `/`, drops a leading `./`, and turns a trailing `/` into `/**` (`apps/dev/` selects the
 * files under apps/dev). Throws a PathsError for a pattern that would leave the repository.
 */
function normalisePattern(pattern, input) {
    let p = pattern.trim().replace(/\\/g, '/');
    while (p.startsWith('./'))
        p = p.slice(2);
    if (p === '' || p.startsWith('/') || /^[A-Za-z]:\//.test(p)) {
        throw new PathsError(input, `'${pattern}': globs are relative to the repository root (no leading '/').`);
    }
    if (p.split('/').some((segment) => segment === '..')) {
        throw new PathsError(input, `'${pattern}': '..' would leave the repository.`);
    }
    if (p.endsWith('/'))
        p = `${p.replace(/\/+$/, '')}/**`;
    return p;
}
/**
 * A pattern whose last segment is a plain name (no wildcard) selects that path and everything under it, so a
 * folder works as written: `apps/dev` is `apps/dev` and `apps/dev/**`; `apps/*\/overlays/prod` likewise.
 */
function expand(pattern) {
    const last = lastSegment(pattern);
    return last === '**' || hasMagic(last) ? [pattern] : [pattern, `${pattern}/**`];
}
function lastSegment(pattern) {
    return pattern.slice(pattern.lastIndexOf('/') + 1);
}
function hasMagic(pattern) {
    return /[*?[\]{}()!+@]/.test(pattern);
}
/** A plain last segment names a file when it ends in .yaml or .yml (or is kustomize's `Kustomization`); else a folder. */
function looksLikeFile(segment) {
    return /\.ya?ml$/i.test(segment) || segment === 'Kustomization';
}
function staticPrefix(pattern) {
    // Without magic, the pattern is a file or a folder: either way every selected path is it or lies under it.
    if (!hasMagic(pattern))
        return pattern;
    const fixed = [];
    for (const segment of pattern.split('/').slice(0, -1)) {
        if (hasMagic(segment))
            break;
        fixed.push(segment);
    }
    return fixed.join('/');
}
/**
 * What the includes can select under `root` (one of a matcher's `prefixes`): `maxDepth`, the deepest level below
 * it where a selected path can lie (1: directly in it; Infinity with `**` or a folder named as written), and
 * `confined`: every include under `root` is `root` itself, or `root/` then only wildcard folders (`*`, `**`)
 * then one last segment (`apps/prod/**`, `apps/prod/**\/*.yaml`, `apps/prod/*\/values.yaml`), and `root` names
 * a folder (at the repository root, only `*.yaml`: the root's own files). A listing of a confined root holds
 * little besides what is selected; not so under `**\/*.yaml`, `apps/*\/overlays/prod/**` or
 * `apps/**\/prod/*.yaml`, where other folders' files (other environments, source code) come along.
 */
function reachUnder(include, root) {
    const rootDepth = root === '' ? 0 : root.split('/').length;
    let maxDepth = 0;
    let confined = true;
    for (const pattern of include) {
        const prefix = staticPrefix(pattern);
        if (root !== '' && prefix !== root && !prefix.startsWith(`${root}/`))
            continue;
        // A file name as written (`…/kustomization.yaml`) also selects what a folder of that name holds: a corner
        // that needs listing, not texts.
        const asFolder = looksLikeFile(lastSegment(pattern)) ? `${pattern}/**` : undefined;
        for (const expanded of expand(pattern)) {
            for (const parts of new minimatch__WEBPACK_IMPORTED_MODULE_1__/* .Minimatch */ .VR(expanded, options).set) {
                const rest = parts.slice(rootDepth);
                const unbounded = rest.includes(minimatch__WEBPACK_IMPORTED_MODULE_1__/* .GLOBSTAR */ .ZN);
                maxDepth = Math.max(maxDepth, unbounded ? Infinity : rest.length);
                // No folder named after a wildcard (other folders' files would come along); under the root, one level only.
                const wildFolders = rest.slice(0, -1).every((part) => typeof part !== 'string');
                if (expanded !== asFolder && (!wildFolders || (root === '' && rest.length > 1)))
                    confined = false;
            }
        }
    }
    return { maxDepth, confined };
}
function dedupePrefixes(prefixes) {
    const sorted = [...new Set(prefixes)].sort(comparePaths);
    if (sorted.includes(''))
        return [''];
    return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(`${q}/`)));
}
/**
 * The environment one glob names: its last plain folder name, skipping `**`, segments with glob magic and the
 * file name of a file path (`apps/*\/overlays/staging/**` → `staging`, `envs/prod/values.yaml` → `prod`,
 * `clusters/eu-1/prod/**` → `prod`, `apps/dev` → `dev`). Undefined when it names none (`**\/*.yaml`).
 */
function environmentOfGlob(pattern) {
    const segments = pattern.split('/');
    const last = segments[segments.length - 1];
    if (last === '**' || hasMagic(last) || looksLikeFile(last))
        segments.pop();
    for (let i = segments.length - 1; i >= 0; i--) {
        const segment = segments[i];
        if (segment !== '' && segment !== '.' && segment !== '**' && !hasMagic(segment))
            return segment;
    }
    return undefined;
}
/**
 * `paths-<8 hex>`: the first 8 hex digits of the SHA-256 of the normalised globs (excludes with their `!`),
 * deduplicated, sorted by code unit and joined with newlines. Stable across runs and releases, so a selection
 * without an environment name keeps its pull-request branch, and two different selections never share one.
 */
function pathsKey(paths) {
    const globs = [...new Set([...paths.include, ...paths.exclude.map((p) => `!${p}`)])].sort(comparePaths);
    return `paths-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(globs.join('\n')).digest('hex').slice(0, 8)}`;
}
/** The environment a selection names, or why it names none (`paths-<hash>` then stands for it). */
function environmentOfPaths(paths) {
    const names = paths.include.map(environmentOfGlob);
    const distinct = [...new Set(names.filter((n) => n !== undefined))];
    if (distinct.length === 1 && names.every((n) => n !== undefined))
        return { name: distinct[0], named: true };
    const key = pathsKey(paths);
    const why = distinct.length > 1
        ? `the globs name different folders (${distinct.join(', ')})`
        : distinct.length === 1
            ? `not every glob names a folder (${paths.include.filter((_, i) => names[i] === undefined).join(', ')} names none)`
            : 'the globs name no folder';
    return { name: key, named: false, why };
}
/** Code-unit order, as git sorts paths, whatever the machine's locale: the one order of every list of paths. */
function comparePaths(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** {@link comparePaths} on the `path` of two entries (files, skipped paths). */
function byPath(a, b) {
    return comparePaths(a.path, b.path);
}
/**
 * One matcher selecting what any of `matchers` selects (environments of one repository read in one snapshot). Each
 * matcher keeps its own excludes in `matches`; `include` (every include, for how deep a listing must go) and
 * `prefixes` are joined, `literals` only when every matcher has them.
 */
function unionPaths(matchers) {
    const literals = matchers.every((m) => m.literals !== undefined) ? [...new Set(matchers.flatMap((m) => m.literals ?? []))] : undefined;
    return {
        matches: (path) => matchers.some((m) => m.matches(path)),
        // Nested prefixes dropped (`envs` and `envs/prod`): a folder listed twice would give its files twice.
        prefixes: dedupePrefixes(matchers.flatMap((m) => m.prefixes)),
        literals,
        include: [...new Set(matchers.flatMap((m) => m.include))],
        exclude: [],
        sources: matchers.flatMap((m) => m.sources),
    };
}


/***/ }),

/***/ 182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ plan)
});

// EXTERNAL MODULE: ./src/image/policy.ts
var image_policy = __webpack_require__(6811);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/yaml/locate.ts + 15 modules
var locate = __webpack_require__(7007);
;// CONCATENATED MODULE: ./src/yaml/edits.ts
// Text edits and the one overlap rule: two edits collide when they touch the same bytes differently. applyEdits
// refuses colliding edits; EditSet (a plan's accepted edits of one file) uses the same rule to refuse a site's
// edits before they are accepted.
/** Two edits touch the same bytes differently (two sites sharing one anchored scalar, asked for different versions). */
class EditConflictError extends RangeError {
    first;
    second;
    constructor(first, second) {
        super(`edits [${first.start}, ${first.end}) and [${second.start}, ${second.end}) overlap: two changes to the same bytes`);
        this.first = first;
        this.second = second;
        this.name = 'EditConflictError';
    }
}
/**
 * The overlap rule: true when `a` and `b` touch the same bytes differently. Identical edits (two sites sharing an
 * anchored scalar, moved to the same bytes) count once and never collide; otherwise two edits collide when their
 * ranges overlap, or when they start at one offset and one of them is an insertion (the order of the two texts
 * there would be a guess). An edit ending where another starts does not collide with it.
 */
function collide(a, b) {
    if (a.start === b.start && a.end === b.end && a.text === b.text)
        return false;
    if (a.start < b.end && b.start < a.end)
        return true;
    return a.start === b.start && (a.start === a.end || b.start === b.end);
}
/**
 * Applies edits that do not {@link collide} (identical duplicates count once).
 * Throws {@link EditConflictError} for two colliding edits, RangeError for an edit outside the text.
 */
function applyEdits(text, edits) {
    const sorted = dedupe(edits).sort((a, b) => a.start - b.start || a.end - b.end);
    let out = '';
    let at = 0;
    for (const [i, edit] of sorted.entries()) {
        if (edit.start < at || edit.end < edit.start || edit.end > text.length) {
            throw new RangeError(`edit [${edit.start}, ${edit.end}) is outside the text or overlaps the previous edit`);
        }
        // Sorted by start then end, an edit that collides with any later one collides with the next.
        const next = sorted[i + 1];
        if (next !== undefined && collide(edit, next))
            throw new EditConflictError(edit, next);
        out += text.slice(at, edit.start) + edit.text;
        at = edit.end;
    }
    return out + text.slice(at);
}
function dedupe(edits) {
    const seen = new Map();
    for (const edit of edits)
        seen.set(`${edit.start}:${edit.end}:${edit.text}`, edit);
    return [...seen.values()];
}
/**
 * The accepted edits of one text, sorted by start. Checking new edits against them costs O(log n), so a file with
 * thousands of image references plans in linear time (applying every edit so far per site would be quadratic).
 */
class EditSet {
    sorted = [];
    get all() {
        return this.sorted;
    }
    /** True when one of `edits` collides with an accepted edit or with another of `edits`. */
    conflicts(edits) {
        return edits.some((e, i) => this.near(e).some((other) => collide(e, other)) || edits.slice(0, i).some((other) => collide(e, other)));
    }
    add(edits) {
        for (const edit of edits)
            this.sorted.splice(this.firstAfter(edit.start), 0, edit);
    }
    /** `text` with the accepted edits applied. */
    apply(text) {
        return applyEdits(text, this.sorted);
    }
    /** Index of the first accepted edit starting after `offset`. */
    firstAfter(offset) {
        let lo = 0;
        let hi = this.sorted.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (this.sorted[mid].start <= offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    /** The accepted edits that can collide with `edit`: those starting at or before its end and ending at or after its start. */
    near(edit) {
        const out = [];
        for (let i = this.firstAfter(edit.end) - 1; i >= 0 && this.sorted[i].end >= edit.start; i--)
            out.push(this.sorted[i]);
        return out;
    }
}

// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/yaml/splice.ts
var splice = __webpack_require__(4387);
// EXTERNAL MODULE: ./src/core/charts.ts
var core_charts = __webpack_require__(6250);
;// CONCATENATED MODULE: ./src/core/app-version.ts


/** The tag of a `from`/`to` value (`1.4.1@sha256:…` → `1.4.1`); '' for a digest alone or nothing. */
function tagOf(version) {
    return version.startsWith('sha256:') || version.startsWith('sha512:') ? '' : (version.split('@')[0] ?? '');
}
/** True when `path` is in `folder` or below it ('' is the repository root). */
function isUnder(path, folder) {
    return folder === '' || path.startsWith(`${folder}/`);
}
/** Adds the appVersion moves to the Chart.yaml files of `planned`, after every image change is known. */
function planAppVersions(planned) {
    // Every Chart.yaml owns the values below it up to the next one (a subchart's values are its own, even when it
    // has no appVersion); only those with an appVersion move.
    const folders = planned.filter(({ file }) => file.charts?.chartYaml !== undefined).map(({ file }) => (0,core_charts/* dirname */.pD)(file.path));
    const charts = planned.filter(({ file }) => file.charts?.chartYaml?.appVersion !== undefined);
    if (charts.length === 0)
        return;
    /** The folder of the nearest Chart.yaml beside or above `path`. */
    const owner = (path) => folders.filter((folder) => isUnder(path, folder)).sort((a, b) => b.length - a.length)[0];
    const imageChanges = planned.flatMap(({ outcome }) => outcome.changes.filter((change) => change.kind !== 'chart'));
    for (const { file, outcome } of charts) {
        const facts = file.charts.chartYaml;
        const slot = facts.appVersion;
        const folder = (0,core_charts/* dirname */.pD)(file.path);
        const current = slot.text ?? '';
        const moves = imageChanges.filter((change) => owner(change.file) === folder && current !== '' && tagOf(change.from) === current && tagOf(change.to) !== '');
        const targets = [...new Set(moves.map((change) => tagOf(change.to)))];
        const [to] = targets;
        if (to === undefined || to === current)
            continue;
        const entry = { kind: 'chart', field: 'appVersion', file: file.path, line: slot.line, image: facts.name, from: current, to };
        if (targets.length > 1) {
            const places = moves.map((change) => `${change.image} → ${tagOf(change.to)} at ${change.file}:${change.line}`).join(', ');
            outcome.refusals.push({ ...entry, reason: `appVersion ${current} would follow images moving to different tags (${places})` });
            continue;
        }
        const held = (0,splice/* whyHeld */.U4)(facts);
        if (held !== undefined) {
            outcome.refusals.push({ ...entry, reason: held });
            continue;
        }
        const refused = (0,core_charts/* writeScalar */.gN)(file.text, slot, to, `line ${slot.line} (appVersion)`, outcome.edits, 'appVersion');
        if (refused !== undefined)
            outcome.refusals.push({ ...entry, reason: refused });
        else
            outcome.changes.push(entry);
    }
}

// EXTERNAL MODULE: ./src/core/chart-scan.ts
var chart_scan = __webpack_require__(8321);
// EXTERNAL MODULE: ./src/core/prefilter.ts
var prefilter = __webpack_require__(9160);
// EXTERNAL MODULE: ./src/core/scan.ts
var scan = __webpack_require__(9506);
;// CONCATENATED MODULE: ./src/core/plan.ts
// plan(files, requests, policy) → Plan: pure. Finds every image reference the requests name, asks the
// policy whether it may move, and splices the new version into the text. No I/O, no clock, no randomness.











function wantOf(request) {
    return { tag: request.ref.tag, digest: request.ref.digest };
}
/**
 * Asks, in this order, whether a hold covers `site` (the hold rule is splice's {@link whyHeld}), whether the policy
 * lets it move, and what the rewrite is. The policy's note comes with the answer either way.
 */
function attempt(file, site, want, policy) {
    const held = (0,splice/* whyHeld */.U4)(site);
    if (held !== undefined)
        return { refused: 'hold', reason: held };
    const verdict = (0,image_policy/* judge */.S4)(policy, { tag: site.tag, digest: site.digest }, want);
    if (!verdict.allowed)
        return { refused: 'policy', ...(verdict.reason !== undefined && { reason: verdict.reason }) };
    const note = verdict.note ? { note: verdict.note } : {};
    try {
        return { edits: (0,splice/* rewrite */.v8)(file.text, site, want, file.lines), ...note };
    }
    catch (error) {
        if (!(error instanceof splice/* UnwritableError */.ye))
            throw error;
        return { refused: 'shape', reason: error.message, ...note };
    }
}
function planFile(file, requests, options) {
    const sites = file.sites;
    const edits = new EditSet();
    const changes = [];
    const refusals = [];
    const notes = [];
    const matched = new Set();
    const others = new Set();
    for (const site of sites) {
        if (site.repository === undefined)
            continue;
        const request = requests.find((r) => r.ref.repository === site.repository);
        if (!request) {
            others.add(site.repository);
            continue;
        }
        matched.add(request);
        const want = wantOf(request);
        const after = (0,splice/* versionAfter */.dh)(site, want);
        // A digest alone that the shape has no room for (a values map without a digest field) is refused by
        // rewrite below, never skipped as if the site already held it.
        const digestLost = want.tag === undefined && want.digest !== undefined && after.digest !== want.digest;
        const entry = {
            file: file.path,
            line: reportLine(site),
            image: request.ref.name,
            from: (0,reference/* versionOf */.E4)(site),
            // What the site will hold: a tag alone drops a stale digest, a digest alone drops a tag that no longer
            // names it (except in Helm maps), and a shape without a digest field keeps only the tag.
            to: (0,reference/* versionOf */.E4)(digestLost ? want : after),
        };
        if (entry.from === entry.to)
            continue;
        const tried = attempt(file, site, want, options.policy);
        if (tried.note)
            notes.push(`${file.path}:${entry.line}: ${tried.note}`);
        if ('refused' in tried) {
            refusals.push({ ...entry, reason: tried.reason ?? 'refused by the policy' });
            continue;
        }
        const siteEdits = tried.edits;
        if (siteEdits.length === 0)
            continue;
        const shared = site.shared === undefined ? undefined : new SharedValue(file, site, siteEdits, entry.to);
        const blocked = shared?.blocked(sites, requests, options);
        if (blocked !== undefined) {
            refusals.push({ ...entry, reason: blocked });
            continue;
        }
        // Two sites sharing an anchored scalar must agree on its new text.
        if (edits.conflicts(siteEdits)) {
            refusals.push({ ...entry, reason: 'shares an anchored value with another image asked for a different version' });
            continue;
        }
        edits.add(siteEdits);
        changes.push(entry, ...(shared?.copies(entry.line).map((line) => ({ ...entry, line })) ?? []));
    }
    return { edits, changes, refusals, notes, matched, others };
}
/** The file's edit once every change is planned; undefined when nothing changes. */
function fileEdit(file, outcome) {
    if (outcome.edits.all.length === 0)
        return undefined;
    // Sites come in line order; a change reported at its alias (or a copy's), a chart's or an appVersion may not.
    const changes = [...outcome.changes].sort((a, b) => a.line - b.line);
    return { path: file.path, before: file.text, after: outcome.edits.apply(file.text), changes };
}
/** True when `edit` replaces (or removes) the scalar starting at `scalar`. */
function touches(edit, scalar) {
    return edit.start === scalar || (edit.start < scalar && scalar < edit.end);
}
/**
 * True for a map that only defines the shared value: a tag with no image name at all (`defaults: &d {tag: 1.4}`
 * merged into images) holding the value itself, not reading it through an alias. It names no image of its own.
 */
function isDefinition(site, shared) {
    if (site.repository !== undefined || site.name !== '')
        return false;
    return !(site.shared ?? []).some((use) => use.kind === 'own' && shared.some((scalar) => scalar.start === use.scalar));
}
/** The line a site's change is reported at: the alias it reads its value through (`tag: *release`), else its own. */
function reportLine(site) {
    return site.shared?.find((use) => use.kind === 'own')?.line ?? site.line;
}
/**
 * A site's edit of anchored values (YAML aliases are never edited: the anchored scalar is, and every alias of it
 * moves). The edit is allowed only when every other place that reads a changed value is an image site moved in
 * this run to the same bytes, or a copy of this very image; never when such a place is held, or is not an image.
 */
class SharedValue {
    file;
    site;
    edits;
    to;
    /** Offsets of the anchored scalars this edit changes. */
    changed;
    constructor(file, site, edits, to) {
        this.file = file;
        this.site = site;
        this.edits = edits;
        this.to = to;
        this.changed = new Set((site.shared ?? []).map((use) => use.scalar).filter((scalar) => edits.some((edit) => touches(edit, scalar))));
    }
    get uses() {
        return (this.site.shared ?? []).filter((use) => this.changed.has(use.scalar));
    }
    /** Why the edit may not be made, or undefined when it may. */
    blocked(sites, requests, options) {
        if (this.changed.size === 0)
            return undefined;
        for (const other of sites) {
            if (other === this.site || other.doc !== this.site.doc)
                continue;
            const shared = (0,locate/* writtenScalars */.jn)(other).filter((scalar) => this.changed.has(scalar.start));
            if (shared.length === 0 || isDefinition(other, shared))
                continue;
            const why = this.otherBlocks(other, shared, requests, options);
            if (why === undefined)
                continue;
            const anchor = this.uses.find((use) => shared.some((scalar) => scalar.start === use.scalar))?.anchor ?? '';
            const name = other.name === '' ? 'an image named elsewhere' : other.name;
            return `anchored value &${anchor} is also used by ${name} at ${this.file.path}:${reportLine(other)} (${why})`;
        }
        for (const use of this.uses) {
            if (use.kind === 'own')
                continue;
            const place = `anchored value &${use.anchor} is also used at ${this.file.path}:${use.line}`;
            const held = (0,splice/* whyHeld */.U4)(use);
            if (held !== undefined)
                return `${place}, ${held}`;
            if (use.kind === 'other')
                return `${place}, which is not an image reference (give it its own value, or move both by hand)`;
        }
        return undefined;
    }
    /** Why `other`, reading `shared` values of this edit, keeps it from being made; undefined when it moves along to the same bytes. */
    otherBlocks(other, shared, requests, options) {
        const request = other.repository === undefined ? undefined : requests.find((r) => r.ref.repository === other.repository);
        if (request === undefined)
            return `not requested at ${this.to}`;
        const want = wantOf(request);
        const tried = attempt(this.file, other, want, options.policy);
        if ('refused' in tried)
            return tried.refused === 'policy' ? `refused for it: ${tried.reason ?? 'by the policy'}` : tried.reason;
        const edits = tried.edits;
        const same = shared.every((scalar) => {
            const mine = this.edits.find((edit) => touches(edit, scalar.start));
            return mine !== undefined && edits.some((edit) => edit.start === mine.start && edit.end === mine.end && edit.text === mine.text);
        });
        return same ? undefined : `requested at ${(0,reference/* versionOf */.E4)((0,splice/* versionAfter */.dh)(other, want))}, not ${this.to}`;
    }
    /** The lines of the aliases that repeat this very image (each moved with it), other than `line`. */
    copies(line) {
        const lines = this.uses.filter((use) => use.kind === 'copy').map((use) => use.line);
        return [...new Set(lines)].filter((copy) => copy !== line).sort((a, b) => a - b);
    }
}
/**
 * Plans a bump: images, and chart versions (`options.charts`, `options.chartAppVersion`) in the same files and the
 * same edits. Throws PlanSyntaxError (listing every broken file) when a selected file that should be YAML and may
 * hold a requested image or chart does not parse: then nothing at all may be written.
 */
function plan(files, requests, options) {
    const charts = options.charts ?? [];
    const appVersion = options.chartAppVersion === true;
    const mayHold = (0,prefilter/* textMayHoldAny */.i_)(requests);
    const edits = [];
    const refusals = [];
    const notes = [];
    const matched = new Set();
    // Repository → files holding it, for repositories no request names.
    const others = new Map();
    const add = (file, outcome) => {
        const edit = fileEdit(file, outcome);
        if (edit)
            edits.push(edit);
        refusals.push(...outcome.refusals);
        notes.push(...outcome.notes);
        for (const r of outcome.matched)
            matched.add(r);
        for (const repository of outcome.others)
            others.set(repository, (others.get(repository) ?? 0) + 1);
    };
    let skipped;
    if (charts.length === 0 && !appVersion) {
        // Images alone: one file at a time, nothing kept once it is planned.
        skipped = (0,scan/* scan */.S)(files, (file) => add(file, planFile(file, requests, options)), (file) => mayHold(file.text));
    }
    else {
        // Charts need every file's sources and bases first (a HelmRelease's repository is in another file), and
        // appVersion every file's image changes: scan all, then plan.
        const found = (0,chart_scan/* scanForCharts */.m)(files, mayHold, charts, appVersion);
        const scanned = found.scanned;
        skipped = found.skipped;
        const context = new core_charts/* ChartContext */.uR(scanned, options.chartSources);
        const planned = scanned.map((file) => {
            const outcome = planFile(file, requests, options);
            const chart = (0,core_charts/* planCharts */.hr)(file, charts, context, options.policy, outcome.edits);
            for (const r of chart.matched)
                outcome.matched.add(r);
            return { file, outcome: { ...outcome, changes: [...outcome.changes, ...chart.changes], refusals: [...outcome.refusals, ...chart.refusals], notes: [...outcome.notes, ...chart.notes] } };
        });
        if (appVersion)
            planAppVersions(planned);
        for (const { file, outcome } of planned)
            add(file, outcome);
    }
    const misses = [
        ...requests.filter((r) => !matched.has(r)).map((r) => ({ input: r.input, image: r.ref.name, similar: lookalikes(r, others) })),
        ...charts.filter((r) => !matched.has(r)).map((r) => ({ input: r.input, image: r.ref.display, similar: [], kind: 'chart' })),
    ];
    return { edits, changes: edits.flatMap((e) => e.changes), refusals, skipped, notes, unmatched: misses.map((m) => m.image), misses };
}
/** Repositories found in the files whose last path component is the request's (a registry or owner typo), most files first. */
function lookalikes(request, others) {
    const name = (0,prefilter/* lastComponent */.Cy)(request);
    return [...others]
        .filter(([repository]) => repository.slice(repository.lastIndexOf('/') + 1) === name)
        .sort(([a, m], [b, n]) => n - m || (0,paths/* comparePaths */.cD)(a, b))
        .slice(0, 3)
        .map(([repository, files]) => ({ repository, files }));
}


/***/ }),

/***/ 9160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cy: () => (/* binding */ lastComponent),
/* harmony export */   Ki: () => (/* binding */ holdsComponent),
/* harmony export */   dz: () => (/* binding */ readFilterTest),
/* harmony export */   i_: () => (/* binding */ textMayHoldAny),
/* harmony export */   j9: () => (/* binding */ KUSTOMIZATION_FILE),
/* harmony export */   oO: () => (/* binding */ CHART_YAML_FILE),
/* harmony export */   sQ: () => (/* binding */ readFilterOf)
/* harmony export */ });
/* unused harmony exports mayHoldAny, chartReadFilter */
// The byte-level prefilter: may a file hold a requested repository? It runs on every selected file before any
// decoding or parsing, so it must be cheap (indexOf, and a few byte checks per occurrence) and must never drop a
// file the full scan would find the repository in.
//
// The rule: a file is kept when it holds the last path component of a requested repository (`api` for
// `ghcr.io/acme/api`, `nginx` for `docker.io/library/nginx`) as a whole name component, i.e. with
// - before it: the start of the file, or a byte that cannot be part of a name (`/`, a blank, a quote, `:`, `=`,
//   `[`, `{`, `,` …), or the end of a double-quoted escape (`\t`, `\x2f`, `\u002F`, `\U0000002f`);
// - after it: the end of the file, or a byte that ends a name (`:` tag, `@` digest, a quote, a blank, a line end,
//   `,`, `]`, `}`, `#`, `=`, a `\` escape …), never a name byte (`[A-Za-z0-9._-]`) nor `/`, nor a `:` followed by
//   a blank or a line end (`api:` there is a mapping key, never a value: a tag follows its colon directly).
// Every shape the engine reads writes that component literally in such a place: a whole reference
// (`image: api`, `image: "ghcr.io/acme/api:1.0"`, `docker.io/library/nginx@sha256:…`), a kustomize `name:` /
// `newName:`, an Argo CD `alias=ghcr.io/acme/api:1.0` string, a Helm `repository: acme/api` (the last component is
// always there: `registry:` holds the host, or the host and owner), a `helm.parameters` value, a `# gitops-bump: ghcr.io/acme/api:tag`
// comment; and every spelling of a repository (`nginx`, `library/nginx`, `index.docker.io/library/nginx`) ends
// with it. `apiVersion:`, `api-gateway`, `my-api`, `/api/v1`, the key `api:` and `svc70` are not the component `api`
// or `svc7`.
// A component spelled with escapes inside its own letters (`"\x61pi"`) is not recognised (it never was).
/** The last path component of a repository: every spelling of the image holds it. */
function lastComponent(request) {
    const path = request.ref.path;
    return path.slice(path.lastIndexOf('/') + 1);
}
/** Bytes that may continue a host name or a path component: `[A-Za-z0-9._-]`. */
const NAME = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-')
    NAME[c.charCodeAt(0)] = 1;
const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
function isName(code) {
    return code < 128 && NAME[code] === 1;
}
/** Space, tab, line feed, carriage return. */
function isBlank(code) {
    return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
function isHex(code) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}
function codeAt(source, i) {
    return typeof source === 'string' ? source.charCodeAt(i) : source[i];
}
/** The hex escapes of a double-quoted scalar: `\x` + 2, `\u` + 4, `\U` + 8 hex digits. */
const HEX_ESCAPES = [[0x78, 2], [0x75, 4], [0x55, 8]];
/**
 * True when a YAML double-quoted escape ends just before `end`: `\t` (a tab, which a reference's blanks trim
 * allows), or `\xHH`, `\uHHHH`, `\UHHHHHHHH` (any character: `\x2f` is `/`). Kept conservative: any such escape.
 */
function escapeEndsAt(source, end) {
    if (end >= 2 && codeAt(source, end - 2) === BACKSLASH && codeAt(source, end - 1) === 0x74 /* t */)
        return true;
    for (const [letter, digits] of HEX_ESCAPES) {
        const start = end - digits - 2;
        if (start < 0 || codeAt(source, start) !== BACKSLASH || codeAt(source, start + 1) !== letter)
            continue;
        let hex = true;
        for (let i = start + 2; i < end && hex; i++)
            hex = isHex(codeAt(source, i));
        if (hex)
            return true;
    }
    return false;
}
/** No character: before the start or past the end of the source. */
const NONE = -1;
/**
 * True when a component at [start, end) of `source` stands alone as a name component (see the rule above), given
 * the codes of the character before it, and of the two after it ({@link NONE} past either end).
 */
function standsAlone(source, start, before, after, next) {
    if (after !== NONE) {
        if (isName(after) || after === SLASH)
            return false;
        // `api:` then a blank or a line end is a mapping key (`api:` in Helm values, `app: web` labels): a tag follows
        // its colon directly (`api:1.0`), and no plain scalar holds `: `.
        if (after === COLON && (next === NONE || isBlank(next)))
            return false;
    }
    return before === NONE || !isName(before) || escapeEndsAt(source, start);
}
/** True when `bytes` hold `needle` (a component, UTF-8) standing alone somewhere. */
function bytesHold(bytes, needle) {
    const length = bytes.length;
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
        const end = at + needle.length;
        const before = at > 0 ? bytes[at - 1] : NONE;
        const after = end < length ? bytes[end] : NONE;
        const next = end + 1 < length ? bytes[end + 1] : NONE;
        if (standsAlone(bytes, at, before, after, next))
            return true;
    }
    return false;
}
/** The same test on decoded text. */
function textHolds(text, component) {
    const length = text.length;
    for (let at = text.indexOf(component); at >= 0; at = text.indexOf(component, at + 1)) {
        const end = at + component.length;
        const before = at > 0 ? text.charCodeAt(at - 1) : NONE;
        const after = end < length ? text.charCodeAt(end) : NONE;
        const next = end + 1 < length ? text.charCodeAt(end + 1) : NONE;
        if (standsAlone(text, at, before, after, next))
            return true;
    }
    return false;
}
function components(requests) {
    return [...new Set(requests.map(lastComponent))];
}
/** A byte-level pre-filter for sources: true when the file may hold one of the requested repositories. */
function mayHoldAny(requests) {
    return holdsAnyOf(components(requests));
}
/** True when the bytes hold one of `names` (last components) standing alone. */
function holdsAnyOf(names) {
    const needles = names.map((c) => Buffer.from(c, 'utf8'));
    return (bytes) => needles.some((n) => bytesHold(bytes, n));
}
/** {@link mayHoldAny} on decoded text: the same answer for the same file. */
function textMayHoldAny(requests) {
    const names = components(requests);
    return (text) => names.some((n) => textHolds(text, n));
}
// ---- charts ----------------------------------------------------------------------------------------------
/** A kustomization (a HelmRelease patch's base is found through it). */
const KUSTOMIZATION_FILE = /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/;
const CHART_YAML_FILE = /(?:^|\/)Chart\.ya?ml$/;
/** Flux kinds a chart run may need without the chart's name in them: a patch of a HelmRelease, a HelmRepository. */
const FLUX_KINDS = ['HelmRelease', 'HelmRepository'];
/** True when `text` holds `component` standing alone as a name (the rule above). */
function holdsComponent(text, component) {
    return textHolds(text, component);
}
/**
 * The byte-level filter of a local read when the run asks for charts (or `chart-app-version`): the files the plan
 * may need besides the images' candidates (see core/chart-scan.ts, which narrows them before parsing): a file
 * holding a requested chart's name as a component, a HelmRelease (a patch names no chart) or HelmRepository, a
 * kustomization; with `appVersion`, every Chart.yaml. False when the run asks for no chart and not for appVersion.
 */
function chartReadFilter(names, appVersion) {
    const needles = [...new Set(names)].map((name) => Buffer.from(name, 'utf8'));
    if (needles.length === 0 && !appVersion)
        return () => false;
    return (path, bytes) => {
        if (appVersion && CHART_YAML_FILE.test(path))
            return true;
        if (needles.length === 0)
            return false;
        if (KUSTOMIZATION_FILE.test(path))
            return true;
        return needles.some((needle) => bytesHold(bytes, needle)) || FLUX_KINDS.some((kind) => bytes.indexOf(kind) >= 0);
    };
}
/** The {@link ReadFilter} of a run asking for `images` and the charts named `charts`. */
function readFilterOf(images, charts, appVersion) {
    return { components: components(images), charts: [...new Set(charts)], appVersion };
}
/** The byte-level test a {@link ReadFilter} describes: {@link mayHoldAny} for its images, or {@link chartReadFilter}. */
function readFilterTest(filter) {
    const images = holdsAnyOf(filter.components);
    const charts = chartReadFilter(filter.charts, filter.appVersion);
    return (bytes, path) => images(bytes) || charts(path, bytes);
}


/***/ }),

/***/ 1659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ip: () => (/* binding */ sourceSkips),
/* harmony export */   Mn: () => (/* binding */ promotionRequests)
/* harmony export */ });
/* unused harmony export PromotionConflictError */
/* harmony import */ var _image_chart_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8209);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3564);
/* harmony import */ var _charts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6250);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9506);
// promote: the versions running in one environment become the requests for the next. Pure.




/**
 * The promotion source's files that were not read (binary, oversized, UTF-16…) or not located (chart templates), as
 * the plan lists them: marked as the source's (`promotion source: <reason>`, or `promotion source owner/name: …` for
 * another repository), so that the summary names them and never mistakes them for the target's.
 */
function sourceSkips(skipped, repository) {
    const mark = repository === undefined ? 'promotion source' : `promotion source ${repository}`;
    return skipped.map((skip) => ({ path: skip.path, reason: `${mark}: ${skip.reason}` }));
}
/** The source holds two or more versions of one image (or chart): promoting would be a guess. */
class PromotionConflictError extends Error {
    conflicts;
    chartConflicts;
    constructor(conflicts, chartConflicts = new Map()) {
        const lines = [
            ...[...conflicts].map(([image, places]) => `${image}: ${places.map((p) => `${(0,_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .versionOf */ .E4)(p)} (${p.file}:${p.line})`).join(', ')}`),
            ...[...chartConflicts].map(([chart, places]) => `chart ${chart}: ${places.map((p) => `${p.version} (${p.file}:${p.line})`).join(', ')}`),
        ];
        const images = conflicts.size === 0 ? '' : conflicts.size === 1 ? 'an image' : `${conflicts.size} images`;
        const charts = chartConflicts.size === 0 ? '' : chartConflicts.size === 1 ? 'a chart' : `${chartConflicts.size} charts`;
        const list = conflicts.size > 0 && chartConflicts.size > 0 ? "'images' and 'charts'" : conflicts.size > 0 ? "'images'" : "'charts'";
        super(`The promotion source holds different versions of ${[images, charts].filter((what) => what !== '').join(' and ')}: ` +
            `${lines.join('; ')}. Narrow 'promote-from', or list what to promote in ${list}.`);
        this.conflicts = conflicts;
        this.chartConflicts = chartConflicts;
        this.name = 'PromotionConflictError';
    }
}
/**
 * Collects every image and chart version in the source files (every shape the edit engine knows) and turns each
 * into a request. A filter (`only` bare repositories, `filter.charts`) narrows the promotion to what it lists; with
 * none, every image and every chart found is promoted. A chart version range is never promoted.
 * Throws PlanSyntaxError for a source file that does not parse, PromotionConflictError for two versions of one
 * image or chart (naming both places).
 */
function promotionRequests(files, only, filter = {}) {
    const onlyImages = only ?? filter.images ?? [];
    const onlyCharts = filter.charts ?? [];
    const narrowed = onlyImages.length > 0 || onlyCharts.length > 0;
    const wanted = narrowed ? new Set(onlyImages.map((r) => r.repository)) : undefined;
    const found = [];
    const scanned = [];
    const skipped = (0,_scan_js__WEBPACK_IMPORTED_MODULE_3__/* .scan */ .S)(files, (file) => {
        scanned.push(file);
        for (const site of file.sites) {
            if (site.repository === undefined || (site.tag === undefined && site.digest === undefined))
                continue;
            if (wanted && !wanted.has(site.repository))
                continue;
            found.push({ file: file.path, line: site.line, repository: site.repository, name: site.name, tag: site.tag, digest: site.digest });
        }
    }, undefined, { charts: !narrowed || onlyCharts.length > 0 });
    const { versions: foundCharts, notes } = chartVersions(scanned, narrowed ? onlyCharts : undefined);
    const byImage = new Map();
    for (const f of found)
        byImage.set(f.repository, [...(byImage.get(f.repository) ?? []), f]);
    const conflicts = new Map();
    const requests = [];
    for (const [repository, places] of byImage) {
        const versions = new Set(places.map(_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .versionOf */ .E4));
        if (versions.size > 1) {
            conflicts.set(places[0].name, places);
            continue;
        }
        const first = places[0];
        const input = (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)(first.name, first.tag, first.digest);
        const ref = (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(input);
        if (ref.repository !== repository)
            throw new Error(`internal: ${input} does not normalise to ${repository}`);
        requests.push({ input, ref });
    }
    const chartConflicts = new Map();
    const charts = [];
    for (const [chart, group] of groupBy(foundCharts, (f) => f.found.chart)) {
        const places = group.map((f) => f.found);
        if (new Set(places.map((p) => p.version)).size > 1)
            chartConflicts.set(chart, places);
        else
            charts.push(group[0].request);
    }
    if (conflicts.size > 0 || chartConflicts.size > 0)
        throw new PromotionConflictError(conflicts, chartConflicts);
    return { requests, found, charts, foundCharts: foundCharts.map((f) => f.found), skipped, notes };
}
/**
 * Every pinned chart version of the scanned files (ranges and charts whose name cannot be told are left out), and a
 * note for each HelmRelease patch left out because its base (which names the chart) is not among the files.
 */
function chartVersions(scanned, only) {
    const context = new _charts_js__WEBPACK_IMPORTED_MODULE_2__/* .ChartContext */ .uR(scanned);
    const out = [];
    const notes = [];
    for (const file of scanned) {
        for (const site of file.charts?.sites ?? []) {
            if (site.version === undefined || site.range)
                continue;
            const resolved = context.resolve(file.path, site);
            const orphan = resolved === undefined ? (0,_charts_js__WEBPACK_IMPORTED_MODULE_2__/* .baselessPatch */ .T7)(site, "the promotion source's files", "not promoted (add the base's folder to promote-from)") : undefined;
            if (orphan !== undefined)
                notes.push(`promotion source ${file.path}:${site.line}: ${orphan}`);
            if (resolved === undefined || (only !== undefined && !only.some((ref) => (0,_image_chart_js__WEBPACK_IMPORTED_MODULE_0__/* .sameChart */ .zb)(ref, resolved.chart, resolved.repository))))
                continue;
            const url = resolved.repository;
            const display = (0,_image_chart_js__WEBPACK_IMPORTED_MODULE_0__/* .chartDisplay */ .fc)(url, resolved.chart);
            const request = {
                input: `${display}:${site.version}`,
                ref: { name: resolved.chart, display, version: site.version, ...(url !== undefined && { url, repository: url }) },
            };
            out.push({ found: { file: file.path, line: site.line, chart: display, version: site.version }, request });
        }
    }
    return { versions: out, notes };
}
function groupBy(items, key) {
    const groups = new Map();
    for (const item of items)
        groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
    return groups;
}


/***/ }),

/***/ 5240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LJ: () => (/* binding */ recordedMoves),
/* harmony export */   e1: () => (/* binding */ provenanceTrailers)
/* harmony export */ });
/* unused harmony exports BUMPED_IMAGE, SOURCE_COMMIT, BUILT_BY */
/** `Bumped-Image: <repository> <from> -> <to>`: one per distinct move; opens the set of trailers that follow it. */
const BUMPED_IMAGE = 'Bumped-Image';
/** `Source-Commit: <owner/name>@<40-hex sha>`: the source commit the new version was built from. */
const SOURCE_COMMIT = 'Source-Commit';
/** `Built-By: <server>/<owner/name>/actions/runs/<id>`: the workflow run that made the bump. */
const BUILT_BY = 'Built-By';
const NONE = '(none)';
const SHA = /^[0-9a-f]{40}$/;
const SOURCE = /^([A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100})@([0-9a-fA-F]{40})$/;
const MOVE = /^(\S+) (\S+) -> (\S+)$/;
/** The trailer value of a version: no spaces (a value is one token), `(none)` for an unset one. */
function version(value) {
    const v = value.replace(/\s+/g, '');
    return v === '' ? NONE : v;
}
/** `owner/name@sha` when both are known and well formed. */
function sourceCommit(provenance) {
    const { repository, sha } = provenance;
    return repository !== undefined && sha !== undefined && SHA.test(sha) ? `${repository}@${sha}` : undefined;
}
/**
 * The trailers of a plan's changes: per distinct move (image, from, to, in the plan's order), `Bumped-Image`,
 * then `Source-Commit` and `Built-By` when known. A set starts at its `Bumped-Image`, so a reader pairs each
 * source with its image (`recordedMoves`). No changes, no trailers. Without a sha of its own (a promotion), an
 * image's source commit is the one the provenance read found for its new version (`found`, by image).
 */
function provenanceTrailers(changes, provenance, found) {
    const seen = new Set();
    const own = sourceCommit(provenance);
    const trailers = [];
    for (const c of changes) {
        const move = `${c.image} ${version(c.from)} -> ${version(c.to)}`;
        if (seen.has(move))
            continue;
        seen.add(move);
        trailers.push([BUMPED_IMAGE, move]);
        const source = own ?? sourceCommit({ ...provenance, sha: found?.get(c.image) });
        if (source !== undefined)
            trailers.push([SOURCE_COMMIT, source]);
        if (provenance.builtBy !== undefined)
            trailers.push([BUILT_BY, provenance.builtBy]);
    }
    return trailers;
}
/**
 * The moves a commit records, from its trailers in order (github/mutation.ts `trailers`): each `Bumped-Image`
 * opens a set, and the `Source-Commit`/`Built-By` after it (before the next) belong to it. Malformed values
 * are skipped, never guessed at: these are read from any commit on a branch.
 */
function recordedMoves(trailers) {
    const moves = [];
    let current;
    for (const [name, value] of trailers) {
        const key = name.toLowerCase();
        if (key === BUMPED_IMAGE.toLowerCase()) {
            const m = MOVE.exec(value.trim());
            current = m ? { image: m[1], from: m[2], to: m[3] } : undefined;
            if (current)
                moves.push(current);
        }
        else if (current && key === SOURCE_COMMIT.toLowerCase() && current.source === undefined) {
            const m = SOURCE.exec(value.trim());
            if (m)
                current.source = { repository: m[1], sha: m[2].toLowerCase() };
        }
        else if (current && key === BUILT_BY.toLowerCase() && current.builtBy === undefined) {
            current.builtBy = value.trim();
        }
    }
    return moves;
}


/***/ }),

/***/ 9506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ scan),
/* harmony export */   f: () => (/* binding */ PlanSyntaxError)
/* harmony export */ });
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6107);
/* harmony import */ var _yaml_locate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7007);
// The one per-file loop of the core (plan and promotion both read files through it): files in path order, Helm
// chart templates skipped, image references located in every other file, and files that are not YAML collected,
// then raised together once every file was read.


/** Raised when any selected file fails to parse: the run writes nothing. */
class PlanSyntaxError extends Error {
    errors;
    constructor(errors) {
        super(errors.length === 1
            ? `${where(errors[0])}: not valid YAML: ${errors[0].detail}. Nothing was written.`
            : `${errors.length} files are not valid YAML (${errors.map(where).join(', ')}). Nothing was written.`);
        this.errors = errors;
        this.name = 'PlanSyntaxError';
    }
}
function where(e) {
    return `${e.file}:${e.line}:${e.column}`;
}
const CHART_TEMPLATE = 'Helm chart template (not YAML until rendered)';
/**
 * Hands every file `select` keeps (all by default; tested before any parse) to `visit`, located, in path order.
 * Returns the chart templates skipped. Throws {@link PlanSyntaxError} listing every file that does not parse, after
 * the loop: then nothing may be written.
 */
function scan(files, visit, select, options) {
    const skipped = [];
    const errors = [];
    for (const file of [...files].sort(_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .byPath */ .f2)) {
        if (select !== undefined && !select(file))
            continue;
        if ((0,_yaml_locate_js__WEBPACK_IMPORTED_MODULE_1__/* .isChartTemplate */ .ZC)(file.path, file.text)) {
            skipped.push({ path: file.path, reason: CHART_TEMPLATE });
            continue;
        }
        let located;
        try {
            located = (0,_yaml_locate_js__WEBPACK_IMPORTED_MODULE_1__/* .locate */ .x5)(file.text, options);
        }
        catch (error) {
            if (!(error instanceof _yaml_locate_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlSyntaxError */ .nN))
                throw error;
            errors.push({ file: file.path, line: error.line, column: error.column, detail: error.detail });
            continue;
        }
        visit({ path: file.path, text: file.text, sites: located.sites, lines: located.lines, ...(located.charts !== undefined && { charts: located.charts }) });
    }
    if (errors.length > 0)
        throw new PlanSyntaxError(errors);
    return skipped;
}


/***/ }),

/***/ 8209:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ isVersionRange),
/* harmony export */   J0: () => (/* binding */ parseChartReference),
/* harmony export */   ce: () => (/* binding */ InvalidChartError),
/* harmony export */   fc: () => (/* binding */ chartDisplay),
/* harmony export */   tb: () => (/* binding */ normaliseChartRepository),
/* harmony export */   zb: () => (/* binding */ sameChart)
/* harmony export */ });
// Helm chart references: a repository URL, the chart's name, a version. Pure.
//
//   oci://ghcr.io/acme/charts/api:1.4.2    an OCI registry (Argo CD and helmfile write it without `oci://`)
//   https://charts.acme.io/api:1.4.2       a classic chart repository (index.yaml)
//   api:1.4.2                              a bare name: matches a chart of that name in any repository
//
// Two spellings of one repository share a key (see normaliseChartRepository): the scheme `oci://` or none,
// `http://` or `https://`, the host's case and trailing slashes do not matter; the path does, exactly.
/** Thrown for text that is not a chart reference; `reason` says why, in words a person can act on. */
class InvalidChartError extends Error {
    value;
    reason;
    constructor(value, reason) {
        super(`'${value}' is not a valid chart reference: ${reason}`);
        this.value = value;
        this.reason = reason;
        this.name = 'InvalidChartError';
    }
}
/** Helm's chart names: lowercase letters, digits, `-`, `_`, `.` (upper case tolerated: some repositories use it). */
const CHART_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;
/** A chart version as a file pins it: SemVer 2 (build metadata, which OCI tags write with `_`, included) or any tag-like word. */
const VERSION = /^[A-Za-z0-9_][A-Za-z0-9._+-]{0,127}$/;
const HOST = /^[A-Za-z0-9.-]+(?::[0-9]+)?$/;
/**
 * Parses `[repository/]name[:version]`. The repository is `oci://…`, `https://…`, `http://…`, or a scheme-less
 * `host/path` (as Argo CD writes OCI repositories); a name alone matches by name.
 * Throws {@link InvalidChartError}.
 */
function parseChartReference(text) {
    const raw = text.trim();
    if (raw === '')
        throw new InvalidChartError(text, 'it is empty');
    // The version follows the last ':' after the last '/' (a port sits before a '/').
    const slash = raw.lastIndexOf('/');
    const colon = raw.lastIndexOf(':');
    const versioned = colon > slash && !raw.slice(colon).startsWith('://');
    const version = versioned ? raw.slice(colon + 1) : undefined;
    const path = versioned ? raw.slice(0, colon) : raw;
    if (version !== undefined && !VERSION.test(version)) {
        throw new InvalidChartError(raw, `the version '${version}' is not a chart version (such as 1.4.2)`);
    }
    const cut = path.lastIndexOf('/');
    const name = path.slice(cut + 1);
    if (!CHART_NAME.test(name))
        throw new InvalidChartError(raw, `'${name}' is not a chart name (letters, digits, '-', '_', '.')`);
    if (cut < 0)
        return { name, display: name, ...(version !== undefined && { version }) };
    const url = path.slice(0, cut);
    const repository = normaliseChartRepository(url);
    if (repository === undefined) {
        throw new InvalidChartError(raw, `'${url}' is not a chart repository URL (write oci://registry/path/name or https://host/path/name)`);
    }
    return { name, url, repository, display: `${url}/${name}`, ...(version !== undefined && { version }) };
}
/**
 * The match key of a chart repository URL, or undefined when it names no repository one can compare (`@alias`,
 * `alias:name`, `file://…`, a template). `oci://ghcr.io/acme/charts`, `ghcr.io/acme/charts` and
 * `OCI://GHCR.io/acme/charts/` are one key (`oci://ghcr.io/acme/charts`); `http://` and `https://` are one
 * (`https://charts.acme.io`).
 */
function normaliseChartRepository(url) {
    const text = url.trim().replace(/\/+$/, '');
    if (text === '' || /\$\{|\{\{/.test(text))
        return undefined;
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
    const kind = scheme === null ? 'oci' : scheme[1].toLowerCase();
    if (kind !== 'oci' && kind !== 'https' && kind !== 'http')
        return undefined;
    const rest = scheme === null ? text : text.slice(scheme[0].length);
    const slash = rest.indexOf('/');
    const host = slash < 0 ? rest : rest.slice(0, slash);
    const path = slash < 0 ? '' : rest.slice(slash);
    if (!HOST.test(host) || /\s/.test(path))
        return undefined;
    // A scheme-less URL is a registry (Argo CD's and helmfile's OCI spelling): its host has a dot, a port or is localhost.
    if (scheme === null && !(host.includes('.') || host.includes(':') || host === 'localhost'))
        return undefined;
    return `${kind === 'http' ? 'https' : kind}://${host.toLowerCase()}${path}`;
}
/** The chart reference a file's repository URL and chart name make, for messages: `oci://ghcr.io/acme/charts/api`. */
function chartDisplay(url, name) {
    return url === undefined ? name : `${url.trim().replace(/\/+$/, '')}/${name}`;
}
/**
 * True for a version constraint rather than one version: `>=1.0.0`, `^1.2`, `~1.4`, `1.x`, `1.2.*`, `*`,
 * `1.0 - 2.0`, `>=1 <2`, `1.2 || 1.3`. A range in a file is the cluster's (or the chart author's) policy: it is
 * reported, never replaced by a pinned version.
 */
function isVersionRange(version) {
    const text = version.trim();
    return /[\^~<>=*|,]/.test(text) || /(?:^|\.)[xX](?:\.|$)/.test(text) || /\s/.test(text);
}
/** True when `request` (a reference from the `charts` input) names the chart a file holds at `repository`/`name`. */
function sameChart(request, name, repository) {
    if (request.name.toLowerCase() !== name.toLowerCase())
        return false;
    return request.repository === undefined || repository === undefined || request.repository === repository;
}


/***/ }),

/***/ 6811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ON: () => (/* binding */ parsePolicy),
/* harmony export */   S4: () => (/* binding */ judge),
/* harmony export */   Vw: () => (/* binding */ compareVersionTags),
/* harmony export */   pn: () => (/* binding */ PolicyError),
/* harmony export */   wy: () => (/* binding */ describePolicy)
/* harmony export */ });
/* unused harmony exports semverOfTag, isVersionTag */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
// May a version replace another? The `policy` input: `newer` (default), `any`, or a semver range.
// Pure: no I/O.

/** A `policy` value that is no policy: `reason` says why and what is accepted, `input` names the input. */
class PolicyError extends Error {
    input;
    reason;
    constructor(input, reason) {
        super(`${input}: ${reason}`);
        this.input = input;
        this.reason = reason;
        this.name = 'PolicyError';
    }
}
const ACCEPTED = "use 'newer' (the default: never move a version backwards), 'any' (allow rollbacks) or a semver range such as '~1.4', '^2', '>=1.2 <2' or '1.x'";
// MAJOR.MINOR[.PATCH][-prerelease][+build] with an optional leading v/V: read by semver (`v1.4` → 1.4.0).
const SEMVER_SHAPED = /^[vV]?(\d+)\.(\d+)(?:\.(\d+))?((?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;
// Two or more dot-separated numbers with an optional leading v/V and nothing else: `24.04`, `2024.11.02`,
// `1.2.3.10`. Zero padding is allowed here (it is not in semver). A bare integer (`6801028`, `20241102`) is not.
const DOTTED = /^[vV]?(\d+(?:\.\d+)+)$/;
/**
 * Parses the `policy` input: '' → newer; `newer`, `any`, or a semver range (`~1.4`, `^2`, `>=1.2 <2`, `1.x`).
 * Throws a PolicyError naming `input` and the accepted forms.
 */
function parsePolicy(text, input = 'policy') {
    const value = text.trim();
    const word = value.toLowerCase();
    if (word === '' || word === 'newer')
        return { kind: 'newer' };
    if (word === 'any')
        return { kind: 'any' };
    if (isRange(value))
        return { kind: 'range', range: value };
    throw new PolicyError(input, `'${value}' is not a policy; ${ACCEPTED}`);
}
/** For summaries: `newer`, `any`, `range ~1.4`. */
function describePolicy(p) {
    return p.kind === 'range' ? `range ${p.range}` : p.kind;
}
/**
 * May `wanted` replace `current` under `policy`? `current` is what the file holds now, `wanted` what the request asks for.
 * A tag-plus-digest is judged by its tag; a digest-only `wanted` is always allowed.
 */
function judge(policy, current, wanted) {
    if (policy.kind === 'any')
        return { allowed: true };
    const wantedTag = nonEmpty(wanted.tag);
    if (wantedTag === undefined)
        return { allowed: true };
    if (policy.kind === 'range') {
        const outside = rangeRefusal(policy.range, wantedTag);
        if (outside !== undefined)
            return { allowed: false, reason: outside };
    }
    return noDowngrade(policy, nonEmpty(current.tag), wantedTag);
}
/**
 * The tag as a strict semver string (`v1.4` → `1.4.0`), or undefined when semver cannot read it (`latest`,
 * `6801028`, and also the dotted versions semver refuses: `24.04`, `2024.11.02`, `1.2.3.10`). The `range` policy
 * judges only these.
 */
function semverOfTag(tag) {
    const match = SEMVER_SHAPED.exec(tag);
    if (match === null)
        return undefined;
    const [, major, minor, patch, rest] = match;
    return semver__WEBPACK_IMPORTED_MODULE_0___default().valid(`${major}.${minor}.${patch ?? '0'}${rest ?? ''}`) ?? undefined;
}
/**
 * True for a tag the `newer` policy orders: a semver tag (`1.10`, `v2.0.1-rc.1`) or two or more dotted numbers
 * (`24.04`, `2024.11.02`, `1.2.3.10`, with or without `v`). Not `6801028`, `latest`, `sha-1a2b3c`, `2024-11-02`.
 */
function isVersionTag(tag) {
    return readVersionTag(tag) !== undefined;
}
/**
 * Compares two version tags (negative, 0, positive), or undefined when either is not a version.
 * Two semver tags compare by semver precedence (pre-releases included). Otherwise the numbers compare part by
 * part, numerically (`02` is 2), a missing part counting as 0 (`1.4` = `1.4.0`, `1.2.3` < `1.2.3.1`); when all
 * numbers are equal, a semver pre-release is older than the tag without one (`1.2.3-rc.1` < `1.2.3.0`).
 */
function compareVersionTags(a, b) {
    const left = readVersionTag(a);
    const right = readVersionTag(b);
    if (left === undefined || right === undefined)
        return undefined;
    if (left.semver !== undefined && right.semver !== undefined)
        return semver__WEBPACK_IMPORTED_MODULE_0___default().compare(left.semver, right.semver);
    const length = Math.max(left.numbers.length, right.numbers.length);
    for (let i = 0; i < length; i++) {
        const order = compareNumbers(left.numbers[i] ?? '0', right.numbers[i] ?? '0');
        if (order !== 0)
            return order;
    }
    return Number(right.prerelease) - Number(left.prerelease);
}
// ---------------------------------------------------------------------------------------------------------
function isRange(text) {
    // A range must mention a version number or a wildcard; semver accepts some words (e.g. 'x') as '*'.
    return /[0-9*xX]/.test(text) && semver__WEBPACK_IMPORTED_MODULE_0___default().validRange(text) !== null;
}
function readVersionTag(tag) {
    const strict = semverOfTag(tag);
    if (strict !== undefined) {
        const parsed = new (semver__WEBPACK_IMPORTED_MODULE_0___default().SemVer)(strict);
        return { numbers: [parsed.major, parsed.minor, parsed.patch].map(String), semver: strict, prerelease: parsed.prerelease.length > 0 };
    }
    const dotted = DOTTED.exec(tag);
    if (dotted === null)
        return undefined;
    return { numbers: dotted[1].split('.').map((n) => n.replace(/^0+(?=\d)/, '')), prerelease: false };
}
/** Compares two decimal numbers without leading zeros, of any length (no precision limit). */
function compareNumbers(a, b) {
    if (a.length !== b.length)
        return a.length < b.length ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
}
function rangeRefusal(range, tag) {
    const version = semverOfTag(tag);
    if (version === undefined)
        return `'${tag}' is not a semantic version, so it cannot be checked against the range ${range}`;
    if (!semver__WEBPACK_IMPORTED_MODULE_0___default().satisfies(version, range))
        return `${tag} is outside the range ${range}`;
    return undefined;
}
function noDowngrade(policy, currentTag, wantedTag) {
    const unchecked = 'written without an ordering check';
    if (!isVersionTag(wantedTag))
        return { allowed: true, note: `'${wantedTag}' is not a version tag: ${unchecked}` };
    if (currentTag === undefined)
        return { allowed: true, note: `the current reference has no tag: ${unchecked}` };
    const order = compareVersionTags(wantedTag, currentTag);
    if (order === undefined)
        return { allowed: true, note: `the current tag '${currentTag}' is not a version tag: ${unchecked}` };
    if (order >= 0)
        return { allowed: true };
    return {
        allowed: false,
        reason: `${wantedTag} is older than ${currentTag} already there (policy: ${describePolicy(policy)}; use policy: any to roll back)`,
    };
}
function nonEmpty(text) {
    return text === undefined || text === '' ? undefined : text;
}


/***/ }),

/***/ 3564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E4: () => (/* binding */ versionOf),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   WF: () => (/* binding */ tryParseReference),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   pA: () => (/* binding */ joinRepository),
/* harmony export */   r_: () => (/* binding */ isValidTag),
/* harmony export */   x_: () => (/* binding */ InvalidReferenceError)
/* harmony export */ });
/* unused harmony exports DEFAULT_REGISTRY, NAME_MAX_LENGTH, TAG_MAX_LENGTH, normaliseRepository, sameRepository, tagProblem, digestProblem */
// OCI / Docker image references, following the grammar of github.com/distribution/reference:
//
//   reference  := name [ ":" tag ] [ "@" digest ]
//   name       := [ domain "/" ] path-component { "/" path-component }      (at most 255 characters)
//   domain     := host [ ":" port ]        host := domain-name | "[" ipv6 "]"
//   path-comp  := [a-z0-9]+ ( ( [._] | "__" | "-"+ ) [a-z0-9]+ )*
//   tag        := [A-Za-z0-9_][A-Za-z0-9._-]{0,127}
//   digest     := "sha256:" 64 lowercase hex | "sha512:" 128 lowercase hex   (the algorithms registries use)
//
// The first component of a name is a registry host only when it contains '.' or ':' or is 'localhost';
// otherwise the image lives on Docker Hub, and a one-component Docker Hub path lives under 'library/'.
/** Thrown for text that is not an image reference; `reason` says why, in words a person can act on. */
class InvalidReferenceError extends Error {
    value;
    reason;
    constructor(value, reason) {
        super(`${show(value)} is not a valid image reference: ${reason}`);
        this.name = 'InvalidReferenceError';
        this.value = value;
        this.reason = reason;
    }
}
/** The registry an image gets when its name has none. */
const DEFAULT_REGISTRY = 'docker.io';
/** Longest name (registry and path, as written) the grammar allows. */
const NAME_MAX_LENGTH = 255;
/** Longest tag the grammar allows. */
const TAG_MAX_LENGTH = 128;
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const IPV6_HOST = /^\[[A-Fa-f0-9:]+\]$/;
const PORT = /^[0-9]+$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const TAG_CHARACTER = /^[A-Za-z0-9._-]$/;
const DIGEST_HEX = { sha256: 64, sha512: 128 };
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f]/u;
/** Parses an image reference. Throws {@link InvalidReferenceError} with a precise reason. */
function parseReference(text) {
    const raw = trimBlanks(text);
    const problem = textProblem(raw);
    if (problem !== undefined)
        throw new InvalidReferenceError(raw, problem);
    const { name, tag, digest } = splitReference(raw);
    const { registry, path } = parseName(raw, name);
    const reference = { raw, name, registry, path, repository: `${registry}/${path}` };
    return { ...reference, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}
/** Like {@link parseReference}, but returns undefined instead of throwing. */
function tryParseReference(text) {
    try {
        return parseReference(text);
    }
    catch (error) {
        if (error instanceof InvalidReferenceError)
            return undefined;
        throw error;
    }
}
/**
 * The normalised repository of a name: `nginx` → `docker.io/library/nginx`, `GHCR.IO/acme/api` →
 * `ghcr.io/acme/api`. A tag or digest, if present, is ignored. Throws {@link InvalidReferenceError}.
 */
function normaliseRepository(name) {
    return parseReference(name).repository;
}
/**
 * True when two names denote the same repository after normalisation. Never a prefix match:
 * `ghcr.io/acme/api` is not `ghcr.io/acme/api-gateway` nor `ghcr.io/acme/api/sub`. False when either is invalid.
 */
function sameRepository(a, b) {
    const left = tryParseReference(a);
    const right = tryParseReference(b);
    return left !== undefined && right !== undefined && left.repository === right.repository;
}
/**
 * Builds `name[:tag][@digest]`, keeping the spelling of `name` (no normalisation).
 * Throws {@link InvalidReferenceError} when the name, tag or digest is invalid, or when `name` carries a tag or digest itself.
 */
function formatReference(name, tag, digest) {
    const text = `${name}${tag === undefined ? '' : `:${tag}`}${digest === undefined ? '' : `@${digest}`}`;
    const nameOnly = parseReference(name);
    if (nameOnly.raw !== name || nameOnly.tag !== undefined || nameOnly.digest !== undefined) {
        throw new InvalidReferenceError(text, `the name ${show(name)} must be a bare repository name without tag, digest or surrounding blanks`);
    }
    const tagError = tag === undefined ? undefined : tagProblem(tag);
    if (tagError !== undefined)
        throw new InvalidReferenceError(text, tagError);
    const digestError = digest === undefined ? undefined : digestProblem(digest);
    if (digestError !== undefined)
        throw new InvalidReferenceError(text, digestError);
    return text;
}
/** True for a tag of the grammar: `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`. */
function isValidTag(tag) {
    return TAG.test(tag);
}
/** True for `sha256:` + 64 or `sha512:` + 128 lowercase hex characters. */
function isValidDigest(digest) {
    return digestProblem(digest) === undefined;
}
/** Why `tag` is not a valid tag, or undefined when it is. */
function tagProblem(tag) {
    if (tag === '')
        return 'the tag is empty';
    if (tag.length > TAG_MAX_LENGTH)
        return `tag ${show(abbreviate(tag))} is ${tag.length} characters long; at most ${TAG_MAX_LENGTH} are allowed`;
    const bad = [...tag].find((c) => !TAG_CHARACTER.test(c));
    if (bad !== undefined)
        return `tag ${show(tag)} has a character outside [A-Za-z0-9._-]: ${show(bad)}`;
    if (!TAG.test(tag))
        return `tag ${show(tag)} must start with a letter, a digit or '_'`;
    return undefined;
}
/** Why `digest` is not a valid digest, or undefined when it is. */
function digestProblem(digest) {
    const colon = digest.indexOf(':');
    const algorithm = colon < 0 ? '' : digest.slice(0, colon);
    const hex = digest.slice(colon + 1);
    const length = DIGEST_HEX[algorithm];
    if (length === undefined) {
        const found = colon < 0 ? `${show(abbreviate(digest))} has no algorithm` : `algorithm ${show(algorithm)} is not supported`;
        return `digest must be sha256: followed by 64 lowercase hex characters (or sha512: followed by 128); ${found}`;
    }
    if (hex.length === length && /^[0-9a-f]+$/.test(hex))
        return undefined;
    const found = /^[0-9a-fA-F]*$/.test(hex)
        ? hex.length === length
            ? 'it has uppercase hex'
            : `it has ${hex.length}`
        : 'it has characters that are not hex';
    return `digest must be ${algorithm}: followed by ${length} lowercase hex characters; ${found}`;
}
/** Joins Helm-style split parts: registry `ghcr.io` + repository `acme/api` → `ghcr.io/acme/api`; registry undefined/'' → repository. */
function joinRepository(registry, repository) {
    const host = (registry ?? '').trim().replace(/\/+$/, '');
    if (host === '')
        return repository;
    return `${host}/${repository.replace(/^\/+/, '')}`;
}
/** The version part as the summary shows it: `1.4.2`, `sha256:…`, `1.4.2@sha256:…`, `` when neither. */
function versionOf(ref) {
    const tag = ref.tag ?? '';
    const digest = ref.digest ?? '';
    if (tag !== '' && digest !== '')
        return `${tag}@${digest}`;
    return tag !== '' ? tag : digest;
}
// ---------------------------------------------------------------------------------------------------------
/** Removes leading and trailing spaces and tabs only: a newline or other control character is an error. */
function trimBlanks(text) {
    return text.replace(/^[ \t]+|[ \t]+$/g, '');
}
/** Problems visible in the whole text, before any splitting. */
function textProblem(raw) {
    if (raw === '')
        return 'it is empty';
    if (/\$\{|\{\{|\}\}|\{%/.test(raw)) {
        return 'it contains a template placeholder (${…} or {{ … }}); render the template first or put a literal reference there';
    }
    if (/^oci:\/\//i.test(raw)) {
        return 'it is an OCI artifact URL (oci://, e.g. a Helm chart), not a container image';
    }
    if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(raw)) {
        return 'it is a URL; an image reference has no scheme (write registry/path:tag)';
    }
    const match = CONTROL_OR_SPACE.exec(raw);
    if (match !== null) {
        return `it contains ${describeCharacter(match[0])} at position ${match.index + 1}; image references cannot contain whitespace or control characters`;
    }
    return undefined;
}
/** Splits `name[:tag][@digest]`, validating the tag and digest. */
function splitReference(raw) {
    const at = raw.indexOf('@');
    if (at >= 0 && raw.indexOf('@', at + 1) >= 0)
        throw new InvalidReferenceError(raw, "it has more than one '@'");
    let rest = raw;
    let digest;
    if (at >= 0) {
        digest = raw.slice(at + 1);
        rest = raw.slice(0, at);
        if (digest === '')
            throw new InvalidReferenceError(raw, "it ends with '@' but no digest follows");
        const problem = digestProblem(digest);
        if (problem !== undefined)
            throw new InvalidReferenceError(raw, problem);
        if (rest === '')
            throw new InvalidReferenceError(raw, "there is no image name before '@'");
    }
    const colon = rest.lastIndexOf(':');
    if (colon <= rest.lastIndexOf('/'))
        return { name: rest, ...(digest !== undefined && { digest }) };
    const tag = rest.slice(colon + 1);
    const name = rest.slice(0, colon);
    if (tag === '')
        throw new InvalidReferenceError(raw, "it ends with ':' but no tag follows");
    if (name === '')
        throw new InvalidReferenceError(raw, "there is no image name before ':'");
    const problem = tagProblem(tag);
    if (problem !== undefined)
        throw new InvalidReferenceError(raw, problem);
    return { name, tag, ...(digest !== undefined && { digest }) };
}
/** Splits a name into its normalised registry and path, validating every component. */
function parseName(raw, name) {
    if (name.length > NAME_MAX_LENGTH) {
        throw new InvalidReferenceError(raw, `the name is ${name.length} characters long; at most ${NAME_MAX_LENGTH} are allowed`);
    }
    const components = name.split('/');
    const first = components[0] ?? '';
    const hasHost = components.length > 1 && isHostLike(first);
    const pathComponents = hasHost ? components.slice(1) : components;
    if (hasHost) {
        const problem = hostProblem(first);
        if (problem !== undefined)
            throw new InvalidReferenceError(raw, problem);
    }
    for (const component of pathComponents) {
        const problem = pathComponentProblem(component, name);
        if (problem !== undefined)
            throw new InvalidReferenceError(raw, problem);
    }
    const written = hasHost ? first.toLowerCase() : DEFAULT_REGISTRY;
    const registry = DOCKER_HUB_ALIASES.has(written) ? DEFAULT_REGISTRY : written;
    const path = registry === DEFAULT_REGISTRY && pathComponents.length === 1 ? `library/${pathComponents.join('/')}` : pathComponents.join('/');
    return { registry, path };
}
/** The distribution rule: a first component is a host when it has '.' or ':' or is 'localhost'. */
function isHostLike(component) {
    return component.includes('.') || component.includes(':') || component.toLowerCase() === 'localhost';
}
function hostProblem(domain) {
    if (domain.startsWith('[') && !domain.includes(']')) {
        return `registry ${show(domain)} opens an IPv6 address with '[' but never closes it with ']'`;
    }
    const portAt = domain.startsWith('[') ? domain.indexOf(':', domain.indexOf(']')) : domain.indexOf(':');
    const host = portAt < 0 ? domain : domain.slice(0, portAt);
    const port = portAt < 0 ? undefined : domain.slice(portAt + 1);
    if (port !== undefined && !PORT.test(port)) {
        return `registry ${show(domain)} has port ${show(port)}; a port must be digits only`;
    }
    if (DOMAIN_NAME.test(host) || IPV6_HOST.test(host))
        return undefined;
    return `registry host ${show(host)} is not a valid host name (letters, digits, '-' and '.'; IPv6 in brackets: [::1])`;
}
function pathComponentProblem(component, name) {
    if (component === '')
        return `the name ${show(name)} has an empty path component (a leading, trailing or doubled '/')`;
    if (PATH_COMPONENT.test(component))
        return undefined;
    if (component === '..' || component === '.' || component.includes('..')) {
        return `path component ${show(component)} contains '..' or is '.'; relative paths are not image names`;
    }
    if (/[A-Z]/.test(component)) {
        return `path component ${show(component)} has uppercase letters; repository paths must be lowercase`;
    }
    return `path component ${show(component)} must be lowercase letters and digits separated by '.', '_', '__' or '-' (not at either end)`;
}
function describeCharacter(c) {
    if (c === ' ')
        return 'a space';
    if (c === '\t')
        return 'a tab';
    if (c === '\n')
        return 'a newline';
    if (c === '\r')
        return 'a carriage return';
    return `the character U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
function abbreviate(text) {
    return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
/** Quotes a value for a message, escaping control characters so a message stays on one line. */
function show(value) {
    return CONTROL_OR_SPACE.test(value.replace(/ /g, '')) ? JSON.stringify(value) : `'${value}'`;
}


/***/ }),

/***/ 1708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yI: () => (/* binding */ readContext),
  iG: () => (/* binding */ readLocal),
  Fb: () => (/* binding */ writeLocal)
});

// UNUSED EXPORTS: LocalPathError

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/encoding.ts
var encoding = __webpack_require__(3590);
// EXTERNAL MODULE: ./src/core/paths.ts
var core_paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/core/prefilter.ts
var prefilter = __webpack_require__(9160);
// EXTERNAL MODULE: ./src/local/readers.ts + 2 modules
var readers = __webpack_require__(6943);
;// CONCATENATED MODULE: ./src/local/walk.ts
// The synchronous walk and read under a local folder, run alike by the main thread and the reader threads
// (local/readers.ts). Symlinks and submodules are never followed; binary, non-UTF-8 (UTF-16 …) and oversized files
// are skipped with a note.
//
// Listing and reading are synchronous on purpose: a thread does nothing else meanwhile, and ten thousand awaited
// open/stat/read/close round trips through the thread pool cost seconds where this costs milliseconds. What runs in
// parallel is whole folders, one per thread at a time (local/readers.ts).



/**
 * The entries of the folder `dir` under `root` ('' for the root itself): selected files, and folders to walk on
 * (never `.git`). Links are noted in `skipped` when selected (or when they point at a folder), never followed. A
 * folder holding `.git` is a submodule or nested repository: noted, never entered (undefined). An unreadable
 * folder is noted (undefined); an unreadable root throws.
 */
function listFolder(root, dir, matches, skipped) {
    let entries;
    try {
        // Plain concatenation: `root` is the folder as given and `dir` is built from directory entries, so path.join's
        // normalisation would only cost time (it showed in the 10,000-file benchmark).
        entries = (0,external_node_fs_.readdirSync)(dir === '' ? root : `${root}/${dir}`, { withFileTypes: true });
    }
    catch (error) {
        if (dir === '')
            throw error;
        skipped.push({ path: dir, reason: `folder not readable (${error.code ?? 'error'})` });
        return undefined;
    }
    if (dir !== '' && entries.some((e) => e.name === '.git')) {
        skipped.push({ path: dir, reason: 'submodule or nested repository (never entered)' });
        return undefined;
    }
    const level = { files: [], folders: [] };
    for (const entry of entries) {
        const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
            if (entry.name !== '.git')
                level.folders.push(path);
        }
        else if (entry.isFile()) {
            if (matches(path))
                level.files.push(path);
        }
        else if (entry.isSymbolicLink()) {
            if (matches(path))
                skipped.push({ path, reason: 'symbolic link (never followed)' });
            else if (linksToFolder((0,external_node_path_.join)(root, path)))
                skipped.push({ path, reason: 'symbolic link to a folder (never followed)' });
        }
    }
    return level;
}
/** True when the link at `absolute` resolves to a folder (its target's type only: nothing is read through it). */
function linksToFolder(absolute) {
    try {
        return (0,external_node_fs_.statSync)(absolute).isDirectory();
    }
    catch {
        return false;
    }
}
/** Every selected file under the folder `dir` (depth first, in the order the folders give their entries). */
function walkFolder(root, dir, matches, out, skipped) {
    const level = listFolder(root, dir, matches, skipped);
    if (level === undefined)
        return;
    for (const path of level.files)
        out.push(path);
    for (const folder of level.folders)
        walkFolder(root, folder, matches, out, skipped);
}
/**
 * Reads a whole file into a reusable buffer: one read for any file smaller than the buffer, since a read of a
 * regular file that returns fewer bytes than asked for has reached its end (the read that would only return 0 is
 * not made; an fstat for the size would cost as much as that read). A file that fills the buffer grows it, up to
 * max-file-size + 1 bytes: more means oversized. Should a file change meanwhile, writeLocal finds it changed and
 * writes nothing.
 */
class FileReader {
    maxFileBytes;
    buffer;
    constructor(maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
        this.buffer = Buffer.allocUnsafe(Math.min(maxFileBytes + 1, 64 * 1024));
    }
    /** The file's bytes (valid until the next read), or undefined when it is larger than max-file-size. */
    read(absolute) {
        const fd = (0,external_node_fs_.openSync)(absolute, 'r');
        try {
            let size = 0;
            for (;;) {
                const asked = this.buffer.length - size;
                const n = (0,external_node_fs_.readSync)(fd, this.buffer, size, asked, null);
                size += n;
                if (n < asked)
                    return this.buffer.subarray(0, size);
                if (size > this.maxFileBytes)
                    return undefined;
                const bigger = Buffer.allocUnsafe(Math.min(this.buffer.length * 4, this.maxFileBytes + 1));
                this.buffer.copy(bigger, 0, 0, size);
                this.buffer = bigger;
            }
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
}
function emptyPart() {
    return { files: [], skipped: [], unread: [], failed: [], selected: 0 };
}
/**
 * Reads selected files and folders under `root` into one {@link ReadPart}: each file once; only the files `keep`
 * accepts on their bytes are decoded and kept (all without `keep`).
 */
class PartReader {
    root;
    matches;
    keep;
    maxFileBytes;
    part = emptyPart();
    reader;
    constructor(root, matches, keep, maxFileBytes) {
        this.root = root;
        this.matches = matches;
        this.keep = keep;
        this.maxFileBytes = maxFileBytes;
        this.reader = new FileReader(maxFileBytes);
    }
    /** Lists the folder `dir` (one level): its files are read, its subfolders returned (undefined: not entered). */
    level(dir) {
        const level = listFolder(this.root, dir, this.matches, this.part.skipped);
        if (level === undefined)
            return undefined;
        for (const path of level.files)
            this.file(path);
        return level.folders;
    }
    /** Reads everything selected under the folder `dir`. */
    folder(dir) {
        for (const sub of this.level(dir) ?? [])
            this.folder(sub);
    }
    /** Reads one selected file. */
    file(path) {
        const part = this.part;
        part.selected++;
        let bytes;
        try {
            bytes = this.reader.read(`${this.root}/${path}`);
        }
        catch (error) {
            part.failed.push({ path, message: error instanceof Error ? error.message : String(error) });
            return;
        }
        if (bytes === undefined) {
            part.unread.push({ path, reason: `larger than max-file-size (${this.maxFileBytes} bytes)` });
            return;
        }
        // A UTF-16 or UTF-32 file is listed whether or not it names an image: its bytes cannot be searched for the
        // UTF-8 name, and it must not be passed over in silence.
        const marked = (0,encoding/* unicodeMarkReason */.pK)(bytes);
        if (marked !== undefined) {
            part.unread.push({ path, reason: marked });
            return;
        }
        if (this.keep && !this.keep(bytes, path))
            return;
        const unreadable = (0,encoding/* unreadableText */.LF)(bytes);
        if (unreadable !== undefined) {
            part.unread.push({ path, reason: unreadable });
            return;
        }
        part.files.push({ path, text: bytes.toString('utf8') });
    }
}

;// CONCATENATED MODULE: ./src/local/disk.ts
// The Source on a directory: the files under `root` that the `paths` globs select (the walk itself: local/walk.ts,
// shared with the reader threads: local/readers.ts). Symlinks and submodules are never followed; binary,
// non-UTF-8 (UTF-16 …) and oversized files are skipped with a note.








class LocalPathError extends Error {
    constructor(message) {
        super(message);
        this.name = 'LocalPathError';
    }
}
/**
 * Why a path under the folders `segments` (relative to `root`, outermost first) must not be read: one of them
 * is a symbolic link (`lstat` of `a/link/x.yaml` would silently follow `link`) or a submodule / nested
 * repository. Undefined when every folder is a plain folder of this tree (or does not exist).
 */
function blockedFolder(root, segments) {
    for (let i = 1; i <= segments.length; i++) {
        const folder = segments.slice(0, i).join('/');
        let info;
        try {
            info = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(root, folder));
        }
        catch {
            return undefined;
        }
        if (info.isSymbolicLink())
            return `inside ${folder}, a symbolic link (never followed)`;
        if (!info.isDirectory())
            return undefined;
        try {
            (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(root, folder, '.git'));
            return `inside ${folder}, a submodule or nested repository (never entered)`;
        }
        catch {
            // not a repository of its own
        }
    }
    return undefined;
}
/** Throws a LocalPathError naming the input unless `root` is a folder. */
function checkRoot(root) {
    try {
        const info = (0,external_node_fs_.lstatSync)(root);
        if (!info.isDirectory())
            throw new LocalPathError(`Input 'local-path': '${root}' is not a folder.`);
    }
    catch (error) {
        if (error instanceof LocalPathError)
            throw error;
        throw new LocalPathError(`Input 'local-path': '${root}' does not exist.`);
    }
}
/** Items to share between threads: once this many folders are listed, the rest of the walk is shared. */
const SHARE_FOLDERS = 64;
/** Files listed before sharing go to the threads in batches of this many. */
const FILE_BATCH = 64;
/**
 * Reads the selected files under `root` as one snapshot: each file once; only the files the byte-level filter
 * `keep` accepts are decoded and kept. The fixed folders of the globs are listed here, level by level, until there
 * are enough folders to share; the rest of the walk is shared with the reader threads (local/readers.ts). The
 * result is sorted by path (files, then listing notes, then files not read), so it does not depend on the order
 * the folders give their entries in, nor on which thread read what.
 */
async function readLocal(root, paths, options) {
    checkRoot(root);
    const keep = options.keep && (0,prefilter/* readFilterTest */.dz)(options.keep);
    const main = new PartReader(root, paths.matches, keep, options.maxFileBytes);
    const skipped = main.part.skipped;
    let items = [];
    if (paths.literals) {
        const files = [];
        for (const path of paths.literals) {
            const blocked = blockedFolder(root, path.split('/').slice(0, -1));
            if (blocked) {
                skipped.push({ path, reason: blocked });
                continue;
            }
            try {
                const info = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(root, path));
                if (info.isSymbolicLink())
                    skipped.push({ path, reason: 'symbolic link (never followed)' });
                else if (info.isFile())
                    files.push(path);
                // A folder named like a file: the files under it (a literal selects its path and everything under it).
                else if (info.isDirectory())
                    walkFolder(root, path, paths.matches, files, skipped);
            }
            catch {
                skipped.push({ path, reason: 'not found' });
            }
        }
        for (const path of new Set(files))
            main.file(path);
    }
    else {
        let folders = [];
        const files = [];
        for (const prefix of paths.prefixes) {
            // The walk itself never enters a link or a submodule; the folders of a fixed prefix are checked here.
            const segments = prefix === '' ? [] : prefix.split('/');
            const blocked = blockedFolder(root, segments.slice(0, -1));
            if (blocked) {
                skipped.push({ path: prefix, reason: blocked });
                continue;
            }
            try {
                const info = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(root, prefix));
                if (info.isSymbolicLink()) {
                    skipped.push({ path: prefix, reason: 'symbolic link (never followed)' });
                    continue;
                }
                // A prefix without glob magic may name a file (`envs/prod/values.yaml` beside a glob).
                if (info.isFile() && paths.matches(prefix))
                    files.push(prefix);
                if (info.isDirectory())
                    folders.push(prefix);
            }
            catch {
                // not there: nothing selected under it
            }
        }
        // Alone, the main thread walks everything itself; with reader threads, it lists the first levels (breadth
        // first) until there are enough folders for every thread to take some.
        while ((0,readers/* liveReaders */.f5)() > 0 && folders.length > 0 && folders.length < SHARE_FOLDERS) {
            const next = [];
            for (const dir of folders) {
                const level = listFolder(root, dir, paths.matches, skipped);
                if (level === undefined)
                    continue;
                // Loops, not push(...): a folder may hold more entries than a call takes arguments.
                for (const file of level.files)
                    files.push(file);
                for (const folder of level.folders)
                    next.push(folder);
            }
            folders = next;
        }
        items = [...folders];
        for (let i = 0; i < files.length; i += FILE_BATCH)
            items.push(files.slice(i, i + FILE_BATCH));
    }
    const job = { root, sources: paths.sources, filter: options.keep, maxFileBytes: options.maxFileBytes, items };
    const { parts, shares } = await (0,readers/* readShared */.qA)(job, main);
    const failed = parts.flatMap((p) => p.failed).sort(core_paths/* byPath */.f2);
    if (failed.length > 0)
        throw new Error(failed[0].message);
    return {
        files: parts.flatMap((p) => p.files).sort(core_paths/* byPath */.f2),
        skipped: [...parts.flatMap((p) => p.skipped).sort(core_paths/* byPath */.f2), ...parts.flatMap((p) => p.unread).sort(core_paths/* byPath */.f2)],
        selected: parts.reduce((n, p) => n + p.selected, 0),
        shares,
    };
}
/**
 * The YAML files anywhere under `root` (links and submodules never entered) that `keep` accepts on their bytes,
 * other than `read` (already in the snapshot): read-only context, e.g. the Flux sources a selected HelmRelease names
 * (core/chart-sources.ts). Files that cannot be read or decoded are passed over: context never fails a run.
 */
function readContext(root, keep, maxFileBytes, read) {
    const listed = [];
    walkFolder(root, '', (path) => /\.ya?ml$/i.test(path) && !read.has(path), listed, []);
    const reader = new FileReader(maxFileBytes);
    const files = [];
    for (const path of listed) {
        let bytes;
        try {
            bytes = reader.read(`${root}/${path}`);
        }
        catch {
            continue;
        }
        if (bytes === undefined || !keep(bytes) || (0,encoding/* unicodeMarkReason */.pK)(bytes) !== undefined || (0,encoding/* unreadableText */.LF)(bytes) !== undefined)
            continue;
        files.push({ path, text: bytes.toString('utf8') });
    }
    return files.sort(core_paths/* byPath */.f2);
}
/** Writes the edited files back; refuses any path that would resolve outside `root`. */
async function writeLocal(root, edits) {
    const base = await (0,promises_.realpath)(root);
    for (const edit of edits) {
        const target = await (0,promises_.realpath)((0,external_node_path_.join)(root, edit.path));
        const rel = (0,external_node_path_.relative)(base, target);
        if (rel.startsWith('..') || rel.split(external_node_path_.sep).includes('..')) {
            throw new LocalPathError(`Refusing to write ${edit.path}: it resolves outside local-path.`);
        }
        const current = await (0,promises_.readFile)(target, 'utf8');
        if (current !== edit.before) {
            throw new LocalPathError(`${edit.path} changed on disk while the bump ran; nothing more was written.`);
        }
    }
    for (const edit of edits)
        await (0,promises_.writeFile)((0,external_node_path_.join)(root, edit.path), edit.after);
}


/***/ }),

/***/ 227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ planDiff)
/* harmony export */ });
/* unused harmony export unifiedDiff */
/* harmony import */ var diff__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7291);
// A unified diff (git's format) of two texts, for the job summary and the CLI's dry-run, over jsdiff (`diff`).
// jsdiff's Myers costs O((N+M)·D): a bump changes a few lines, so D is small even in a large file. When a
// file changes in thousands of places, jsdiff stops at MAX_EDIT_LENGTH and a linear fallback shows the diff.

/** Above this many differing lines, jsdiff stops and {@link fallbackHunks} shows the diff. */
const MAX_EDIT_LENGTH = 2000;
/** The unified diff of a plan's edits, with `context` lines around each change (0: the changed lines only). */
function planDiff(plan, context = 3) {
    return plan.edits.map((e) => unifiedDiff(e.path, e.before, e.after, context)).join('');
}
/** `git diff`-style unified diff of one file; '' when the texts are equal. */
function unifiedDiff(path, before, after, context = 3) {
    if (before === after)
        return '';
    const options = { context, maxEditLength: MAX_EDIT_LENGTH, stripTrailingCr: true };
    const whole = (0,diff__WEBPACK_IMPORTED_MODULE_0__/* .structuredPatch */ .YB)(`a/${path}`, `b/${path}`, before, after, undefined, undefined, options);
    const hunks = whole?.hunks ?? fallbackHunks(linesOf(before), linesOf(after), context);
    const patch = {
        oldFileName: `a/${path}`,
        newFileName: `b/${path}`,
        oldHeader: undefined,
        newHeader: undefined,
        hunks,
        isGit: true,
    };
    return `${(0,diff__WEBPACK_IMPORTED_MODULE_0__/* .formatPatch */ .Gu)(patch).replace(/\n+$/, '')}\n`;
}
/** Splits a text into lines that each keep their `\n` (the last one may have none). */
function linesOf(text) {
    return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
const NO_NEWLINE = '\\ No newline at end of file';
/** A line as a patch shows it, after its one-character prefix: without its line ending. */
function shown(prefix, line) {
    const text = `${prefix}${line.replace(/\r?\n$/, '')}`;
    return line.endsWith('\n') ? [text] : [text, NO_NEWLINE];
}
/**
 * Hunks of a diff too large for jsdiff's bound. When both texts have the same number of lines (an in-place bump,
 * the usual case), line i of one stands against line i of the other: no search is needed, each run of differing
 * lines shows its removed lines, then its added lines, and runs closer than two contexts share a hunk, as git's
 * do. Otherwise everything after the common head is shown replaced (valid, if long).
 */
function fallbackHunks(a, b, context) {
    if (a.length !== b.length) {
        let head = 0;
        while (head < a.length && head < b.length && a[head] === b[head])
            head++;
        const from = Math.max(0, head - context);
        const lines = [...a.slice(from, head).flatMap((l) => shown(' ', l)), ...a.slice(head).flatMap((l) => shown('-', l)), ...b.slice(head).flatMap((l) => shown('+', l))];
        return [{ oldStart: from + 1, oldLines: a.length - from, newStart: from + 1, newLines: b.length - from, lines }];
    }
    const hunks = [];
    let i = 0;
    while (i < a.length) {
        if (a[i] === b[i]) {
            i++;
            continue;
        }
        // A hunk: from `context` lines before this change to `context` lines after the last change that is
        // no more than two contexts after the one before it.
        const first = Math.max(0, i - context);
        let end = i;
        for (let gap = 0; end < a.length && gap <= 2 * context; end++)
            gap = a[end] === b[end] ? gap + 1 : 0;
        end = Math.min(a.length, end);
        while (end > i && a[end - 1] === b[end - 1])
            end--;
        const stop = Math.min(a.length, end + context);
        const lines = [];
        for (let j = first; j < stop;) {
            if (a[j] === b[j]) {
                lines.push(...shown(' ', a[j]));
                j++;
                continue;
            }
            let runEnd = j;
            while (runEnd < stop && a[runEnd] !== b[runEnd])
                runEnd++;
            for (let k = j; k < runEnd; k++)
                lines.push(...shown('-', a[k]));
            for (let k = j; k < runEnd; k++)
                lines.push(...shown('+', b[k]));
            j = runEnd;
        }
        hunks.push({ oldStart: first + 1, oldLines: stop - first, newStart: first + 1, newLines: stop - first, lines });
        i = stop;
    }
    return hunks;
}


/***/ }),

/***/ 8350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OF: () => (/* binding */ fenced),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   WH: () => (/* binding */ stopToken),
/* harmony export */   cz: () => (/* binding */ mayBeCommand),
/* harmony export */   e5: () => (/* binding */ holdsCommand),
/* harmony export */   xr: () => (/* binding */ annotationText)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// What text may become in a log a runner reads: repository text (file names, YAML values, notes, GitHub's
// messages) is shown as one line, its control characters escaped, and a line the runner could read as a
// workflow command is fenced off. The two Ios apply this to every line they write (src/app/io.ts, command.ts).

/**
 * Shown as `\uXXXX`: C0 and C1 control characters and DEL (a newline or carriage return would start a line of
 * its own, an escape sequence would restyle a terminal), the Unicode line and paragraph separators, and the
 * bidirectional overrides that display text in another order than it is read.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function escape(c) {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/** The text as one line: every control character (a newline in a file name, an ANSI escape) shown as `\uXXXX`. */
function oneLine(text) {
    return text.replace(UNSAFE, escape);
}
/**
 * The text of an annotation: line breaks kept (the runner protocol carries them encoded, `%0A`, inside the one
 * command line, so they cannot start a line of their own), every other control character shown as `\uXXXX`.
 */
function annotationText(text) {
    return text.replace(UNSAFE_BUT_NEWLINE, escape);
}
/**
 * Whether GitHub's runner could read the line as a workflow command: it trims leading white space and reads
 * `::name …::data`, and it reads the legacy `##[name …]data` anywhere in a line (actions/runner,
 * src/Runner.Common/ActionCommand.cs: TryParseV2, TryParse). Invisible format characters before the colons
 * count as white space here: .NET compares `::` by culture, which may skip them.
 */
function mayBeCommand(line) {
    return /^[\s\p{C}]*:/u.test(line) || line.includes('##[');
}
/** Whether the runner could read any line of `text` as a workflow command (it breaks lines at CR, LF and CRLF). */
function holdsCommand(text) {
    return text.split(/\r\n|\r|\n/).some(mayBeCommand);
}
/**
 * `text` between `::stop-commands::<token>` and `::<token>::` lines: the runner shows it and processes no command
 * in it (GitHub's documented way to print text that may hold commands). `token` must be fresh and unguessable.
 */
function fenced(text, token) {
    return `::stop-commands::${token}\n${text.replace(/\n$/, '')}\n::${token}::`;
}
/** A fresh, unguessable stop-commands token: 128 random bits as 32 hex digits. */
function stopToken() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex');
}


/***/ }),

/***/ 6472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ reportPlan)
/* harmony export */ });
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3020);
/* harmony import */ var _unmatched_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9715);


/** Writes the plan's rollbacks, refusals, misses, notes and skips to the log. */
function reportPlan(io, result, paths) {
    for (const c of result.changes) {
        if ((0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .isRollback */ .z1)(c))
            io.info(`${_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .ROLLED_BACK */ .jC} (policy: any): ${(0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .subject */ .bc)(c)} ${c.from} → ${c.to} at ${c.file}:${c.line}`);
    }
    for (const r of result.refusals)
        io.warning(`${(0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .subject */ .bc)(r)} ${r.from || '(none)'} → ${r.to} refused: ${r.reason}`, { file: r.file, line: r.line });
    for (const note of (0,_unmatched_js__WEBPACK_IMPORTED_MODULE_1__/* .unmatchedNotes */ .b6)(result, paths))
        io.warning(note);
    for (const note of result.notes)
        io.info(`note: ${note}`);
    for (const s of result.skipped)
        io.info(`skipped ${s.path}: ${s.reason}`);
}


/***/ }),

/***/ 3677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AX: () => (/* binding */ matrixTable),
/* harmony export */   Fw: () => (/* binding */ matrixOutput),
/* harmony export */   Gs: () => (/* binding */ matrixSummary),
/* harmony export */   cK: () => (/* binding */ matrixLog)
/* harmony export */ });
/* harmony import */ var _core_age_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4392);
/* harmony import */ var _core_matrix_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5490);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3020);
// What runs where, for people and scripts: the job summary table, the CLI's aligned text table, the log lines and
// the `matrix` output. Repository text (image names, versions, file names, hold reasons) is escaped for Markdown
// here and for the log by the Io (src/report/line.ts).



/** Rows beyond this are counted, not shown, in the job summary (GitHub caps a step's summary at 1 MiB). */
const SUMMARY_ROWS = 400;
const DRIFT = '≠';
function label(row) {
    return row.kind === 'chart' ? `chart ${row.name}` : row.name;
}
/**
 * The `matrix` output: `environments` in promotion order (`name`, `where`, `files`), and one entry per image and
 * chart in `rows`: `kind`, `name`, and `cells` keyed by environment name, null where the environment holds no
 * version of it, else `versions` (distinct, file order), `held`, `drift` (differs from the previous environment
 * holding it), `places` (`file`, `line`, `version`, `held`, `holdReason` when the hold comment gives one), and its
 * age: `since` (the arrival commit's ISO date, or null), `age` (`1d2h`, `older than 30 commits`, `unknown`) and
 * `ageSeconds` (or null).
 */
function matrixOutput(matrix) {
    return JSON.stringify({
        environments: matrix.environments,
        rows: matrix.rows.map((row) => ({
            kind: row.kind,
            name: row.name,
            cells: Object.fromEntries(matrix.environments.map((e, i) => {
                const c = row.cells[i] ?? null;
                if (c === null)
                    return [e.name, null];
                const { age, ...rest } = c;
                return [e.name, { ...rest, ...(0,_core_age_js__WEBPACK_IMPORTED_MODULE_0__/* .ageFields */ .Tf)(age) }];
            })),
        })),
    });
}
/** The matrix as an aligned text table (the CLI's stdout), with a legend when a mark is used. */
function matrixTable(matrix) {
    if (matrix.rows.length === 0)
        return `No image or chart version found in ${matrix.environments.map((e) => e.name).join(', ')}.\n`;
    const header = ['IMAGE / CHART', ...matrix.environments.map((e) => e.name)];
    const body = matrix.rows.map((row) => [label(row), ...row.cells.map(_core_matrix_js__WEBPACK_IMPORTED_MODULE_1__/* .cellText */ .Ie)]);
    const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => [...r[i]].length)));
    const line = (r) => r.map((text, i) => (i === r.length - 1 ? text : text + ' '.repeat(widths[i] - [...text].length))).join('  ');
    const legend = legendText(matrix);
    return [line(header), ...body.map(line), ...(legend ? ['', legend] : [])].join('\n') + '\n';
}
function legendText(matrix) {
    const cells = matrix.rows.flatMap((r) => r.cells).filter((c) => c !== null);
    const marks = [
        ...(cells.some((c) => c.drift) ? [`${DRIFT} differs from the previous environment`] : []),
        ...(cells.some((c) => c.held) ? ['(held) frozen by a # gitops-bump: hold comment'] : []),
        ...(matrix.rows.some((r) => r.cells.includes(null)) ? ['— not in that environment'] : []),
        ...(cells.some((c) => c.age?.kind === 'known') ? ['(1d2h) there since the commit that brought it'] : []),
        ...(cells.some((c) => c.age?.kind === 'older') ? ['(>N commits) older than the file histories read'] : []),
        ...(cells.some((c) => c.age?.kind === 'unknown') ? ['(?) age unknown'] : []),
        ...(cells.some((c) => c.age === undefined) && cells.some((c) => c.age !== undefined) ? ['no age: read from a local folder'] : []),
    ];
    return marks.join(' · ');
}
/** One line per environment for the log: where it was read and how many rows differ from the previous one. */
function matrixLog(matrix) {
    return matrix.environments.map((e, i) => {
        const drift = matrix.rows.filter((r) => r.cells[i]?.drift).length;
        const held = matrix.rows.filter((r) => r.cells[i]?.held).length;
        return `${e.name}: ${matrix.rows.filter((r) => r.cells[i] !== null).length} image(s)/chart(s), ${drift} differ from the previous environment, ${held} held`;
    });
}
function summaryCell(c, reasons) {
    if (c === null)
        return '—';
    const versions = c.versions.map(_messages_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY).join(' / ');
    const held = c.places.filter((p) => p.held);
    const why = reasons ? [...new Set(held.map((p) => p.holdReason).filter((r) => r !== undefined))] : [];
    const hold = c.held ? ` 🔒 held${why.length > 0 ? `: ${(0,_messages_js__WEBPACK_IMPORTED_MODULE_2__/* .cell */ .Hn)(why.join('; '))}` : ''}` : '';
    const age = c.age ? ` (${(0,_core_age_js__WEBPACK_IMPORTED_MODULE_0__/* .ageText */ .XG)(c.age)})` : '';
    return `${c.drift ? `**${versions}**${age} ${DRIFT}` : `${versions}${age}`}${hold}`;
}
/**
 * The job summary: one table, images and charts × environments. Hold reasons are comment text from the files: shown
 * only when the summary may show the files' lines (`summary-diff` full: the workflow's own repository).
 */
function matrixSummary(matrix, summaryDiff) {
    const lines = ['### gitops-bump · what runs where', ''];
    const drifting = matrix.rows.filter((r) => r.cells.some((c) => c?.drift)).length;
    lines.push(`${matrix.rows.length} image(s) and chart(s) across ${matrix.environments.length} environment(s); ${drifting} of them differ between environments.`, '');
    if (matrix.rows.length > 0) {
        lines.push(`| Image / chart | ${matrix.environments.map((e) => (0,_messages_js__WEBPACK_IMPORTED_MODULE_2__/* .cell */ .Hn)(e.name)).join(' | ')} |`, `| --- |${' --- |'.repeat(matrix.environments.length)}`);
        for (const row of matrix.rows.slice(0, SUMMARY_ROWS)) {
            lines.push(`| ${(0,_messages_js__WEBPACK_IMPORTED_MODULE_2__/* .cell */ .Hn)(label(row))} | ${row.cells.map((c) => summaryCell(c, summaryDiff === 'full')).join(' | ')} |`);
        }
        if (matrix.rows.length > SUMMARY_ROWS)
            lines.push('', `… and ${matrix.rows.length - SUMMARY_ROWS} more: see the \`matrix\` output.`);
        const legend = legendText(matrix).replace('(held)', '🔒 held');
        if (legend)
            lines.push('', legend);
    }
    lines.push('', ...matrix.environments.map((e) => `- ${(0,_messages_js__WEBPACK_IMPORTED_MODULE_2__/* .cell */ .Hn)(e.name)}: ${(0,_messages_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(e.where)}, ${e.files} file(s) read`));
    return `${lines.join('\n')}\n`;
}


/***/ }),

/***/ 3020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ shortName),
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   I6: () => (/* binding */ hasCharts),
/* harmony export */   Ib: () => (/* binding */ rollbackMark),
/* harmony export */   NF: () => (/* binding */ pullRequestBody),
/* harmony export */   RW: () => (/* binding */ outcomeLine),
/* harmony export */   Zr: () => (/* binding */ pullRequestTitle),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   bc: () => (/* binding */ subject),
/* harmony export */   df: () => (/* binding */ commitMessage),
/* harmony export */   jC: () => (/* binding */ ROLLED_BACK),
/* harmony export */   z1: () => (/* binding */ isRollback)
/* harmony export */ });
/* unused harmony exports countOf, summaryLine */
/* harmony import */ var _image_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6811);
/* harmony import */ var _unmatched_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9715);
// The texts a person reads: the outcome line, the commit message, the pull request's title and body, the
// rollback label they all share, and the Markdown escaping of repository text in them.


/** The last path component of a repository (`ghcr.io/acme/api` → `api`). */
function shortName(image) {
    return image.slice(image.lastIndexOf('/') + 1);
}
/** What a change moved, as the log, the commit message and the tables name it: the image, `chart <chart>`, `<chart> appVersion`. */
function subject(change) {
    if (change.kind !== 'chart')
        return change.image;
    return change.field === 'appVersion' ? `${change.image} appVersion` : `chart ${change.image}`;
}
/** The short form of {@link subject} for one-line summaries: `api`, `api chart`, `api appVersion`. */
function shortSubject(change) {
    if (change.kind !== 'chart')
        return shortName(change.image);
    return change.field === 'appVersion' ? `${change.image} appVersion` : `${shortName(change.image)} chart`;
}
/** `2 image references and 1 chart version`: what a plan's changes move, counted by kind. */
function countOf(changes) {
    const charts = changes.filter((c) => c.kind === 'chart').length;
    const images = changes.length - charts;
    const parts = [images > 0 || charts === 0 ? `${images} image reference${images === 1 ? '' : 's'}` : '', charts > 0 ? `${charts} chart version${charts === 1 ? '' : 's'}` : ''];
    return parts.filter((part) => part !== '').join(' and ');
}
/** True when any change moves a chart (the tables then say "Image / chart"). */
function hasCharts(changes) {
    return changes.some((c) => c.kind === 'chart');
}
/** The version tag of a `from`/`to` value (`1.4.1@sha256:…` → `1.4.1`); '' for a digest alone. */
function tagOf(version) {
    return version.startsWith('sha256:') ? '' : version.split('@')[0];
}
/** True when a written change moves a version backwards (only `policy: any` writes one), by the policy's ordering. */
function isRollback(change) {
    const from = tagOf(change.from);
    const to = tagOf(change.to);
    return from !== '' && to !== '' && ((0,_image_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersionTags */ .Vw)(to, from) ?? 0) < 0;
}
/** The label a rollback carries in the log, the summary, the commit message and the PR body. */
const ROLLED_BACK = 'rolled back';
/** ` (rolled back)` for a rollback, else ''. */
function rollbackMark(change) {
    return isRollback(change) ? ` (${ROLLED_BACK})` : '';
}
function distinctMoves(changes) {
    const seen = new Set();
    for (const c of changes)
        seen.add(`${shortSubject(c)} ${c.from || '(none)'} → ${c.to}${rollbackMark(c)}`);
    return [...seen];
}
/** `api 1.4.1 → 1.4.2, web 2.0 → 2.1` (one entry per distinct move). */
function summaryLine(changes) {
    return distinctMoves(changes).join(', ');
}
const PLACEHOLDER = /\{(summary|environment|changes|repository|branch|count)\}/g;
/**
 * The commit message. The template (input `commit-message`) may use {summary}, {environment}, {changes},
 * {repository}, {branch} and {count}; its first line is the headline. The default names the environment
 * and each image's from → to, with one line per changed file and line in the body.
 */
function commitMessage(template, plan, context) {
    const changesList = plan.changes
        .map((c) => `- ${subject(c)}: ${c.from || '(none)'} → ${c.to} (${c.file}:${c.line}${isRollback(c) ? `, ${ROLLED_BACK}` : ''})`)
        .join('\n');
    const values = {
        summary: summaryLine(plan.changes),
        environment: context.environment,
        changes: changesList,
        repository: context.target,
        branch: context.branch ?? '',
        count: String(plan.changes.length),
    };
    if (template.trim() === '') {
        const where = context.environment ? ` in ${context.environment}` : '';
        if (plan.changes.length === 0)
            return { headline: clip(`Bump images${where}`), body: '' };
        const headline = context.promotion
            ? `Promote ${context.promotion.from} → ${context.environment || 'target'}: ${values.summary}`
            : `Bump ${values.summary}${where}`;
        const shipped = context.shipped?.text ? `\n\n${context.shipped.text}` : '';
        return { headline: clip(headline), body: changesList + shipped };
    }
    const text = template.replace(PLACEHOLDER, (_, key) => values[key] ?? '');
    const [first = '', ...rest] = text.split(/\r?\n/);
    return { headline: clip(first.trim() || `Bump ${values.summary}`), body: rest.join('\n').trim() };
}
function clip(line, max = 200) {
    // eslint-disable-next-line no-control-regex
    const clean = line.replace(/[\u0000-\u001f\u007f]/g, ' ');
    return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}
/** A link to a file and line on a branch, when the server is known. */
function fileLink(context, branch, file, line) {
    const label = code(`${file}:${line}`);
    if (!context.serverUrl || !/^[\w.-]+\/[\w.-]+$/.test(context.target))
        return label;
    const path = file.split('/').map(encodeURIComponent).join('/');
    return `[${label}](${context.serverUrl}/${context.target}/blob/${branch.split('/').map(encodeURIComponent).join('/')}/${path}#L${line})`;
}
/** The pull request's title: the `pr-title` template, else the commit headline. */
function pullRequestTitle(template, plan, context) {
    return commitMessage(template, plan, context).headline;
}
/** The pull request's body: the `pr-body` template, else a table of image, file, from → to, with links. */
function pullRequestBody(template, plan, context, headBranch) {
    if (template.trim() !== '') {
        const { headline, body } = commitMessage(template, plan, context);
        return body ? `${headline}\n${body}` : headline;
    }
    const lines = [];
    const env = context.environment ? ` in **${cell(context.environment)}**` : '';
    if (context.promotion)
        lines.push(`Promotes the versions running in **${cell(context.promotion.from)}**${env} (source: ${code(context.promotion.where)}).`, '');
    else
        lines.push(`Moves these ${hasCharts(plan.changes) ? 'image references and chart versions' : 'image references'}${env} (policy: ${cell(context.policy)}).`, '');
    lines.push(`| ${hasCharts(plan.changes) ? 'Image / chart' : 'Image'} | File | From | To |`, '| --- | --- | --- | --- |');
    for (const c of plan.changes) {
        lines.push(`| ${cell(subject(c))} | ${fileLink(context, headBranch, c.file, c.line)} | ${code(c.from || '(none)')} | ${code(c.to)}${rollbackMark(c)} |`);
    }
    if (plan.refusals.length > 0) {
        lines.push('', '**Refused**', '');
        for (const r of plan.refusals)
            lines.push(`- ${cell(subject(r))} ${code(r.to)} at ${code(`${r.file}:${r.line}`)}: ${cell(r.reason)}`);
    }
    if (context.shipped && context.shipped.markdown.length > 0)
        lines.push('', ...context.shipped.markdown);
    lines.push('', '<sub>Opened by gitops-bump; later runs for this service and environment update this pull request in place.</sub>');
    return lines.join('\n');
}
/** Why a run changed nothing: refusals, images found nowhere (say which, and how many files were skipped), or all current. */
function nothingToChange(plan, context, refused) {
    if (refused)
        return `Nothing to change${refused}.`;
    const missing = plan.unmatched ?? [];
    if (missing.length === 0)
        return 'Nothing to change: every requested version is already there.';
    const none = (0,_unmatched_js__WEBPACK_IMPORTED_MODULE_1__/* .noFiles */ .JE)(plan, context.paths);
    if (none !== undefined)
        return `Nothing to change: ${none}.`;
    const skipped = plan.skipped.length ? ` (${(0,_unmatched_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(plan.skipped.length, 'file')} skipped)` : '';
    return `Nothing to change: ${missing.join(', ')} matched no image reference in ${(0,_unmatched_js__WEBPACK_IMPORTED_MODULE_1__/* .selectedFiles */ .TQ)(plan, context.paths)}${skipped}.`;
}
/** One line a person reads first: what happened. */
function outcomeLine(plan, context) {
    const n = plan.changes.length;
    const refused = plan.refusals.length ? `; ${plan.refusals.length} refused` : '';
    const pr = context.pullRequest;
    if (pr?.operation === 'closed')
        return `Pull request #${pr.number} closed: the base branch already holds every version it proposed${refused}.`;
    if (pr?.operation === 'unchanged')
        return `Pull request #${pr.number} unchanged: it already proposes these versions (${summaryLine(plan.changes)})${refused}.`;
    if (n === 0)
        return nothingToChange(plan, context, refused);
    const things = `${countOf(plan.changes)} in ${plan.edits.length} file${plan.edits.length === 1 ? '' : 's'}`;
    if (context.mode === 'dry-run')
        return `Dry run: would bump ${things} (${summaryLine(plan.changes)})${refused}.`;
    if (pr?.number !== undefined)
        return `Pull request #${pr.number} ${pr.operation}: ${things} (${summaryLine(plan.changes)})${refused}.`;
    if (context.commit)
        return `Bumped ${things} in commit ${context.commit.oid.slice(0, 7)} (${summaryLine(plan.changes)})${refused}.`;
    return `Bumped ${things} (${summaryLine(plan.changes)})${refused}.`;
}
/** Escapes text for a Markdown table cell. */
function cell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}
/** Inline code: backticks and line breaks inside it made harmless. */
function code(text) {
    return `\`${text.replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;
}


/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QJ: () => (/* binding */ bumpResult),
/* harmony export */   V4: () => (/* binding */ outputs)
/* harmony export */ });
/* unused harmony export outputEntry */
/* harmony import */ var _diff_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(227);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3020);
/* harmony import */ var _shipped_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9509);
/* harmony import */ var _unmatched_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9715);
// The action's outputs (the CLI's --json), and the result one run hands to them: the plan, the context, the
// outcome line and the diff.




/**
 * One `changes` (or `refused`) entry as the outputs show it: `kind` first; an image's `image`, a chart's `chart`
 * (with `field: appVersion` for a Chart.yaml following its image).
 */
function outputEntry(change) {
    const { kind, file, line, image, field, from, to, ...rest } = change;
    if (kind !== 'chart')
        return { kind: 'image', file, line, image, from, to, ...rest };
    return { kind: 'chart', file, line, chart: image, ...(field !== undefined && { field }), from, to, ...rest };
}
function bumpResult(plan, context) {
    return { plan, context, outcome: (0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .outcomeLine */ .RW)(plan, context), diff: (0,_diff_js__WEBPACK_IMPORTED_MODULE_3__/* .planDiff */ .R)(plan) };
}
/**
 * The action's outputs, as strings. `changed` and `changes` always agree: `changes` lists what this run wrote (or,
 * in dry-run, would write), `changed` is true exactly when that list is not empty. In pull-request mode the plan is
 * what the PR proposes against its base; a run that leaves the PR branch as it was (`unchanged`, `closed`, `none`)
 * wrote nothing, so `changed` is false and `changes` empty (the summary still shows what the PR proposes).
 */
function outputs(plan, context) {
    const pr = context?.pullRequest;
    const wrote = pr ? pr.operation === 'created' || pr.operation === 'updated' : plan.edits.length > 0;
    const edited = new Set(plan.edits.map((e) => e.path));
    const written = wrote ? plan.changes.filter((c) => edited.has(c.file)) : [];
    return {
        changed: String(written.length > 0),
        changes: JSON.stringify(written.map(outputEntry)),
        refused: JSON.stringify(plan.refusals.map(outputEntry)),
        'commit-sha': context?.commit?.oid ?? '',
        'pull-request-number': pr?.number === undefined ? '' : String(pr.number),
        'pull-request-url': pr?.url ?? '',
        'pull-request-operation': pr?.operation ?? '',
        'pull-request-branch': pr?.branch ?? '',
        unmatched: JSON.stringify((0,_unmatched_js__WEBPACK_IMPORTED_MODULE_2__/* .missesOf */ .Kg)(plan).map((m) => m.input)),
        shipped: (0,_shipped_js__WEBPACK_IMPORTED_MODULE_1__/* .shippedOutput */ .XF)(context?.shipped?.report, context?.shipped?.titles.summary ?? false),
    };
}


/***/ }),

/***/ 9509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ shippedMarkdown),
/* harmony export */   Du: () => (/* binding */ shippedContext),
/* harmony export */   XF: () => (/* binding */ shippedOutput)
/* harmony export */ });
/* unused harmony exports titlesShown, shippedText */
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3020);

/**
 * May a place show the source's pull request titles and authors? Yes when the source is public, when the place
 * is the source repository itself, or (`place: 'target'`, the commit and the PR body) when the GitOps repository is
 * private. Not knowing (the source unread) counts as private. The job summary (`place: 'summary'`) belongs to the
 * workflow's repository: titles only when that is the source.
 */
function titlesShown(report, place, same) {
    if (report.sourcePrivate === false)
        return true;
    if (place === 'target')
        return same.target || report.targetPrivate === true;
    return same.workflow;
}
const short = (sha) => (sha === undefined ? '?' : sha.slice(0, 7));
/** One line of plain text: control characters and line breaks become spaces. */
function plain(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
/** The images whose range was read (a compare link at least): the others have nothing to say yet. */
const known = (report) => report.shipped.filter((s) => s.compareUrl !== undefined);
/** The commit body's section (plain text), '' when no range is known. */
function shippedText(report, titles) {
    const blocks = known(report).map((s) => {
        const lines = [
            s.rolledBack
                ? `${(0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .shortName */ .EU)(s.image)} ${s.from || '(none)'} -> ${s.to} rolls back ${s.repository ?? ''} ${short(s.toCommit)}..${short(s.fromCommit)}: ${s.compareUrl}`
                : `${(0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .shortName */ .EU)(s.image)} ${s.from || '(none)'} -> ${s.to} ships ${s.repository ?? ''} ${short(s.fromCommit)}..${short(s.toCommit)}: ${s.compareUrl}`,
        ];
        for (const p of s.pullRequests ?? [])
            lines.push(titles ? `- #${p.number} ${plain(p.title)} (@${plain(p.author)})` : `- #${p.number}`);
        if (s.commits !== undefined && s.commits > 250)
            lines.push(`- (${s.commits} commits: the pull requests of the newest 250 are listed)`);
        if (s.digest)
            lines.push(`Digest ${s.digest}`);
        if (s.builtBy)
            lines.push(`Built by ${s.builtBy}`);
        return lines.join('\n');
    });
    return blocks.length === 0 ? '' : `What ships:\n\n${blocks.join('\n\n')}`;
}
/** The Markdown section (PR body, job summary): a heading, and per image its range, pull requests, digest and run. */
function shippedMarkdown(report, titles) {
    const shown = known(report);
    if (shown.length === 0)
        return [];
    const lines = ['**What ships**', ''];
    for (const s of shown) {
        const range = s.rolledBack ? `rolls back [${short(s.toCommit)}…${short(s.fromCommit)}](${s.compareUrl})` : `[${short(s.fromCommit)}…${short(s.toCommit)}](${s.compareUrl})`;
        lines.push(`- ${(0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(s.image)} \`${(0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(s.from || '(none)')}\` → \`${(0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(s.to)}\`: ${range}${s.commits === undefined ? '' : ` (${s.commits} commit${s.commits === 1 ? '' : 's'})`}`);
        const pulls = s.pullRequests ?? [];
        if (s.pullRequests !== undefined && pulls.length === 0)
            lines.push('  - no merged pull request in this range');
        if (s.rolledBack && pulls.length > 0)
            lines.push('  - taken out by the rollback:');
        for (const p of pulls)
            lines.push(titles ? `  - [#${p.number}](${p.url}) ${(0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(p.title)} (@${(0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(p.author)})` : `  - [#${p.number}](${p.url})`);
        if (s.digest)
            lines.push(`  - digest \`${s.digest}\``);
        if (s.builtBy)
            lines.push(`  - built by [${(0,_messages_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(s.builtBy.replace(/^https?:\/\//, ''))}](${s.builtBy})`);
    }
    if (!titles && shown.some((s) => (s.pullRequests ?? []).length > 0))
        lines.push('', '<sub>Titles are left out: the source repository is private.</sub>');
    lines.push('');
    return lines;
}
/** The `shipped` output: image, from, to, the compare URL and the merged pull requests (titles as the summary shows them). */
function shippedOutput(report, titles) {
    const entries = (report?.shipped ?? []).map((s) => ({
        image: s.image,
        from: s.from,
        to: s.to,
        ...(s.repository === undefined ? {} : { repository: s.repository }),
        compare: s.compareUrl ?? null,
        pullRequests: (s.pullRequests ?? []).map((p) => (titles ? { number: p.number, title: p.title, author: p.author, url: p.url } : { number: p.number, url: p.url })),
        ...(s.rolledBack ? { rolledBack: true } : {}),
        ...(s.digest === undefined ? {} : { digest: s.digest }),
        ...(s.builtBy === undefined ? {} : { builtBy: s.builtBy }),
    }));
    return JSON.stringify(entries);
}
function shippedContext(report, same) {
    const titles = { target: titlesShown(report, 'target', same), summary: titlesShown(report, 'summary', same) };
    return { report, titles, text: shippedText(report, titles.target), markdown: shippedMarkdown(report, titles.target) };
}


/***/ }),

/***/ 9715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JE: () => (/* binding */ noFiles),
/* harmony export */   Kg: () => (/* binding */ missesOf),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   TQ: () => (/* binding */ selectedFiles),
/* harmony export */   b6: () => (/* binding */ unmatchedNotes),
/* harmony export */   wF: () => (/* binding */ checkUnmatched)
/* harmony export */ });
/* unused harmony export UnmatchedError */
/** The plan's misses (from `unmatched` alone for a plan made without them). */
function missesOf(plan) {
    return plan.misses ?? (plan.unmatched ?? []).map((image) => ({ input: image, image, similar: [] }));
}
/** `1 file`, `3 files`. */
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** `paths matched no files (apps/x/**)`, or undefined when files were selected (or the count is unknown). */
function noFiles(plan, paths) {
    if (plan.selected !== 0)
        return undefined;
    const skipped = plan.skipped.length ? `; ${plural(plan.skipped.length, 'path')} skipped` : '';
    return `paths matched no files${paths?.length ? ` (${paths.join(', ')})` : ''}${skipped}`;
}
/** `the 12 files paths selects (apps/**)`, or `the selected files` when the count is unknown. */
function selectedFiles(plan, paths) {
    if (plan.selected === undefined)
        return 'the selected files';
    const files = plan.selected === 1 ? 'the 1 file' : `the ${plan.selected} files`;
    return `${files} paths selects${paths?.length ? ` (${paths.join(', ')})` : ''}`;
}
/** `found ghcr.io/acme/api in 9 files: did you mean it?` for a miss with look-alikes, else ''. */
function didYouMean(miss) {
    if (miss.similar.length === 0)
        return '';
    const found = miss.similar.map((s) => `${s.repository} in ${plural(s.files, 'file')}`).join(', ');
    return `; found ${found}: did you mean ${miss.similar.length === 1 ? 'it' : 'one of them'}?`;
}
/**
 * Why requested images matched nothing (the log shows each as a warning, the summary as a note): one line when
 * the globs selected no file at all, else one per image with the number of files searched and any look-alike.
 */
function unmatchedNotes(plan, paths) {
    const misses = missesOf(plan);
    if (misses.length === 0)
        return [];
    const none = noFiles(plan, paths);
    if (none !== undefined) {
        const images = misses.map((m) => m.image).join(', ');
        return [`${none}: nothing to search for ${images}. Check 'paths' (relative to the repository root; a folder selects the files under it).`];
    }
    return misses.map((m) => {
        const what = m.kind === 'chart' ? `chart ${m.image} matched no chart version` : `${m.image} matched no image reference`;
        return m.similar.length > 0
            ? `${what} in ${selectedFiles(plan, paths)}${didYouMean(m)}`
            : `${what} in ${selectedFiles(plan, paths)}. Check 'paths' and the ${m.kind === 'chart' ? "chart's repository and name" : "repository's"} spelling.`;
    });
}
/** The error `fail-on-unmatched: true` raises, before anything is written. */
class UnmatchedError extends Error {
    misses;
    constructor(misses, notes) {
        super(`fail-on-unmatched: ${notes.join(' ')} Nothing was written.`);
        this.misses = misses;
        this.name = 'UnmatchedError';
    }
}
/** Throws UnmatchedError when `fail` is set and a requested image matched nothing. */
function checkUnmatched(plan, fail, paths) {
    const misses = missesOf(plan);
    if (fail && misses.length > 0)
        throw new UnmatchedError(misses, unmatchedNotes(plan, paths));
}


/***/ }),

/***/ 2871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ml: () => (/* binding */ parseEnvironments),
/* harmony export */   x: () => (/* binding */ resolveEnvironments)
/* harmony export */ });
/* unused harmony export environmentNamed */
/* harmony import */ var _core_paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6107);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6990);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7428);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6894);
// The `environments` input: the environments in promotion order, each a folder of the repository (globs) or a
// repository of its own. `mode: report` reads every one of them; a promotion resolves `promote-from-environment`
// and `environment` through it (see resolveEnvironments).




const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** `owner/name`, then optionally `@branch`, then optionally `:globs` (a branch name never holds a colon). */
const REPOSITORY = /^([A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+)(?:@([^:\s]+))?(?::(.*))?$/;
const GLOB_CHARACTERS = /[*?[\]{}!]/;
/**
 * Parses `environments`: one `name: value` per line (blank lines and `#` comments skipped), in promotion order.
 * The value is either globs, comma-separated (`dev: apps/dev/**, clusters/dev`), or `owner/name[@branch][:globs]`.
 * `owner/name` alone would read as both a folder and a repository: written that way it is refused, asking for
 * `apps/prod/` (the folder) or `acme/prod:` (the repository, every YAML file).
 */
function parseEnvironments(value, input = 'environments') {
    const environments = [];
    const lines = value.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const text = lines[i].trim();
        if (text === '' || text.startsWith('#'))
            continue;
        const line = i + 1;
        const at = `line ${line} ('${text.length > 80 ? `${text.slice(0, 77)}…` : text}')`;
        const colon = text.indexOf(':');
        const name = colon < 0 ? '' : text.slice(0, colon).trim();
        const rest = colon < 0 ? '' : text.slice(colon + 1).trim();
        if (!NAME.test(name) || rest === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `${at} is not 'name: globs' or 'name: owner/repo[@branch][:globs]'.`);
        }
        if (environments.some((e) => e.name === name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `${at} names '${name}' a second time.`);
        environments.push({ name, line, ...parseValue(rest, input, at) });
    }
    return environments;
}
function parseValue(rest, input, at) {
    const repo = GLOB_CHARACTERS.test(rest.split(':')[0]) ? null : REPOSITORY.exec(rest);
    if (repo && (repo[2] !== undefined || repo[3] !== undefined)) {
        const repository = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .asInput */ .l)(input, () => (0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRepository */ .SU)(repo[1], input));
        const branch = repo[2] === undefined ? undefined : (0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBranch */ .Qd)(repo[2], input);
        const patterns = (0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .splitGlobs */ .Kh)(repo[3]?.trim() || _inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_PATHS */ .n);
        return { repository, branch, patterns, paths: globs(patterns, input, at) };
    }
    if (repo) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `${at}: '${rest}' could be a folder or a repository: write '${rest}/' for the folder, '${rest}:' for the repository (or '${rest}:<globs>').`);
    }
    const patterns = (0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .splitGlobs */ .Kh)(rest);
    return { repository: undefined, branch: undefined, patterns, paths: globs(patterns, input, at) };
}
function globs(patterns, input, at) {
    if (patterns.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `${at} lists no globs.`);
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .asInput */ .l)(input, () => (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .compilePaths */ .Iw)(patterns, input), (reason) => `${at}: ${reason}`);
}
/** The environment called `name`, or an error naming the input that asked for it and the names there are. */
function environmentNamed(environments, name, input) {
    const found = environments.find((e) => e.name === name);
    if (found)
        return found;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `'${name}' is not in environments (${environments.map((e) => e.name).join(', ')}).`);
}
/**
 * A promotion through `environments`: with `promote-from-environment` set, the reader answers `promote-from` (and
 * `promote-from-repository`, `promote-from-branch`) from the source environment's line, and `paths` (`repository`,
 * `branch` for a repository per environment) from the `environment` line. An input given explicitly wins when it
 * says the same; one that says something else fails naming both inputs. `paths` at its default and `repository`
 * equal to the workflow's own (`workflowRepository`) count as not given: the runner fills them in.
 */
function resolveEnvironments(read, workflowRepository) {
    const declared = read('environments');
    const from = read('promote-from-environment').trim();
    if (declared.trim() === '' || from === '' || read('mode').trim() === 'report')
        return read;
    const environments = parseEnvironments(declared);
    const derived = new Map();
    const source = environmentNamed(environments, from, 'promote-from-environment');
    derived.set('promote-from', source.patterns.join('\n'));
    if (source.repository)
        derived.set('promote-from-repository', `${source.repository.owner}/${source.repository.repo}`);
    if (source.branch)
        derived.set('promote-from-branch', source.branch);
    const to = read('environment').trim();
    if (to !== '') {
        const target = environmentNamed(environments, to, 'environment');
        derived.set('paths', target.patterns.join('\n'));
        if (target.repository)
            derived.set('repository', `${target.repository.owner}/${target.repository.repo}`);
        if (target.branch)
            derived.set('branch', target.branch);
    }
    const unset = (name, given) => given.trim() === '' || (name === 'paths' && given.trim() === _inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_PATHS */ .n) || (name === 'repository' && given.trim() === (workflowRepository ?? '').trim());
    for (const [name, value] of derived) {
        const given = read(name);
        if (unset(name, given) || same(name, given, value))
            continue;
        const which = name.startsWith('promote-from') ? `promote-from-environment '${from}'` : `environment '${to}'`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(name, `'${given.trim()}' conflicts with ${which} (environments line ${(name.startsWith('promote-from') ? source : environmentNamed(environments, to, 'environment')).line}: ${value.replace(/\n/g, ', ')}): remove one of the two.`);
    }
    return (name) => {
        const value = derived.get(name);
        return value !== undefined && unset(name, read(name)) ? value : read(name);
    };
}
function same(name, given, value) {
    if (name === 'promote-from' || name === 'paths')
        return (0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .splitGlobs */ .Kh)(given).join('\n') === (0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .splitGlobs */ .Kh)(value).join('\n');
    return given.trim().toLowerCase() === value.trim().toLowerCase();
}


/***/ }),

/***/ 6990:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError),
/* harmony export */   l: () => (/* binding */ asInput)
/* harmony export */ });
/* harmony import */ var _core_paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6107);
/* harmony import */ var _image_chart_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8209);
/* harmony import */ var _image_policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6811);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3564);
// A bad input value fails with an InputError naming the input. The pure parsers (globs, policy, image references)
// throw their own typed errors with a reason; `asInput` turns those into an InputError by type, never by text.




class InputError extends Error {
    input;
    constructor(input, message) {
        super(`Input '${input}': ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}
/**
 * Runs a pure parser on the value of `input`: its typed error (PathsError, PolicyError, InvalidReferenceError, InvalidChartError)
 * becomes an InputError naming `input`, with `say(reason)` as its text. Any other error passes through.
 */
function asInput(input, parse, say = (reason) => reason) {
    try {
        return parse();
    }
    catch (error) {
        if (error instanceof _core_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .PathsError */ .Zh || error instanceof _image_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .PolicyError */ .pn || error instanceof _image_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .InvalidReferenceError */ .x_ || error instanceof _image_chart_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidChartError */ .ce) {
            throw new InputError(input, say(error.reason));
        }
        throw error;
    }
}


/***/ }),

/***/ 7428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ INPUTS),
/* harmony export */   n: () => (/* binding */ DEFAULT_PATHS)
/* harmony export */ });
// Every input the action reads, with the default action.yml declares and its description: the CLI's --help and
// flags come from here, and a test keeps action.yml (and through `npm run docs` the README) in step with it.
const DEFAULT_PATHS = '**/*.{yaml,yml}';
/** What to write, where, and how. */
const RUN = {
    images: { description: 'Image references to write, one per line or comma-separated (ghcr.io/acme/api:1.4.2, …@sha256:…). Images, charts or both.' },
    charts: {
        description: 'Helm chart versions to write, one per line or comma-separated: oci://ghcr.io/acme/charts/api:1.4.2, https://charts.acme.io/api:1.4.2, or api:1.4.2 (any repository). Images, charts or both.',
    },
    'chart-app-version': { default: 'false', description: "A Chart.yaml beside or above a values file whose image moves gets its appVersion moved too (when it equals the old tag); the chart's own version is never touched." },
    paths: { default: DEFAULT_PATHS, description: "Globs of the files to edit, one per line or comma-separated, '!' to exclude, relative to the repository root; a folder selects the files under it." },
    repository: { default: '${{ github.repository }}', description: 'owner/name of the GitOps repository.' },
    branch: { description: "Branch to read and write; default: the repository's default branch." },
    token: { default: '${{ github.token }}', description: 'Token for the GitHub API (GITHUB_TOKEN, a GitHub App token or a PAT).' },
    mode: { default: 'commit', description: 'commit, pull-request, dry-run, or report (what runs where across environments; writes nothing).' },
    'local-path': { description: 'Edit a checkout on disk instead of going through the API.' },
    policy: { default: 'newer', description: 'newer (never move a version tag backwards), any, or a semver range such as ~1.4.' },
    environment: { description: 'Names the environment in messages, summaries and the PR branch; default: the last folder the paths name, else paths-<hash>. With environments and promote-from-environment: the target environment, whose line gives paths (and repository).' },
    'commit-message': { description: 'Commit message template: {summary}, {environment}, {changes}, {repository}, {branch}, {count}.' },
    'max-file-size': { default: '1MiB', description: 'Files larger than this are skipped with a note.' },
    'race-timeout': {
        default: '15m',
        description: 'How long a run keeps trying when other runs keep moving the branch (it reads, decides and writes again, waiting longer the busier the branch): seconds (90, 90s), minutes (10m) or both (1m30s).',
    },
    'fail-on-unmatched': { default: 'false', description: 'Fail (writing nothing) when a requested image matches no reference in the selected files.' },
    'fail-on-refused': { default: 'false', description: 'Fail (writing nothing) when any change is refused: by the policy, a hold marker or a promotion gate.' },
    'summary-diff': {
        default: 'auto',
        description: "The job summary's diff: full (with context lines), changes (changed lines only), none; auto: full for the workflow's own repository (or a local-path checkout unless repository names another), changes for another.",
    },
};
/** Pull-request mode. */
const PULL_REQUEST = {
    'pr-branch': { description: 'Pull-request head branch template ({environment}, {images}, {from}); default gitops-bump/<environment>/<images>.' },
    'pr-title': { description: 'Pull-request title template (placeholders as commit-message).' },
    'pr-body': { description: 'Pull-request body template (placeholders as commit-message); default: a table of the changes.' },
    'pr-labels': { description: 'Labels for the pull request, comma- or newline-separated.' },
    'pr-reviewers': { description: 'Reviewers (GitHub logins).' },
    'pr-team-reviewers': { description: 'Team reviewers (team slugs).' },
    'pr-assignees': { description: 'Assignees (GitHub logins).' },
    'pr-draft': { default: 'false', description: 'Open the pull request as a draft.' },
    'auto-merge': { description: 'Enable auto-merge with this method: merge, squash or rebase (where the repository allows it).' },
};
/** Every input, in the order --help lists them. */
const INPUTS = {
    ...RUN,
    ...PULL_REQUEST,
    // Promotion: the versions come from another environment.
    'promote-from': { description: 'Globs of the source environment\'s files: every image version found there is written into paths.' },
    'promote-from-repository': { description: 'owner/name of the source repository (repository per environment); default: the target.' },
    'promote-from-branch': { description: 'Branch of the source; default: the target branch, or the source repository\'s default branch.' },
    'promote-from-token': { description: 'Token to read the source repository when it needs another credential; default: token.' },
    'promote-from-environment': {
        description: 'Names the source environment in the summary; default: the last folder promote-from names. With environments: the source environment, whose line gives promote-from (and its repository).',
    },
    // What runs where, and promotion by environment name.
    environments: {
        description: "The environments in promotion order, one per line: 'name: globs' (a folder per environment, globs comma-separated) or 'name: owner/repo[@branch][:globs]' (a repository per environment). Read by mode report; with promote-from-environment and environment, a promotion takes its globs and repositories from it.",
    },
    // Promotion gates: what the source environment must show before a version moves on.
    'promote-after': { description: 'Soak time (24h, 90m, 2d): a version is promoted only once it has been in the source files this long, from the commit that brought it there.' },
    'promote-require-status': {
        description: 'Commit status / check run context globs, one per line (kustomization/apps-staging/*, argocd/api-staging): each must show success on the newest source-branch commit carrying it since the version arrived.',
    },
    // Provenance: where each version came from, recorded in trailers and read back by the next bump.
    'source-repository': {
        description: "owner/name of the repository the images are built from, recorded in each commit's Source-Commit trailer; default: the workflow's repository; none turns provenance off.",
    },
    'source-sha': { description: "The 40-hex commit the images were built from; default: GITHUB_SHA when source-repository is the workflow's repository." },
    'source-token': { description: 'Token to read the source repository when it needs another credential; default: token.' },
};


/***/ }),

/***/ 6894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Gw: () => (/* binding */ parseNames),
/* harmony export */   Kh: () => (/* binding */ splitGlobs),
/* harmony export */   LF: () => (/* binding */ parseCharts),
/* harmony export */   LH: () => (/* binding */ parseAutoMerge),
/* harmony export */   Qd: () => (/* binding */ parseBranch),
/* harmony export */   Qu: () => (/* binding */ parseOnly),
/* harmony export */   SU: () => (/* binding */ parseRepository),
/* harmony export */   Zx: () => (/* binding */ parseMode),
/* harmony export */   eb: () => (/* binding */ parseImages),
/* harmony export */   g$: () => (/* binding */ printable),
/* harmony export */   h7: () => (/* binding */ parseSummaryDiff),
/* harmony export */   tl: () => (/* binding */ parseChartsOnly),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony export splitList */
/* harmony import */ var _image_chart_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8209);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3564);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6990);
// The small parsers of input values: lists, globs, images, mode, repository, branch, sizes, booleans, names.
// Each takes the raw value and the input's name, and throws an InputError naming it for a bad value.



const MODES = ['commit', 'pull-request', 'dry-run'];
/** Splits a list input: one item per line or comma-separated, blank items and `#` comment lines dropped. */
function splitList(value) {
    return value
        .split(/\r?\n/)
        .filter((line) => !line.trim().startsWith('#'))
        .flatMap((line) => line.split(','))
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
/**
 * Splits a glob list: one per line or comma-separated, blank items and `#` comment lines dropped. A comma inside
 * braces or brackets belongs to the glob (`**\/*.{yaml,yml}` is one glob).
 */
function splitGlobs(value) {
    const globs = [];
    for (const line of value.split(/\r?\n/)) {
        if (line.trim().startsWith('#'))
            continue;
        let braces = 0;
        let bracket = false;
        let start = 0;
        for (let i = 0; i < line.length; i++) {
            const c = line[i];
            if (c === '[' && !bracket)
                bracket = true;
            else if (c === ']' && bracket)
                bracket = false;
            else if (!bracket && c === '{')
                braces++;
            else if (!bracket && c === '}' && braces > 0)
                braces--;
            else if (c === ',' && braces === 0 && !bracket) {
                globs.push(line.slice(start, i));
                start = i + 1;
            }
        }
        globs.push(line.slice(start));
    }
    return globs.map((glob) => glob.trim()).filter((glob) => glob !== '');
}
function parseImages(value, input = 'images') {
    const requests = [];
    for (const item of splitList(value)) {
        const ref = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .asInput */ .l)(input, () => (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(item), (reason) => `'${printable(item)}' is not a valid image reference: ${reason}.`);
        if (ref.tag === undefined && ref.digest === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${item}' has no tag or digest: write the version to deploy, e.g. '${ref.name}:1.4.2' or '${ref.name}@sha256:<64 hex>'.`);
        }
        const same = requests.find((r) => r.ref.repository === ref.repository);
        if (same) {
            if (same.ref.tag === ref.tag && same.ref.digest === ref.digest)
                continue;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${same.input}' and '${item}' ask for two versions of one image.`);
        }
        requests.push({ input: item, ref });
    }
    return requests;
}
/**
 * The `charts` input: `oci://ghcr.io/acme/charts/api:1.4.2`, `https://charts.acme.io/api:1.4.2` or a bare `api:1.4.2`,
 * one per line or comma-separated. Two versions of one chart (same repository and name) are an error.
 */
function parseCharts(value, input = 'charts') {
    const requests = [];
    for (const item of splitList(value)) {
        const ref = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .asInput */ .l)(input, () => (0,_image_chart_js__WEBPACK_IMPORTED_MODULE_0__/* .parseChartReference */ .J0)(item), (reason) => `'${printable(item)}' is not a valid chart reference: ${reason}.`);
        if (ref.version === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${printable(item)}' has no version: write the chart version to deploy, e.g. '${ref.display}:1.4.2'.`);
        }
        // A bare name matches the chart in every repository: with another entry for that name, both name one chart.
        const overlaps = (r) => r.ref.name.toLowerCase() === ref.name.toLowerCase() && (r.ref.repository === ref.repository || r.ref.repository === undefined || ref.repository === undefined);
        const other = requests.filter(overlaps).find((r) => r.ref.version !== ref.version);
        if (other)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${other.input}' and '${printable(item)}' ask for two versions of one chart.`);
        if (requests.some((r) => overlaps(r) && r.ref.repository === ref.repository))
            continue;
        requests.push({ input: item, ref: { ...ref, version: ref.version } });
    }
    return requests;
}
/** `charts` under a promotion: chart references without a version that narrow which charts are promoted. */
function parseChartsOnly(value) {
    return splitList(value).map((item) => {
        const ref = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .asInput */ .l)('charts', () => (0,_image_chart_js__WEBPACK_IMPORTED_MODULE_0__/* .parseChartReference */ .J0)(item), (reason) => `'${printable(item)}' is not a valid chart reference: ${reason}.`);
        if (ref.version !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('charts', `'${printable(item)}': with promote-from, charts lists the charts to promote without a version (e.g. '${ref.display}'); the versions come from the source.`);
        }
        return ref;
    });
}
/** `images` under a promotion: bare repositories that narrow what is promoted. */
function parseOnly(value) {
    return splitList(value).map((item) => {
        const ref = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .asInput */ .l)('images', () => (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(item), (reason) => `'${printable(item)}' is not a valid image repository: ${reason}.`);
        if (ref.tag !== undefined || ref.digest !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('images', `'${item}': with promote-from, images lists bare repositories to promote (e.g. '${ref.name}'); the versions come from the source.`);
        }
        return ref;
    });
}
/** Shows control characters in an echoed value instead of letting them reach the log. */
/** The value with control characters shown as `\\uXXXX` (an error message stays one readable line). */
function printable(value) {
    // eslint-disable-next-line no-control-regex
    return value.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function parseMode(value) {
    const mode = (value.trim() || 'commit');
    if (!MODES.includes(mode))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('mode', `'${value}' is not one of ${MODES.join(', ')}.`);
    return mode;
}
function parseRepository(value, input = 'repository') {
    const text = value.trim();
    if (text === '')
        return undefined;
    const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(text);
    if (!match || match[2] === '.' || match[2] === '..') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${printable(text)}' is not of the form owner/name.`);
    }
    return { owner: match[1], repo: match[2] };
}
function parseBranch(value, input = 'branch') {
    const branch = value.trim().replace(/^refs\/heads\//, '');
    if (branch === '')
        return undefined;
    // git check-ref-format rules, as far as a branch name needs them.
    const bad = 
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{|\/\/|^\/|\/$|\.$|^\.|\/\.|\.lock$|\.lock\/|^@$/.test(branch);
    if (bad)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${printable(branch)}' is not a valid branch name.`);
    return branch;
}
function parseSize(value, input, fallback) {
    const text = value.trim();
    if (text === '')
        return fallback;
    const match = /^(\d+)\s*(k|ki|kib|kb|m|mi|mib|mb)?$/i.exec(text);
    if (!match)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${text}' is not a size (bytes, or a number followed by KiB or MiB).`);
    const unit = (match[2] ?? '').toLowerCase();
    const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
    return Number(match[1]) * factor;
}
/** Longest `race-timeout`: a GitHub-hosted job may run 6 hours. */
const MAX_DURATION_MS = 6 * 60 * 60 * 1000;
/** A duration in milliseconds: seconds (`90`, `90s`), minutes (`10m`), or both (`1m30s`); '' is `fallback`. */
function parseDuration(value, input, fallback) {
    const text = value.trim().toLowerCase();
    if (text === '')
        return fallback;
    const bad = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${printable(value.trim())}' ${why}`);
    const match = /^(?:(\d+(?:\.\d+)?)\s*(?:m|min))?\s*(?:(\d+(?:\.\d+)?)\s*(?:s|sec)?)?$/.exec(text);
    if (!match || (match[1] === undefined && match[2] === undefined)) {
        throw bad('is not a duration: seconds (90 or 90s), minutes (10m) or both (1m30s).');
    }
    const ms = Number(match[1] ?? 0) * 60_000 + Number(match[2] ?? 0) * 1000;
    if (ms <= 0)
        throw bad('is no time at all: give a positive duration such as 10m.');
    if (ms > MAX_DURATION_MS)
        throw bad('is longer than a job may run (6 hours).');
    return Math.round(ms);
}
function parseBoolean(value, input) {
    const text = value.trim().toLowerCase();
    if (text === '' || text === 'false')
        return false;
    if (text === 'true')
        return true;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${printable(value)}' is not true or false.`);
}
const SUMMARY_DIFFS = ['auto', 'full', 'changes', 'none'];
function parseSummaryDiff(value) {
    const text = (value.trim().toLowerCase() || 'auto');
    if (!SUMMARY_DIFFS.includes(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('summary-diff', `'${printable(value)}' is not one of ${SUMMARY_DIFFS.join(', ')}.`);
    return text;
}
function parseAutoMerge(value) {
    const text = value.trim().toLowerCase();
    if (text === '' || text === 'false' || text === 'off')
        return undefined;
    if (text === 'merge' || text === 'squash' || text === 'rebase')
        return text;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('auto-merge', `'${printable(value)}' is not one of merge, squash, rebase (or empty for none).`);
}
/** What an item of a name list must look like, and how the error names it. */
const NAMES = {
    login: { pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/, what: 'a GitHub login' },
    team: { pattern: /^(?:[A-Za-z0-9][A-Za-z0-9-]{0,38}\/)?[A-Za-z0-9._-]{1,100}$/, what: "a team slug ('team' or 'org/team')" },
    // eslint-disable-next-line no-control-regex
    label: { pattern: /^[^\u0000-\u001f\u007f,]{1,50}$/, what: 'a label name (at most 50 characters)' },
};
/** A list of GitHub logins, team slugs or label names: no blanks or control characters inside an item; `@` dropped. */
function parseNames(value, input, kind) {
    const { pattern, what } = NAMES[kind];
    const items = splitList(value).map((item) => item.replace(/^@/, ''));
    for (const item of items) {
        if (!pattern.test(item))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `'${printable(item)}' is not ${what}.`);
    }
    return [...new Set(items)];
}


/***/ }),

/***/ 5904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PS: () => (/* binding */ isReport),
  i$: () => (/* binding */ readReportSettings),
  sb: () => (/* binding */ readSettings)
});

// UNUSED EXPORTS: summaryDiff

// EXTERNAL MODULE: ./src/image/policy.ts
var policy = __webpack_require__(6811);
// EXTERNAL MODULE: ./src/core/paths.ts
var core_paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/settings/errors.ts
var errors = __webpack_require__(6990);
// EXTERNAL MODULE: ./src/settings/inputs.ts
var inputs = __webpack_require__(7428);
// EXTERNAL MODULE: ./src/settings/parse.ts
var parse = __webpack_require__(6894);
;// CONCATENATED MODULE: ./src/settings/gates.ts


const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
/** `24h`, `90m`, `2d`, `1d12h`: whole numbers with s/m/h/d units, largest first; undefined when empty. */
function parseDuration(value, input) {
    const text = value.trim();
    if (text === '')
        return undefined;
    const match = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
    if (!match || match.slice(1).every((part) => part === undefined)) {
        throw new errors/* InputError */.d(input, `'${(0,parse/* printable */.g$)(text)}' is not a duration: a number with s, m, h or d (24h, 90m, 2d, 1d12h).`);
    }
    const ms = ['d', 'h', 'm', 's'].reduce((sum, unit, i) => sum + Number(match[i + 1] ?? 0) * UNIT_MS[unit], 0);
    return { ms, text };
}
/** `promote-require-status`: context globs, one per line (a comma is part of no context name, so it separates too). */
function parseContextGlobs(value, input) {
    const globs = value
        .split(/[\n,]/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
    for (const glob of globs) {
        if (/\s/.test(glob))
            throw new errors/* InputError */.d(input, `'${(0,parse/* printable */.g$)(glob)}': a context glob has no spaces (kustomization/apps-staging/*, argocd/api-staging); one per line.`);
    }
    return globs;
}
/** The gate rules, or undefined when none is set; a gate without promote-from is an input error naming it. */
function readGates(read, promoting) {
    const after = parseDuration(read('promote-after'), 'promote-after');
    const requireStatus = parseContextGlobs(read('promote-require-status'), 'promote-require-status');
    if (after === undefined && requireStatus.length === 0)
        return undefined;
    if (!promoting) {
        throw new errors/* InputError */.d(after !== undefined ? 'promote-after' : 'promote-require-status', 'gates a promotion: give promote-from (the source environment whose history and statuses it reads).');
    }
    return { ...(after !== undefined && { after }), requireStatus };
}
/**
 * The time the soak is measured at: now, or GITOPS_BUMP_NOW (an ISO 8601 instant) for a reproducible run (a
 * preview of tomorrow's promotion, the tests).
 */
function readNow(env) {
    const given = env.GITOPS_BUMP_NOW?.trim();
    if (!given)
        return new Date();
    const at = new Date(given);
    if (Number.isNaN(at.getTime()))
        throw new errors/* InputError */.d('GITOPS_BUMP_NOW', `'${(0,parse/* printable */.g$)(given)}' is not an ISO 8601 instant (2026-12-01T12:00:00Z).`);
    return at;
}

;// CONCATENATED MODULE: ./src/settings/provenance.ts
// The provenance inputs: `source-repository` (none: off), `source-sha`, `source-token`, with the runner's defaults
// (GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_SERVER_URL, GITHUB_RUN_ID) passed in by the entry point.


const SHA = /^[0-9a-fA-F]{40}$/;
function sameRepository(a, b) {
    return b !== undefined && a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}
/** The runner's repository, when GITHUB_REPOSITORY is one (a malformed value is no default, never an error). */
function workflowRepository(env) {
    try {
        return (0,parse/* parseRepository */.SU)(env.GITHUB_REPOSITORY ?? '', 'source-repository');
    }
    catch {
        return undefined;
    }
}
/** The web root: GITHUB_SERVER_URL (GHES), else github.com. */
function serverUrlOf(env) {
    const given = (env.GITHUB_SERVER_URL ?? '').trim().replace(/\/+$/, '');
    return /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(given) ? given : 'https://github.com';
}
/**
 * Reads the provenance inputs; undefined for `source-repository: none`. The source commit defaults to GITHUB_SHA
 * only when the source is the workflow's own repository (GITHUB_SHA names a commit there, not in another).
 */
function readProvenance(read, env, token) {
    const given = read('source-repository').trim();
    const shaInput = read('source-sha').trim();
    if (given.toLowerCase() === 'none') {
        if (shaInput !== '')
            throw new errors/* InputError */.d('source-sha', "is set while source-repository is 'none' (provenance off): remove one of them.");
        return undefined;
    }
    if (shaInput !== '' && !SHA.test(shaInput)) {
        throw new errors/* InputError */.d('source-sha', `'${(0,parse/* printable */.g$)(shaInput.slice(0, 80))}' is not a full commit sha (40 hex digits).`);
    }
    const workflow = workflowRepository(env);
    const repository = given === '' ? workflow : (0,parse/* parseRepository */.SU)(given, 'source-repository');
    if (shaInput !== '' && repository === undefined) {
        throw new errors/* InputError */.d('source-repository', 'is required with source-sha outside GitHub Actions: the owner/name the sha belongs to.');
    }
    const runnerSha = (env.GITHUB_SHA ?? '').trim();
    const sha = shaInput !== '' ? shaInput : repository !== undefined && sameRepository(repository, workflow) && SHA.test(runnerSha) ? runnerSha : undefined;
    const serverUrl = serverUrlOf(env);
    const runId = (env.GITHUB_RUN_ID ?? '').trim();
    const builtBy = workflow !== undefined && /^\d+$/.test(runId) ? `${serverUrl}/${workflow.owner}/${workflow.repo}/actions/runs/${runId}` : undefined;
    return { repository, sha: sha?.toLowerCase(), builtBy, serverUrl, token: read('source-token').trim() || token, named: given !== '' };
}

// EXTERNAL MODULE: ./src/settings/environments.ts
var settings_environments = __webpack_require__(2871);
;// CONCATENATED MODULE: ./src/settings/read.ts
// The only place that reads inputs. Every input is read once into a typed Settings object; a bad value fails
// with an InputError that names the input and the form it expects.








const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** `race-timeout`: long enough for 50 runs bumping one file at once at GitHub's latency (README "Contention"). */
const DEFAULT_RACE_TIMEOUT_MS = 15 * 60 * 1000;
/** Reads and validates every input. `env` supplies the runner's defaults (GITHUB_REPOSITORY). */
function readSettings(read, env) {
    const promoting = (0,parse/* splitGlobs */.Kh)(read('promote-from')).length > 0;
    const images = promoting ? [] : (0,parse/* parseImages */.eb)(read('images'));
    const charts = promoting ? [] : (0,parse/* parseCharts */.LF)(read('charts'));
    if (!promoting && images.length === 0 && charts.length === 0) {
        throw new errors/* InputError */.d('images', "is required, or 'charts' (or both): the image references to write (ghcr.io/acme/api:1.4.2), the chart versions (oci://ghcr.io/acme/charts/api:1.4.2); or give promote-from.");
    }
    const pathPatterns = (0,parse/* splitGlobs */.Kh)(read('paths') || inputs/* DEFAULT_PATHS */.n);
    const paths = (0,errors/* asInput */.l)('paths', () => (0,core_paths/* compilePaths */.Iw)(pathPatterns));
    const localPath = read('local-path').trim() || undefined;
    const repository = (0,parse/* parseRepository */.SU)(read('repository') || (localPath ? '' : (env.GITHUB_REPOSITORY ?? '')));
    const token = read('token').trim();
    const mode = (0,parse/* parseMode */.Zx)(read('mode'));
    if (!localPath) {
        if (!repository) {
            throw new errors/* InputError */.d('repository', 'is required outside GitHub Actions (owner/name), or give local-path to edit a checkout.');
        }
        if (token === '') {
            throw new errors/* InputError */.d('token', 'is empty: pass ${{ github.token }}, a GitHub App token or a PAT (or give local-path).');
        }
    }
    if (localPath && mode === 'pull-request') {
        throw new errors/* InputError */.d('mode', "'pull-request' goes through the GitHub API: remove local-path, or use mode commit or dry-run.");
    }
    const environment = deriveEnvironment(read('environment'), paths, 'paths');
    return {
        images,
        charts,
        chartAppVersion: (0,parse/* parseBoolean */.yG)(read('chart-app-version'), 'chart-app-version'),
        promotion: readPromotion(read, repository, token),
        pathPatterns,
        paths,
        repository,
        branch: (0,parse/* parseBranch */.Qd)(read('branch')),
        token,
        mode,
        localPath,
        policy: (0,errors/* asInput */.l)('policy', () => (0,policy/* parsePolicy */.ON)(read('policy'), 'policy')),
        environment: environment.name,
        environmentNote: environment.note,
        failOnUnmatched: (0,parse/* parseBoolean */.yG)(read('fail-on-unmatched'), 'fail-on-unmatched'),
        failOnRefused: (0,parse/* parseBoolean */.yG)(read('fail-on-refused'), 'fail-on-refused'),
        gates: readGates(read, promoting),
        now: readNow(env),
        commitMessage: read('commit-message'),
        maxFileBytes: (0,parse/* parseSize */.DB)(read('max-file-size'), 'max-file-size', DEFAULT_MAX_FILE_BYTES),
        raceTimeoutMs: (0,parse/* parseDuration */.E9)(read('race-timeout'), 'race-timeout', DEFAULT_RACE_TIMEOUT_MS),
        summaryDiff: summaryDiff((0,parse/* parseSummaryDiff */.h7)(read('summary-diff')), repository, env.GITHUB_REPOSITORY),
        pullRequest: readPullRequest(read),
        provenance: readProvenance(read, env, token),
    };
}
/** `mode: report` (or the CLI's `report` command): no other input decides which kind of run this is. */
function isReport(read) {
    return read('mode').trim() === 'report';
}
/** The settings of `mode: report`: the environments, and where folder environments and tokens come from. */
function readReportSettings(read, env) {
    const environments = (0,settings_environments/* parseEnvironments */.ml)(read('environments'));
    if (environments.length === 0) {
        throw new errors/* InputError */.d('environments', "is required with mode 'report': one 'name: globs' or 'name: owner/repo[@branch][:globs]' per line, in promotion order.");
    }
    const localPath = read('local-path').trim() || undefined;
    const folders = environments.some((e) => e.repository === undefined);
    const repository = (0,parse/* parseRepository */.SU)(read('repository') || (localPath ? '' : (env.GITHUB_REPOSITORY ?? '')));
    const token = read('token').trim();
    if (folders && !localPath && !repository) {
        throw new errors/* InputError */.d('repository', 'is required outside GitHub Actions for folder environments (owner/name), or give local-path.');
    }
    const throughApi = environments.some((e) => e.repository !== undefined) || (folders && !localPath);
    if (throughApi && token === '') {
        throw new errors/* InputError */.d('token', 'is empty: reading environments through the GitHub API needs a token (or give local-path for folder environments).');
    }
    return {
        environments,
        localPath,
        repository,
        branch: (0,parse/* parseBranch */.Qd)(read('branch')),
        token,
        maxFileBytes: (0,parse/* parseSize */.DB)(read('max-file-size'), 'max-file-size', DEFAULT_MAX_FILE_BYTES),
        now: readNow(env),
        summaryDiff: reportSummaryDiff((0,parse/* parseSummaryDiff */.h7)(read('summary-diff')), [...(folders ? [repository] : []), ...environments.map((e) => e.repository).filter((r) => r !== undefined)], env.GITHUB_REPOSITORY),
    };
}
/** `auto` for a report: `full` (hold reasons shown) only when every repository read is the workflow's own. */
function reportSummaryDiff(choice, read, workflowRepository) {
    if (choice !== 'auto')
        return choice;
    return read.every((target) => summaryDiff('auto', target, workflowRepository) === 'full') ? 'full' : 'changes';
}
/**
 * `summary-diff: auto` resolved. A public repository's job summary is public: the context lines of another
 * repository's files (a private GitOps repository) stay out of it. The target is the `repository` input
 * (default: the workflow's own repository), compared with GITHUB_REPOSITORY case-insensitively; a checkout at
 * `local-path` with no repository named counts as the workflow's own. Outside a runner (no GITHUB_REPOSITORY),
 * any named repository counts as another.
 */
function summaryDiff(choice, target, workflowRepository) {
    if (choice !== 'auto')
        return choice;
    if (target === undefined)
        return 'full';
    const own = workflowRepository !== undefined && `${target.owner}/${target.repo}`.toLowerCase() === workflowRepository.trim().toLowerCase();
    return own ? 'full' : 'changes';
}
/**
 * The environment name: the input, else the last plain folder every include glob names (`apps/*\/overlays/prod/**`
 * → `prod`), else `paths-<hash>` of the globs with a note saying why (see `environmentOfPaths`).
 */
function deriveEnvironment(value, paths, input) {
    const given = value.trim();
    if (given !== '')
        return { name: given, note: undefined };
    const derived = (0,core_paths/* environmentOfPaths */.Pf)(paths);
    if (derived.named)
        return { name: derived.name, note: undefined };
    return { name: derived.name, note: `${input}: ${derived.why}, so ${derived.name} (a hash of the globs) stands for the environment; set '${input === 'paths' ? 'environment' : 'promote-from-environment'}' to name it.` };
}
function readPromotion(read, target, token) {
    const patterns = (0,parse/* splitGlobs */.Kh)(read('promote-from'));
    const repository = (0,parse/* parseRepository */.SU)(read('promote-from-repository'), 'promote-from-repository');
    const branch = (0,parse/* parseBranch */.Qd)(read('promote-from-branch'), 'promote-from-branch');
    if (patterns.length === 0) {
        if (repository || branch) {
            throw new errors/* InputError */.d('promote-from', 'is required with promote-from-repository or promote-from-branch: the globs of the source files.');
        }
        return undefined;
    }
    const paths = (0,errors/* asInput */.l)('promote-from', () => (0,core_paths/* compilePaths */.Iw)(patterns, 'promote-from'));
    const sourceToken = read('promote-from-token').trim() || token;
    if (repository && sourceToken === '') {
        throw new errors/* InputError */.d('promote-from-token', `is empty: reading ${repository.owner}/${repository.repo} needs a token (or set token).`);
    }
    const sameRepo = !repository || (target && repository.owner === target.owner && repository.repo === target.repo);
    const derived = deriveEnvironment('', paths, 'promote-from');
    const given = read('promote-from-environment').trim();
    // Repository per environment: the repository names the environment; folder per environment: the folder
    // (else the source branch, else the globs' hash).
    const named = !sameRepo && repository ? repository.repo : derived.note === undefined ? derived.name : branch;
    return {
        patterns,
        paths,
        repository: sameRepo ? undefined : repository,
        branch,
        token: sourceToken,
        only: (0,parse/* parseOnly */.Qu)(read('images')),
        onlyCharts: (0,parse/* parseChartsOnly */.tl)(read('charts')),
        environment: given || named || derived.name,
        environmentNote: given || named ? undefined : derived.note,
    };
}
function readPullRequest(read) {
    return {
        branch: read('pr-branch').trim(),
        title: read('pr-title'),
        body: read('pr-body'),
        labels: (0,parse/* parseNames */.Gw)(read('pr-labels'), 'pr-labels', 'label'),
        reviewers: (0,parse/* parseNames */.Gw)(read('pr-reviewers'), 'pr-reviewers', 'login'),
        teamReviewers: (0,parse/* parseNames */.Gw)(read('pr-team-reviewers'), 'pr-team-reviewers', 'team'),
        assignees: (0,parse/* parseNames */.Gw)(read('pr-assignees'), 'pr-assignees', 'login'),
        draft: (0,parse/* parseBoolean */.yG)(read('pr-draft'), 'pr-draft'),
        autoMerge: (0,parse/* parseAutoMerge */.LH)(read('auto-merge')),
    };
}


/***/ }),

/***/ 7007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nN: () => (/* reexport */ YamlSyntaxError),
  ZC: () => (/* reexport */ isChartTemplate),
  x5: () => (/* binding */ locate),
  jn: () => (/* reexport */ writtenScalars)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/yaml/text.ts
var yaml_text = __webpack_require__(296);
;// CONCATENATED MODULE: ./src/yaml/parse.ts
// Parsing a YAML stream once, keeping source positions, and reporting the first error as line:column.


/** A file that should be YAML and does not parse. The message is `line:column: detail`. */
class YamlSyntaxError extends Error {
    line;
    column;
    detail;
    constructor(line, column, detail) {
        super(`${line}:${column}: ${detail}`);
        this.name = 'YamlSyntaxError';
        this.line = line;
        this.column = column;
        this.detail = detail;
    }
}
/** Options shared by every parse: lenient about duplicate keys (as Helm and kubectl are). */
const COMPOSE_OPTIONS = { uniqueKeys: false, prettyErrors: false };
/** Parses every document of `text`; throws {@link YamlSyntaxError} for the first error in the stream. */
function parseStream(text, withComments = false) {
    const stream = parseLenient(text, withComments);
    const error = firstError(stream);
    if (error !== undefined)
        throw error;
    return stream;
}
/** Parses without throwing; errors stay on the documents. The CST is streamed, not kept. */
function parseLenient(text, withComments = false) {
    const comments = [];
    const tokens = new dist/* Parser */.iX().parse(text);
    const source = withComments ? tapComments(tokens, comments) : tokens;
    const documents = Array.from(new dist/* Composer */.Dk(COMPOSE_OPTIONS).compose(source, false, text.length));
    return { text, lines: new yaml_text/* LineIndex */.r(text), documents, comments };
}
function* tapComments(tokens, comments) {
    for (const token of tokens) {
        collectComments(token, comments);
        yield token;
    }
}
/** What a stack overflow inside the parser or the walk says, and what we say instead. */
const TOO_DEEP = /call stack|too much recursion|RangeError/i;
const NESTED_TOO_DEEPLY = 'the structure is nested too deeply to be read (thousands of levels): not a GitOps file we can edit safely';
/** The stream's first parse error, located, or undefined when the stream is well-formed. */
function firstError(stream) {
    let first;
    for (const doc of stream.documents) {
        for (const error of doc.errors) {
            const offset = error.pos[0];
            if (first === undefined || offset < first.offset)
                first = { offset, message: error.message };
        }
    }
    if (first === undefined)
        return undefined;
    const detail = TOO_DEEP.test(first.message)
        ? NESTED_TOO_DEEPLY
        : first.message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
    return new YamlSyntaxError(stream.lines.line(first.offset), stream.lines.column(first.offset), detail);
}
const LIST_FIELDS = ['start', 'sep', 'end', 'props', 'items'];
/** Appends the comments of a CST token, in source order (`#` inside strings is not a comment token). */
function collectComments(value, comments) {
    if (typeof value !== 'object' || value === null)
        return;
    const token = value;
    if (token.type === 'comment') {
        if (typeof token.offset === 'number' && typeof token.source === 'string')
            comments.push({ offset: token.offset, text: token.source });
        return;
    }
    for (const field of LIST_FIELDS) {
        const list = token[field];
        if (Array.isArray(list))
            for (const item of list)
                collectComments(item, comments);
    }
    if (token.key !== undefined)
        collectComments(token.key, comments);
    if (token.value !== undefined)
        collectComments(token.value, comments);
}

// EXTERNAL MODULE: ./src/image/reference.ts
var image_reference = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/yaml/shapes/reader.ts
// What the shape recognisers read from one parsed document: scalars as slots, a mapping's scalar fields (aliases
// and merge keys resolved), the mapping holding them, and the small value rules every shape shares.


/** One document, read as slots; aliases are resolved once per document, on the first one met. */
class NodeReader {
    doc;
    index;
    lines;
    /** Each alias's anchored node (Alias.resolve walks the whole document, so this is built once). */
    anchors;
    constructor(doc, 
    /** 0-based index of the document in its stream. */
    index, lines) {
        this.doc = doc;
        this.index = index;
        this.lines = lines;
    }
    /** The document's root node, when it has one. */
    get root() {
        return this.doc.contents;
    }
    /** Where a scalar's bytes are, its style and the string it holds (plain scalars as written: `1.10` stays `1.10`). */
    slot(node, inFlow) {
        const [start, end] = rangeOf(node);
        const style = styleOf(node);
        let text;
        if (node.value === null)
            text = undefined;
        else if (style === 'plain')
            text = node.source ?? String(node.value);
        else
            text = String(node.value);
        return { start, end, style, text, inFlow, line: this.lines.line(start), column: this.lines.column(start) };
    }
    /**
     * The scalar-valued pairs of a mapping (aliases resolved to their anchored scalar), by key; with
     * `merges`, also the pairs a merge key (`<<: *base`, `<<: [*a, *b]`) brings in, own pairs first.
     */
    fieldsOf(map, flow, merges = false, depth = 0) {
        const fields = new Map();
        const bases = [];
        for (const pair of map.items) {
            if (merges && keyText(pair.key) === '<<')
                bases.push(...this.mergedMaps(pair.value));
            const field = this.fieldOf(pair, flow);
            if (field !== undefined && field.key !== '<<')
                fields.set(field.key, field);
        }
        if (depth > 8)
            return fields;
        for (const base of bases) {
            for (const [key, field] of this.fieldsOf(base, flow, true, depth + 1)) {
                if (!fields.has(key))
                    fields.set(key, { ...field, aliased: true, inherited: true });
            }
        }
        return fields;
    }
    /** The mapping holding `fields`: where keys can be added or removed. */
    entryOf(map, flow, fields) {
        const ordered = [...fields.values()].filter((field) => !field.inherited).sort((a, b) => a.keyStart - b.keyStart);
        const first = map.items[0];
        const last = map.items[map.items.length - 1];
        const firstKeyStart = first !== undefined ? rangeOf(first.key)[0] : rangeOf(map)[0];
        const lastValue = last?.value;
        const lastValueEnd = lastValue ? rangeOf(lastValue)[1] : last !== undefined ? rangeOf(last.key)[1] : rangeOf(map)[1];
        const lastIsInline = lastValue === null || lastValue === undefined || (0,dist/* isScalar */.jn)(lastValue) || (0,dist/* isAlias */.Vj)(lastValue);
        return { flow: flow || map.flow === true, start: rangeOf(map)[0], fields: ordered, firstKeyStart, lastValueEnd, lastIsInline };
    }
    /** The node an alias refers to: the last node anchored with its name before it, in document order. */
    resolve(alias) {
        if (this.anchors === undefined) {
            const anchors = new Map();
            const latest = new Map();
            (0,dist/* visit */.YR)(this.doc, {
                Node: (_, node) => {
                    if ((0,dist/* isAlias */.Vj)(node))
                        anchors.set(node, latest.get(node.source));
                    else if (node.anchor !== undefined)
                        latest.set(node.anchor, node);
                },
            });
            this.anchors = anchors;
        }
        return this.anchors.get(alias);
    }
    /** The mappings a merge key's value names: one alias, or a sequence of aliases. */
    mergedMaps(value) {
        const aliases = (0,dist/* isAlias */.Vj)(value) ? [value] : (0,dist/* isSeq */.oP)(value) ? value.items.filter((item) => (0,dist/* isAlias */.Vj)(item)) : [];
        return aliases.flatMap((alias) => {
            const target = this.resolve(alias);
            return (0,dist/* isMap */.jh)(target) ? [target] : [];
        });
    }
    fieldOf(pair, flow) {
        const key = keyText(pair.key);
        const value = pair.value;
        if (key === undefined || value === null)
            return undefined;
        const keyStart = rangeOf(pair.key)[0];
        if ((0,dist/* isScalar */.jn)(value)) {
            return { key, scalar: this.slot(value, flow), aliased: false, inherited: false, keyStart, valueEnd: rangeOf(value)[1] };
        }
        if ((0,dist/* isAlias */.Vj)(value)) {
            const target = this.resolve(value);
            if (!(0,dist/* isScalar */.jn)(target))
                return undefined;
            return { key, scalar: this.slot(target, flow), aliased: true, inherited: false, keyStart, valueEnd: rangeOf(value)[1] };
        }
        return undefined;
    }
}
/** A mapping key as written (a plain key as its source: `1.10` stays `1.10`); undefined for a non-scalar or null key. */
function keyText(key) {
    if (!(0,dist/* isScalar */.jn)(key) || key.value === null)
        return undefined;
    return key.type === 'PLAIN' && key.source !== undefined ? key.source : String(key.value);
}
/** The source range of a parsed node (every parsed node has one). */
function rangeOf(node) {
    const range = node.range;
    if (range === undefined || range === null)
        throw new Error('internal: a parsed node has no source range');
    return range;
}
/** The last mapping key of a path. */
function lastKey(steps) {
    for (let i = steps.length - 1; i >= 0; i--) {
        const step = steps[i];
        if (typeof step === 'string')
            return step;
    }
    return undefined;
}
/** The normalised repository of a bare name; undefined when it is not one (has a tag, is a placeholder…). */
function bareRepository(name) {
    const parsed = (0,image_reference/* tryParseReference */.WF)(name);
    if (parsed === undefined || parsed.tag !== undefined || parsed.digest !== undefined)
        return undefined;
    return parsed.repository;
}
/** True for a value a template engine fills in (`${TAG}`, `{{ .Values.tag }}`, `${{ … }}`): never bumped. */
function isTemplated(text) {
    return text !== undefined && /\$\{|\{\{/.test(text);
}
function nonEmpty(text) {
    return text === undefined || text === '' ? undefined : text;
}
/** `{ [key]: value }` when value is defined, else `{}`: keeps optional properties absent, not undefined. */
function optional(key, value) {
    return (value === undefined ? {} : { [key]: value });
}
function styleOf(node) {
    switch (node.type) {
        case 'QUOTE_SINGLE':
            return 'single';
        case 'QUOTE_DOUBLE':
            return 'double';
        case 'BLOCK_FOLDED':
        case 'BLOCK_LITERAL':
            return 'block';
        default:
            return 'plain';
    }
}

;// CONCATENATED MODULE: ./src/yaml/anchors.ts
// Values shared through YAML anchors and aliases. An alias is never edited: the anchored scalar is, so writing
// it moves every alias of it too. For each site that writes an anchored value, every alias that reads it is
// listed with who reads the value there (the site itself, another image site, or a place that is not an image),
// so that plan can refuse a move nobody asked for (DESIGN.md §4, README "Holds and anchors").
//
// An alias refers to the nearest anchor of its name before it in the same document (a redefined anchor starts
// afresh). An alias reads a scalar when it names that scalar's anchor, or an anchored collection holding it. A
// merge key (`<<: *base`, `<<: [*a, *b]`) reads a scalar of the base under key k unless the merging mapping
// (or an earlier base in its list) has its own k.


/**
 * For each site of one document writing a scalar that some alias reads: those aliases, classified from that
 * site's point of view (see {@link SharedUse}). Sites whose values no alias reads are not in the map.
 */
function sharedUses(doc, sites, lines) {
    const result = new Map();
    const { byTarget, anchored } = readAliases(doc);
    if (byTarget.size === 0)
        return result;
    const readers = new Map();
    for (const site of sites) {
        for (const scalar of writtenScalars(site))
            readers.set(scalar.start, [...(readers.get(scalar.start) ?? []), site]);
    }
    for (const site of sites) {
        const uses = [];
        for (const scalar of writtenScalars(site)) {
            const found = aliasesReading(scalar, site, readers.get(scalar.start) ?? [], byTarget, anchored);
            for (const { alias, kind } of found.sort((a, b) => a.alias.start - b.alias.start)) {
                uses.push({ scalar: scalar.start, anchor: alias.node.source, line: lines.line(alias.start), column: lines.column(alias.start), kind });
            }
        }
        if (uses.length > 0)
            result.set(site, uses);
    }
    return result;
}
/**
 * The aliases that read `scalar`: those naming it or a collection holding it, then, until none is new, those
 * naming a collection that holds one of these (`e: *d` where `d` holds `image: *img`), classified.
 */
function aliasesReading(scalar, site, readers, byTarget, anchored) {
    const work = [];
    for (const target of anchored.get(scalar.start) ?? []) {
        if (holds(target, scalar))
            for (const alias of byTarget.get(target) ?? [])
                work.push({ alias });
    }
    const seen = new Set();
    const found = [];
    // Breadth first: an alias that reads the scalar directly is classified as such before it is met again through another.
    for (let i = 0; i < work.length; i++) {
        const { alias, inner } = work[i];
        if (seen.has(alias))
            continue;
        seen.add(alias);
        const kind = classify(alias, scalar, site, readers, inner);
        if (kind === undefined)
            continue;
        found.push({ alias, kind });
        for (const [target, outer] of byTarget) {
            if ((0,dist/* isScalar */.jn)(target) || !within(target, alias.start))
                continue;
            for (const other of outer)
                work.push({ alias: other, inner: { start: alias.start, kind } });
        }
    }
    return found;
}
/** The scalars a rewrite of `site` may replace: the whole reference, or the tag, digest and sha fields. */
function writtenScalars(site) {
    const target = site.target;
    if (target.kind === 'reference')
        return [{ start: target.scalar.start, end: target.scalar.end }];
    return [target.tag, target.digest, target.sha].flatMap((field) => (field === undefined ? [] : [{ start: field.scalar.start, end: field.scalar.end, field }]));
}
/**
 * Every alias of the document by the node it refers to (the nearest anchor of its name before it), and for each
 * scalar under an anchor (its own, or a collection's holding it), those anchored nodes, by the scalar's offset.
 */
function readAliases(doc) {
    const byTarget = new Map();
    const anchored = new Map();
    const latest = new Map();
    const resolved = new Map();
    (0,dist/* visit */.YR)(doc, {
        Node: (_, node, path) => {
            if (!(0,dist/* isAlias */.Vj)(node)) {
                if (node.anchor !== undefined)
                    latest.set(node.anchor, node);
                if ((0,dist/* isScalar */.jn)(node) && node.range) {
                    let above;
                    for (const step of path)
                        if ((0,dist/* isNode */.Ll)(step) && step.anchor !== undefined)
                            (above ??= []).push(step);
                    if (node.anchor !== undefined)
                        (above ??= []).push(node);
                    if (above !== undefined)
                        anchored.set(node.range[0], above);
                }
                return;
            }
            const target = latest.get(node.source);
            if (target === undefined || node.range === undefined || node.range === null)
                return;
            resolved.set(node, target);
            const at = { node, start: node.range[0], end: node.range[1], target, ...context(node, path, resolved) };
            byTarget.set(target, [...(byTarget.get(target) ?? []), at]);
        },
    });
    return { byTarget, anchored };
}
/** The key an alias is the value of, and for a merge key's alias, the mapping it merges into. */
function context(alias, path, resolved) {
    const parent = path[path.length - 1];
    if ((0,dist/* isPair */.tO)(parent)) {
        const key = keyText(parent.key);
        const into = path[path.length - 2];
        if (key === '<<' && (0,dist/* isMap */.jh)(into))
            return { key, merge: { into, before: [] } };
        return { key };
    }
    const pair = path[path.length - 2];
    const into = path[path.length - 3];
    if ((0,dist/* isSeq */.oP)(parent) && (0,dist/* isPair */.tO)(pair) && pair.value === parent && keyText(pair.key) === '<<' && (0,dist/* isMap */.jh)(into)) {
        const before = parent.items.slice(0, parent.items.indexOf(alias)).flatMap((item) => {
            const target = (0,dist/* isAlias */.Vj)(item) ? resolved.get(item) : undefined;
            return target === undefined ? [] : [target];
        });
        return { key: undefined, merge: { into, before } };
    }
    return { key: undefined };
}
/**
 * Who reads `scalar` (written by `site`) at `alias`, seen from `site`; undefined when the alias does not read it
 * (a merge whose mapping overrides the key). `inner`: the alias's target holds that alias rather than the scalar.
 */
function classify(alias, scalar, site, readers, inner) {
    const owner = readers.find((reader) => readsThrough(reader, scalar, alias));
    if (owner !== undefined)
        return owner === site ? 'own' : 'site';
    if (alias.merge !== undefined) {
        const key = keyOf(alias.target, inner?.start ?? scalar.start);
        if (key !== undefined) {
            if (overridden(alias.merge, key))
                return undefined;
            // The merging mapping takes the pair as its own: an `image:` pair repeats that image, any other pair (a
            // tag merged into a mapping that is no image site) is read by something that is not an image.
            if (key !== 'image')
                return 'other';
            if (inner !== undefined)
                return inner.kind === 'own' ? 'copy' : inner.kind;
            const copied = readers.find((reader) => reader.target.kind === 'reference');
            return copied === undefined ? 'other' : copied === site ? 'copy' : 'site';
        }
    }
    // A collection holding an alias repeats what that alias reads: this site's image, another's, or a non-image.
    if (inner !== undefined)
        return inner.kind === 'own' ? 'copy' : inner.kind;
    const copied = readers.find((reader) => repeats(reader, scalar, alias));
    if (copied !== undefined)
        return copied === site ? 'copy' : 'site';
    return 'other';
}
/** True when `site` reads `scalar` through `alias`: its own `tag: *v`, its `image: *img`, its `<<: *base`. */
function readsThrough(site, scalar, alias) {
    if (site.aliasEnd !== undefined)
        return site.aliasEnd === alias.end;
    const field = fieldOf(site, scalar);
    if (field === undefined || !field.aliased)
        return false;
    if (!field.inherited)
        return field.valueEnd === alias.end;
    const target = site.target;
    return alias.merge !== undefined && target.kind === 'fields' && target.entry?.start === start(alias.merge.into);
}
/**
 * True when `alias` repeats the whole of `site`: another `image: *img` of an anchored reference, or an alias of
 * a collection holding the site's own (not aliased) value and so its whole mapping.
 */
function repeats(site, scalar, alias) {
    const whole = !((0,dist/* isScalar */.jn)(alias.target) && start(alias.target) === scalar.start);
    if (site.target.kind === 'reference')
        return whole ? site.aliasEnd === undefined : alias.key === 'image';
    const field = fieldOf(site, scalar);
    return whole && field !== undefined && !field.aliased;
}
function fieldOf(site, scalar) {
    const target = site.target;
    if (target.kind !== 'fields')
        return undefined;
    return [target.tag, target.digest, target.sha].find((field) => field?.scalar.start === scalar.start);
}
/** True when `node` is `scalar` or a collection holding it. */
function holds(node, scalar) {
    const range = node.range;
    if (range === undefined || range === null)
        return false;
    return (0,dist/* isScalar */.jn)(node) ? range[0] === scalar.start : range[0] <= scalar.start && scalar.end <= range[1];
}
/** True when the collection `node` spans `offset`. */
function within(node, offset) {
    const range = node.range;
    return range !== undefined && range !== null && range[0] <= offset && offset < range[1];
}
/** The key under which a mapping holds the node at `offset` directly; undefined when it is deeper (or `node` is not a mapping). */
function keyOf(node, offset) {
    if (!(0,dist/* isMap */.jh)(node))
        return undefined;
    const pair = node.items.find((item) => (0,dist/* isNode */.Ll)(item.value) && item.value.range?.[0] === offset);
    return pair === undefined ? undefined : keyText(pair.key);
}
/** True when the merging mapping, or a base listed before this one, has its own `key`. */
function overridden(merge, key) {
    if (merge.into.items.some((pair) => keyText(pair.key) === key))
        return true;
    return merge.before.some((base) => (0,dist/* isMap */.jh)(base) && base.items.some((pair) => keyText(pair.key) === key));
}
function start(node) {
    return node.range?.[0] ?? -1;
}

// EXTERNAL MODULE: ./src/image/chart.ts
var image_chart = __webpack_require__(8209);
;// CONCATENATED MODULE: ./src/yaml/path.ts
// YAML paths in the corpus's syntax: dotted keys from the document root, `[i]` for sequence items,
// keys outside [A-Za-z_$][A-Za-z0-9_$-]* written as ["key"] (JSON-quoted).
const BARE_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
/** Formats steps as `spec.template.spec.containers[0].image`, `podSpecs["a.yaml"]`, `[3].value`. */
function formatPath(steps) {
    let out = '';
    for (const step of steps) {
        if (typeof step === 'number')
            out += `[${step}]`;
        else if (BARE_KEY.test(step))
            out += out === '' ? step : `.${step}`;
        else
            out += `[${JSON.stringify(step)}]`;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/yaml/charts/read.ts
// What the chart recognisers share: stepping into mappings and sequences, reading a scalar's string, and making a
// site from the mapping that holds a chart's name and version.




/** The root mapping of a document, when it is one. */
function rootOf(reader) {
    const root = reader.root;
    return (0,dist/* isMap */.jh)(root) ? { map: root, steps: [], flow: root.flow === true } : undefined;
}
/** The mapping under `key` of `at` (following `keys` further down), when there is one. */
function child(at, ...keys) {
    let current = at;
    for (const key of keys) {
        if (current === undefined)
            return undefined;
        const node = current.map.get(key, true);
        if (!(0,dist/* isMap */.jh)(node))
            return undefined;
        current = { map: node, steps: [...current.steps, key], flow: current.flow || node.flow === true };
    }
    return current;
}
/** The mappings of the sequence under `key` of `at`. */
function items(at, key) {
    const node = at?.map.get(key, true);
    if (at === undefined || !(0,dist/* isSeq */.oP)(node))
        return [];
    const seq = node;
    const flow = at.flow || seq.flow === true;
    return seq.items.flatMap((item, i) => ((0,dist/* isMap */.jh)(item) ? [{ map: item, steps: [...at.steps, key, i], flow: flow || item.flow === true }] : []));
}
/** The string a scalar field holds (a plain scalar as written: `1.10` stays `1.10`); undefined for none, a null or ''. */
function read_text(at, key) {
    const node = at?.map.get(key, true);
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null)
        return undefined;
    const value = node.type === 'PLAIN' && node.source !== undefined ? node.source : String(node.value);
    return value === '' ? undefined : value;
}
/**
 * The site of the chart whose version is `spec.versionKey` of `at`; undefined when the chart or its version is a
 * template (`{{ .Values.x }}`, `${VERSION}`), or the version is written as an alias (an anchored value shared with
 * other places is moved by hand).
 */
function chartSite(reader, at, spec) {
    const fields = reader.fieldsOf(at.map, at.flow);
    const version = fields.get(spec.versionKey);
    if (version?.aliased === true || version?.scalar.style === 'block')
        return undefined;
    const written = version?.scalar.text === '' ? undefined : version?.scalar.text;
    if (isTemplated(written) || isTemplated(spec.chart))
        return undefined;
    const named = spec.chartKey === undefined ? undefined : fields.get(spec.chartKey);
    const shown = version?.scalar ?? named?.scalar;
    const start = at.map.range?.[0] ?? 0;
    return {
        form: spec.form,
        doc: reader.index,
        path: formatPath(version === undefined ? at.steps : [...at.steps, spec.versionKey]),
        line: shown?.line ?? reader.lines.line(start),
        column: shown?.column ?? reader.lines.column(start),
        chart: spec.chart,
        origin: spec.origin,
        version: written,
        range: written !== undefined && (spec.range === true || (0,image_chart/* isVersionRange */.Gg)(written)),
        slot: version?.scalar,
        ...(spec.release !== undefined && { release: spec.release }),
        lines: [version?.scalar.line, reader.lines.line(version?.keyStart ?? start), named?.scalar.line].filter((line) => line !== undefined),
    };
}
/** The site with its hold: a hold on one of the lines it spans freezes it. */
function held(found, holds) {
    const { lines, ...site } = found;
    const hold = holds.size === 0 ? undefined : lines.map((line) => holds.get(line)).find((candidate) => candidate !== undefined);
    return { ...site, held: hold !== undefined, ...(hold !== undefined && { hold }) };
}

;// CONCATENATED MODULE: ./src/yaml/charts/flux.ts
// Flux: HelmRelease (spec.chart.spec {chart, version, sourceRef}; an environment's patch sets the version alone),
// the source objects a HelmRelease names (HelmRepository, OCIRepository), and OCIRepository's own tag.



const HELM_GROUP = 'helm.toolkit.fluxcd.io/';
const SOURCE_GROUP = 'source.toolkit.fluxcd.io/';
/** The media type of a Helm chart's layer: an OCIRepository selecting it holds a chart. */
const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
/** The kind of a Flux object this document is, when it is one. */
function fluxKind(reader) {
    const root = reader.root;
    if (!(0,dist/* isMap */.jh)(root))
        return undefined;
    const apiVersion = root.get('apiVersion');
    const kind = root.get('kind');
    if (typeof apiVersion !== 'string' || typeof kind !== 'string')
        return undefined;
    if (apiVersion.startsWith(HELM_GROUP))
        return { kind, group: 'helm' };
    if (apiVersion.startsWith(SOURCE_GROUP))
        return { kind, group: 'source' };
    return undefined;
}
function metadata(root) {
    const meta = child(root, 'metadata');
    const name = read_text(meta, 'name');
    const namespace = read_text(meta, 'namespace');
    return name === undefined ? undefined : { name, ...(namespace !== undefined && { namespace }) };
}
/**
 * A HelmRelease's chart: `spec.chart.spec` with `chart` (a base: its sourceRef says where from) or with `version`
 * alone (an environment's kustomize patch: its base is found by name and namespace). A HelmRelease reading its
 * chart through `spec.chartRef` has no version here (the OCIRepository holds it).
 */
function helmReleaseSite(reader) {
    const root = rootOf(reader);
    if (root === undefined)
        return undefined;
    const spec = child(root, 'spec', 'chart', 'spec');
    if (spec === undefined)
        return undefined;
    const chart = read_text(spec, 'chart');
    if (chart === undefined && !spec.map.has('version'))
        return undefined;
    const ref = child(spec, 'sourceRef');
    const refKind = read_text(ref, 'kind');
    const refName = read_text(ref, 'name');
    const refNamespace = read_text(ref, 'namespace');
    const source = refKind !== undefined && refName !== undefined ? { kind: refKind, name: refName, ...(refNamespace !== undefined && { namespace: refNamespace }) } : undefined;
    const release = metadata(root);
    return chartSite(reader, spec, {
        form: 'helm-release',
        chart,
        chartKey: 'chart',
        origin: source === undefined ? { kind: 'none' } : { kind: 'source', source },
        versionKey: 'version',
        ...(release !== undefined && { release }),
    });
}
/** A HelmRelease's `spec.chartRef` to an OCIRepository (its namespace, when not written, the HelmRelease's). */
function chartRefOf(reader) {
    const root = rootOf(reader);
    const ref = child(root, 'spec', 'chartRef');
    const kind = read_text(ref, 'kind');
    const name = read_text(ref, 'name');
    if (root === undefined || kind !== 'OCIRepository' || name === undefined)
        return undefined;
    const namespace = read_text(ref, 'namespace') ?? metadata(root)?.namespace;
    return { kind, name, ...(namespace !== undefined && { namespace }) };
}
/** A HelmRepository or OCIRepository: a source a HelmRelease may name. */
function fluxSource(reader, kind) {
    if (kind !== 'HelmRepository' && kind !== 'OCIRepository')
        return undefined;
    const root = rootOf(reader);
    const meta = root === undefined ? undefined : metadata(root);
    const url = read_text(child(root, 'spec'), 'url');
    if (meta === undefined || url === undefined)
        return undefined;
    return { kind, ...meta, url, repository: (0,image_chart/* normaliseChartRepository */.tb)(url) };
}
/**
 * An OCIRepository's chart: the URL's last part is the chart, `spec.ref.tag` its version; `spec.ref.semver` is a
 * range the cluster resolves (reported, never overwritten); a `spec.ref.digest` pins the artifact (not a site).
 * Flux also ships manifests as OCI artifacts: without the Helm chart layer selector, only a request naming the
 * repository matches (`needsRepository`), unless a HelmRelease's chartRef names the object (core/charts.ts).
 */
function ociRepositorySite(reader) {
    const root = rootOf(reader);
    const spec = child(root, 'spec');
    const url = read_text(spec, 'url');
    if (spec === undefined || url === undefined || !/^oci:\/\//i.test(url))
        return undefined;
    const ref = child(spec, 'ref') ?? { map: spec.map, steps: [...spec.steps, 'ref'], flow: spec.flow };
    if (read_text(ref, 'digest') !== undefined)
        return undefined;
    const cut = url.replace(/\/+$/, '').lastIndexOf('/');
    const chart = url.slice(cut + 1).replace(/\/+$/, '');
    const repository = url.slice(0, cut);
    const semver = read_text(ref, 'semver') !== undefined;
    const site = chartSite(reader, child(spec, 'ref') ?? spec, {
        form: 'oci-repository',
        chart,
        origin: { kind: 'url', url: repository, repository: (0,image_chart/* normaliseChartRepository */.tb)(repository) },
        versionKey: child(spec, 'ref') === undefined ? 'ref' : semver ? 'semver' : 'tag',
        range: semver,
    });
    const layer = read_text(child(spec, 'layerSelector'), 'mediaType');
    const meta = root === undefined ? undefined : metadata(root);
    const named = site === undefined || meta === undefined ? site : { ...site, release: meta };
    return named === undefined || layer === HELM_CHART_LAYER ? named : { ...named, needsRepository: true };
}

;// CONCATENATED MODULE: ./src/yaml/markers.ts
// `# gitops-bump: …` comments: a hold on a line (or on the line below a comment line), or a marker naming the
// image a scalar belongs to.


/** `gitops-bump:` anywhere in a comment (not inside a longer word), case-insensitive; group 1 is what follows. */
const MARKER = /(?<![\w-])gitops-bump:(.*)$/i;
/** A comment that starts with the marker: only there may it name an image (a mention in prose must not re-target a site). */
const LEADING = /^#\s*$/;
/** `hold`, then an optional reason. */
const HOLD = /^\s*hold(?![\w-])(.*)$/i;
const WORD = /^\s*(\S+)(.*)$/;
const SUFFIX = /^(.+):(tag|digest|name)$/;
/** `chart <repository/name>`, then an optional `hold`: the scalar is a chart's version (see charts/locate.ts). */
const CHART = /^\s*chart\s+(\S+)(.*)$/i;
/** Longest reason shown in `refused` (the rest of a long comment is cut with an ellipsis). */
const REASON_LIMIT = 200;
/** Cheap test for a text that may hold a `gitops-bump:` comment (then comments are read). */
function mayHoldMarkers(text) {
    return text.includes('gitops-bump') || /gitops-bump/i.test(text);
}
/**
 * Reads the `gitops-bump:` comments; others are ignored. A hold is recognised anywhere in a comment, in any case
 * (`# INC-42, GitOps-Bump: hold until the fix`); an image is named only by a comment that starts with the marker
 * (`# gitops-bump: ghcr.io/acme/api:tag`, optionally followed by `hold`).
 */
function readMarkers(comments, lines) {
    const markers = [];
    for (const comment of comments) {
        const text = comment.text.trimEnd();
        const match = MARKER.exec(text);
        if (match === null)
            continue;
        const leading = LEADING.test(text.slice(0, match.index));
        const parsed = readBody(match[1] ?? '', leading);
        if (!parsed.hold && parsed.reference === undefined && parsed.chart === undefined)
            continue;
        markers.push({ line: lines.line(comment.offset), offset: comment.offset, ...parsed });
    }
    return markers;
}
function readBody(body, leading) {
    const chart = CHART.exec(body);
    if (chart !== null) {
        // A chart marker names no image: `chart` is a word here, never the image `docker.io/library/chart`.
        const then = HOLD.exec(chart[2] ?? '');
        const held = then !== null && /^\s/.test(chart[2] ?? '');
        const reason = held ? cleanReason(then[1] ?? '') : undefined;
        return { hold: held, ...(reason !== undefined && { reason }), ...(leading && { chart: chart[1] ?? '' }) };
    }
    const hold = HOLD.exec(body);
    if (hold !== null) {
        // `hold ghcr.io/acme/api:tag` (the older order) still names the image: only a word with a part or a path does.
        const next = WORD.exec(hold[1] ?? '');
        const spec = leading && next !== null && /^[^:]*\/|:(?:tag|digest|name)$/.test(next[1] ?? '') ? markerReference(next[1] ?? '') : undefined;
        const reason = cleanReason(spec === undefined ? (hold[1] ?? '') : (next?.[2] ?? ''));
        return { hold: true, ...(reason !== undefined && { reason }), ...(spec !== undefined && { reference: spec }) };
    }
    const first = WORD.exec(body);
    if (first === null)
        return { hold: false };
    const spec = markerReference(first[1] ?? '');
    const then = HOLD.exec(first[2] ?? '');
    const held = spec !== undefined && then !== null && /^\s/.test(first[2] ?? '');
    const reason = held ? cleanReason(then[1] ?? '') : undefined;
    return { hold: held, ...(reason !== undefined && { reason }), ...(leading && spec !== undefined && { reference: spec }) };
}
/** The reason as shown: leading punctuation dropped, control characters blanked, cut at {@link REASON_LIMIT}. */
function cleanReason(text) {
    // eslint-disable-next-line no-control-regex
    const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/^[\s:;,.=\-\u2013\u2014]+/, '').trim();
    if (clean === '')
        return undefined;
    return clean.length > REASON_LIMIT ? `${clean.slice(0, REASON_LIMIT - 1)}…` : clean;
}
/**
 * The lines each hold freezes, with the hold: a comment after a value holds its own line; a comment on a line
 * of its own holds the first line below its block of comment lines (`# gitops-bump: hold` directly above the
 * value, as Renovate's comments are written), unless a blank line comes first. The first hold of a line wins.
 */
function holdLines(markers, text, lines) {
    const held = new Map();
    for (const marker of markers) {
        if (!marker.hold)
            continue;
        const hold = { line: marker.line, ...(marker.reason !== undefined && { reason: marker.reason }) };
        const ownLine = text.slice(lines.lineStart(marker.line), marker.offset).trim() === '';
        const target = ownLine ? lineBelow(text, lines, marker.line) : marker.line;
        if (target !== undefined && !held.has(target))
            held.set(target, hold);
    }
    return held;
}
/** The first line after `line` that is neither a comment line nor blank; undefined when a blank line (or the end) comes first. */
function lineBelow(text, lines, line) {
    for (let next = line + 1;; next++) {
        const start = lines.lineStart(next);
        if (start >= text.length)
            return undefined;
        const content = text.slice(start, lines.lineEnd(start)).trim();
        if (content === '')
            return undefined;
        if (!content.startsWith('#'))
            return next;
    }
}
function markerReference(spec) {
    const suffix = SUFFIX.exec(spec);
    if (suffix !== null) {
        const parsed = (0,image_reference/* tryParseReference */.WF)(suffix[1] ?? '');
        if (parsed !== undefined && parsed.tag === undefined && parsed.digest === undefined) {
            return { name: parsed.name, repository: parsed.repository, part: suffix[2] };
        }
    }
    const parsed = (0,image_reference/* tryParseReference */.WF)(spec);
    return parsed === undefined ? undefined : { name: parsed.name, repository: parsed.repository, part: 'reference' };
}
/**
 * Sites for marker comments on scalars that are not already part of a site: a whole reference (`…`),
 * or the tag / digest / name of one (`…:tag`, `…:digest`, `…:name`; those in one mapping form one site).
 */
function markerSites(markers, scalars, taken, doc) {
    const byLine = new Map();
    for (const scalar of scalars) {
        const previous = byLine.get(scalar.slot.line);
        if (previous === undefined || previous.slot.end < scalar.slot.end)
            byLine.set(scalar.slot.line, scalar);
    }
    const sites = [];
    const groups = new Map();
    for (const marker of markers) {
        const reference = marker.reference;
        const scalar = byLine.get(marker.line);
        if (reference === undefined || scalar === undefined || scalar.slot.end > marker.offset || taken.has(scalar.slot.start))
            continue;
        if (scalar.slot.style === 'block')
            continue;
        if (reference.part === 'reference') {
            sites.push(referenceMarkerSite(doc, scalar, reference));
            continue;
        }
        const key = `${scalar.parent}\u0000${reference.repository}`;
        const group = groups.get(key) ?? { name: reference.name, repository: reference.repository, parts: new Map() };
        group.parts.set(reference.part, scalar);
        groups.set(key, group);
    }
    for (const group of groups.values())
        sites.push(fieldsMarkerSite(doc, group));
    return sites;
}
function referenceMarkerSite(doc, scalar, reference) {
    const parsed = (0,image_reference/* tryParseReference */.WF)(scalar.slot.text ?? '');
    const target = { kind: 'reference', scalar: scalar.slot, prefix: '', writtenName: parsed?.name };
    return {
        form: 'marker',
        doc,
        path: formatPath(scalar.steps),
        line: scalar.slot.line,
        column: scalar.slot.column,
        name: reference.name,
        repository: reference.repository,
        ...(parsed?.tag !== undefined && { tag: parsed.tag }),
        ...(parsed?.digest !== undefined && { digest: parsed.digest }),
        target,
        lines: [scalar.slot.line],
    };
}
function fieldsMarkerSite(doc, group) {
    const tag = group.parts.get('tag');
    const digest = group.parts.get('digest');
    const shown = tag ?? digest ?? group.parts.get('name');
    if (shown === undefined)
        throw new Error('internal: an empty marker group');
    const field = (scalar) => scalar === undefined
        ? undefined
        : { key: String(scalar.steps[scalar.steps.length - 1]), scalar: scalar.slot, aliased: false, inherited: false, keyStart: scalar.slot.start, valueEnd: scalar.slot.end };
    const tagField = field(tag);
    const digestField = field(digest);
    const tagText = tag?.slot.text === '' ? undefined : tag?.slot.text;
    const digestText = digest?.slot.text === '' ? undefined : digest?.slot.text;
    return {
        form: 'marker',
        doc,
        path: formatPath(shown.steps),
        line: shown.slot.line,
        column: shown.slot.column,
        name: group.name,
        repository: group.repository,
        ...(tagText !== undefined && { tag: tagText }),
        ...(digestText !== undefined && { digest: digestText }),
        target: {
            kind: 'fields',
            shape: 'marker',
            ...(tagField !== undefined && { tag: tagField }),
            ...(digestField !== undefined && { digest: digestField }),
            digestInTag: false,
        },
        lines: [...group.parts.values()].map((scalar) => scalar.slot.line),
    };
}

;// CONCATENATED MODULE: ./src/yaml/charts/inline.ts
// Inline kustomize patches of a HelmRelease's chart version, inside kustomization.yaml: `patches[].patch` (and the
// older `patchesJson6902[].patch`, `patchesStrategicMerge[]`) holding a strategic-merge HelmRelease that sets
// `spec.chart.spec.version`, or JSON 6902 operations (`op: replace`, `path: /spec/chart/spec/version`, `value: …`).
// The patch is YAML inside a block scalar: it is parsed on its own, and the version scalar found there is mapped
// back to the bytes of the file. Only a literal block (`|`, `|-`, `|+`) keeps every byte of its lines: the content
// line is the file's line less the block's indentation, so the version is spliced in place, everything else kept.
// A folded (`>`) or quoted patch rewraps or escapes its text: its version is found but reported as not writable.







const VERSION_PATH = '/spec/chart/spec/version';
/** The inline patches of a kustomization document (file paths and patches of other kinds are not). */
function inlinePatches(root) {
    const found = [];
    const add = (node, steps, target) => {
        if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'string' || !node.value.includes('\n'))
            return;
        const named = { kind: read_text(target, 'kind'), name: read_text(target, 'name'), namespace: read_text(target, 'namespace') };
        found.push({ node, at: formatPath(steps), target: Object.fromEntries(Object.entries(named).filter(([, v]) => v !== undefined)) });
    };
    for (const key of ['patches', 'patchesJson6902']) {
        for (const entry of items(root, key))
            add(entry.map.get('patch', true), [...entry.steps, 'patch'], child(entry, 'target'));
    }
    const merges = root.map.get('patchesStrategicMerge', true);
    if ((0,dist/* isSeq */.oP)(merges))
        merges.items.forEach((item, i) => add(item, ['patchesStrategicMerge', i], undefined));
    return found;
}
/**
 * The HelmRelease chart versions the inline patches of a kustomization set: a version-only patch (its base is found
 * as for a patch file), with the file's offsets; `unwritable` when the block is not a literal one.
 */
function inlinePatchSites(reader, source) {
    const root = rootOf(reader);
    if (root === undefined)
        return [];
    return inlinePatches(root).flatMap((patch) => {
        const inner = patch.node.value;
        const aboutVersion = inner.includes('HelmRelease') || patch.target.kind === 'HelmRelease' || inner.includes(VERSION_PATH);
        if (!aboutVersion || !inner.includes('version'))
            return [];
        let stream;
        try {
            stream = parseStream(inner, mayHoldMarkers(inner));
        }
        catch {
            return []; // kustomize fails on it too; nothing here to move
        }
        const holds = holdLines(readMarkers([...stream.comments].sort((a, b) => a.offset - b.offset), stream.lines), inner, stream.lines);
        const found = stream.documents.flatMap((doc, index) => patchSites(new NodeReader(doc, index, stream.lines), patch.target));
        if (found.length === 0)
            return [];
        const map = literalMap(patch.node, source, inner);
        return found.map((site) => placed(held(site, holds), patch, reader, map, stream.lines));
    });
}
/** The version sites of one document of a patch: a strategic-merge HelmRelease, or JSON 6902 operations on the version. */
function patchSites(reader, target) {
    const root = reader.root;
    const release = target.name === undefined ? undefined : { name: target.name, ...(target.namespace !== undefined && { namespace: target.namespace }) };
    if ((0,dist/* isMap */.jh)(root)) {
        const kind = root.get('kind');
        if (kind !== 'HelmRelease' && !(kind === undefined && target.kind === 'HelmRelease'))
            return [];
        const site = helmReleaseSite(reader);
        if (site === undefined)
            return [];
        return [site.release === undefined && release !== undefined ? { ...site, release } : site];
    }
    if (!(0,dist/* isSeq */.oP)(root) || (target.kind !== undefined && target.kind !== 'HelmRelease'))
        return [];
    return root.items.flatMap((item, i) => {
        if (!(0,dist/* isMap */.jh)(item))
            return [];
        const op = { map: item, steps: [i], flow: item.flow === true };
        if (!['replace', 'add'].includes(read_text(op, 'op') ?? '') || read_text(op, 'path') !== VERSION_PATH)
            return [];
        const site = chartSite(reader, op, { form: 'helm-release', chart: undefined, origin: { kind: 'none' }, versionKey: 'value', ...(release !== undefined && { release }) });
        return site === undefined ? [] : [site];
    });
}
/**
 * The file offset of each line of `inner` (the block's value): the block's content lines less its indentation,
 * checked against the value the parser read (a mismatch, e.g. CRLF line ends, is not written).
 */
function literalMap(node, source, inner) {
    if (node.type !== 'BLOCK_LITERAL') {
        const style = node.type === 'BLOCK_FOLDED' ? 'a folded block (>)' : 'a quoted or plain scalar';
        return { why: `the inline patch is written as ${style}, whose text is not its bytes; write it as a literal block (|) to let it be bumped` };
    }
    const [start, end] = rangeOf(node);
    const raw = source.slice(start, end);
    const header = raw.indexOf('\n');
    const lines = raw.slice(header + 1).split('\n');
    const first = lines.find((line) => line.trim() !== '') ?? '';
    const indent = first.length - first.trimStart().length;
    const starts = [];
    const decoded = [];
    let offset = start + header + 1;
    for (const line of lines) {
        starts.push(offset + indent);
        decoded.push(line.trim() === '' && line.length <= indent ? '' : line.slice(indent));
        offset += line.length + 1;
    }
    const body = (s) => s.replace(/\n+$/, '');
    if (body(decoded.join('\n')) !== body(inner) || lines.some((line) => line.trim() !== '' && !line.startsWith(' '.repeat(indent)))) {
        return { why: 'the inline patch’s block could not be matched to its bytes; move the patch to its own file to let it be bumped' };
    }
    return { starts };
}
/** The inner site placed in the file: its slot at the file's offsets (or unwritable), its line, path and document. */
function placed(site, patch, reader, map, innerLines) {
    const path = `${patch.at} ${site.path}`;
    const slot = site.slot;
    const outerLine = (innerLine) => ('starts' in map ? reader.lines.line(map.starts[innerLine - 1] ?? 0) : reader.lines.line(rangeOf(patch.node)[0]));
    const base = { ...site, doc: reader.index, path, line: outerLine(site.line) };
    if (slot === undefined)
        return base;
    if (!('starts' in map))
        return { ...base, slot: undefined, unwritable: map.why };
    if (innerLines.line(slot.end) !== slot.line && slot.end > slot.start)
        return { ...base, slot: undefined, unwritable: 'the version in the inline patch spans lines; write it on one line to let it be bumped' };
    const at = (map.starts[slot.line - 1] ?? 0) + (slot.start - innerLines.lineStart(slot.line));
    const moved = { ...slot, start: at, end: at + (slot.end - slot.start), line: reader.lines.line(at), column: reader.lines.column(at) };
    return { ...base, slot: moved, line: moved.line, column: moved.column };
}

;// CONCATENATED MODULE: ./src/yaml/charts/shapes.ts
// Charts outside Flux: Argo CD Application / ApplicationSet sources, Chart.yaml dependencies, kustomize
// `helmCharts`, helmfile releases; and what a Chart.yaml and a kustomization say about themselves.




/** The origin of a chart whose repository URL is `url` as written (none when absent). */
function urlOrigin(url) {
    return url === undefined ? { kind: 'none' } : { kind: 'url', url, repository: (0,image_chart/* normaliseChartRepository */.tb)(url) };
}
/** Argo CD: every `spec.source` / `spec.sources[]` (an ApplicationSet's under `spec.template`) naming a Helm chart. */
function argoSites(reader) {
    const root = rootOf(reader);
    const kind = root?.map.get('kind');
    const apiVersion = root?.map.get('apiVersion');
    if (typeof apiVersion !== 'string' || !apiVersion.startsWith('argoproj.io/'))
        return [];
    const spec = kind === 'Application' ? child(root, 'spec') : kind === 'ApplicationSet' ? child(root, 'spec', 'template', 'spec') : undefined;
    const sources = [child(spec, 'source'), ...items(spec, 'sources')].filter((at) => at !== undefined);
    return sources.flatMap((source) => {
        const chart = read_text(source, 'chart');
        const url = read_text(source, 'repoURL');
        if (chart === undefined || isTemplated(url))
            return [];
        const site = chartSite(reader, source, { form: 'argocd', chart, chartKey: 'chart', origin: urlOrigin(url), versionKey: 'targetRevision' });
        return site === undefined ? [] : [site];
    });
}
/** True for a Chart.yaml: a kind-less document with `apiVersion: v1|v2`, `name` and `version`. */
function isChartYaml(root) {
    if (root === undefined || root.map.has('kind'))
        return false;
    const apiVersion = read_text(root, 'apiVersion');
    return (apiVersion === 'v1' || apiVersion === 'v2') && read_text(root, 'name') !== undefined && root.map.has('version');
}
/**
 * Chart.yaml `dependencies[]` with a repository one can name (an umbrella chart's subcharts). A dependency without
 * a repository (it sits in `charts/`) or from `file://` is the chart's own and is not a site.
 */
function dependencySites(reader) {
    const root = rootOf(reader);
    if (!isChartYaml(root))
        return [];
    return items(root, 'dependencies').flatMap((dependency) => {
        const name = read_text(dependency, 'name');
        const repository = read_text(dependency, 'repository');
        if (name === undefined || repository === undefined || /^file:\/\//i.test(repository) || isTemplated(repository))
            return [];
        const site = chartSite(reader, dependency, { form: 'chart-dependency', chart: name, chartKey: 'name', origin: urlOrigin(repository), versionKey: 'version' });
        return site === undefined ? [] : [site];
    });
}
/** A Chart.yaml's name and its appVersion scalar (for `chart-app-version`); the chart's own `version` is never a site. */
function chartYamlFacts(reader) {
    const root = rootOf(reader);
    if (!isChartYaml(root))
        return undefined;
    const appVersion = reader.fieldsOf(root.map, root.flow).get('appVersion');
    const usable = appVersion !== undefined && !appVersion.aliased && appVersion.scalar.style !== 'block';
    return { name: read_text(root, 'name') ?? '', ...(usable && { appVersion: appVersion.scalar }) };
}
/** True for a kustomization: kind Kustomization/Component of kustomize.config.k8s.io, or kind-less with its keys. */
function isKustomization(root) {
    if (root === undefined)
        return false;
    const kind = root.map.get('kind');
    const apiVersion = root.map.get('apiVersion');
    if (kind === 'Kustomization' || kind === 'Component')
        return typeof apiVersion !== 'string' || apiVersion.startsWith('kustomize.config.k8s.io/');
    return kind === undefined && ['resources', 'bases', 'helmCharts', 'patches', 'components'].some((key) => root.map.has(key));
}
/** kustomize `helmCharts[]` {name, repo, version}; an entry without `repo` is a local chart, not a site. */
function helmChartSites(reader) {
    const root = rootOf(reader);
    if (!isKustomization(root))
        return [];
    return items(root, 'helmCharts').flatMap((entry) => {
        const name = read_text(entry, 'name');
        const repo = read_text(entry, 'repo');
        // Without `repo` the chart is local (under `helmGlobals.chartHome`): its version is not one to move.
        if (name === undefined || repo === undefined || isTemplated(repo))
            return [];
        const site = chartSite(reader, entry, { form: 'kustomize-helm-chart', chart: name, chartKey: 'name', origin: urlOrigin(repo), versionKey: 'version' });
        return site === undefined ? [] : [site];
    });
}
/** A kustomization's `resources` and `bases` (strings), for finding the base a HelmRelease patch belongs to. */
function kustomizationFacts(reader) {
    const root = rootOf(reader);
    if (!isKustomization(root))
        return undefined;
    const resources = [];
    for (const key of ['resources', 'bases']) {
        const list = root.map.get(key, true);
        if (!(0,dist/* isSeq */.oP)(list))
            continue;
        for (const item of list.items)
            if ((0,dist/* isScalar */.jn)(item) && typeof item.value === 'string')
                resources.push(item.value);
    }
    return { resources };
}
/** helmfile `repositories[]` of one document: name → URL (an `oci: true` URL is scheme-less: it is an OCI registry). */
function helmfileRepositories(reader) {
    const root = rootOf(reader);
    const found = new Map();
    if (root === undefined || root.map.has('kind'))
        return found;
    for (const repository of items(root, 'repositories')) {
        const name = read_text(repository, 'name');
        const url = read_text(repository, 'url');
        if (name !== undefined && url !== undefined)
            found.set(name, url);
    }
    return found;
}
/**
 * helmfile `releases[]` {chart, version}: `chart` is `repo/name` or `repo/path/name` (the repository by name from
 * `repositories`, in any document of the file), or `oci://…/name`; a local path (`./charts/api`) is not a site.
 */
function helmfileSites(reader, repositories) {
    const root = rootOf(reader);
    if (root === undefined || root.map.has('kind') || !(0,dist/* isSeq */.oP)(root.map.get('releases', true)))
        return [];
    return items(root, 'releases').flatMap((release) => {
        const chart = read_text(release, 'chart');
        if (chart === undefined || /^\.{0,2}\//.test(chart) || isTemplated(chart))
            return [];
        const cut = chart.lastIndexOf('/');
        if (cut < 0)
            return [];
        const prefix = chart.slice(0, cut);
        // `repo/name`, or `repo/path/name` under an OCI repository (`docker/bitnamicharts/nginx`): the first part names
        // the repository, the rest of the path continues its URL.
        const slash = prefix.indexOf('/');
        const named = repositories.get(slash < 0 ? prefix : prefix.slice(0, slash));
        const url = /^[a-z]+:\/\//i.test(prefix) ? prefix : named === undefined ? undefined : `${named.replace(/\/+$/, '')}${slash < 0 ? '' : prefix.slice(slash)}`;
        const origin = url === undefined ? { kind: 'url', url: prefix, repository: undefined } : urlOrigin(url);
        const site = chartSite(reader, release, { form: 'helmfile', chart: chart.slice(cut + 1), chartKey: 'chart', origin, versionKey: 'version' });
        return site === undefined ? [] : [site];
    });
}

;// CONCATENATED MODULE: ./src/yaml/charts/locate.ts
// Where Helm chart versions live in a YAML stream (issue 14), found without configuration:
// - Flux HelmRelease spec.chart.spec {chart, version, sourceRef}, and an environment's patch setting the version
//   alone (its base is found in core/charts.ts); the HelmRepository / OCIRepository objects sourceRefs name;
// - Flux OCIRepository spec.url (`oci://…/chart`) with spec.ref.tag (spec.ref.semver: a range, reported);
// - Argo CD Application / ApplicationSet template spec.source and spec.sources[] {repoURL, chart, targetRevision};
// - Chart.yaml dependencies[] {name, version, repository}; kustomize helmCharts[] {name, repo, version};
// - helmfile releases[] {chart: repo/name, version} with repositories[] {name, url};
// - a marker: `version: 1.4.2 # gitops-bump: chart oci://ghcr.io/acme/charts/api` (or a bare chart name).
// Holds are the image engine's (`# gitops-bump: hold` on the version's line or directly above it). A chart's own
// `version` in Chart.yaml is never a site; its appVersion is a fact (chart-app-version moves it with the image).








/** Every chart site, Flux source and kustomization or Chart.yaml fact of a parsed stream. */
function locateCharts(stream, holds, markers) {
    const readers = stream.documents.map((doc, index) => new NodeReader(doc, index, stream.lines));
    const repositories = new Map();
    for (const reader of readers)
        for (const [name, url] of helmfileRepositories(reader))
            repositories.set(name, url);
    const found = [];
    const sources = [];
    const chartRefs = [];
    let kustomization;
    let chartYaml;
    // Inline patches are their own YAML: their holds are their own comments (applied in inline.ts).
    const inline = [];
    for (const reader of readers) {
        const flux = fluxKind(reader);
        if (flux?.group === 'helm' && flux.kind === 'HelmRelease') {
            push(found, helmReleaseSite(reader));
            const ref = chartRefOf(reader);
            if (ref !== undefined)
                chartRefs.push(ref);
        }
        if (flux?.group === 'source') {
            const source = fluxSource(reader, flux.kind);
            if (source !== undefined)
                sources.push(source);
            if (flux.kind === 'OCIRepository')
                push(found, ociRepositorySite(reader));
        }
        if (flux !== undefined)
            continue;
        found.push(...argoSites(reader), ...dependencySites(reader), ...helmChartSites(reader), ...helmfileSites(reader, repositories));
        const facts = kustomizationFacts(reader);
        if (facts !== undefined)
            inline.push(...inlinePatchSites(reader, stream.text));
        kustomization ??= facts;
        chartYaml ??= chartYamlFacts(reader);
    }
    const chartMarkers = markers.filter((marker) => marker.chart !== undefined);
    const marked = chartMarkers.length === 0 ? found : withMarkers(found, chartMarkers, stream);
    const sites = [...marked.map((site) => held(site, holds)), ...inline].sort((a, b) => a.line - b.line || a.column - b.column);
    const appHold = chartYaml?.appVersion === undefined ? undefined : holds.get(chartYaml.appVersion.line);
    return {
        sites,
        sources,
        chartRefs,
        ...(kustomization !== undefined && { kustomization }),
        ...(chartYaml !== undefined && { chartYaml: { ...chartYaml, held: appHold !== undefined, ...(appHold !== undefined && { hold: appHold }) } }),
    };
}
function push(list, site) {
    if (site !== undefined)
        list.push(site);
}
/**
 * Marker comments name the chart of the scalar they follow on its line: that scalar is the chart's version. On a
 * site found above, the marker's chart replaces what the file says (as an image marker does); elsewhere it makes a
 * site. A marker naming no valid chart is ignored.
 */
function withMarkers(found, markers, stream) {
    const byLine = new Map();
    stream.documents.forEach((doc, index) => {
        for (const scalar of valueScalars(doc, index, stream)) {
            const previous = byLine.get(scalar.slot.line);
            if (previous === undefined || previous.slot.end < scalar.slot.end)
                byLine.set(scalar.slot.line, scalar);
        }
    });
    const sites = [...found];
    for (const marker of markers) {
        const reference = chartOf(marker.chart ?? '');
        const scalar = byLine.get(marker.line);
        if (reference === undefined || scalar === undefined || scalar.slot.end > marker.offset || scalar.slot.style === 'block')
            continue;
        const origin = reference.url === undefined ? { kind: 'none' } : { kind: 'url', url: reference.url, repository: (0,image_chart/* normaliseChartRepository */.tb)(reference.url) };
        const index = sites.findIndex((site) => site.slot?.start === scalar.slot.start);
        const existing = sites[index];
        if (existing !== undefined) {
            sites[index] = { ...existing, chart: reference.name, origin, needsRepository: false };
            continue;
        }
        const version = scalar.slot.text === '' ? undefined : scalar.slot.text;
        sites.push({
            form: 'marker',
            doc: scalar.doc,
            path: formatPath(scalar.steps),
            line: scalar.slot.line,
            column: scalar.slot.column,
            chart: reference.name,
            origin,
            version,
            range: false,
            slot: scalar.slot,
            lines: [scalar.slot.line],
        });
    }
    return sites;
}
function chartOf(text) {
    try {
        const reference = (0,image_chart/* parseChartReference */.J0)(text);
        return reference.version === undefined ? reference : undefined;
    }
    catch {
        return undefined;
    }
}
/** Every scalar that is a mapping's value or a sequence's item, with its path and whether it sits in a flow collection. */
function valueScalars(doc, index, stream) {
    const reader = new NodeReader(doc, index, stream.lines);
    const out = [];
    (0,dist/* visit */.YR)(doc, {
        Scalar(key, node, path) {
            if (key === 'key')
                return;
            const steps = [];
            let flow = false;
            for (let i = 0; i < path.length; i++) {
                const step = path[i];
                if ((0,dist/* isMap */.jh)(step) || (0,dist/* isSeq */.oP)(step))
                    flow ||= step.flow === true;
                if ((0,dist/* isSeq */.oP)(step))
                    steps.push(step.items.indexOf(path[i + 1] ?? node));
                else if ((0,dist/* isMap */.jh)(step)) {
                    const pair = path[i + 1];
                    const name = pair !== undefined && 'key' in pair ? keyText(pair.key) : undefined;
                    if (name !== undefined)
                        steps.push(name);
                }
            }
            if ((0,dist/* isScalar */.jn)(node))
                out.push({ slot: reader.slot(node, flow), doc: index, steps });
        },
    });
    return out;
}

// EXTERNAL MODULE: ./src/yaml/scalar.ts
var scalar = __webpack_require__(5971);
;// CONCATENATED MODULE: ./src/yaml/shapes/containers.ts
// Whole references in one scalar: any `image:` key holding a reference, at any depth (pod specs, compose files,
// custom resources, values maps), written plain, quoted or as an alias of an anchored scalar.




/** The site of `image: <reference>`, or undefined when the value is no string (`image: 5`, `image: true`, `image:`). */
function imageSite(reader, steps, slot, node, keyStart) {
    if (slot.style === 'plain' && (slot.text === undefined || (0,scalar/* resolvesAsNonString */.WJ)(slot.text)))
        return undefined;
    if (node.value !== null && typeof node.value === 'object')
        return undefined;
    const site = referenceSite(reader, 'full', steps, slot, '');
    const keyLine = reader.lines.line(keyStart);
    return keyLine === slot.line ? site : { ...site, lines: [slot.line, keyLine] };
}
/** Images written as aliases: the anchored scalar is the site, once, unless it is already one of `sites`. */
function aliasedImageSites(reader, sites, aliased) {
    const found = [];
    if (aliased.length === 0)
        return found;
    const taken = new Set(sites.flatMap((site) => (site.target.kind === 'reference' ? [site.target.scalar.start] : [])));
    for (const { steps, slot, alias } of aliased) {
        if (taken.has(slot.start))
            continue;
        taken.add(slot.start);
        const [start, end] = rangeOf(alias);
        const site = referenceSite(reader, 'full', steps, slot, '');
        found.push({ ...site, lines: [slot.line, reader.lines.line(start)], aliasEnd: end });
    }
    return found;
}
/** A site for the reference in `slot` after `prefix` (`alias=` in Argo CD strings). */
function referenceSite(reader, form, steps, slot, prefix) {
    // A block scalar (`image: |`) is located so that a bump of it is refused, not silently skipped.
    const written = (slot.text ?? '').slice(prefix.length);
    const text = slot.style === 'block' ? written.trim() : written;
    const parsed = (0,image_reference/* tryParseReference */.WF)(text);
    const target = { kind: 'reference', scalar: slot, prefix, writtenName: parsed?.name };
    return {
        form,
        doc: reader.index,
        path: formatPath(steps),
        line: slot.line,
        column: slot.column,
        name: parsed?.name ?? text,
        repository: parsed?.repository,
        ...(parsed?.tag !== undefined && { tag: parsed.tag }),
        ...(parsed?.digest !== undefined && { digest: parsed.digest }),
        target,
        lines: [slot.line],
    };
}

;// CONCATENATED MODULE: ./src/yaml/shapes/helm.ts
// Helm values: a reference split over sibling fields (repository + tag, with registry, digest or sha) in a
// mapping at any depth (values files, a HelmRelease's values, an Argo CD valuesObject), and Argo CD
// `helm.parameters` naming an image's parts.




const SPLIT_FIELDS = ['registry', 'repository', 'image', 'name', 'tag', 'digest', 'sha'];
const IMAGE_KEY = /image/i;
/** A Helm parameter naming one part of an image: `image.tag`, `worker.image.repository`, `image.name`. */
const HELM_PARAMETER = /^(?:(.*)\.)?(repository|name|registry|tag|digest)$/;
/**
 * The split site `map` is, if it is one: a map with `repository` plus `tag`/`registry`/`digest`/`sha`, under any
 * key; or under a key naming an image (`image`, `thanosImage`, `images.ui`): `repository` alone, `name` + `tag`,
 * `tag` alone; or a bare-name `image` + `tag` anywhere. `fields`: the map's fields (merge keys resolved);
 * `key`: the key holding the map; `keyStart`: where that key is (a hold on its line holds the map).
 */
function splitSite(reader, map, steps, fields, flow, key, keyStart) {
    const imageish = key !== undefined && IMAGE_KEY.test(key);
    const parentKey = lastKey(steps.slice(0, -1));
    const underImages = imageish || (parentKey !== undefined && IMAGE_KEY.test(parentKey));
    const repository = fields.get('repository');
    const tag = fields.get('tag');
    // `image:` counts as the name only when it is a bare name: `image: nginx:1.2` next to a `tag:` stays a full reference.
    const image = isBareName(fields.get('image')) ? fields.get('image') : undefined;
    const name = fields.get('name');
    const isSplit = repository !== undefined
        ? tag !== undefined || fields.has('registry') || fields.has('digest') || fields.has('sha') || underImages
        : tag !== undefined && (image !== undefined || (underImages && !fields.has('image')));
    if (!isSplit || !SPLIT_FIELDS.some((field) => fields.has(field)))
        return undefined;
    const registry = nonEmpty(fields.get('registry')?.scalar.text);
    const written = splitName(registry, repository, image, name);
    const tagText = nonEmpty(tag?.scalar.text);
    const at = tagText?.indexOf('@') ?? -1;
    const digestField = fields.get('digest');
    const sha = fields.get('sha');
    const digestText = at >= 0 ? tagText?.slice(at + 1) : (nonEmpty(digestField?.scalar.text) ?? prefixSha(nonEmpty(sha?.scalar.text)));
    const nameField = repository ?? image ?? name;
    const shown = tag ?? nameField ?? fields.get('registry');
    if (shown === undefined)
        return undefined;
    const entry = reader.entryOf(map, flow, fields);
    return {
        form: 'split',
        doc: reader.index,
        path: formatPath(steps),
        line: shown.scalar.line,
        column: shown.scalar.column,
        name: written.name,
        repository: written.resolvable && !isTemplated(tagText) && !isTemplated(digestText) ? bareRepository(written.name) : undefined,
        ...optional('tag', at >= 0 ? nonEmpty(tagText?.slice(0, at)) : tagText),
        ...optional('digest', digestText),
        target: {
            kind: 'fields',
            shape: 'split',
            ...optional('tag', tag),
            ...optional('digest', digestField),
            ...optional('sha', sha),
            entry,
            ...optional('insertAfter', nameField?.inherited === false ? nameField : entry.fields[entry.fields.length - 1]),
            digestInTag: at >= 0,
        },
        lines: splitLines(reader, fields, keyStart),
    };
}
/** The lines a hold on which freezes a split site: its fields' values and own keys (an alias's line), and the key above the map. */
function splitLines(reader, fields, keyStart) {
    const lines = new Set();
    for (const field of fields.values()) {
        lines.add(field.scalar.line);
        if (!field.inherited && field.aliased)
            lines.add(reader.lines.line(field.keyStart));
    }
    if (keyStart !== undefined)
        lines.add(reader.lines.line(keyStart));
    return [...lines];
}
/**
 * Argo CD `helm.parameters` naming an image's parts (`image.repository` or `image.name`, `image.tag`,
 * `image.registry`, `image.digest`, as argocd-image-updater writes them): one split site per prefix that
 * has a tag parameter, at that parameter's `value`.
 */
function helmParameterSites(reader, seq, steps, inFlow) {
    const flow = inFlow || seq.flow === true;
    const groups = new Map();
    seq.items.forEach((item, index) => {
        const node = item;
        if (!(0,dist/* isMap */.jh)(node))
            return;
        const fields = reader.fieldsOf(node, flow || node.flow === true);
        const parameter = fields.get('name')?.scalar.text;
        const value = fields.get('value');
        const match = parameter === undefined ? null : HELM_PARAMETER.exec(parameter);
        if (match === null || value === undefined)
            return;
        const prefix = match[1] ?? '';
        const part = match[2] === 'name' ? 'repository' : (match[2] ?? '');
        const group = groups.get(prefix) ?? new Map();
        if (!group.has(part))
            group.set(part, { field: value, index });
        groups.set(prefix, group);
    });
    const sites = [];
    for (const group of groups.values()) {
        const tag = group.get('tag');
        if (tag === undefined)
            continue;
        const repository = group.get('repository')?.field;
        const registry = nonEmpty(group.get('registry')?.field.scalar.text);
        const written = splitName(registry, undefined, undefined, repository);
        const tagText = nonEmpty(tag.field.scalar.text);
        const digest = group.get('digest')?.field;
        sites.push({
            form: 'split',
            doc: reader.index,
            path: formatPath([...steps, tag.index, 'value']),
            line: tag.field.scalar.line,
            column: tag.field.scalar.column,
            name: written.name,
            repository: written.resolvable && !isTemplated(tagText) ? bareRepository(written.name) : undefined,
            ...optional('tag', tagText),
            ...optional('digest', nonEmpty(digest?.scalar.text)),
            target: { kind: 'fields', shape: 'split', tag: tag.field, ...optional('digest', digest), digestInTag: false },
            lines: [...group.values()].map(({ field }) => field.scalar.line),
        });
    }
    return sites;
}
function splitName(registry, repository, image, name) {
    const fallback = nonEmpty(image?.scalar.text) ?? nonEmpty(name?.scalar.text);
    if (repository !== undefined) {
        // An empty repository (DataDog: `repository:` overrides `name:` when set) leaves the image unresolvable here.
        const text = nonEmpty(repository.scalar.text);
        return text === undefined ? { name: (0,image_reference/* joinRepository */.pA)(registry, fallback ?? ''), resolvable: false } : { name: (0,image_reference/* joinRepository */.pA)(registry, text), resolvable: true };
    }
    const text = fallback;
    if (text === undefined)
        return { name: registry ?? '', resolvable: false };
    // A bare `name: agent` is completed by a registry set elsewhere (chart defaults): not resolvable here.
    const resolvable = image !== undefined || registry !== undefined || text.includes('/');
    return { name: (0,image_reference/* joinRepository */.pA)(registry, text), resolvable };
}
/** True for a field holding a bare image name (no tag or digest). */
function isBareName(field) {
    const parsed = field === undefined ? undefined : (0,image_reference/* tryParseReference */.WF)(field.scalar.text ?? '');
    return parsed !== undefined && parsed.tag === undefined && parsed.digest === undefined;
}
function prefixSha(hex) {
    if (hex === undefined)
        return undefined;
    return hex.includes(':') ? hex : `sha256:${hex}`;
}

;// CONCATENATED MODULE: ./src/yaml/shapes/kustomize.ts
// Kustomize `images:` entries (a kustomization's, a Flux Kustomization's spec, any list of entries with
// kustomize's fields) and Argo CD `kustomize.images` strings (`ref` or `alias=ref`).




const KUSTOMIZE_FIELDS = ['newName', 'newTag', 'digest', 'newDigest', 'tagSuffix'];
/** Keys that make a kind-less document a kustomization. */
const KUSTOMIZATION_KEYS = ['resources', 'bases', 'components', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'namePrefix', 'nameSuffix', 'namespace', 'commonLabels', 'labels', 'configMapGenerator', 'secretGenerator', 'helmCharts', 'replacements', 'replicas'];
/** True for the `images:` list of a kustomization (root, no kind or kind Kustomization/Component) or of a Flux Kustomization's spec. */
function isKustomizationImages(root, parent) {
    if (root === null || !(0,dist/* isMap */.jh)(root))
        return false;
    const kind = root.get('kind');
    if (parent.length === 1 && parent[0] === 'spec')
        return kind === 'Kustomization' && String(root.get('apiVersion')).startsWith('kustomize.toolkit.fluxcd.io/');
    if (parent.length !== 0)
        return false;
    if (kind === 'Kustomization' || kind === 'Component')
        return true;
    return kind === undefined && KUSTOMIZATION_KEYS.some((key) => root.has(key));
}
/**
 * The entries of an `images:` list: every entry with a `name` in a kustomization (a tag gets inserted where there is
 * none), elsewhere only entries with one of kustomize's fields. Matched on newName ?? name.
 */
function kustomizeEntrySites(reader, seq, steps, inFlow, kustomization) {
    const sites = [];
    const flow = inFlow || seq.flow === true;
    seq.items.forEach((item, i) => {
        const node = item;
        if (!(0,dist/* isMap */.jh)(node))
            return;
        const entryFlow = flow || node.flow === true;
        const fields = reader.fieldsOf(node, entryFlow);
        const name = fields.get('name');
        if (name === undefined || !(kustomization || KUSTOMIZE_FIELDS.some((field) => fields.has(field))))
            return;
        const newName = fields.get('newName');
        const written = nonEmpty(newName?.scalar.text) ?? nonEmpty(name.scalar.text) ?? '';
        const tag = fields.get('newTag');
        const digest = fields.get('digest') ?? fields.get('newDigest');
        const entry = reader.entryOf(node, entryFlow, fields);
        const last = entry.fields[entry.fields.length - 1];
        const shown = tag ?? name;
        sites.push({
            form: 'kustomize',
            doc: reader.index,
            path: formatPath([...steps, i]),
            line: shown.scalar.line,
            column: shown.scalar.column,
            name: written,
            repository: isTemplated(tag?.scalar.text) || isTemplated(digest?.scalar.text) ? undefined : bareRepository(written),
            ...optional('tag', nonEmpty(tag?.scalar.text)),
            ...optional('digest', nonEmpty(digest?.scalar.text)),
            target: {
                kind: 'fields',
                shape: 'kustomize',
                ...optional('tag', tag),
                ...optional('digest', digest),
                entry,
                ...optional('insertAfter', last),
                digestInTag: false,
            },
            lines: [...fields.values()].map((field) => field.scalar.line),
        });
    });
    return sites;
}
/** The strings of an Argo CD `kustomize.images` list: `ref` or `alias=ref` (block scalars are not read). */
function argoImageSites(reader, seq, steps, inFlow) {
    const sites = [];
    const flow = inFlow || seq.flow === true;
    seq.items.forEach((item, i) => {
        const node = item;
        if (!(0,dist/* isScalar */.jn)(node))
            return;
        const slot = reader.slot(node, flow);
        if (slot.text === undefined || slot.style === 'block')
            return;
        const equals = slot.text.indexOf('=');
        const prefix = equals >= 0 ? slot.text.slice(0, equals + 1) : '';
        sites.push(referenceSite(reader, 'argocd-kustomize', [...steps, i], slot, prefix));
    });
    return sites;
}

;// CONCATENATED MODULE: ./src/yaml/walk.ts
// The walk over one document: it visits every mapping and sequence, keeps look-alikes out by where they are (the
// document's kind, the path; never by their value), and asks the shape recognisers in shapes/ what each place
// holds: whole references (containers.ts), kustomize and Argo CD image lists (kustomize.ts), Helm values maps
// and parameters (helm.ts).





/** API groups whose documents describe images without deploying them (scan policies, chart sources, schemas). */
const EXCLUDED_GROUPS = new Set([
    'image.toolkit.fluxcd.io',
    'source.toolkit.fluxcd.io',
    'argocd-image-updater.argoproj.io',
    'apiextensions.k8s.io',
]);
/** Keys whose subtree never holds a deployed image reference. */
const EXCLUDED_KEYS = new Set(['managedFields', 'volumes', 'rbd', 'openAPIV3Schema']);
/** Lists whose items' `target`/`targets` select resources by image (kustomize patches, replacements). */
const SELECTOR_LISTS = new Set(['patches', 'patchesJson6902', 'replacements', 'patchesStrategicMerge']);
/** Walks document `index`; `seen` receives value scalars when markers need them. */
class DocumentWalker {
    doc;
    seen;
    sites = [];
    aliasImages = [];
    reader;
    constructor(doc, index, lines, seen) {
        this.doc = doc;
        this.seen = seen;
        this.reader = new NodeReader(doc, index, lines);
    }
    /** Runs the walk; returns the sites in source order. */
    walk() {
        const root = this.doc.contents;
        if (root === null)
            return this.sites;
        if (isExcludedDocument(root)) {
            this.recordScalars(root, [], false);
            return this.sites;
        }
        this.visit(root, [], false, undefined, (0,dist/* isMap */.jh)(root) && root.has('kind'));
        this.sites.push(...aliasedImageSites(this.reader, this.sites, this.aliasImages));
        return this.sites.sort((a, b) => a.line - b.line || a.column - b.column);
    }
    /** `keyStart`: offset of the key whose value `node` is (a hold on that key's line holds an image map below it). */
    visit(node, steps, inFlow, key, isObject, keyStart) {
        if ((0,dist/* isMap */.jh)(node))
            this.visitMap(node, steps, inFlow, key, isObject, keyStart);
        else if ((0,dist/* isSeq */.oP)(node))
            this.visitSeq(node, steps, inFlow, key);
    }
    visitMap(map, steps, inFlow, key, isObject, keyStart) {
        const reader = this.reader;
        const flow = inFlow || map.flow === true;
        const fields = reader.fieldsOf(map, flow, true);
        const split = splitSite(reader, map, steps, fields, flow, key, keyStart);
        if (split !== undefined)
            this.sites.push(split);
        // An `image:` holding a bare name next to a `tag:` is one half of a split reference, not a full one.
        const imageIsSplitName = split !== undefined && !fields.has('repository');
        for (const pair of map.items) {
            const name = keyText(pair.key);
            const value = pair.value;
            if (name === undefined || value === null)
                continue;
            const childSteps = [...steps, name];
            if (this.excluded(name, steps, isObject)) {
                this.recordScalars(value, childSteps, flow, rangeOf(map)[0]);
                continue;
            }
            if ((0,dist/* isScalar */.jn)(value)) {
                const slot = reader.slot(value, flow);
                this.seen?.({ slot, steps: childSteps, parent: rangeOf(map)[0] });
                const site = name === 'image' && !imageIsSplitName ? imageSite(reader, childSteps, slot, value, rangeOf(pair.key)[0]) : undefined;
                if (site !== undefined)
                    this.sites.push(site);
            }
            else if ((0,dist/* isAlias */.Vj)(value)) {
                if (name === 'image' && !imageIsSplitName) {
                    const target = reader.resolve(value);
                    if ((0,dist/* isScalar */.jn)(target))
                        this.aliasImages.push({ steps: childSteps, slot: reader.slot(target, flow), alias: value });
                }
            }
            else if ((0,dist/* isSeq */.oP)(value) && name === 'images') {
                if (key === 'kustomize')
                    this.sites.push(...argoImageSites(reader, value, childSteps, flow));
                else
                    this.sites.push(...kustomizeEntrySites(reader, value, childSteps, flow, isKustomizationImages(this.doc.contents, steps)));
                this.visit(value, childSteps, flow, name, false);
            }
            else {
                if ((0,dist/* isSeq */.oP)(value) && name === 'parameters' && key === 'helm')
                    this.sites.push(...helmParameterSites(reader, value, childSteps, flow));
                this.visit(value, childSteps, flow, name, false, rangeOf(pair.key)[0]);
            }
        }
    }
    visitSeq(seq, steps, inFlow, key) {
        const flow = inFlow || seq.flow === true;
        seq.items.forEach((item, i) => {
            const node = item;
            if (node === null)
                return;
            if ((0,dist/* isScalar */.jn)(node))
                this.seen?.({ slot: this.reader.slot(node, flow), steps: [...steps, i], parent: rangeOf(seq)[0] });
            else
                this.visit(node, [...steps, i], flow, key, this.isListItem(steps, node));
        });
    }
    /** In a subtree holding no sites, only the scalars an explicit marker comment may name are recorded. */
    recordScalars(node, steps, inFlow, parent = 0) {
        const seen = this.seen;
        if (seen === undefined)
            return;
        if ((0,dist/* isScalar */.jn)(node)) {
            seen({ slot: this.reader.slot(node, inFlow), steps, parent });
        }
        else if ((0,dist/* isMap */.jh)(node)) {
            const flow = inFlow || node.flow === true;
            for (const pair of node.items) {
                const key = keyText(pair.key);
                const value = pair.value;
                if (key !== undefined && value !== null)
                    this.recordScalars(value, [...steps, key], flow, rangeOf(node)[0]);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            const flow = inFlow || node.flow === true;
            node.items.forEach((item, i) => {
                if (item !== null)
                    this.recordScalars(item, [...steps, i], flow, rangeOf(node)[0]);
            });
        }
    }
    /** True for an object of a `kind: List` (or `…List`): its `status` is observed state like a top-level one's. */
    isListItem(steps, node) {
        const root = this.doc.contents;
        if (steps.length !== 1 || steps[0] !== 'items' || root === null || !(0,dist/* isMap */.jh)(root) || !(0,dist/* isMap */.jh)(node))
            return false;
        const kind = root.get('kind');
        return typeof kind === 'string' && kind.endsWith('List') && node.has('kind');
    }
    /** True for a subtree that holds look-alikes only: an object's status, managedFields, volumes, schemas, patch selectors. */
    excluded(name, steps, isObject) {
        if (EXCLUDED_KEYS.has(name))
            return true;
        if (isObject && name === 'status')
            return true;
        // GitHub Actions step inputs (`with: {repository: …, tag: …}`) name releases, not images.
        if (name === 'with' && steps.includes('steps'))
            return true;
        if (name === 'target' || name === 'targets') {
            const list = steps[steps.length - 2];
            return typeof steps[steps.length - 1] === 'number' && typeof list === 'string' && SELECTOR_LISTS.has(list);
        }
        return false;
    }
}
/** True for a document whose kind describes images without deploying them (Flux image policies, CRDs…). */
function isExcludedDocument(root) {
    if (!(0,dist/* isMap */.jh)(root))
        return false;
    const apiVersion = root.get('apiVersion');
    const kind = root.get('kind');
    if (kind === 'CustomResourceDefinition')
        return true;
    if (typeof apiVersion !== 'string')
        return false;
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    return EXCLUDED_GROUPS.has(group);
}

;// CONCATENATED MODULE: ./src/yaml/template.ts
// Helm chart templates look like YAML but are Go templates: they are skipped, not edited.


const ACTION = /\{\{[\s\S]*?\}\}/g;
/**
 * True for a Helm chart template: a file holding `{{ … }}` actions that sits under a `templates/` folder,
 * or that uses them as YAML structure (it parses only once the actions are removed, or an action is read
 * as a `{{ … }}` flow mapping). A file with `{{` only inside strings or comments (GitHub workflows,
 * ApplicationSets) is YAML.
 */
function isChartTemplate(path, text) {
    if (!text.includes('{{'))
        return false;
    if (/(^|\/)templates\//.test(path.replace(/\\/g, '/')))
        return true;
    const stream = parseLenient(text);
    if (firstError(stream) === undefined)
        return stream.documents.some((doc) => doc.contents !== null && hasActionMapping(doc.contents, stream));
    const blanked = text.replace(ACTION, (action) => action.replace(/[^\r\n]/g, ' '));
    return firstError(parseLenient(blanked)) === undefined;
}
/** True when a flow mapping starts with `{{`: a template action parsed as YAML. */
function hasActionMapping(node, stream) {
    if ((0,dist/* isMap */.jh)(node)) {
        const start = node.range?.[0] ?? -1;
        if (node.flow === true && stream.text.startsWith('{{', start))
            return true;
        return node.items.some((pair) => [pair.key, pair.value].some((child) => isNodeLike(child) && hasActionMapping(child, stream)));
    }
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.some((item) => isNodeLike(item) && hasActionMapping(item, stream));
    return false;
}
function isNodeLike(value) {
    return (0,dist/* isMap */.jh)(value) || (0,dist/* isSeq */.oP)(value);
}

;// CONCATENATED MODULE: ./src/yaml/locate.ts
// Where image references live in a YAML stream (DESIGN.md §4). One parse, one walk per document.
//
// Shapes (walk.ts visits every place, shapes/ tells what it holds; first match wins for a scalar; a scalar
// belongs to at most one site):
// - full:      a key `image` whose value is a plain or quoted scalar (`image: ghcr.io/acme/api:1.4`), at any
//              depth; an aliased value (`image: *img`) makes the anchored scalar the site, once.
// - split:     a Helm-values map with `repository` plus `tag`/`registry`/`digest`/`sha`, under any key; or
//              under a key naming an image (`image`, `thanosImage`, `images.ui`): `repository` alone,
//              `name` + `tag`, `tag` alone; or a bare-name `image` + `tag` anywhere. The name is registry +
//              repository; a bare `name: agent` (registry set elsewhere) is not resolvable. Also Argo CD
//              `helm.parameters` pairs `X.repository`/`X.name` + `X.tag` (+ `X.registry`, `X.digest`).
// - kustomize: items of an `images:` list with `name` and newName/newTag/digest/newDigest/tagSuffix (any
//              `name` item in a kustomization or a Flux Kustomization's spec); matched on newName ?? name.
// - argocd-kustomize: strings of a `kustomize.images` list (`ref` or `alias=ref`).
// - marker:    `# gitops-bump: <repository>` on a scalar holding a reference, or `…:tag` / `…:digest` /
//              `…:name` on the scalars holding the parts (grouped per mapping). On a line of a site found
//              above, the marker's repository becomes that site's match key instead.
// Holds (markers.ts): a `# gitops-bump: hold` comment on a line a site's value or key is on, or on a comment line
// directly above it, freezes the site. Whether a site (or an alias reading its value) is held is decided here
// only, in finish(); splice's `whyHeld` says why, and `rewrite` and plan refuse a held value in those words.
// Anchors (anchors.ts): a site writing an anchored value lists every alias that reads it, and who reads it there,
// so that a move nobody asked for is refused (plan.ts).
// Look-alikes are excluded by where they are: documents of Flux image/source APIs, argocd-image-updater and
// CRDs; an object's `status`; `managedFields`, `volumes`, `rbd`, `openAPIV3Schema`; the `target` of
// kustomize patches and replacements. Block scalars are opaque (images embedded in them are not sites).








/**
 * Finds every image reference in `text` (one parse, one walk per document).
 * Throws {@link YamlSyntaxError} when the text is not well-formed YAML.
 */
function locate(text, options = {}) {
    try {
        return locateStream(text, options.charts === true);
    }
    catch (error) {
        // A document nested thousands of levels deep overflows the stack of a recursive walk: say so, located.
        if (error instanceof RangeError && TOO_DEEP.test(error.message))
            throw new YamlSyntaxError(1, 1, NESTED_TOO_DEEPLY);
        throw error;
    }
}
function locateStream(text, charts) {
    const hasMarkers = mayHoldMarkers(text);
    const stream = parseStream(text, hasMarkers);
    const markers = hasMarkers ? readMarkers([...stream.comments].sort((a, b) => a.offset - b.offset), stream.lines) : [];
    const holds = holdLines(markers, text, stream.lines);
    const byDocument = markersByDocument(stream, markers.filter((marker) => marker.reference !== undefined));
    // Aliases need anchors: a text without both signs shares no value (the usual case costs two scans).
    const mayShare = text.includes('*') && text.includes('&');
    const sites = [];
    stream.documents.forEach((doc, index) => {
        const found = locateDocument(stream, index, byDocument.get(index) ?? []);
        const shared = mayShare && found.length > 0 ? sharedUses(doc, found, stream.lines) : undefined;
        for (const site of found)
            sites.push(finish(site, holds, shared?.get(site)));
    });
    const chartFacts = charts ? locateCharts(stream, holds, markers) : undefined;
    return { sites, lines: stream.lines, ...(chartFacts !== undefined && { charts: chartFacts }) };
}
/** The site as reported: held when a hold covers one of its lines or an alias it reads its value through. */
function finish(found, holds, uses) {
    const { lines, aliasEnd: _, ...site } = found;
    const own = uses?.filter((use) => use.kind === 'own').map((use) => use.line) ?? [];
    const hold = holds.size === 0 ? undefined : [...lines, ...own].map((line) => holds.get(line)).find((candidate) => candidate !== undefined);
    const shared = uses?.map((use) => {
        const aliasHold = holds.get(use.line);
        return aliasHold === undefined ? use : { ...use, hold: aliasHold };
    });
    return { ...site, held: hold !== undefined, ...(hold !== undefined && { hold }), ...(shared !== undefined && { shared }) };
}
function locateDocument(stream, index, markers) {
    const doc = stream.documents[index];
    if (doc === undefined)
        return [];
    const scalars = [];
    const collect = markers.length > 0 ? (scalar) => scalars.push(scalar) : undefined;
    const walked = new DocumentWalker(doc, index, stream.lines, collect).walk();
    if (collect === undefined)
        return walked;
    const found = walked.map((site) => withMarkedRepository(site, markers));
    const taken = new Set(found.flatMap(slotStarts));
    found.push(...markerSites(markers, scalars, taken, index));
    return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
/**
 * A marker on the line of a site's own value names its image: `image: mirror.local/api:1 # gitops-bump:
 * ghcr.io/acme/api`, or `tag: 7.5 # gitops-bump: gcr.io/datadoghq/agent:tag` in a map whose registry is
 * set elsewhere. The marker's repository becomes the site's match key.
 */
function withMarkedRepository(site, markers) {
    const target = site.target;
    const slots = target.kind === 'reference' ? [target.scalar] : [target.tag, target.digest, target.sha, target.insertAfter].flatMap((field) => (field === undefined ? [] : [field.scalar]));
    const marker = markers.find((candidate) => slots.some((slot) => slot.line === candidate.line && slot.end <= candidate.offset));
    const repository = marker?.reference?.repository;
    return repository === undefined || repository === site.repository ? site : { ...site, repository };
}
/** Marker comments by the document they sit in (markers and documents are both in source order). */
function markersByDocument(stream, markers) {
    const byDocument = new Map();
    let index = 0;
    for (const marker of markers) {
        while (index < stream.documents.length - 1 && (stream.documents[index]?.range[2] ?? 0) <= marker.offset)
            index++;
        const list = byDocument.get(index) ?? [];
        list.push(marker);
        byDocument.set(index, list);
    }
    return byDocument;
}
function slotStarts(site) {
    const target = site.target;
    if (target.kind === 'reference')
        return [target.scalar.start];
    return [target.tag, target.digest, target.sha, ...(target.entry?.fields ?? [])].flatMap((field) => (field === undefined ? [] : [field.scalar.start]));
}


/***/ }),

/***/ 5971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ renderNew),
/* harmony export */   UN: () => (/* binding */ doubleQuoted),
/* harmony export */   Vj: () => (/* binding */ renderOver),
/* harmony export */   WJ: () => (/* binding */ resolvesAsNonString)
/* harmony export */ });
/* unused harmony exports isSafePlain, singleQuoted, renderLike */
// Scalars as written in the source, and how to write a new string into one without changing its style
// unless YAML would otherwise read the new text as something other than a string.
// Plain scalars that some YAML reader in use resolves to something other than a string: YAML 1.2 core
// (Go yaml.v3, eemeli/yaml), YAML 1.1 (PyYAML, Go yaml.v2 as used by Helm and kustomize).
const NON_STRING_PLAIN = [
    /^(?:~|null|Null|NULL)$/,
    /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
    // integers: 1.2 decimal/octal/hex, 1.1 binary, octal, underscores, sexagesimal
    /^[-+]?[0-9]+$/,
    /^0o[0-7]+$/,
    /^[-+]?0x[0-9a-fA-F_]+$/,
    /^[-+]?0b[01_]+$/,
    /^[-+]?[0-9][0-9_]*$/,
    /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
    // floats: 1.2 (exponent without dot), 1.1 (dot required, underscores), infinities and NaN
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
    /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/,
    /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/, // eemeli/yaml 1.1 reads even `E0` as a float
    /^[-+]?\.(?:inf|Inf|INF)$/,
    /^\.(?:nan|NaN|NAN)$/,
    // YAML 1.1 timestamps, merge and value keys
    /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/,
    /^(?:<<|=)$/,
];
/** True when a YAML 1.1 or 1.2 reader would resolve `text`, written plain, as a non-string (`1.10`, `true`, `1e3`, `on`). */
function resolvesAsNonString(text) {
    return NON_STRING_PLAIN.some((pattern) => pattern.test(text));
}
/** True when `text` may be written as a plain scalar and still read back as this very string. */
function isSafePlain(text, inFlow) {
    if (text === '' || resolvesAsNonString(text))
        return false;
    if (/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/^[-?:][^\s,[\]{}]/.test(text))
        return false;
    if (/\s$/.test(text) || /[\n\r\t]/.test(text))
        return false;
    if (/: |:$| #/.test(text))
        return false;
    if (inFlow && /[,[\]{}]/.test(text))
        return false;
    return true;
}
/** `text` as a double-quoted YAML scalar. */
function doubleQuoted(text) {
    return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')}"`;
}
/** `text` as a single-quoted YAML scalar. */
function singleQuoted(text) {
    return `'${text.replace(/'/g, "''")}'`;
}
/**
 * The source text for `text` in the style of `slot`: single stays single, double stays double, plain stays
 * plain when that reads back as the same string, else double quotes. Returns undefined for a block scalar.
 */
function renderLike(slot, text) {
    switch (slot.style) {
        case 'single':
            return singleQuoted(text);
        case 'double':
            return doubleQuoted(text);
        case 'plain':
            return isSafePlain(text, slot.inFlow) ? text : doubleQuoted(text);
        case 'block':
            return undefined;
    }
}
/** The source text for a new scalar (no existing style): plain when safe, else double-quoted. */
function renderNew(text, inFlow) {
    return isSafePlain(text, inFlow) ? text : doubleQuoted(text);
}
/**
 * The source text for `text` written over `source`, a scalar as it stands in the file: a double-quoted scalar
 * keeps its own escapes (`\/`, `\u002F`) outside the characters that change; every other scalar is rendered
 * by {@link renderLike}. Returns undefined for a block scalar.
 */
function renderOver(slot, source, text) {
    return (slot.style === 'double' ? respliceDoubleQuoted(source, text) : undefined) ?? renderLike(slot, text);
}
const SIMPLE_ESCAPES = {
    '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
    ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPES = { x: 2, u: 4, U: 8 };
/**
 * The units of a one-line double-quoted scalar (`"…"`, quotes included in `source`), or undefined when it spans
 * lines (folding) or is not well-formed.
 */
function quotedUnits(source) {
    if (source.length < 2 || !source.startsWith('"') || !source.endsWith('"') || /[\r\n]/.test(source))
        return undefined;
    const units = [];
    const end = source.length - 1;
    for (let at = 1; at < end;) {
        if (source[at] !== '\\') {
            units.push({ start: at, end: at + 1, text: source[at] ?? '' });
            at += 1;
            continue;
        }
        const kind = source[at + 1] ?? '';
        const simple = SIMPLE_ESCAPES[kind];
        const digits = HEX_ESCAPES[kind];
        if (simple !== undefined) {
            units.push({ start: at, end: at + 2, text: simple });
            at += 2;
        }
        else if (digits !== undefined) {
            const hex = source.slice(at + 2, at + 2 + digits);
            if (hex.length !== digits || !/^[0-9A-Fa-f]+$/.test(hex))
                return undefined;
            const code = Number.parseInt(hex, 16);
            if (code > 0x10ffff)
                return undefined;
            units.push({ start: at, end: at + 2 + digits, text: String.fromCodePoint(code) });
            at += 2 + digits;
        }
        else {
            return undefined;
        }
    }
    return units;
}
/**
 * `source` (a one-line double-quoted scalar) rewritten to hold `text`: only the units between the longest common
 * prefix and suffix of the old and new strings are re-encoded. Undefined when that cannot be done (folding,
 * an unknown escape) or does not read back as `text`.
 */
function respliceDoubleQuoted(source, text) {
    const units = quotedUnits(source);
    if (units === undefined)
        return undefined;
    const old = units.map((unit) => unit.text).join('');
    let prefix = 0;
    while (prefix < old.length && prefix < text.length && old[prefix] === text[prefix])
        prefix++;
    let suffix = 0;
    while (suffix < old.length - prefix && suffix < text.length - prefix && old[old.length - 1 - suffix] === text[text.length - 1 - suffix])
        suffix++;
    // Whole units only: an escape is kept or re-encoded as a whole.
    let head = 0;
    let headText = 0;
    while (head < units.length && headText + (units[head]?.text.length ?? 0) <= prefix)
        headText += units[head++]?.text.length ?? 0;
    let tail = units.length;
    let tailText = 0;
    while (tail > head && tailText + (units[tail - 1]?.text.length ?? 0) <= suffix)
        tailText += units[--tail]?.text.length ?? 0;
    const from = units[head]?.start ?? source.length - 1;
    const to = units[tail]?.start ?? source.length - 1;
    const middle = doubleQuoted(text.slice(headText, text.length - tailText)).slice(1, -1);
    const result = `${source.slice(0, from)}${middle}${source.slice(to)}`;
    const check = quotedUnits(result);
    return check !== undefined && check.map((unit) => unit.text).join('') === text ? result : undefined;
}


/***/ }),

/***/ 4387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N2: () => (/* binding */ scalarEdit),
/* harmony export */   U4: () => (/* binding */ whyHeld),
/* harmony export */   dh: () => (/* binding */ versionAfter),
/* harmony export */   v8: () => (/* binding */ rewrite),
/* harmony export */   ye: () => (/* binding */ UnwritableError)
/* harmony export */ });
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3564);
/* harmony import */ var _scalar_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5971);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(296);
// Byte-exact edits: only the bytes of the values that change are touched. Comments, blank lines, quote
// style, indentation, flow style, key order, CRLF, a BOM, a missing final newline and the other
// documents of a stream stay as they were. Pure: no module state; the hold rule is {@link whyHeld}, the overlap
// rule is edits.ts's.



/** The site's shape cannot hold what was asked (a digest where there is no digest field, a block scalar, a hold…). */
class UnwritableError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UnwritableError';
    }
}
/**
 * The minimal edits that make `site` (found by `locate(text)`) point at `want`; [] when it already does. `lines`: the
 * text's line index when the caller has it (locate's, shared by every site of a file); else built when needed.
 * A tag alone drops a stale digest; a digest alone drops a tag that no longer names it where a reference can
 * do without one (a whole reference, a kustomize entry), while Helm maps and marked fields keep their tag; a
 * tag and digest are both written where the shape has room for the digest (a reference, kustomize `digest`,
 * a Helm `digest`/`sha` sibling, a `tag@digest` tag). See {@link versionAfter} and {@link clearField}. Pure.
 * Throws {@link UnwritableError} when the shape cannot hold the request (a digest alone where a values map
 * has no digest field, a block scalar, a hold: then the message is {@link whyHeld}'s).
 */
function rewrite(text, site, want, lines) {
    checkWant(site, want);
    const held = whyHeld(site);
    if (held !== undefined)
        throw new UnwritableError(held);
    const target = site.target;
    const edits = target.kind === 'reference' ? referenceEdits(text, site, target, want) : fieldsEdits(new Source(text, lines), site, target, want);
    return edits.filter((edit) => text.slice(edit.start, edit.end) !== edit.text);
}
/**
 * The hold rule: a value a `# gitops-bump: hold` comment covers is never written. Which values a hold covers is
 * decided once, by locate (a site's `held` and `hold`, an alias's `hold`); this says why, in the words every
 * refusal uses: "held by a `# gitops-bump: hold` comment on line 12: until INC-42 is fixed". Undefined when not held.
 */
function whyHeld(value) {
    if (value.held !== true && value.hold === undefined)
        return undefined;
    const comment = 'held by a `# gitops-bump: hold` comment';
    const hold = value.hold;
    if (hold === undefined)
        return comment;
    return `${comment} on line ${hold.line}${hold.reason === undefined ? '' : `: ${hold.reason}`}`;
}
/** The text being rewritten, with its line index (the caller's, or built on first need: most edits need none). */
class Source {
    text;
    index;
    constructor(text, index) {
        this.text = text;
        this.index = index;
        if (index !== undefined && index.text !== text)
            throw new Error('internal: the line index given is of another text');
    }
    get lines() {
        return (this.index ??= new _text_js__WEBPACK_IMPORTED_MODULE_2__/* .LineIndex */ .r(this.text));
    }
}
// ---- whole references ------------------------------------------------------------------------------------
function referenceEdits(text, site, target, want) {
    const name = target.writtenName;
    if (name === undefined)
        throw new UnwritableError(`${where(site)}: ${JSON.stringify(target.scalar.text ?? '')} is not an image reference`);
    const { tag, digest } = versionAfter(site, want);
    const reference = `${name}${tag === undefined ? '' : `:${tag}`}${digest === undefined ? '' : `@${digest}`}`;
    return [setScalar(text, site, target.scalar, `${target.prefix}${reference}`)];
}
/**
 * The version `site` holds once `rewrite(text, site, want)` is applied:
 * - a tag alone drops a stale digest;
 * - a digest alone drops a tag that no longer names it where a reference can do without one (a whole
 *   reference, a kustomize entry); a Helm map or marked fields keep their tag (charts need one, and the digest
 *   decides what is pulled); an unchanged digest keeps everything as it is;
 * - a digest the shape has no room for (a values map without a digest field) is not written.
 */
function versionAfter(site, want) {
    const target = site.target;
    const digestFits = target.kind === 'reference' || target.digestInTag || target.shape === 'kustomize' || target.digest !== undefined || target.sha !== undefined;
    const digest = digestFits ? want.digest : undefined;
    const tag = want.tag ?? (dropsTag(site, want) ? undefined : site.tag);
    return { ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}
/** True when a digest-only request replaces the digest of a site whose tag can go (a whole reference, a kustomize entry). */
function dropsTag(site, want) {
    const target = site.target;
    const tagCanGo = target.kind === 'reference' || target.shape === 'kustomize';
    return tagCanGo && want.tag === undefined && want.digest !== undefined && want.digest !== site.digest;
}
// ---- fields: split, kustomize, markers -------------------------------------------------------------------
function fieldsEdits(source, site, target, want) {
    const text = source.text;
    const tagKey = target.shape === 'kustomize' ? 'newTag' : 'tag';
    if (target.digestInTag) {
        const tag = want.tag ?? site.tag;
        if (tag === undefined)
            throw new UnwritableError(`${where(site)}: the tag field holds tag@digest but no tag is known to write the digest after`);
        if (target.tag === undefined)
            throw new Error('internal: digestInTag without a tag field');
        return [setScalar(text, site, target.tag.scalar, want.digest === undefined ? tag : `${tag}@${want.digest}`)];
    }
    // Stale fields first, so that a new key never lands on a line that goes: a tag alone clears the digest, a
    // digest alone clears the kustomize newTag it replaces.
    const stale = want.digest === undefined ? [target.digest, target.sha] : dropsTag(site, want) ? [target.tag] : [];
    const cleared = stale.flatMap((field) => (field === undefined || field.scalar.text === undefined || field.scalar.text === '' ? [] : [clearField(source, site, target, field)]));
    const removed = new Set(cleared.flatMap(({ field, removed }) => (removed ? [field] : [])));
    const edits = [];
    if (want.tag !== undefined) {
        if (target.tag !== undefined)
            edits.push(setScalar(text, site, target.tag.scalar, want.tag));
        else
            edits.push(insertField(source, site, target, tagKey, want.tag, removed));
    }
    if (want.digest !== undefined) {
        const edit = digestEdit(source, site, target, want.digest, want.tag !== undefined, removed);
        if (edit !== undefined)
            edits.push(edit);
    }
    edits.push(...cleared.map(({ edit }) => edit));
    return mergeInsertions(edits);
}
/**
 * Insertions at one offset (a new tag and a new digest line) become one edit, in the order they were made;
 * an insertion where a removal starts (the last line of a text without a final newline) takes its place.
 */
function mergeInsertions(edits) {
    const isInsertion = (candidate) => candidate.start === candidate.end;
    const merged = [];
    for (const edit of edits) {
        const same = isInsertion(edit) ? merged.findIndex((other) => isInsertion(other) && other.start === edit.start) : -1;
        const previous = merged[same];
        if (previous === undefined)
            merged.push(edit);
        else
            merged[same] = { ...previous, text: previous.text + edit.text };
    }
    return merged.flatMap((edit) => {
        if (isInsertion(edit) && merged.some((other) => isRemovalAt(other, edit.start)))
            return [];
        const insertion = edit.text === '' ? merged.find((other) => isInsertion(other) && isRemovalAt(edit, other.start)) : undefined;
        return [insertion === undefined ? edit : { ...edit, text: insertion.text }];
    });
}
function isRemovalAt(edit, offset) {
    return edit.text === '' && edit.start === offset && edit.end > edit.start;
}
/** Writes a digest: the digest field, the `sha` field (bare hex), or a new kustomize `digest:`. */
function digestEdit(source, site, target, digest, withTag, removed) {
    const text = source.text;
    if (target.digest !== undefined)
        return setScalar(text, site, target.digest.scalar, digest);
    if (target.sha !== undefined) {
        if (!digest.startsWith('sha256:'))
            throw new UnwritableError(`${where(site)}: the 'sha' field holds a sha256 digest; ${digest.split(':')[0]} cannot be written there`);
        return setScalar(text, site, target.sha.scalar, digest.slice('sha256:'.length));
    }
    if (target.shape === 'kustomize')
        return insertField(source, site, target, 'digest', digest, removed);
    // A values map without a digest field: a chart would not read one, so only the tag is written.
    if (withTag)
        return undefined;
    const missing = target.shape === 'marker'
        ? `marked image has no ':digest' marker; ask for a tag too, or mark its digest with '# gitops-bump: ${site.name}:digest'`
        : "map has no digest field ('digest' or 'sha'); ask for a tag too, or add the field where the chart reads it";
    throw new UnwritableError(`${where(site)}: this ${missing}`);
}
/**
 * Empties a stale tag or digest field. A kustomize entry loses the pair (its line, or `, key: value` in a flow
 * entry); a pair that cannot go cleanly (a comment on its line, such as a Flux setter; an inherited pair) and
 * every other shape get `""`, which kustomize and charts read as unset (a Helm values file must not drop the
 * key, or the chart's default, maybe a pinned digest, would come back).
 */
function clearField(source, site, target, field) {
    const removal = target.shape === 'kustomize' && target.entry !== undefined && !field.inherited ? removeField(source, target.entry, field) : undefined;
    return removal === undefined ? { field, edit: setScalar(source.text, site, field.scalar, ''), removed: false } : { field, edit: removal, removed: true };
}
// ---- scalar, insertion, removal --------------------------------------------------------------------------
/**
 * Replaces one scalar's content, keeping its style (and a double-quoted scalar's own escapes) unless YAML would
 * then read a non-string. A comment aligned after padding keeps its column.
 */
function setScalar(text, site, slot, value) {
    return scalarEdit(text, slot, value, where(site));
}
/**
 * The edit writing `value` over one scalar, as {@link rewrite} writes every value: its style kept (a numeric-looking
 * plain value gets double quotes), a comment aligned after it kept in its column. `place` names the site in the
 * error for a block scalar ({@link UnwritableError}). Used for chart versions and appVersion too.
 */
function scalarEdit(text, slot, value, place) {
    if (slot.text === value)
        return { start: slot.start, end: slot.end, text: text.slice(slot.start, slot.end) };
    const rendered = (0,_scalar_js__WEBPACK_IMPORTED_MODULE_1__/* .renderOver */ .Vj)(slot, text.slice(slot.start, slot.end), value);
    if (rendered === undefined)
        throw new UnwritableError(`${place}: the value on line ${slot.line} is a block scalar (| or >); write it on one line to let it be bumped`);
    if (slot.start !== slot.end)
        return keepCommentColumn(text, slot, rendered);
    // An empty value (`tag:`): the new scalar needs a blank after the colon and before a comment that follows.
    const before = /[ \t]/.test(text[slot.start - 1] ?? '') ? '' : ' ';
    const after = text[slot.start] === '#' ? ' ' : '';
    return { start: slot.start, end: slot.end, text: `${before}${rendered}${after}` };
}
/**
 * The edit writing `rendered` over a block-context scalar followed by two or more spaces and a `#` comment:
 * the padding takes the difference in length, so the comment stays in its column (at least one space stays).
 * A single space, a tab, a flow collection or a scalar spanning lines: the padding is left as it is.
 */
function keepCommentColumn(text, slot, rendered) {
    const edit = { start: slot.start, end: slot.end, text: rendered };
    const delta = rendered.length - (slot.end - slot.start);
    if (delta === 0 || slot.inFlow || /[\r\n]/.test(text.slice(slot.start, slot.end)))
        return edit;
    let padEnd = slot.end;
    while (text[padEnd] === ' ')
        padEnd++;
    const padding = padEnd - slot.end;
    if (padding < 2 || text[padEnd] !== '#')
        return edit;
    return { start: slot.start, end: padEnd, text: rendered + ' '.repeat(Math.max(1, padding - delta)) };
}
/**
 * Adds `key: value` to the entry: a new line after `insertAfter` (block), or `, key: value` before `}` (flow).
 * When `insertAfter` is a pair being removed, the new line follows the last pair that stays.
 */
function insertField(source, site, target, key, value, removed) {
    const text = source.text;
    const entry = target.entry;
    const after = target.insertAfter !== undefined && removed.has(target.insertAfter) ? entry?.fields.findLast((field) => !removed.has(field)) : target.insertAfter;
    if (entry === undefined) {
        throw new UnwritableError(`${where(site)}: there is no '${key}' to write (mark the ${key} with '# gitops-bump: ${site.name}:${key === 'digest' ? 'digest' : 'tag'}')`);
    }
    if (entry.flow) {
        // JSON-style entries (`{"name": "x"}`) get a JSON-style pair, so a .json file stays JSON.
        const json = text.startsWith('"', entry.firstKeyStart);
        const pair = json ? `${(0,_scalar_js__WEBPACK_IMPORTED_MODULE_1__/* .doubleQuoted */ .UN)(key)}: ${(0,_scalar_js__WEBPACK_IMPORTED_MODULE_1__/* .doubleQuoted */ .UN)(value)}` : `${key}: ${(0,_scalar_js__WEBPACK_IMPORTED_MODULE_1__/* .renderNew */ .Bi)(value, true)}`;
        return { start: entry.lastValueEnd, end: entry.lastValueEnd, text: `, ${pair}` };
    }
    if (after === undefined && !entry.lastIsInline) {
        throw new UnwritableError(`${where(site)}: no place to add '${key}:' (the mapping ends in a nested block); add '${key}:' by hand once`);
    }
    const lines = source.lines;
    const at = lines.lineEnd(after === undefined ? entry.lastValueEnd : Math.max(after.valueEnd, after.keyStart));
    const indent = ' '.repeat(entry.firstKeyStart - lines.lineStart(lines.line(entry.firstKeyStart)));
    return { start: at, end: at, text: `${lines.eolAt(at)}${indent}${key}: ${(0,_scalar_js__WEBPACK_IMPORTED_MODULE_1__/* .renderNew */ .Bi)(value, false)}` };
}
/**
 * Removes a pair: its whole line (block), the pair and its `key: ` on the `- ` line of a sequence item (the next
 * pair moves up), or `, key: value` (flow). Undefined when that is not clean: a comment or another node on
 * its line or between it and its neighbour stays, so the caller writes `""` instead.
 */
function removeField(source, entry, field) {
    const { text, lines } = source;
    if (entry.flow) {
        const index = entry.fields.indexOf(field);
        const previous = entry.fields[index - 1];
        const next = entry.fields[index + 1];
        const separator = (start, end) => /^\s*,\s*$/.test(text.slice(start, end));
        // A comment right after the pair (on a flow entry written over several lines) stays with it.
        if (/^[ \t]*,?[ \t]*#/.test(text.slice(field.valueEnd, lines.lineEnd(field.valueEnd))))
            return undefined;
        if (previous !== undefined && separator(previous.valueEnd, field.keyStart))
            return { start: previous.valueEnd, end: field.valueEnd, text: '' };
        if (index === 0 && next !== undefined && separator(field.valueEnd, next.keyStart))
            return { start: field.keyStart, end: next.keyStart, text: '' };
        return undefined;
    }
    const line = lines.line(field.keyStart);
    const lineStart = lines.lineStart(line);
    // Only a line holding nothing but the pair goes: one with a comment (a Flux setter, a note) keeps its place.
    const rest = text.slice(field.valueEnd, lines.lineEnd(field.valueEnd));
    if (lines.line(field.valueEnd) !== line || rest.trim() !== '')
        return undefined;
    const lead = text.slice(lineStart, field.keyStart);
    const next = lines.nextLineStart(field.valueEnd);
    if (lead.trim() !== '') {
        // `- digest: …` opening a sequence item: the item's next pair, on the next line at the same column, moves up.
        const column = field.keyStart - lineStart;
        const following = text.slice(next, next + column + 1);
        const nextKey = next + column;
        if (!/^ *- +$/.test(lead) || !/^ *[^ \t\r\n#]$/.test(following) || following.length !== column + 1 || nextKey > entry.lastValueEnd)
            return undefined;
        return { start: field.keyStart, end: nextKey, text: '' };
    }
    if (next === text.length && !text.endsWith('\n') && lineStart > 0) {
        const eolLength = text[lineStart - 2] === '\r' ? 2 : 1;
        return { start: lineStart - eolLength, end: next, text: '' };
    }
    return { start: lineStart, end: next, text: '' };
}
// ---- checks ----------------------------------------------------------------------------------------------
function checkWant(site, want) {
    if (want.tag === undefined && want.digest === undefined)
        throw new UnwritableError(`${where(site)}: nothing to write (neither a tag nor a digest)`);
    if (want.tag !== undefined && !(0,_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidTag */ .r_)(want.tag))
        throw new UnwritableError(`${where(site)}: ${JSON.stringify(want.tag)} is not a valid tag`);
    if (want.digest !== undefined && !(0,_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidDigest */ .fH)(want.digest))
        throw new UnwritableError(`${where(site)}: ${JSON.stringify(want.digest)} is not a valid digest`);
}
function where(site) {
    return `line ${site.line} (${site.path})`;
}


/***/ }),

/***/ 296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ LineIndex)
/* harmony export */ });
// Offsets, lines and line endings of a YAML text. Offsets are JS string indices (UTF-16 code units), the
// same units the `yaml` parser reports; a leading BOM occupies offset 0.
/** Maps offsets to 1-based lines and columns in one pass over the text; lookups are O(log lines). */
class LineIndex {
    text;
    starts;
    bom;
    constructor(text) {
        this.text = text;
        const starts = [0];
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            starts.push(i + 1);
        this.starts = starts;
        this.bom = text.startsWith('\uFEFF');
    }
    /** 1-based line of `offset`. */
    line(offset) {
        let low = 0;
        let high = this.starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if ((this.starts[mid] ?? 0) <= offset)
                low = mid;
            else
                high = mid - 1;
        }
        return low + 1;
    }
    /** 1-based column of `offset` (a BOM on the first line is not counted). */
    column(offset) {
        const line = this.line(offset);
        const start = this.lineStart(line) + (line === 1 && this.bom ? 1 : 0);
        return offset - start + 1;
    }
    /** Offset of the first character of 1-based `line`. */
    lineStart(line) {
        return this.starts[line - 1] ?? this.text.length;
    }
    /** Offset of the end of the line holding `offset`, before its `\r\n` or `\n` (or the text's end). */
    lineEnd(offset) {
        const newline = this.text.indexOf('\n', offset);
        if (newline < 0)
            return this.text.length;
        return newline > 0 && this.text[newline - 1] === '\r' ? newline - 1 : newline;
    }
    /** The line ending used by the line holding `offset`, or the text's usual one when that line has none. */
    eolAt(offset) {
        const newline = this.text.indexOf('\n', offset);
        if (newline < 0)
            return this.dominantEol();
        return newline > 0 && this.text[newline - 1] === '\r' ? '\r\n' : '\n';
    }
    /** `\r\n` when most lines end that way, else `\n`. */
    dominantEol() {
        const lines = this.starts.length - 1;
        if (lines === 0)
            return '\n';
        const crlf = this.text.split('\r\n').length - 1;
        return crlf * 2 > lines ? '\r\n' : '\n';
    }
    /** Offset just past the line ending of the line holding `offset` (the text's end on the last line). */
    nextLineStart(offset) {
        const newline = this.text.indexOf('\n', offset);
        return newline < 0 ? this.text.length : newline + 1;
    }
}


/***/ })

};

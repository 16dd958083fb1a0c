export const id = 318;
export const ids = [318];
export const modules = {

/***/ 1318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(6784);
// EXTERNAL MODULE: ./src/report/matrix.ts
var matrix = __webpack_require__(3677);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/settings/read.ts + 2 modules
var settings_read = __webpack_require__(5904);
// EXTERNAL MODULE: ./src/report/diff.ts
var report_diff = __webpack_require__(227);
// EXTERNAL MODULE: ./src/report/messages.ts
var messages = __webpack_require__(3020);
// EXTERNAL MODULE: ./src/report/shipped.ts
var shipped = __webpack_require__(9509);
// EXTERNAL MODULE: ./src/report/unmatched.ts
var unmatched = __webpack_require__(9715);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary (GitHub-flavoured Markdown): the outcome, the target, a promotion's table and diagram, the
// changes, refusals, skipped files, notes and the diff, within GitHub's size limit.





/** One row per promoted image and chart: source version, target version before, and what happened. */
function promotionRows(plan, promotion) {
    const images = promotion.requests.map((request) => {
        const at = promotion.found.find((f) => f.repository === request.ref.repository);
        const moved = (c) => c.kind !== 'chart' && c.image === request.ref.name;
        return withGate(promotionRow(plan, request.ref.name, (0,reference/* versionOf */.E4)(request.ref), at, moved, request.ref.name), promotion, request.ref.repository);
    });
    const charts = (promotion.charts ?? []).map((request) => {
        const at = promotion.foundCharts?.find((f) => f.chart === request.ref.display);
        const moved = (c) => c.kind === 'chart' && c.field === undefined && c.image === request.ref.display;
        return withGate(promotionRow(plan, `chart ${request.ref.display}`, request.ref.version, at, moved, request.ref.display), promotion, `chart ${request.ref.display}`);
    });
    return [...images, ...charts];
}
/** The row with its gate's state, when the promotion is gated. */
function withGate(row, promotion, key) {
    const decision = promotion.gates?.decisions.find((d) => d.candidate.key === key);
    return decision === undefined ? row : { ...row, gate: decision.state, held: !decision.passed };
}
function promotionRow(plan, image, source, at, moved, missName) {
    const sourceWhere = at ? `${at.file}:${at.line}` : '';
    const changes = plan.changes.filter(moved);
    const refusals = plan.refusals.filter(moved);
    if (changes.length > 0) {
        const before = [...new Set(changes.map((c) => c.from || '(none)'))].join(', ');
        const back = changes.some(messages/* isRollback */.z1);
        return { image, source, sourceWhere, before, moved: true, result: back ? `${messages/* ROLLED_BACK */.jC} (policy: any)` : 'promoted' };
    }
    if (refusals.length > 0) {
        const before = [...new Set(refusals.map((r) => r.from || '(none)'))].join(', ');
        return { image, source, sourceWhere, before, moved: false, result: `refused: ${refusals[0].reason}` };
    }
    if (plan.unmatched?.includes(missName))
        return { image, source, sourceWhere, before: '—', moved: false, result: 'not in the target files' };
    return { image, source, sourceWhere, before: source, moved: false, result: 'already there' };
}
function mermaidLabel(text) {
    return text.replace(/["<>`]/g, '');
}
/** The promotion's part of the job summary: a table and a Mermaid diagram of the environments. */
function promotionSection(plan, context) {
    const promotion = context.promotion;
    if (!promotion)
        return [];
    const target = context.environment || 'target';
    const rows = promotionRows(plan, promotion);
    const gated = promotion.gates !== undefined;
    const lines = [
        `**Promotion** ${(0,messages/* cell */.Hn)(promotion.from)} → ${(0,messages/* cell */.Hn)(target)} (source: ${(0,messages/* code */.aY)(promotion.where)})`,
        '',
        `| ${(promotion.charts ?? []).length > 0 ? 'Image / chart' : 'Image'} | ${(0,messages/* cell */.Hn)(promotion.from)} | ${(0,messages/* cell */.Hn)(target)} before | Result |${gated ? ' Gate |' : ''}`,
        `| --- | --- | --- | --- |${gated ? ' --- |' : ''}`,
    ];
    for (const r of rows) {
        const source = r.sourceWhere ? `${(0,messages/* code */.aY)(r.source)} <sub>${(0,messages/* cell */.Hn)(r.sourceWhere)}</sub>` : (0,messages/* code */.aY)(r.source);
        lines.push(`| ${(0,messages/* cell */.Hn)(r.image)} | ${source} | ${(0,messages/* code */.aY)(r.before)} | ${(0,messages/* cell */.Hn)(r.result)} |${gated ? ` ${(0,messages/* cell */.Hn)(r.gate ?? '')} |` : ''}`);
    }
    const moved = rows.filter((r) => r.moved).map((r) => mermaidLabel(`${(0,messages/* shortName */.EU)(r.image)}${r.image.startsWith('chart ') ? ' chart' : ''} ${r.before} → ${r.source}`));
    const edge = moved.length > 0 ? moved.join('<br/>') : 'nothing moved';
    const held = rows.filter((r) => r.held === true).map((r) => mermaidLabel(`${(0,messages/* shortName */.EU)(r.image)}${r.image.startsWith('chart ') ? ' chart' : ''} ${r.source} (${r.gate ?? ''})`));
    lines.push('', '```mermaid', 'flowchart LR', `  src["${mermaidLabel(promotion.from)}"] -- "${edge}" --> dst["${mermaidLabel(target)}"]`, ...(held.length > 0 ? [`  src -. "held back: ${held.join('<br/>')}" .-> dst`] : []), '```', '');
    return lines;
}
/** GitHub refuses a step summary over 1 MiB ("supports content up to a size of 1024k"): stay under it. */
const SUMMARY_MAX_BYTES = 1_000_000;
/** Rows per table when the whole summary would not fit. */
const CAPPED_ROWS = 200;
/** What `summary-diff: changes` says above its diff. */
const CHANGES_ONLY = 'Changed lines only, without the lines around them (`summary-diff: changes`, the default for a repository other than the one running the workflow).';
/**
 * The job summary (GitHub-flavoured Markdown), at most {@link SUMMARY_MAX_BYTES}: when the whole of it would
 * not fit, the diff is left out, then every table is cut to its first rows (the outputs keep the full lists).
 * The diff shows three lines of context around each change (`summaryDiff: full`, the default), the changed lines
 * only (`changes`: nothing else of the files reaches a summary others may read), or nothing (`none`).
 */
function jobSummary(plan, context) {
    const shown = context.summaryDiff ?? 'full';
    const diff = shown === 'none' ? '' : (0,report_diff/* planDiff */.R)(plan, shown === 'changes' ? 0 : 3);
    const note = shown === 'changes' ? CHANGES_ONLY : undefined;
    const fits = (text) => Buffer.byteLength(text, 'utf8') <= SUMMARY_MAX_BYTES;
    const whole = renderSummary(plan, context, { diff: { text: diff, note }, rows: Infinity });
    if (fits(whole))
        return whole;
    if (diff === '')
        return renderSummary(plan, context, { diff: { text: '' }, rows: CAPPED_ROWS });
    const omitted = `The diff (${diff.split('\n').length} lines) is too long for the job summary: run the CLI with \`--mode dry-run\` to see it.`;
    const noDiff = renderSummary(plan, context, { diff: { omitted }, rows: Infinity });
    if (fits(noDiff))
        return noDiff;
    return renderSummary(plan, context, { diff: { omitted }, rows: CAPPED_ROWS });
}
/** `items` rendered one line each, at most `max` of them, then one line saying how many were left out. */
function capped(items, max, render, more) {
    const shown = items.slice(0, max).map(render);
    return items.length > max ? [...shown, more(items.length - max)] : shown;
}
function renderSummary(plan, context, shape) {
    const lines = [];
    const env = context.environment ? ` · ${(0,messages/* cell */.Hn)(context.environment)}` : '';
    lines.push(`### gitops-bump${env}`, '');
    lines.push((0,messages/* outcomeLine */.RW)(plan, context), '');
    const where = context.branch ? `${(0,messages/* code */.aY)(context.target)} on ${(0,messages/* code */.aY)(context.branch)}` : (0,messages/* code */.aY)(context.target);
    let meta = `Target: ${where} · mode: ${context.mode} · policy: ${(0,messages/* cell */.Hn)(context.policy)}`;
    if (context.commit) {
        const sha = (0,messages/* code */.aY)(context.commit.oid.slice(0, 7));
        meta += ` · commit: ${context.commit.url ? `[${sha}](${context.commit.url})` : sha}`;
    }
    const pr = context.pullRequest;
    if (pr) {
        const name = pr.number === undefined ? 'no pull request' : pr.url ? `[#${pr.number}](${pr.url})` : `#${pr.number}`;
        meta += ` · pull request: ${name} (${pr.operation}, branch ${(0,messages/* code */.aY)(pr.branch)})`;
    }
    lines.push(meta, '');
    lines.push(...promotionSection(plan, context));
    if (plan.changes.length > 0) {
        lines.push(`| File | ${(0,messages/* hasCharts */.I6)(plan.changes) ? 'Image / chart' : 'Image'} | From | To |`, '| --- | --- | --- | --- |');
        lines.push(...capped(plan.changes, shape.rows, (c) => `| ${(0,messages/* code */.aY)(`${c.file}:${c.line}`)} | ${(0,messages/* cell */.Hn)((0,messages/* subject */.bc)(c))} | ${(0,messages/* code */.aY)(c.from || '(none)')} | ${(0,messages/* code */.aY)(c.to)}${(0,messages/* rollbackMark */.Ib)(c)} |`, (rest) => `| … and ${rest} more (the \`changes\` output lists them all) | | | |`));
        lines.push('');
    }
    if (context.shipped)
        lines.push(...(0,shipped/* shippedMarkdown */.DV)(context.shipped.report, context.shipped.titles.summary));
    if (plan.refusals.length > 0) {
        lines.push('**Refused**', '', `| File | ${(0,messages/* hasCharts */.I6)(plan.refusals) ? 'Image / chart' : 'Image'} | Current | Wanted | Why |`, '| --- | --- | --- | --- | --- |');
        lines.push(...capped(plan.refusals, shape.rows, (r) => `| ${(0,messages/* code */.aY)(`${r.file}:${r.line}`)} | ${(0,messages/* cell */.Hn)((0,messages/* subject */.bc)(r))} | ${(0,messages/* code */.aY)(r.from || '(none)')} | ${(0,messages/* code */.aY)(r.to)} | ${(0,messages/* cell */.Hn)(r.reason)} |`, (rest) => `| … and ${rest} more (the \`refused\` output lists them all) | | | | |`));
        lines.push('');
    }
    if (plan.skipped.length > 0) {
        lines.push('<details><summary>Skipped files</summary>', '');
        lines.push(...capped(plan.skipped, shape.rows, (s) => `- ${(0,messages/* code */.aY)(s.path)}: ${(0,messages/* cell */.Hn)(s.reason)}`, (rest) => `- … and ${rest} more (listed in the log)`));
        lines.push('', '</details>', '');
    }
    const notes = [...(0,unmatched/* unmatchedNotes */.b6)(plan, context.paths), ...plan.notes];
    if (notes.length > 0) {
        lines.push('**Notes**', '');
        lines.push(...capped(notes, shape.rows, (note) => `- ${(0,messages/* cell */.Hn)(note)}`, (rest) => `- … and ${rest} more (listed in the log)`));
        lines.push('');
    }
    if ('omitted' in shape.diff) {
        lines.push(shape.diff.omitted, '');
    }
    else if (shape.diff.text !== '') {
        const diff = shape.diff.text;
        const fence = diff.includes('```') ? '~~~~' : '```';
        const note = shape.diff.note === undefined ? [] : [shape.diff.note, ''];
        lines.push('<details><summary>Diff</summary>', '', ...note, `${fence}diff`, diff.trimEnd(), fence, '', '</details>', '');
    }
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/app/bump.ts + 2 modules
var bump = __webpack_require__(4425);
// EXTERNAL MODULE: ./src/report/line.ts
var report_line = __webpack_require__(8350);
;// CONCATENATED MODULE: ./src/app/io.ts
// The action's Io: the runner protocol through @actions/core, its own package.


/**
 * The runner's surroundings through @actions/core, the runner protocol's own package (workflow commands on
 * stdout, the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), so the encoding follows GitHub's as it changes.
 *
 * Every line is safe whoever wrote its text, so no caller has to remember: a log line (`info`, `debug`, a group's
 * name) is one line, its control characters escaped (a newline in a file name cannot start a line of its own),
 * and a line the runner could still read as a command (`::` at its start, `##[` anywhere) is printed between
 * `::stop-commands::<random token>` and `::<token>::`, so the runner shows it and processes nothing in it.
 * Annotations keep their line breaks (@actions/core encodes them inside the one command line) and escape the
 * other control characters. The action's own commands (groups, annotations, masks, outputs) are untouched.
 */
function actionIo(env, token = report_line/* stopToken */.WH) {
    const props = (place) => place ? { file: place.file, startLine: place.line, startColumn: place.column } : undefined;
    const info = (message) => {
        const line = (0,report_line/* oneLine */.TN)(message);
        core/* info */.pq((0,report_line/* mayBeCommand */.cz)(line) ? (0,report_line/* fenced */.OF)(line, token()) : line);
    };
    return {
        info,
        debug: (m) => core/* debug */.Yz((0,report_line/* oneLine */.TN)(m)),
        warning: (m, place) => core/* warning */.$e((0,report_line/* annotationText */.xr)(m), props(place)),
        error: (m, place) => core/* error */.z3((0,report_line/* annotationText */.xr)(m), props(place)),
        group: (name, fn) => core/* group */.Os((0,report_line/* oneLine */.TN)(name), fn),
        setOutput: (name, value) => core/* setOutput */.uH(name, value),
        // Outside a runner (no GITHUB_STEP_SUMMARY) there is no summary to write; core.summary would throw.
        summary: async (markdown) => {
            if (env.GITHUB_STEP_SUMMARY)
                await core/* summary */.z.addRaw(markdown, true).write();
        },
        setSecret: (s) => core/* setSecret */.Pq(s),
        fail: (message) => core/* setFailed */.C1((0,report_line/* annotationText */.xr)(message)),
    };
}

// EXTERNAL MODULE: ./src/app/report.ts
var report = __webpack_require__(6257);
;// CONCATENATED MODULE: ./src/app/action.ts
// The action's run(): inputs from the runner, outputs and the job summary back to it; never throws.








/**
 * The action's run, with the process environment (read once, by the entry point: app/entry.ts): never throws; a
 * failure fails the step through the Io (an error annotation, exit code 1).
 */
async function run(env) {
    const io = actionIo(env);
    const read = (name) => core/* getInput */.V4(name);
    try {
        if ((0,settings_read/* isReport */.PS)(read)) {
            // What runs where: read every environment, write nothing.
            const result = await (0,report/* report */.z)(read, io, env);
            io.setOutput('matrix', (0,matrix/* matrixOutput */.Fw)(result.matrix));
            await io.summary((0,matrix/* matrixSummary */.Gs)(result.matrix, result.summaryDiff));
            io.info(`Read ${result.matrix.environments.length} environment(s): ${result.matrix.rows.length} image(s) and chart(s). Nothing was written.`);
            return;
        }
        const result = await (0,bump/* bump */.$)(read, io, env);
        const values = (0,outputs/* outputs */.V4)(result.plan, result.context);
        for (const [name, value] of Object.entries(values))
            io.setOutput(name, value);
        await io.summary(jobSummary(result.plan, result.context));
        io.info(result.outcome);
    }
    catch (error) {
        io.fail(error instanceof Error ? error.message : String(error));
    }
}


/***/ })

};

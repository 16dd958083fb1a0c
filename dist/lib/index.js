import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6943:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  f5: () => (/* binding */ liveReaders),
  qA: () => (/* binding */ readShared),
  e_: () => (/* binding */ warmReaders)
});

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __nccwpck_require__(5919);
;// CONCATENATED MODULE: ./src/local/claims.ts
/** Reads one item with `reader`. */
function readItem(reader, item) {
    if (typeof item === 'string')
        reader.folder(item);
    else
        for (const path of item)
            reader.file(path);
}
/**
 * Claims the items of `claims` for `thread` one at a time (first come, first served) and reads each claimed one
 * with `read`. Returns how many it claimed.
 */
function claimItems(claims, thread, read) {
    let claimed = 0;
    for (let i = 0; i < claims.length; i++) {
        if (Atomics.compareExchange(claims, i, 0, thread) === 0) {
            claimed++;
            read(i);
        }
    }
    return claimed;
}

;// CONCATENATED MODULE: ./src/local/readers.ts
// Reader threads: a local read is shared between the main thread and worker threads (one fewer than the machine's
// cores, at most two), so a large tree is listed and read on several cores. The entry points start the threads
// before they load the rest of the bundle (a thread takes ~40 ms to boot: by the time the settings are read and
// the walk starts, they are ready); a run that reads no folder never uses them, and they never keep the process
// alive.
//
// The work is a list of items (a folder, read with everything under it, or a batch of files) that each thread
// claims one at a time with a compare-and-swap on a shared array, so a fast thread takes more. What comes back is
// merged and sorted by path (local/disk.ts): the result does not depend on who read what. A thread that fails
// (its script missing, an exception, an exit) has its items read again by the main thread.



/** The main thread's number in the claims array (reader threads are 2, 3, …). */
const MAIN = 1;
/** One reader thread, as the main thread sees it. */
class ReaderThread {
    worker;
    thread;
    active;
    failure;
    waiting = new Map();
    /** Replies that came before the main thread asked for them (their job still running). */
    early = new Map();
    constructor(worker, thread, active) {
        this.worker = worker;
        this.thread = thread;
        this.active = active;
        worker.on('message', (reply) => {
            const waiter = this.waiting.get(reply.id);
            if (waiter)
                waiter(reply);
            else if (this.active.has(reply.id))
                this.early.set(reply.id, reply);
        });
        worker.on('error', (error) => this.fail(error.message));
        worker.on('exit', (code) => this.fail(`exited with code ${code}`));
        // After the listeners: adding a 'message' listener refs the thread's port again.
        worker.unref();
    }
    get alive() {
        return this.failure === undefined;
    }
    fail(why) {
        this.failure ??= why;
        for (const [id, waiter] of this.waiting)
            waiter({ id, error: why });
    }
    send(message) {
        this.worker.postMessage(message);
    }
    /** The thread's reply to job `id` (an error reply when it failed); keeps the process alive meanwhile. */
    async reply(id) {
        const early = this.early.get(id);
        if (early) {
            this.early.delete(id);
            return early;
        }
        if (this.failure !== undefined)
            return { id, error: this.failure };
        this.worker.ref();
        try {
            return await new Promise((resolve) => this.waiting.set(id, resolve));
        }
        finally {
            this.waiting.delete(id);
            this.worker.unref();
        }
    }
    forget(id) {
        this.early.delete(id);
    }
}
/** This process's reader threads (none until {@link warmReaders}). */
const readers = [];
const activeJobs = new Set();
let lastJob = 0;
/**
 * How many reader threads a read is worth here: one fewer than the cores, at most two. Each costs ~40 ms of CPU to
 * boot and ~10 MB; on this project's 2-core machine one reader takes a 10,000-file read from ~125 ms to ~90 ms, and
 * costs a run of a small tree ~10 ms (its boot competes with the bundle's loading). A third would mostly compete
 * with the main thread and V8's own threads for the 4 cores of GitHub's runners. `GITOPS_BUMP_READERS` overrides
 * it (0: none; a container limited to fewer CPUs than it sees; tests and the bench).
 */
function readerCount(env) {
    const set = env.GITOPS_BUMP_READERS;
    if (set !== undefined && /^\d+$/.test(set))
        return Math.min(Number(set), 8);
    return Math.max(0, Math.min((0,external_node_os_namespaceObject.availableParallelism)() - 1, 2));
}
/** Tests (`GITOPS_BUMP_READERS_ONLY=1`): the main thread leaves the shared items to the reader threads. */
let readersOnly = false;
/**
 * Starts the reader threads (once per process): called by the entry points before the bundle's bulk loads, when
 * the run is likely to read a folder. Their script is dist/lib/read-worker.js, next to the bundle (scripts/build.mjs
 * builds it); where it is missing (src/ run by a test) the threads fail at once and every read stays on the main
 * thread. `script`: another script (tests of a thread that fails).
 */
function warmReaders(env, script = new URL(/* webpackIgnore: true */ './read-worker.js', __nccwpck_require__.b)) {
    if (readers.length > 0)
        return;
    readersOnly = env.GITOPS_BUMP_READERS_ONLY === '1';
    const count = readerCount(env);
    for (let k = 0; k < count; k++) {
        let worker;
        try {
            worker = new external_node_worker_threads_.Worker(script);
        }
        catch {
            // No thread to be had (a process limit): the reads stay on the main thread, as without readers.
            return;
        }
        readers.push(new ReaderThread(worker, MAIN + 1 + k, activeJobs));
    }
}
/** How many reader threads are up (or booting). */
function liveReaders() {
    return readers.filter((r) => r.alive).length;
}
/**
 * Reads the job's items: the main thread (`main`, which has already read what it listed) takes its share, the
 * reader threads theirs. Returns every part, the main thread's last, and the items each thread read (the main
 * thread's first). With {@link readersOnly} the main thread reads only what the reader threads did not.
 */
async function readShared(job, main) {
    const threads = readers.filter((r) => r.alive);
    const items = job.items;
    if (threads.length === 0 || items.length === 0 || (items.length === 1 && !readersOnly)) {
        for (const item of items)
            readItem(main, item);
        return { parts: [main.part], shares: [items.length] };
    }
    const claims = new Int32Array(new SharedArrayBuffer(4 * items.length));
    const id = ++lastJob;
    activeJobs.add(id);
    try {
        for (const thread of threads)
            thread.send({ id, job, claims: claims.buffer, thread: thread.thread });
        let mine = readersOnly ? 0 : claimItems(claims, MAIN, (i) => readItem(main, items[i]));
        // Every item is claimed now (by this thread's loop), except with readersOnly: then every live thread answers.
        const owners = readersOnly ? threads.map((t) => t.thread) : [...new Set(claims)].filter((t) => t !== MAIN);
        const parts = [];
        const shares = [];
        for (const thread of threads) {
            if (!owners.includes(thread.thread))
                continue;
            const reply = await thread.reply(id);
            if ('part' in reply) {
                parts.push(reply.part);
                shares.push(reply.claimed);
                continue;
            }
            // Failed: its items are read here (whatever it read is dropped), as are any nobody claimed.
            for (let i = 0; i < items.length; i++) {
                if (claims[i] === thread.thread) {
                    claims[i] = MAIN;
                    readItem(main, items[i]);
                    mine++;
                }
            }
        }
        mine += claimItems(claims, MAIN, (i) => readItem(main, items[i]));
        return { parts: [...parts, main.part], shares: [mine, ...shares] };
    }
    finally {
        activeJobs.delete(id);
        for (const thread of threads)
            thread.forget(id);
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	__nccwpck_require__.b = new URL("./", import.meta.url);
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run),
/* harmony export */   i: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var _local_readers_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6943);
// The one bundle (dist/lib/index.js): both entry points, exported. Importing it runs nothing; the two files
// GitHub and npm start, dist/index.js (the action) and dist/cli/index.js (the CLI), each call one of them. Each
// reads the process environment once, here, and hands it on.
//
// This module stays small: a run that will read a folder (`local-path`) first starts the reader threads
// (local/readers.ts), which boot on the other cores while the rest of the bundle loads.

/** The action (inputs from the runner's environment; `INPUT_LOCAL-PATH` here only decides whether to start readers). */
async function run() {
    const env = process.env;
    if (env['INPUT_LOCAL-PATH']?.trim())
        (0,_local_readers_js__WEBPACK_IMPORTED_MODULE_0__/* .warmReaders */ .e_)(env);
    const action = await Promise.all(/* import() */[__nccwpck_require__.e(719), __nccwpck_require__.e(784), __nccwpck_require__.e(438), __nccwpck_require__.e(318)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1318));
    await action.run(env);
}
/** The CLI: `argv` without node and the script. */
async function main(argv) {
    const env = process.env;
    if (argv.some((arg) => arg === '--local-path' || arg.startsWith('--local-path=')))
        (0,_local_readers_js__WEBPACK_IMPORTED_MODULE_0__/* .warmReaders */ .e_)(env);
    const command = await Promise.all(/* import() */[__nccwpck_require__.e(719), __nccwpck_require__.e(438), __nccwpck_require__.e(554)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5554));
    return command.main(argv, env);
}

var __webpack_exports__main = __webpack_exports__.i;
var __webpack_exports__run = __webpack_exports__.e;
export { __webpack_exports__main as main, __webpack_exports__run as run };

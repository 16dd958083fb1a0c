// Lost answers. Every commit this action sends carries an attempt trailer (mutation.ts ATTEMPT_TRAILER) naming the
// run and the round. After a write whose answer may be lost (no answer, 5xx, a timeout, a retry that met its own
// first try), the next read lists the branch's recent history with the head, and the first-parent chain from the
// head down to the head that write was sent on tells whether it landed: our commit sits right above that head.
import { ATTEMPT_TRAILER, trailerValues } from './mutation.js';

/** A commit of a branch's history, as the head query lists it. */
export interface ChainCommit {
  readonly oid: string;
  readonly url: string;
  /** The full message, trailers included. */
  readonly message: string;
  /** The first parent; undefined for a root commit. */
  readonly parent: string | undefined;
}

/** A write whose answer was lost: the attempt tag its commit carries, and the head it was sent on (its parent). */
export interface Unsure {
  readonly tag: string;
  readonly parent: string;
}

/** A write that landed although its answer was lost: its commit on the branch and the write. */
export interface Landing {
  readonly commit: ChainCommit;
  readonly write: Unsure;
}

/** What the chain tells about the writes in doubt. */
export interface ChainVerdict {
  readonly landing?: Landing;
  /** Writes the chain shows did not land: the walk passed the head they were sent on without meeting their commit. */
  readonly missed: readonly Unsure[];
}

/** Commits listed after a write in doubt: GitHub's largest page. More commits than this since: no verdict. */
export const HISTORY_DEPTH = 100;

/** What `historyOf` reads of each commit a `history` connection lists. */
export const HISTORY_FIELDS = 'nodes { oid url message parents(first: 1) { nodes { oid } } }';

/** The selection on a `Commit` that lists its history (newest first), for `historyOf`. */
export const HISTORY_SELECTION = `history(first: ${HISTORY_DEPTH}) { ${HISTORY_FIELDS} }`;

interface RawHistory {
  readonly nodes?: readonly { readonly oid: string; readonly url?: string; readonly message?: string; readonly parents?: { readonly nodes?: readonly { readonly oid: string }[] } | null }[] | null;
}

/** The commits of a `HISTORY_SELECTION` answer (`commit.history`). */
export function historyOf(raw: unknown): ChainCommit[] {
  const nodes = (raw as RawHistory | null | undefined)?.nodes ?? [];
  return nodes.map((n) => ({ oid: n.oid, url: n.url ?? '', message: n.message ?? '', parent: n.parents?.nodes?.[0]?.oid }));
}

/**
 * Walks the first-parent chain from `head` through `history` (any listing of its ancestors: it need not be
 * first-parent only or complete) and returns the first commit whose attempt trailer is one of `unsure`'s tags.
 * The walk ends where every write in doubt is decided: a write whose parent the walk passed without meeting its
 * commit did not land (a compare-and-swap on a head the branch has left never will). It also ends where the listing
 * does: the writes still undecided then are neither found nor missed.
 */
export function findLanding(head: string, history: readonly ChainCommit[], unsure: readonly Unsure[]): ChainVerdict {
  const byOid = new Map(history.map((c) => [c.oid, c]));
  const pending = new Map(unsure.map((u) => [u.tag, u]));
  const missed: Unsure[] = [];
  const seen = new Set<string>();
  for (let oid: string | undefined = head; oid !== undefined && pending.size > 0 && !seen.has(oid); ) {
    seen.add(oid);
    const commit = byOid.get(oid);
    if (commit === undefined) break;
    for (const tag of trailerValues(commit.message, ATTEMPT_TRAILER)) {
      const write = pending.get(tag);
      if (write !== undefined) return { landing: { commit, write }, missed };
    }
    for (const write of [...pending.values()]) {
      if (write.parent !== oid) continue;
      pending.delete(write.tag);
      missed.push(write);
    }
    oid = commit.parent;
  }
  return { missed };
}

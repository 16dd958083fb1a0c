// Bounded parallelism for read requests: at most a few in flight, results in the input's order. A `Gate` is the
// bound itself and can be shared, so that reads running side by side (a pull request's branch files next to the
// files read by path) keep the bound together.

/** Read requests one run keeps in flight at most, by default. */
export const READ_CONCURRENCY = 4;

/** Runs `fn` when fewer than the gate's limit of calls are pending; the others wait, in call order. */
export type Gate = <R>(fn: () => Promise<R>) => Promise<R>;

/**
 * A gate letting at most `limit` calls (at least 1) be pending at once. A gated call must not wait for another
 * call of the same gate (it would hold a place the other needs): gate each request, not the work around it.
 */
export function gate(limit: number = READ_CONCURRENCY): Gate {
  const most = Math.max(1, Math.floor(limit) || 1);
  let active = 0;
  const waiting: (() => void)[] = [];
  const next = (): void => {
    while (active < most && waiting.length > 0) {
      active++;
      waiting.shift()!();
    }
  };
  return <R>(fn: () => Promise<R>) =>
    new Promise<R>((resolve, reject) => {
      waiting.push(() => {
        fn()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}

/**
 * `items.map(fn)` with at most `limit` calls of `fn` pending at once (a number, at least 1, or a shared `Gate`).
 * The results keep the order of `items`, whatever order the calls finish in; the first failure rejects (calls
 * already started run to their end, none is started after it).
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number | Gate, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const run = typeof limit === 'number' ? gate(limit) : limit;
  let failed = false;
  return Promise.all(
    items.map((item, index) =>
      run(async () => {
        // Never seen by the caller: Promise.all has already rejected with the first failure.
        if (failed) throw new Error('not started: an earlier call failed');
        try {
          return await fn(item, index);
        } catch (error) {
          failed = true;
          throw error;
        }
      }),
    ),
  );
}

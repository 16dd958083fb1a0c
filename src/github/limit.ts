// Bounded parallelism for read requests: at most a few in flight, results in the input's order.

/** Read requests one snapshot read keeps in flight at most, by default. */
export const READ_CONCURRENCY = 4;

/**
 * `items.map(fn)` with at most `limit` calls of `fn` pending at once (at least 1). The results keep the order of
 * `items`, whatever order the calls finish in; the first failure rejects (calls already started run to their end,
 * none is started after it).
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.min(Math.max(1, Math.floor(limit) || 1), items.length) }, worker);
  await Promise.all(workers);
  return results;
}

// A value that is expensive to compute and may be a little out of date (the home page's counts, facet labels):
// computed once and kept for `ttlMs`; concurrent callers share one computation, and a failed one is not kept.
// Once expired, it is served stale while one refresh runs (`serveStale`, the default), or recomputed before it is
// served. Per process; every instance keeps its own copy.
export function cachedFor<T>(ttlMs: number, compute: () => Promise<T>, { serveStale = true } = {}) {
  let value: { data: T; at: number } | undefined;
  let refreshing: Promise<T> | undefined;
  // clear() starts a new generation: a computation begun before it never stores its (older) result.
  let generation = 0;
  const refresh = () => {
    if (refreshing) return refreshing;
    const started = generation;
    const run = compute()
      .then((data) => {
        if (started === generation) value = { data, at: Date.now() };
        return data;
      })
      .finally(() => {
        if (refreshing === run) refreshing = undefined;
      });
    refreshing = run;
    return run;
  };
  const get = async (): Promise<T> => {
    if (!value) return refresh();
    if (Date.now() - value.at > ttlMs) {
      if (!serveStale) return refresh();
      refresh().catch((error) => console.error("[cache refresh]", error));
    }
    return value.data;
  };
  get.clear = () => {
    generation++;
    value = undefined;
    refreshing = undefined;
  };
  return get;
}

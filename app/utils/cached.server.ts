// A value that is expensive to compute and may be a little out of date (the home page's counts): computed once,
// kept for `ttlMs`, then served stale while one refresh runs. Per process; every instance keeps its own copy.
export function cachedFor<T>(ttlMs: number, compute: () => Promise<T>) {
  let value: { data: T; at: number } | undefined;
  let refreshing: Promise<T> | undefined;
  const refresh = () =>
    (refreshing ??= compute()
      .then((data) => {
        value = { data, at: Date.now() };
        return data;
      })
      .finally(() => {
        refreshing = undefined;
      }));
  const get = async (): Promise<T> => {
    if (!value) return refresh();
    if (Date.now() - value.at > ttlMs) refresh().catch((error) => console.error("[cache refresh]", error));
    return value.data;
  };
  get.clear = () => {
    value = undefined;
  };
  return get;
}

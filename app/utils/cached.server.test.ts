import { describe, expect, test, vi } from "vitest";
import { cachedFor } from "./cached.server.ts";

describe("cachedFor", () => {
  test("computes once while fresh, serves the stale value during one refresh, then the new one", async () => {
    vi.useFakeTimers();
    try {
      let n = 0;
      const compute = vi.fn(async () => ++n);
      const get = cachedFor(1_000, compute);
      expect(await Promise.all([get(), get(), get()])).toEqual([1, 1, 1]);
      expect(compute).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(1_001);
      expect(await get()).toBe(1); // stale, refresh started
      expect(await get()).toBe(2);
      expect(compute).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  test("a failed first computation is not cached", async () => {
    let fail = true;
    const get = cachedFor(1_000, async () => {
      if (fail) throw new Error("database down");
      return "ok";
    });
    await expect(get()).rejects.toThrow("database down");
    fail = false;
    expect(await get()).toBe("ok");
  });
});

describe("cachedFor without stale values", () => {
  test("an expired value is recomputed before it is served; after clear() the next call computes again", async () => {
    vi.useFakeTimers();
    try {
      let n = 0;
      const get = cachedFor(1_000, async () => ++n, { serveStale: false });
      expect(await get()).toBe(1);
      vi.advanceTimersByTime(1_001);
      expect(await get()).toBe(2);
      get.clear();
      expect(await get()).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

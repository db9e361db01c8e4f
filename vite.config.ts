import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vitest/config";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const isTest = Boolean(process.env.VITEST);

export default defineConfig({
  server: { port: 3000 },
  build: { target: "es2022" },
  plugins: isTest
    ? []
    : [
        remix({
          ignoredRouteFiles: ["**/*"],
          serverModuleFormat: "esm",
          future: {
            v3_fetcherPersist: true,
            v3_relativeSplatPath: true,
            v3_throwAbortReason: true,
            v3_lazyRouteDiscovery: true,
            v3_singleFetch: true,
            v3_routeConfig: true,
          },
        }),
      ],
  test: {
    include: ["app/**/*.test.{ts,tsx}", "tests/integration/**/*.test.ts", "cli/**/*.test.ts", "prisma/**/*.test.ts", "tests/multi/**/*.test.ts", "tests/security/**/*.test.ts"],
    setupFiles: ["./tests/setup/db.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    restoreMocks: true,
  },
});

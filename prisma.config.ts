// Prisma CLI configuration. The CLI runs on Prisma's WebAssembly schema engine through a driver adapter,
// so no native engine is ever downloaded (see docs/decisions/002-prisma-without-engines.md).
import path from "node:path";
import type { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The CLI checks for native engine files before it looks at `engine: "js"`; point the check at a file that
// exists so it never tries to download one. The binaries are never executed.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= process.execPath;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    if (process.env.DATABASE_URL) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: process.env.DATABASE_URL });
    }
    // Authoring migrations (`prisma migrate dev`) uses a scratch PGlite folder, never the app's DATA_DIR,
    // because PGlite must not be opened by two processes at once.
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const dir = process.env.PRISMA_PGLITE_DIR ?? path.join(".prisma-dev", "db");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir, { recursive: true });
    // Typed against an older copy of @prisma/driver-adapter-utils; same runtime contract.
    return new PrismaPGlite(new PGlite(dir)) as unknown as PrismaPg;
  },
});

// Environment, validated once. Everything the embedded defaults write lives under DATA_DIR.
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.string().url().optional(),
  MEILI_URL: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("上海市社会组织服务供需对接平台 <noreply@duijie.local>"),
  // Demo data is loaded into an empty embedded database on first start; never into a PostgreSQL server
  // unless asked for.
  DEMO_SEED: z.enum(["true", "false"]).optional(),
  // "true" (one reverse proxy in front), a number of proxy hops, or "false".
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[1-9])$/, "true, false or a number of proxy hops (1–9)")
    .default("false"),
  BACKGROUND_JOBS: z.enum(["true", "false"]).default("true"),
});

export type Env = z.infer<typeof EnvSchema> & { dataDir: string };

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  cached = { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
  return cached;
}

/** Reset after tests change process.env. */
export function resetEnvCache() {
  cached = undefined;
}

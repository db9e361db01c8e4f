// Cookie-signing secrets: SESSION_SECRET (comma-separated, newest first, so secrets can rotate) or, on the
// embedded defaults, a random secret generated once into $DATA_DIR/secret.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "#app/env.server.ts";

let cached: string[] | undefined;

export function getSecrets(): string[] {
  if (cached) return cached;
  const env = getEnv();
  if (env.SESSION_SECRET) {
    cached = env.SESSION_SECRET.split(",").map((s) => s.trim()).filter(Boolean);
    return cached;
  }
  const file = path.join(env.dataDir, "secret");
  try {
    cached = [fs.readFileSync(file, "utf8").trim()];
  } catch {
    fs.mkdirSync(env.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      cached = [secret];
    } catch {
      cached = [fs.readFileSync(file, "utf8").trim()]; // another process wrote it first
    }
  }
  return cached;
}

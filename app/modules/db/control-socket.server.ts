// A local control channel for the embedded database: while the server holds the PGlite folder, CLI commands that
// must read it consistently (backup) ask the server through a Unix socket in DATA_DIR. Only local users who can
// open that folder can connect (the socket is created with mode 0600).
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { Database } from "#app/db.server.ts";
import { backupPglite } from "./backup.server.ts";

type Request = { cmd: "backup"; file: string } | { cmd: "ping" };
type Reply = { ok: true; result?: unknown } | { ok: false; error: string };

export function controlSocketPath(dataDir: string) {
  const preferred = path.join(dataDir, "control.sock");
  // Unix socket paths are limited to ~107 bytes; fall back to a name derived from the folder.
  if (Buffer.byteLength(preferred) < 100) return preferred;
  return path.join(os.tmpdir(), `duijie-${createHash("sha256").update(dataDir).digest("hex").slice(0, 16)}.sock`);
}

export function startControlSocket(dataDir: string, db: Database) {
  const socketPath = controlSocketPath(dataDir);
  fs.rmSync(socketPath, { force: true }); // we hold the folder lock, so any old socket is stale
  const server = net.createServer((socket) => {
    let buffer = "";
    socket.setEncoding("utf8");
    socket.on("data", async (chunk) => {
      buffer += chunk;
      if (!buffer.includes("\n") || buffer.length > 10_000) return;
      let reply: Reply;
      try {
        const request = JSON.parse(buffer.slice(0, buffer.indexOf("\n"))) as Request;
        if (request.cmd === "ping") reply = { ok: true };
        else if (request.cmd === "backup" && typeof request.file === "string" && path.isAbsolute(request.file)) {
          reply = { ok: true, result: await backupPglite(db, request.file) };
        } else reply = { ok: false, error: "unknown command" };
      } catch (error) {
        reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      socket.end(`${JSON.stringify(reply)}\n`);
    });
    socket.on("error", () => {});
  });
  server.listen(socketPath, () => fs.chmodSync(socketPath, 0o600));
  server.unref();
  return () => {
    server.close();
    fs.rmSync(socketPath, { force: true });
  };
}

/** Sends one command to the running server; rejects when no server listens. */
export function sendControlCommand(dataDir: string, request: Request, timeoutMs = 120_000): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(controlSocketPath(dataDir));
    let data = "";
    socket.setEncoding("utf8");
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error("The server did not answer in time.")));
    socket.on("connect", () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on("data", (chunk) => (data += chunk));
    socket.on("end", () => {
      try {
        resolve(JSON.parse(data) as Reply);
      } catch {
        reject(new Error("Unreadable answer from the server."));
      }
    });
    socket.on("error", reject);
  });
}

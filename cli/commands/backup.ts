import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Command } from "commander";
import { closeDatabase, openDatabase } from "#app/db.server.ts";
import { getEnv } from "#app/env.server.ts";
import { backupPglite, restorePglite } from "#app/modules/db/backup.server.ts";
import { sendControlCommand } from "#app/modules/db/control-socket.server.ts";
import { acquireDataDirLock, DatabaseInUseError } from "#app/modules/db/data-dir-lock.server.ts";
import { CliError, command } from "../run.ts";

function runTool(tool: string, args: string[]) {
  const result = spawnSync(tool, args, { stdio: "inherit" });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new CliError(`${tool} was not found. Install the PostgreSQL client tools (apt-get install postgresql-client-15).`);
  }
  if (result.status !== 0) throw new CliError(`${tool} failed (exit code ${result.status}).`);
}

export function registerBackupCommands(program: Command) {
  program
    .command("backup")
    .argument("<file>", "where to write the backup")
    .description(
      "Back up the database. Embedded: a consistent gzip tarball of the PGlite folder, taken through the running server " +
        "when it is up. PostgreSQL (DATABASE_URL): pg_dump --format=custom.",
    )
    .action(
      command(async (file: string) => {
        const target = path.resolve(file);
        const env = getEnv();
        if (env.DATABASE_URL) {
          runTool("pg_dump", ["--format=custom", "--no-owner", `--file=${target}`, env.DATABASE_URL]);
          console.log(`Backup written to ${target} (pg_dump custom format).`);
          return;
        }
        try {
          const db = await openDatabase();
          try {
            const result = await backupPglite(db, target);
            console.log(`Backup written to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB).`);
          } finally {
            await closeDatabase();
          }
        } catch (error) {
          if (!(error instanceof DatabaseInUseError)) throw error;
          // The server holds the folder: it takes the backup for us, consistently, while it keeps serving.
          const reply = await sendControlCommand(env.dataDir, { cmd: "backup", file: target }).catch(() => {
            throw new CliError(`${error.message} The running server did not answer on its control socket.`);
          });
          if (!reply.ok) throw new CliError(`The server could not write the backup: ${reply.error}`);
          const result = reply.result as { file: string; bytes: number };
          console.log(`Backup written by the running server to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB).`);
        }
      }),
    );

  program
    .command("restore")
    .argument("<file>", "a backup written by `backup`")
    .description(
      "Restore the database from a backup. Embedded: stop the server first; the current folder is kept beside it as " +
        "db.before-restore-<time>. PostgreSQL (DATABASE_URL): pg_restore --clean.",
    )
    .action(
      command(async (file: string) => {
        const source = path.resolve(file);
        const env = getEnv();
        if (env.DATABASE_URL) {
          runTool("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${env.DATABASE_URL}`, source]);
          console.log(`Restored ${source} into the PostgreSQL database.`);
          return;
        }
        let release: () => void;
        try {
          release = acquireDataDirLock(env.dataDir);
        } catch (error) {
          if (error instanceof DatabaseInUseError) throw new CliError(`${error.message} Stop the server before restoring.`);
          throw error;
        }
        try {
          const { previous } = await restorePglite(path.join(env.dataDir, "db"), source);
          console.log(`Restored ${source}.${previous ? ` The previous database was kept in ${previous}.` : ""}`);
        } finally {
          release();
        }
      }),
    );
}

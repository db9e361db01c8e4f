// Shared plumbing for CLI commands: open the database (applying pending migrations), run, close, and turn
// expected failures into a clear message and a non-zero exit code.
import "#app/i18n/zod-errors.ts";
import { SingleBar, Presets } from "cli-progress";
import { ZodError } from "zod";
import { registerHandlers } from "#app/boot.server.ts";
import { closeDatabase, openDatabase } from "#app/db.server.ts";
import { translate } from "#app/i18n/index.ts";
import { translateError } from "#app/i18n/zod-errors.ts";
import { DatabaseInUseError } from "#app/modules/db/data-dir-lock.server.ts";
import { PermissionError, ServiceError } from "#app/modules/accounts/permissions.ts";

export class CliError extends Error {}

export async function withDatabase<T>(fn: () => Promise<T>): Promise<T> {
  await openDatabase();
  registerHandlers();
  try {
    return await fn();
  } finally {
    await closeDatabase();
  }
}

/** Wraps a command action: prints expected errors plainly and sets the exit code. */
export function command<Args extends unknown[]>(fn: (...args: Args) => Promise<void>) {
  return async (...args: Args) => {
    try {
      await fn(...args);
    } catch (error) {
      process.exitCode = 1;
      if (error instanceof DatabaseInUseError || error instanceof CliError) {
        console.error(`错误 Error: ${error.message}`);
      } else if (error instanceof ServiceError) {
        console.error(`错误 Error: ${translateError((key, vars) => translate("zh", key, vars), error.messageKey)}`);
      } else if (error instanceof PermissionError) {
        console.error(`错误 Error: permission denied (${error.message})`);
      } else if (error instanceof ZodError) {
        console.error("错误 Error: invalid input");
        for (const issue of error.issues) {
          console.error(`  ${issue.path.join(".") || "(input)"}: ${translateError((key, vars) => translate("zh", key, vars), issue.message)}`);
        }
      } else {
        throw error;
      }
    }
  };
}

/** A progress bar on stderr (a line per update when stderr is not a terminal is avoided: it only redraws on a TTY). */
export function progressBar(label: string, total: number) {
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: false,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

import type { Command } from "commander";
import { resetDatabase, seedAll } from "../../prisma/seed/index.ts";
import { intArg } from "../args.ts";
import { CliError, command, progressBar, withDatabase } from "../run.ts";

export function registerSeedCommand(program: Command) {
  program
    .command("seed")
    .description(
      "Load the reference data (districts, tag taxonomy, catalog guide) and demo data. " +
        "`--orgs 0 --needs 0` loads only the reference data; `--orgs 50000 --needs 20000` builds the benchmark corpus.",
    )
    .option("--orgs <n>", "demo organizations", intArg("--orgs"), 200)
    .option("--needs <n>", "demo needs", intArg("--needs"), 60)
    .option("--buyers <n>", "demo buying units (default: 40, more for large corpora)", intArg("--buyers", 1))
    .option("--reset", "empty the database first (everything but the migration history)")
    .action(
      command(async (options: { orgs: number; needs: number; buyers?: number; reset?: boolean }) => {
        await withDatabase(async () => {
          const started = Date.now();
          if (options.reset) await resetDatabase();
          const bars = new Map<string, ReturnType<typeof progressBar>>();
          const result = await seedAll({
            orgs: options.orgs,
            needs: options.needs,
            buyers: options.buyers,
            onProgress(stage, done, total) {
              let bar = bars.get(stage);
              if (!bar) {
                bar = progressBar(stage.padEnd(13), total);
                bars.set(stage, bar);
              }
              bar.update(done);
              if (done >= total) bar.stop();
            },
          });
          for (const bar of bars.values()) bar.stop();
          if (!result.demo && result.skipped) {
            throw new CliError("The database already has data; reference data was updated. Use --reset to replace the demo data.");
          }
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          console.log(
            result.demo
              ? `Seeded reference data, ${result.orgs} organizations, ${result.buyers} buying units and ${result.needs} needs in ${seconds} s.`
              : `Seeded reference data in ${seconds} s.`,
          );
        });
      }),
    );
}

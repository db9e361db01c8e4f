import type { Command } from "commander";
import { getDatabase, prisma } from "#app/db.server.ts";
import { enqueue } from "#app/modules/outbox/outbox.server.ts";
import { createEngine, rebuildFromDatabase } from "#app/modules/search/sync.server.ts";
import { command, progressBar, withDatabase } from "../run.ts";

export function registerSearchCommands(program: Command) {
  program
    .command("reindex")
    .description(
      "Rebuild the search indexes from the database. With MEILI_URL: builds new Meilisearch indexes and swaps them in " +
        "atomically. Without: builds the embedded index (checking every document) and, on a PostgreSQL server, tells " +
        "the running app instances to rebuild theirs; an embedded database has no running instance (it is locked), " +
        "and the app builds its index from the database when it starts.",
    )
    .action(
      command(async () => {
        await withDatabase(async () => {
          const engine = await createEngine();
          const bars = new Map<string, ReturnType<typeof progressBar>>();
          const result = await rebuildFromDatabase(engine, (index, done, total) => {
            let bar = bars.get(index);
            if (!bar) {
              bar = progressBar((index === "orgs" ? "organizations" : "needs").padEnd(13), total);
              bars.set(index, bar);
            }
            bar.update(done);
          });
          for (const bar of bars.values()) bar.stop();
          if (!engine.shared && getDatabase().kind === "postgres") {
            await enqueue(prisma, "search.settings", "reindex");
            console.log("Asked the running app instances to rebuild their embedded indexes.");
          }
          await engine.close();
          console.log(
            `Reindexed ${result.orgs} organizations and ${result.needs} needs (${engine.kind}) in ${(result.ms / 1000).toFixed(1)} s.`,
          );
        });
      }),
    );
}

import type { Command } from "commander";
import { translate } from "#app/i18n/index.ts";
import { systemActor } from "#app/modules/accounts/permissions.ts";
import { matchNeedByReference, reasonText } from "#app/modules/matching/index.server.ts";
import { startSearch, stopSearch } from "#app/modules/search/index.server.ts";
import { CliError, command, withDatabase } from "../run.ts";

export function registerMatchCommand(program: Command) {
  program
    .command("match")
    .argument("<need>", "the need's id or its externalId")
    .description(
      "Rank the qualified organizations for a need (eligibility is a hard filter; see docs/decisions/014-matching.md). " +
        'With --json prints [{ "id", "uscc", "filingNo", "name", "score", "reasons": [..] }].',
    )
    .option("--limit <n>", "how many organizations (1–500)", "20")
    .option("--json", "print JSON (the format of DESIGN.md)")
    .option("--lang <zh|en>", "language of the reasons", "zh")
    .action(
      command(async (reference: string, options: { limit: string; json?: boolean; lang: string }) => {
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError(`--limit must be a whole number from 1 to 500 (got ${options.limit})`);
        if (options.lang !== "zh" && options.lang !== "en") throw new CliError(`--lang must be zh or en (got ${options.lang})`);
        const locale = options.lang;
        await withDatabase(async () => {
          await startSearch();
          try {
            const result = await matchNeedByReference(systemActor("cli"), reference, { limit });
            const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(locale, key, vars);
            const rows = result.results.map((match) => ({
              id: match.id,
              uscc: match.uscc,
              filingNo: match.filingNo,
              name: match.name,
              score: match.score,
              reasons: match.reasons.map((reason) => reasonText(reason, t, locale)),
            }));
            if (options.json) {
              console.log(JSON.stringify(rows, null, 2));
            } else {
              console.log(`#${result.need.id} ${result.need.title} — ${result.eligibleTotal} eligible, ${result.matched} relevant`);
              rows.forEach((row, i) => console.log(`${String(i + 1).padStart(3)}. ${row.score.toFixed(1).padStart(5)}  ${row.name} (${row.uscc ?? row.filingNo ?? row.id})\n        ${row.reasons.join("；")}`));
            }
          } finally {
            await stopSearch();
          }
        });
      }),
    );
}

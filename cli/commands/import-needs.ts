import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { systemActor } from "#app/modules/accounts/permissions.ts";
import { importNeedsFile } from "#app/modules/needs/import-needs.server.ts";
import { ImportFileError } from "#app/modules/orgs/import-rows.server.ts";
import { CliError, command, withDatabase } from "../run.ts";
import { importCommandGroup, reasonText } from "./import-orgs.ts";

export function registerImportNeedsCommand(program: Command) {
  importCommandGroup(program)
    .command("needs")
    .argument("<file>", "a .csv or .json file (UTF-8, with or without BOM)")
    .description(
      "Create or update needs by externalId, published with the given bid deadline (columns in DESIGN.md: externalId, buyer, " +
        "title, summary, description, districtCode, catalogCode, tags, budget, crossDistrict, minGrade, allowedKinds, " +
        "requiredQualifications, communityPriority, bidDeadline). `buyer` names an existing buying unit. Every row is checked; a " +
        "row is imported whole or not at all; the same file twice changes nothing. Exit code 2 when some rows were rejected.",
    )
    .action(
      command(async (file: string) => {
        if (!fs.existsSync(file)) throw new CliError(`File not found: ${file}`);
        await withDatabase(async () => {
          let report;
          try {
            report = await importNeedsFile(systemActor("cli"), fs.readFileSync(file), path.basename(file));
          } catch (error) {
            if (error instanceof ImportFileError) throw new CliError(reasonText(error.reason));
            throw error;
          }
          for (const rejected of report.rejected.slice(0, 200)) {
            console.log(`第 ${rejected.line} 行${rejected.externalId ? `（${rejected.externalId}）` : ""}未导入 rejected:`);
            for (const reason of rejected.reasons) console.log(`  - ${reasonText(reason)}`);
          }
          const seconds = (report.durationMs / 1000).toFixed(1);
          console.log(`导入 ${report.fileName}: ${report.totalRows} 行 — 新建 ${report.created}，更新 ${report.updated}，无变化 ${report.unchanged}，未导入 ${report.rejected.length}（${seconds} 秒）`);
          console.log(`Imported ${report.fileName}: ${report.totalRows} rows — ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected in ${seconds} s.`);
          if (report.rejected.length > 0) process.exitCode = 2;
        });
      }),
    );
}

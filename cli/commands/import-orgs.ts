import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { translate, type MessageKey } from "#app/i18n/index.ts";
import { translateError } from "#app/i18n/zod-errors.ts";
import { systemActor } from "#app/modules/accounts/permissions.ts";
import { ImportFileError, type Reason } from "#app/modules/orgs/import-rows.server.ts";
import { importOrgsFile, type ImportReport } from "#app/modules/orgs/import.server.ts";
import { CliError, command, progressBar, withDatabase } from "../run.ts";

/** The `import` command group (`import orgs`, `import needs`): created once, shared by the commands that add to it. */
export function importCommandGroup(program: Command): Command {
  return (
    program.commands.find((existing) => existing.name() === "import") ??
    program.command("import").description("Load registry files (CSV or JSON, UTF-8). See DESIGN.md, \"Import columns\".")
  );
}

const zh = (key: string, vars?: Record<string, string | number>) => translate("zh", key as MessageKey, vars);
export const reasonText = (reason: Reason) =>
  `${reason.field ? `${reason.field}: ` : ""}${translateError(zh, reason.vars ? `${reason.key}|${JSON.stringify(reason.vars)}` : reason.key)}`;

const SHOWN_REJECTIONS = 200;

export function printReport(report: ImportReport, log: (line: string) => void = console.log) {
  const seconds = (report.durationMs / 1000).toFixed(1);
  for (const warning of report.warnings) log(`注意 Warning: ${reasonText(warning)}`);
  for (const rejected of report.rejected.slice(0, SHOWN_REJECTIONS)) {
    const who = [rejected.identifier, rejected.name].filter(Boolean).join(" ");
    log(`第 ${rejected.line} 行${who ? `（${who}）` : ""}未导入 rejected:`);
    for (const reason of rejected.reasons) log(`  - ${reasonText(reason)}`);
  }
  if (report.rejected.length > SHOWN_REJECTIONS) {
    log(`… 另有 ${report.rejected.length - SHOWN_REJECTIONS} 行未导入，完整报告请用 --report <file.json>。 (${report.rejected.length - SHOWN_REJECTIONS} more rejected rows: use --report)`);
  }
  const verb = report.applied ? "导入" : "试运行（未写入）";
  log(
    `${verb} ${report.fileName}: ${report.totalRows} 行 — 新建 ${report.created}，更新 ${report.updated}，无变化 ${report.unchanged}，未导入 ${report.rejectedCount}（${seconds} 秒）`,
  );
  log(
    `${report.applied ? "Imported" : "Dry run (nothing written)"} ${report.fileName}: ${report.totalRows} rows — ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejectedCount} rejected in ${seconds} s.`,
  );
}

export function registerImportOrgsCommand(program: Command) {
  importCommandGroup(program)
    .command("orgs")
    .argument("<file>", "a .csv or .json file (UTF-8, with or without BOM)")
    .description(
      "Upsert organizations by 统一社会信用代码 (uscc) or 备案编号 (filingNo). Every row is checked; a row is imported whole or " +
        "not at all; the same file twice changes nothing. New rows are verified and active unless a `status` column says " +
        "otherwise. For existing organizations, empty cells keep the current value and list columns (tags, serviceDistricts) " +
        "add to what the profile has. Exit code 0: every row imported; 2: some rows rejected (listed with reasons); 1: the " +
        "file could not be read.",
    )
    .option("--dry-run", "check and plan only; write nothing")
    .option("--report <file>", "also write the full report (every rejected row with its reasons) as JSON")
    .action(
      command(async (file: string, options: { dryRun?: boolean; report?: string }) => {
        if (!fs.existsSync(file)) throw new CliError(`File not found: ${file}`);
        const content = fs.readFileSync(file);
        await withDatabase(async () => {
          let bar: ReturnType<typeof progressBar> | undefined;
          let report: ImportReport;
          try {
            report = await importOrgsFile(systemActor("cli"), { fileName: path.basename(file), content }, {
              dryRun: options.dryRun,
              onProgress(done, total) {
                bar ??= progressBar("organizations", total);
                bar.update(done);
              },
            });
          } catch (error) {
            if (error instanceof ImportFileError) throw new CliError(reasonText(error.reason));
            throw error;
          } finally {
            bar?.stop();
          }
          if (options.report) fs.writeFileSync(options.report, JSON.stringify(report, null, 2));
          printReport(report);
          if (report.rejectedCount > 0) process.exitCode = 2;
        });
      }),
    );
}

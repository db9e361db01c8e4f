// `npm run cli -- <command>`: the one command-line entry point (see DESIGN.md, "Contracts").
import { Command } from "commander";
import { registerBackupCommands } from "./commands/backup.ts";
import { registerImportOrgsCommand } from "./commands/import-orgs.ts";
import { registerImportNeedsCommand } from "./commands/import-needs.ts";
import { registerMatchCommand } from "./commands/match.ts";
import { registerSearchCommands } from "./commands/search.ts";
import { registerSeedCommand } from "./commands/seed.ts";
import { registerUserCommands } from "./commands/users.ts";

const program = new Command()
  .name("duijie")
  .description("上海市社会组织服务供需对接平台 — command line. Every command applies pending migrations first.")
  .showHelpAfterError();

registerSeedCommand(program);
registerSearchCommands(program);
registerUserCommands(program);
registerBackupCommands(program);
registerImportOrgsCommand(program);
registerImportNeedsCommand(program);
registerMatchCommand(program);

await program.parseAsync(process.argv);

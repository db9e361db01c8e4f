import type { Command } from "commander";
import { z } from "zod";
import { createAdmin } from "#app/modules/accounts/admin-accounts.server.ts";
import { systemActor } from "#app/modules/accounts/permissions.ts";
import { EmailSchema, PasswordSchema } from "#app/modules/accounts/schemas.ts";
import { command, withDatabase } from "../run.ts";

const CreateAdminSchema = z.object({ email: EmailSchema, name: z.string().trim().min(1).max(50), password: PasswordSchema });

export function registerUserCommands(program: Command) {
  program
    .command("create-admin")
    .description("Create an administrator account (administrators cannot sign up on the web).")
    .requiredOption("--email <email>", "log-in e-mail")
    .requiredOption("--name <name>", "display name")
    .option("--password <password>", "at least 10 characters (default: read DUIJIE_ADMIN_PASSWORD)")
    .action(
      command(async (options: { email: string; name: string; password?: string }) => {
        const input = CreateAdminSchema.parse({ ...options, password: options.password ?? process.env.DUIJIE_ADMIN_PASSWORD });
        await withDatabase(async () => {
          const user = await createAdmin(systemActor("cli"), input);
          console.log(`Administrator ${input.email} created (id ${user.id}).`);
        });
      }),
    );
}

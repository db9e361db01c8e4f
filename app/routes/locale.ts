import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { isLocale } from "#app/i18n/index.ts";
import { RedirectToSchema } from "#app/modules/accounts/schemas.ts";
import { writeCookie } from "#app/utils/cookies.server.ts";
import { readForm } from "#app/utils/forms.server.ts";

const LocaleSchema = z.object({ locale: z.string().refine(isLocale), redirectTo: RedirectToSchema });

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = LocaleSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Unsupported language", { status: 400 });
  return redirect(parsed.data.redirectTo ?? "/", {
    headers: { "Set-Cookie": await writeCookie(request, "locale", parsed.data.locale) },
  });
}

export async function loader() {
  return redirect("/");
}

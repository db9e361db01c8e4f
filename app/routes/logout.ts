import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { logOut } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/forms.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  return redirectWithToast(request, "/", { type: "info", key: "auth.loggedOut" }, { headers: { "Set-Cookie": await logOut(request) } });
}

export async function loader() {
  return redirect("/");
}

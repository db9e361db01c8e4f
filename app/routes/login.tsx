import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { AppForm } from "#app/components/csrf.tsx";
import { useT } from "#app/components/root-data.ts";
import { PageHeader } from "#app/components/ui/basics.tsx";
import { Field, FormErrors } from "#app/components/ui/field.tsx";
import { LoginSchema } from "#app/modules/accounts/schemas.ts";
import { logIn } from "#app/modules/accounts/users.server.ts";
import { requireAnonymous, sessionCookieHeader } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { getClientIp } from "#app/utils/request.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth.login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, LoginSchema);
  if (!parsed.ok) return parsed.response;
  const { email, password, redirectTo } = parsed.value;
  const result = await logIn({
    email,
    password,
    ip: getClientIp(context),
    userAgent: request.headers.get("User-Agent") ?? "",
  });
  if (!result.ok) {
    const formErrors =
      result.reason === "rateLimited"
        ? [`auth.rateLimited|${JSON.stringify({ minutes: result.retryAfterMinutes })}`]
        : result.reason === "disabled"
          ? ["auth.accountDisabled"]
          : result.reason === "pending"
            ? ["auth.pending"]
            : ["auth.invalidCredentials"];
    return data(
      { result: parsed.submission.reply({ formErrors, hideFields: ["password", "csrf"] }) },
      { status: result.reason === "rateLimited" ? 429 : 400 },
    );
  }
  return redirectWithToast(
    request,
    redirectTo ?? "/workspace",
    { type: "success", key: "auth.loggedIn", vars: { name: result.user.displayName } },
    { headers: { "Set-Cookie": await sessionCookieHeader(request, result.token) } },
  );
}

export default function Login() {
  const { t } = useT();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult: lastResult?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });

  return (
    <div className="card form--narrow" style={{ margin: "0 auto" }}>
      <PageHeader title={t("auth.login.title")} lead={t("auth.login.lead")} />
      <AppForm {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label={t("auth.email")}
          autoComplete="email"
          errors={fields.email.errors}
          {...getInputProps(fields.email, { type: "email" })}
        />
        <Field
          label={t("auth.password")}
          autoComplete="current-password"
          errors={fields.password.errors}
          {...getInputProps(fields.password, { type: "password" })}
        />
        <div className="form-actions">
          <button className="btn" type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("app.loading") : t("auth.submitLogin")}
          </button>
        </div>
      </AppForm>
      <p className="small" style={{ marginTop: 20 }}>
        {t("auth.noAccount")} <Link to="/signup">{t("auth.signupLink")}</Link>
      </p>
    </div>
  );
}

import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { useT } from "#app/components/root-data.ts";
import { PageHeader } from "#app/components/ui/basics.tsx";
import { CheckboxField, Field, FormErrors, SelectField } from "#app/components/ui/field.tsx";
import { BuyerSignupSchema } from "#app/modules/accounts/schemas.ts";
import { listBuyerUnitsForSignup, signUpBuyerStaff } from "#app/modules/accounts/users.server.ts";
import { logIn } from "#app/modules/accounts/users.server.ts";
import { getRegistrationOptions, registerOrganization } from "#app/modules/orgs/registration.server.ts";
import { isFiledKind, ORG_KINDS, OrgSignupSchema, type OrgKindValue } from "#app/modules/orgs/schemas.ts";
import { requireAnonymous, sessionCookieHeader } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { getClientIp } from "#app/utils/request.server.ts";
import { runService } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

const SignupSchema = z.discriminatedUnion("accountType", [OrgSignupSchema, BuyerSignupSchema]);

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth.signup.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const [options, buyerUnits] = await Promise.all([getRegistrationOptions(), listBuyerUnitsForSignup()]);
  return { ...options, buyerUnits };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const parsed = await parseForm(request, SignupSchema);
  if (!parsed.ok) return parsed.response;
  const input = parsed.value;
  if (input.accountType === "buyer") {
    const result = await runService(() => signUpBuyerStaff(input));
    if (!result.ok) return result.response;
    return redirectWithToast(request, "/login", { type: "info", key: "auth.signup.pendingBuyer" });
  }
  const result = await runService(() => registerOrganization(input));
  if (!result.ok) return result.response;
  const login = await logIn({ email: input.email, password: input.password, ip: getClientIp(context), userAgent: request.headers.get("User-Agent") ?? "" });
  const headers = login.ok ? { "Set-Cookie": await sessionCookieHeader(request, login.token) } : undefined;
  return redirectWithToast(request, login.ok ? "/workspace" : "/login", { type: "success", key: "orgs.signup.done" }, { headers });
}

export default function Signup() {
  const { districts, custodians, buyerUnits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useT();
  const [searchParams] = useSearchParams();
  const accountType = searchParams.get("as") === "buyer" ? "buyer" : "org";
  const [kind, setKind] = useState<OrgKindValue>("SOCIAL_SERVICE");
  const [districtCode, setDistrictCode] = useState("");

  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  const formError = actionData && "formError" in actionData ? actionData.formError : undefined;
  const [form, fields] = useForm({
    id: "signup",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
  });
  const filed = isFiledKind(kind);
  const streets = districts.find((district) => district.code === districtCode)?.streets ?? [];
  const usccNeedsConfirm = fields.uscc.errors?.some((error) => error.startsWith("orgs.uscc.checkChar"));

  return (
    <div className="card form" style={{ margin: "0 auto" }}>
      <PageHeader title={t("auth.signup.title")} lead={t("auth.signup.lead")} />
      {/* The account type is a link, so choosing it works without JavaScript too. */}
      <nav className="tabs" aria-label={t("auth.signup.accountType")}>
        <Link to="?as=org" replace aria-current={accountType === "org" ? "page" : undefined}>
          {t("auth.signup.asOrg")}
        </Link>
        <Link to="?as=buyer" replace aria-current={accountType === "buyer" ? "page" : undefined}>
          {t("auth.signup.asBuyer")}
        </Link>
      </nav>
      <AppForm {...getFormProps(form)} noValidate key={accountType}>
        <FormErrors id={form.errorId} errors={[...(form.errors ?? []), formError?.key]} />
        <input type="hidden" name="accountType" value={accountType} />
        {accountType === "org" ? (
          <section aria-labelledby="org-section">
            <h2 id="org-section">{t("orgs.orgSection")}</h2>
            <Field label={t("orgs.name")} errors={fields.orgName.errors} {...getInputProps(fields.orgName, { type: "text" })} autoComplete="organization" />
            <SelectField
              label={t("orgs.kind")}
              hint={t("orgs.kindHint")}
              errors={fields.kind.errors}
              {...getSelectProps(fields.kind)}
              value={kind}
              onChange={(event) => setKind(event.target.value as OrgKindValue)}
              options={ORG_KINDS.map((value) => ({ value, label: t(`orgKind.${value}`) }))}
            />
            {filed ? (
              <>
                <Field label={t("orgs.filingNo")} hint={t("orgs.filingNoHint")} errors={fields.filingNo.errors} {...getInputProps(fields.filingNo, { type: "text" })} />
                <SelectField
                  label={t("orgs.custodian")}
                  hint={t("orgs.custodianHint")}
                  errors={fields.custodianId.errors}
                  {...getSelectProps(fields.custodianId)}
                  placeholder={t("orgs.chooseCustodian")}
                  options={custodians.map((c) => ({ value: String(c.id), label: c.name }))}
                />
              </>
            ) : (
              <>
                <Field
                  label={t("orgs.uscc")}
                  hint={t("orgs.usccHint")}
                  errors={fields.uscc.errors}
                  {...getInputProps(fields.uscc, { type: "text" })}
                  autoCapitalize="characters"
                  spellCheck={false}
                  maxLength={40}
                />
                {usccNeedsConfirm || fields.confirmUscc.value ? (
                  <CheckboxField label={t("orgs.uscc.confirm")} {...getInputProps(fields.confirmUscc, { type: "checkbox" })} />
                ) : null}
              </>
            )}
            <SelectField
              label={t("orgs.district")}
              errors={fields.districtCode.errors}
              {...getSelectProps(fields.districtCode)}
              value={districtCode}
              onChange={(event) => setDistrictCode(event.target.value)}
              placeholder={t("orgs.chooseDistrict")}
              options={districts.map((d) => ({ value: d.code, label: locale === "zh" ? d.name : d.nameEn }))}
            />
            <SelectField
              label={t("orgs.street")}
              optional
              errors={fields.streetCode.errors}
              {...getSelectProps(fields.streetCode)}
              placeholder={t("orgs.chooseStreet")}
              options={streets.map((s) => ({
                value: s.code,
                label: s.administrative ? s.name : t("orgs.streetNonAdministrative", { name: s.name }),
              }))}
            />
          </section>
        ) : (
          <section aria-labelledby="buyer-section">
            <h2 id="buyer-section">{t("buyerUnit.label")}</h2>
            <SelectField
              label={t("buyerUnit.label")}
              hint={t("buyerUnit.none")}
              errors={fields.buyerUnitId.errors}
              {...getSelectProps(fields.buyerUnitId)}
              placeholder={t("buyerUnit.choose")}
              options={buyerUnits.map((unit) => ({
                value: String(unit.id),
                label: `${unit.name}（${locale === "zh" ? unit.district.name : unit.district.nameEn}）`,
              }))}
            />
          </section>
        )}

        <section aria-labelledby="contact-section">
          <h2 id="contact-section">{t("orgs.contactSection")}</h2>
          <Field label={t("auth.displayName")} errors={fields.displayName.errors} {...getInputProps(fields.displayName, { type: "text" })} autoComplete="name" />
          <Field label={t("auth.phone")} optional errors={fields.phone.errors} {...getInputProps(fields.phone, { type: "tel" })} autoComplete="tel" />
          <Field label={t("auth.email")} errors={fields.email.errors} {...getInputProps(fields.email, { type: "email" })} autoComplete="email" />
          <Field
            label={t("auth.password")}
            hint={t("auth.passwordHint")}
            errors={fields.password.errors}
            {...getInputProps(fields.password, { type: "password" })}
            autoComplete="new-password"
          />
          <Field
            label={t("auth.confirmPassword")}
            errors={fields.confirmPassword.errors}
            {...getInputProps(fields.confirmPassword, { type: "password" })}
            autoComplete="new-password"
          />
        </section>
        <div className="form-actions">
          <button className="btn" type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("form.saving") : t("auth.signup.submit")}
          </button>
        </div>
      </AppForm>
      <p className="small" style={{ marginTop: 20 }}>
        {t("auth.signup.haveAccount")} <Link to="/login">{t("nav.login")}</Link>
      </p>
    </div>
  );
}

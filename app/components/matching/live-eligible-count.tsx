// While a buyer drafts a need: how many verified organizations the eligibility rules being set admit, updated as
// the form changes, so rules that are too strict show before publishing. Without JavaScript nothing is shown (the
// 匹配机构 tab of a saved draft gives the same figure).
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "../root-data.ts";

const FIELDS = ["districtCodes", "minGrade", "allowedKinds", "requiredQualifications", "minYearsRegistered", "minSocialWorkers"];

function countQuery(form: HTMLFormElement) {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const name of FIELDS) for (const value of data.getAll(name)) if (typeof value === "string" && value) params.append(name, value);
  params.set("crossDistrict", data.get("crossDistrict") === "on" ? "true" : "false");
  const deadline = data.get("bidDeadline");
  // datetime-local values are Shanghai wall-clock times.
  if (typeof deadline === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(deadline)) params.set("bidDeadline", `${deadline.slice(0, 16)}:00+08:00`);
  return params.toString();
}

export function LiveEligibleCount({ formId }: { formId: string }) {
  const fetcher = useFetcher<{ count: number }>();
  const { t, number } = useT();
  const last = useRef("");
  const { load } = fetcher;
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const query = countQuery(form);
        if (query === last.current) return;
        last.current = query;
        load(`/workspace/needs/eligible-count?${query}`);
      }, 350);
    };
    refresh();
    form.addEventListener("input", refresh);
    form.addEventListener("change", refresh);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", refresh);
      form.removeEventListener("change", refresh);
    };
  }, [formId, load]);
  const count = fetcher.data?.count;
  const text =
    count === undefined
      ? t("matching.live.loading")
      : count === 0
        ? t("matching.live.none")
        : count < 5
          ? t("matching.live.few", { count: number(count) })
          : t("matching.live.count", { count: number(count) });
  return (
    <p className={`live-count${count !== undefined && count < 5 ? " live-count--warn" : ""}`} role="status" aria-live="polite" data-testid="live-eligible-count">
      {text}
    </p>
  );
}

// A CSV template for the registry import: the exact column names and two example rows (UTF-8 with BOM, so Excel
// opens the Chinese text correctly).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { IMPORT_COLUMNS } from "#app/modules/orgs/import-columns.ts";
import { requireAdmin } from "#app/utils/auth.server.ts";

const EXAMPLES = [
  [
    "52310104MJ0001010P", "", "上海市徐汇区康健长者综合服务中心", "社会服务机构", "310104", "310104013", "2016-03-18", "4A", "2028-12-31",
    "是", "否", "否", "6", "25", "310104|310105", "助餐|老年人", "运营康健街道长者食堂两处，日均供餐 350 份。", "2026-10-08",
  ],
  ["", "沪徐枫备2019-003", "枫林路街道银杏合唱队", "群众活动团队", "310104", "310104008", "2019-05-01", "", "", "", "", "", "", "", "", "文化|老年人", "退休居民合唱队，队员 32 人。", ""],
];

const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const body = "\uFEFF" + [IMPORT_COLUMNS.join(","), ...EXAMPLES.map((row) => row.map(cell).join(","))].join("\r\n") + "\r\n";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="orgs-import-template.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

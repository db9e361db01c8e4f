import { data } from "@remix-run/node";
import { health } from "#app/boot.server.ts";

export async function loader() {
  const report = await health();
  return data(report, { status: report.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

import { health } from "#app/boot.server.ts";

// A resource route: answers with a real Response (JSON), never an HTML page.
export async function loader() {
  const report = await health();
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

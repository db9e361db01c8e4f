import type { MetaFunction } from "@remix-run/node";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";

export const meta: MetaFunction = () => [{ title: "页面不存在 · 上海市社会组织服务供需对接平台" }];

export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export async function action() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = RouteErrorBoundary;

import { data } from "@remix-run/node";
import { PermissionError, ServiceError } from "#app/modules/accounts/permissions.ts";

export function invariantResponse(condition: unknown, message = "Not found", init: ResponseInit = { status: 404 }): asserts condition {
  if (!condition) throw new Response(message, init);
}

export const notFound = (message = "Not found") => new Response(message, { status: 404 });
export const forbidden = (message = "Forbidden") => new Response(message, { status: 403 });
export const badRequest = (message = "Bad request") => new Response(message, { status: 400 });

/** A failed business rule, as an action result the form can show. */
export type FormError = { formError: { key: string; vars?: Record<string, string | number>; details?: unknown } };

/**
 * Runs a service call from an action, turning expected failures into responses: permission problems become a
 * 403 page, business-rule failures become a 4xx result with a message key the form shows.
 */
export async function runService<T>(fn: () => Promise<T>) {
  try {
    return { ok: true as const, value: await fn() };
  } catch (error) {
    if (error instanceof PermissionError) throw forbidden();
    if (error instanceof ServiceError) {
      if (error.status === 404) throw notFound();
      return {
        ok: false as const,
        response: data<FormError>(
          { formError: { key: error.messageKey, vars: error.vars, details: error.details } },
          { status: error.status },
        ),
      };
    }
    throw error;
  }
}

/** For loaders: permission and not-found service errors become the matching error pages. */
export async function loadOrThrow<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof PermissionError) throw forbidden();
    if (error instanceof ServiceError) throw new Response(error.messageKey, { status: error.status });
    throw error;
  }
}

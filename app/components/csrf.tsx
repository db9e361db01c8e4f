import { Form, type FormProps } from "@remix-run/react";
import { forwardRef } from "react";
import { useCsrfToken } from "./root-data.ts";

/** The hidden CSRF field. Every form that posts includes it (AppForm does so itself). */
export function CsrfInput() {
  return <input type="hidden" name="csrf" value={useCsrfToken()} />;
}

/** Remix <Form> that always carries the CSRF token on POST. */
export const AppForm = forwardRef<HTMLFormElement, FormProps>(function AppForm({ children, method = "post", ...props }, ref) {
  return (
    <Form ref={ref} method={method} {...props}>
      {method.toLowerCase() !== "get" ? <CsrfInput /> : null}
      {children}
    </Form>
  );
});

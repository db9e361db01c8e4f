import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "app/.server/prisma/**", "data/**", "tests/.artifacts/**", ".prisma-dev/**", "screenshots/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    // Routes are thin: no database access in route modules (DESIGN.md, "Routes are thin").
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "#app/db.server.ts", message: "Call a service in app/modules instead." }] },
      ],
    },
  },
);

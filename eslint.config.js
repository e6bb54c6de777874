// Lint: ESLint's and typescript-eslint's recommended rules (syntax-based, fast), plus a few project habits.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import linli from "./scripts/lint/architecture.js";

export default tseslint.config(
  { ignores: ["node_modules/", "src/infra/generated/", "tools/", "data/", ".scratch/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // The dependency rules between layers and features (scripts/lint/architecture.js; the README's architecture section).
    files: ["src/**/*.ts", "adapters/**/*.ts"],
    plugins: { linli },
    rules: { "linli/architecture": "error" },
  },
  {
    files: ["test/**", "bench/**", "scripts/**"],
    rules: { "no-console": "off" },
  },
);

// Lint rules for the whole tree. Formatting is Prettier's job (`npm run format`); these rules catch mistakes and
// keep modules and functions small enough to read: a source file over 400 lines or a function over 80 has more than
// one job. Tests may be longer (a suite is one describe callback), but no test file runs past 700 lines.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const SIZE_LIMITS = {
    "max-lines": ["error", { max: 400, skipBlankLines: true, skipComments: true }],
    "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
};

export default tseslint.config(
    { ignores: ["dist/**", "docs/api/**", "node_modules/**", "**/node_modules/**", "examples/**/bin/**", "test/fixtures/graph-docs/**"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
            // The dynamic provider loads its implementation, and tests load programs, by a module name known at run time.
            "@typescript-eslint/no-require-imports": "off",
            "no-constant-condition": ["error", { checkLoops: false }],
        },
    },
    { files: ["provider/**/*.ts", "cli/**/*.ts", "emulator/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"], rules: SIZE_LIMITS },
    {
        files: ["test/**/*.ts"],
        rules: { "max-lines": ["error", { max: 700, skipBlankLines: true, skipComments: true }] },
    },
    { files: ["**/*.js", "**/*.mjs"], rules: { "@typescript-eslint/no-var-requires": "off" } },
);

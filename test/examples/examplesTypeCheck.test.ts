/**
 * Every Pulumi project under examples/ type-checks in strict mode against the package's published types
 * (`pulumi-entra-assignment-policy` resolves through the root node_modules self-link to dist/, so `npm run build`
 * first). A project's own tsconfig.json is used when it has one; strict and noEmit are forced either way.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const EXAMPLES = path.resolve(__dirname, "../../examples");

/** What a Pulumi TypeScript project gets when it has no tsconfig.json, as `pulumi new typescript` would write. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ["node"],
};

function exampleProjects(): string[] {
    return fs
        .readdirSync(EXAMPLES, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(EXAMPLES, entry.name, "Pulumi.yaml")))
        .map((entry) => entry.name)
        .sort();
}

function compilerInput(projectDir: string): { rootNames: string[]; options: ts.CompilerOptions } {
    const tsconfig = path.join(projectDir, "tsconfig.json");
    if (!fs.existsSync(tsconfig)) {
        return { rootNames: [path.join(projectDir, "index.ts")], options: DEFAULT_OPTIONS };
    }
    const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, "\n")) });
    assert.ok(parsed, `${tsconfig} cannot be read`);
    assert.deepEqual(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")), []);
    return { rootNames: parsed.fileNames, options: parsed.options };
}

function format(diagnostics: readonly ts.Diagnostic[]): string[] {
    return diagnostics.map((d) => {
        const where = d.file && d.start !== undefined ? `${path.relative(EXAMPLES, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : "";
        return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
}

describe("examples type-check (strict)", () => {
    const projects = exampleProjects();

    it("finds the example projects", () => {
        assert.ok(projects.length >= 4, `only ${projects.join(", ")} in ${EXAMPLES}`);
    });

    for (const name of projects) {
        it(`examples/${name}`, () => {
            const { rootNames, options } = compilerInput(path.join(EXAMPLES, name));
            const program = ts.createProgram(rootNames, { ...options, strict: true, noEmit: true });
            assert.deepEqual(format(ts.getPreEmitDiagnostics(program)), []);
        });
    }
});

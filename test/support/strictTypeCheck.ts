/**
 * Strict type-checking of a Pulumi TypeScript project the way a user's compiler sees it: the project's own
 * tsconfig.json when it has one, else what `pulumi new typescript` would give it; `strict` and `noEmit` forced.
 * `pulumi-entra-assignment-policy` resolves to the shipped declarations in dist/, so `npm run build` first.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";

/** What a Pulumi TypeScript project gets when it has no tsconfig.json. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ["node"],
};

function compilerInput(projectDir: string): { rootNames: string[]; options: ts.CompilerOptions } {
    const tsconfig = path.join(projectDir, "tsconfig.json");
    if (!fs.existsSync(tsconfig)) {
        return { rootNames: [path.join(projectDir, "index.ts")], options: DEFAULT_OPTIONS };
    }
    const parsed = ts.getParsedCommandLineOfConfigFile(
        tsconfig,
        {},
        { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, "\n")) },
    );
    assert.ok(parsed, `${tsconfig} cannot be read`);
    assert.deepEqual(
        parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
        [],
    );
    return { rootNames: parsed.fileNames, options: parsed.options };
}

/** The project's strict compile errors as `file:line message`, file relative to the project. */
export function strictTypeErrors(projectDir: string): string[] {
    const { rootNames, options } = compilerInput(projectDir);
    const program = ts.createProgram(rootNames, { ...options, strict: true, noEmit: true });
    return ts.getPreEmitDiagnostics(program).map((d) => {
        const where =
            d.file && d.start !== undefined
                ? `${path.relative(projectDir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} `
                : "";
        return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
}

const REPO = path.resolve(__dirname, "../..");

/**
 * Strict compile errors of `source` as a user's index.ts, with `pulumi-entra-assignment-policy` resolved to this
 * repository's sources (no build needed).
 */
export function sourceTypeErrors(source: string): string[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strict-type-check-"));
    try {
        fs.writeFileSync(path.join(dir, "index.ts"), source);
        fs.writeFileSync(
            path.join(dir, "tsconfig.json"),
            JSON.stringify({
                compilerOptions: {
                    target: "ES2022",
                    module: "commonjs",
                    moduleResolution: "node",
                    strict: true,
                    skipLibCheck: true,
                    types: ["node"],
                    typeRoots: [path.join(REPO, "node_modules", "@types")],
                    baseUrl: REPO,
                    paths: { "pulumi-entra-assignment-policy": ["provider/index.ts"], "@pulumi/pulumi": ["node_modules/@pulumi/pulumi"] },
                },
                files: ["index.ts"],
            }),
        );
        return strictTypeErrors(dir);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

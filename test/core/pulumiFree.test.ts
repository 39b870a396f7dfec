/**
 * The core is Pulumi-free: no module under provider/core imports `@pulumi/*` or reaches out of provider/core, so the
 * plugin, the command line and any other front door can use the model, the Graph client and the operations
 * without the dynamic provider's wrapping.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const CORE = path.join(ROOT, "provider", "core");

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return sourceFiles(full);
        return entry.name.endsWith(".ts") ? [full] : [];
    });
}

/** Every module specifier a file imports, re-exports or requires, including type-only imports. */
function importsOf(file: string): string[] {
    const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    return info.importedFiles.map((imported) => imported.fileName);
}

describe("the core's import graph", () => {
    const files = sourceFiles(CORE);

    it("finds the core's modules", () => {
        assert.ok(files.length > 40, `only ${files.length} modules under provider/core`);
    });

    it("imports nothing from Pulumi and nothing outside provider/core", () => {
        const offending = files.flatMap((file) =>
            importsOf(file)
                .filter(
                    (spec) =>
                        spec.startsWith("@pulumi/") ||
                        (spec.startsWith(".") && !path.resolve(path.dirname(file), spec).startsWith(CORE + path.sep)),
                )
                .map((spec) => `${path.relative(ROOT, file)} imports ${spec}`),
        );
        assert.deepEqual(offending, []);
    });

    it("loads without loading @pulumi/pulumi", () => {
        const script = `require("./provider/core"); process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((f) => /[\\\\/]@pulumi[\\\\/]/.test(f))));`;
        const output = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
            cwd: ROOT,
            encoding: "utf8",
        });
        assert.deepEqual(JSON.parse(output), []);
    });

    it("is what the dynamic provider's implementation builds on", () => {
        const implementation = path.join(ROOT, "provider", "dynamic", "implementation.ts");
        const coreImports = importsOf(implementation).filter((spec) => path.resolve(path.dirname(implementation), spec).startsWith(CORE));
        assert.ok(coreImports.length > 0, "provider/dynamic/implementation.ts does not import the core");
    });
});

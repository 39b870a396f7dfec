import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { describeWithCli } from "../../harness/pulumi-cli";
import { PROGRAMS } from "./outputLifecycle";

const SCHEMA = path.join(PROGRAMS, "tiny-schema.json");

/** `pulumi package gen-sdk` of the tiny schema: the engine asks the language's host to GeneratePackage into out/<language>. */
async function genSdk(language: string, out: string): Promise<string> {
    await promisify(execFile)("pulumi", ["package", "gen-sdk", SCHEMA, "--language", language, "--out", out], {
        env: { ...process.env, PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true", PULUMI_SKIP_UPDATE_CHECK: "true" },
    });
    return path.join(out, language);
}

function assertFiles(dir: string, files: string[]): void {
    for (const file of files) assert.ok(fs.existsSync(path.join(dir, file)), `${file} was not generated in ${dir}`);
}

describeWithCli("languages: pulumi package gen-sdk through our language hosts", function () {
    let out: string;

    beforeEach(() => {
        out = fs.mkdtempSync(path.join(os.tmpdir(), "gen-sdk-"));
    });
    afterEach(() => {
        fs.rmSync(out, { recursive: true, force: true });
    });

    it("nodejs: a TypeScript package with the resource's class", async () => {
        const sdk = await genSdk("nodejs", out);
        assertFiles(sdk, ["package.json", "index.ts", "provider.ts", "utilities.ts", "tsconfig.json"]);
        assert.match(fs.readFileSync(path.join(sdk, "widget.ts"), "utf8"), /export class Widget extends pulumi\.CustomResource/);
    });

    it("python: a package whose modules all compile", async () => {
        const sdk = await genSdk("python", out);
        assertFiles(sdk, ["setup.py", "pulumi_tiny/__init__.py", "pulumi_tiny/provider.py", "pulumi_tiny/_utilities.py"]);
        assert.match(fs.readFileSync(path.join(sdk, "pulumi_tiny", "widget.py"), "utf8"), /class Widget\(pulumi\.CustomResource\)/);
        execFileSync("python3", ["-m", "compileall", "-q", sdk], { stdio: "inherit" });
    });

    it("go: a package that builds against the Go SDK", async function () {
        this.timeout(10 * 60_000);
        const sdk = await genSdk("go", out);
        assertFiles(sdk, ["tiny/widget.go", "tiny/provider.go", "tiny/init.go", "tiny/internal/pulumiUtilities.go"]);
        // The SDK's module is the schema's import base; its requirements are the Go program's, already in the caches.
        const goModule = fs.readFileSync(path.join(PROGRAMS, "go", "go.mod"), "utf8");
        fs.writeFileSync(path.join(sdk, "go.mod"), goModule.replace(/^module .*$/m, "module example.com/tiny/sdk/go"));
        fs.copyFileSync(path.join(PROGRAMS, "go", "go.sum"), path.join(sdk, "go.sum"));
        execFileSync("go", ["build", "./..."], { cwd: sdk, stdio: "inherit" });
    });
});

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describeWithCli } from "../harness";
import { csharpParser, syntaxErrors } from "./csharpSyntax";
import { SCHEMA_FILE } from "./schema/packageSchema";
import { generateSdks, PULUMI_VERSION, temporaryDirectory } from "./sdkLanguage";

const ROOT = path.resolve(__dirname, "../..");
const PLUGIN_VERSION = (require("../../package.json") as { version: string }).version;

function read(file: string): string {
    return fs.readFileSync(file, "utf8");
}

describeWithCli("plugin: scripts/generate-sdks.sh, the Node.js, Python, Go and .NET SDKs from the schema", function () {
    let out = "";

    before(function () {
        this.timeout(5 * 60_000);
        out = generateSdks(temporaryDirectory("entra-sdks"));
    });
    after(() => {
        fs.rmSync(out, { recursive: true, force: true });
    });

    it("nodejs: the package the schema names, at the plugin's version, with @odata.type as odataType, and it type-checks", function () {
        this.timeout(5 * 60_000);
        const sdk = path.join(out, "nodejs");
        const manifest = JSON.parse(read(path.join(sdk, "package.json"))) as { name: string; version: string };
        assert.deepEqual([manifest.name, manifest.version], ["@pulumi-entra/entra", PLUGIN_VERSION]);
        assert.match(read(path.join(sdk, "types", "input.ts")), /^ {4}odataType: pulumi\.Input<"#microsoft\.graph\.singleUser">;$/m);
        assert.doesNotMatch(read(path.join(sdk, "types", "input.ts")), /@odata/);
        // The SDK's dependencies (@pulumi/pulumi, typescript, @types/node) are this package's own, at the tested versions.
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(sdk, "node_modules"));
        execFileSync(path.join(ROOT, "node_modules", ".bin", "tsc"), ["-p", sdk, "--noEmit"], { stdio: "pipe" });
    });

    it("python: pulumi_entra at the plugin's version, snake_case names (odata_type), on the tested pulumi, and it compiles", () => {
        const sdk = path.join(out, "python");
        const pyproject = read(path.join(sdk, "pyproject.toml"));
        assert.ok(pyproject.includes(`"pulumi>=${PULUMI_VERSION},<4.0.0"`), pyproject);
        assert.ok(pyproject.includes(`version = "${PLUGIN_VERSION}"`), pyproject);
        assert.match(read(path.join(sdk, "pulumi_entra", "_inputs.py")), /@pulumi\.getter\(name="odataType"\)\n {4}def odata_type\(self\)/);
        execFileSync("python3", ["-m", "compileall", "-q", sdk], { stdio: "pipe" });
    });

    it("go: the module the schema's import base names, with OdataType fields, and it builds", function () {
        this.timeout(10 * 60_000);
        const sdk = path.join(out, "go");
        assert.match(read(path.join(sdk, "go.mod")), /^module github\.com\/pulumi-entra\/pulumi-entra-assignment-policy\/sdk\/go$/m);
        assert.match(read(path.join(sdk, "entra", "pulumiTypes.go")), /\tOdataType string `pulumi:"odataType"`/);
        execFileSync("go", ["build", "./..."], { cwd: sdk, stdio: "pipe" });
    });

    it("dotnet: the project the schema's csharp section names, at the plugin's version, with OdataType, and every .cs file parses", async () => {
        const sdk = path.join(out, "dotnet");
        const { csharp } = (
            JSON.parse(read(SCHEMA_FILE)) as { language: { csharp: { rootNamespace: string; packageReferences: Record<string, string> } } }
        ).language;
        const project = read(path.join(sdk, `${csharp.rootNamespace}.Entra.csproj`));
        assert.ok(project.includes(`<Version>${PLUGIN_VERSION}</Version>`), project);
        assert.ok(project.includes(`<PackageReference Include="Pulumi" Version="${csharp.packageReferences.Pulumi}" />`), project);
        assert.equal(read(path.join(sdk, "version.txt")), PLUGIN_VERSION);
        const resource = read(path.join(sdk, "AccessPackageAssignmentPolicy.cs"));
        assert.match(resource, new RegExp(`^namespace ${csharp.rootNamespace}\\.Entra$`, "m"));
        assert.match(resource, /^ {4}public partial class AccessPackageAssignmentPolicy : global::Pulumi\.CustomResource$/m);
        assert.match(
            read(path.join(sdk, "Inputs", "SingleUserArgs.cs")),
            /\[Input\("odataType", required: true\)\]\n {8}public Input<string> OdataType \{ get; set; \} = null!;/,
        );
        const parser = await csharpParser();
        const sources = fs.readdirSync(sdk, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".cs"));
        assert.ok(sources.includes(path.join("Inputs", "SingleUserArgs.cs")) && sources.includes("Provider.cs"), sources.join(" "));
        assert.deepEqual(
            sources.flatMap((file) => syntaxErrors(parser, path.join(sdk, file))),
            [],
        );
    });

    it("dotnet: the syntax check finds a dropped semicolon (MISSING), an unclosed class and a mangled one (ERROR)", async () => {
        const parser = await csharpParser();
        const resource = read(path.join(out, "dotnet", "AccessPackageAssignmentPolicy.cs"));
        const errorsIn = (name: string, text: string): string => {
            const file = path.join(out, `${name}.cs`);
            fs.writeFileSync(file, text);
            return syntaxErrors(parser, file).join("\n");
        };
        assert.match(errorsIn("semicolon", resource.replace("= null!;", "= null!")), /^\S+semicolon\.cs:\d+:\d+: MISSING ;$/);
        assert.match(errorsIn("unclosed", resource.slice(0, resource.lastIndexOf("}"))), /^\S+unclosed\.cs:\d+:\d+: ERROR ERROR$/);
        assert.match(
            errorsIn("mangled", resource.replace("partial class", "partial class class")),
            /^\S+mangled\.cs:\d+:\d+: ERROR ERROR$/,
        );
    });
});

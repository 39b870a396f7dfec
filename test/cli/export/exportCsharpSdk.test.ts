/**
 * The C# program against the .NET SDK scripts/generate-sdks.sh generates from the plugin's schema. No .NET toolchain
 * exists here, so nothing compiles it: instead every Program.cs is read back through the SDK's own sources
 * (csharpReadback.ts), which holds each property, type and enum member it names to what the SDK defines, and must
 * declare exactly the data the TypeScript program declares.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Parser } from "web-tree-sitter";
import { csharpProgramFiles, runExport, type ExportedPolicy } from "../../../cli/export";
import { CSHARP_SDK_COMMAND, CSHARP_SDK_DIRECTORY, CSHARP_SDK_PROJECT, renderCsharpProgram } from "../../../cli/export/csharpProgram";
import { csharpEnumMember } from "../../../cli/export/csharpNames";
import { POLICY_TYPE, type SchemaType } from "../../../cli/export/pluginSchema";
import { startGraphEmulator } from "../../../emulator";
import { withGraphNames } from "../../../provider/plugin/wireNames";
import { csharpParser } from "../../plugin/csharpSyntax";
import { readCsharpProgram } from "./csharpReadback";
import { readDotnetSdk, type DotnetSdk } from "./dotnetSdk";
import { exportedShapes } from "./exportedShapes";
import { ExportWorkspace, seedBrownfieldTenant, tenantPolicies } from "./exportWorkspace";

const GENERATE_SDKS = path.resolve(__dirname, "../../../scripts/generate-sdks.sh");
const VERSIONS = { name: "pulumi-entra-assignment-policy", providerRange: "^1.0.0", pulumiRange: "^3" };

// Looked up rather than run: a language host started without its arguments serves until it is stopped.
const missing = ["pulumi", "pulumi-language-dotnet"].filter(
    (command) => !(process.env.PATH ?? "").split(path.delimiter).some((dir) => dir !== "" && fs.existsSync(path.join(dir, command))),
);

/** Each object type the policy's inputs reach, once. */
function objectTypes(type: SchemaType, seen = new Set<SchemaType>()): Extract<SchemaType, { kind: "object" }>[] {
    if (seen.has(type)) return [];
    seen.add(type);
    const nested = (inner: SchemaType): Extract<SchemaType, { kind: "object" }>[] => objectTypes(inner, seen);
    switch (type.kind) {
        case "object":
            return [type, ...[...type.properties.values()].flatMap((property) => nested(property.type))];
        case "array":
            return nested(type.items);
        case "union":
            return type.members.flatMap(nested);
        default:
            return [];
    }
}

describe(`export --language csharp: read back through a generated .NET SDK${missing.length ? ` (skipped: ${missing.join(", ")} not on PATH)` : ""}`, () => {
    const program = fs.mkdtempSync(path.join(os.tmpdir(), "entra-export-csharp-"));
    const shapes = exportedShapes();
    let sdk: DotnetSdk;
    let parser: Parser;
    after(() => fs.rmSync(program, { recursive: true, force: true }));

    before(async function () {
        if (missing.length > 0) {
            // As for every suite that needs the CLI: under CI a missing tool is a failure, not a skip.
            if (process.env.CI) assert.fail(`${missing.join(", ")} not on PATH`);
            this.skip();
        }
        // Into the program's directory, where the next steps generate it.
        const result = spawnSync(GENERATE_SDKS, [path.join(program, CSHARP_SDK_DIRECTORY)], { encoding: "utf8" });
        assert.equal(result.status, 0, result.stderr);
        sdk = readDotnetSdk(path.join(program, CSHARP_SDK_DIRECTORY, "dotnet"));
        parser = await csharpParser();
    });

    /** Each policy `source` declares, by the id it adopts, under Graph's names as `declared` has them. */
    function readBack(source: string): Map<unknown, unknown> {
        return new Map(readCsharpProgram(parser, source, sdk).map(({ properties }) => [properties.adopt, withGraphNames(properties)]));
    }

    it("references the SDK's project where the next steps generate it, on the Pulumi package the SDK takes", () => {
        const files = csharpProgramFiles(
            shapes.map(({ policy }) => policy),
            "exported",
            VERSIONS,
        );
        assert.ok(fs.existsSync(path.join(program, CSHARP_SDK_PROJECT)), `${CSHARP_SDK_PROJECT} is not where gen-sdk wrote the SDK`);
        assert.ok(files["exported.csproj"].includes(`<ProjectReference Include="${CSHARP_SDK_PROJECT}" />`));
        assert.match(CSHARP_SDK_COMMAND, new RegExp(`--language dotnet --out ${CSHARP_SDK_DIRECTORY}$`));
        const sdkPulumi = /<PackageReference Include="Pulumi" Version="([^"]+)" \/>/.exec(
            fs.readFileSync(path.join(program, CSHARP_SDK_PROJECT), "utf8"),
        );
        assert.ok(sdkPulumi && files["exported.csproj"].includes(sdkPulumi[0]), "the program and the SDK reference the same Pulumi");
        assert.match(files["Pulumi.yaml"], /^runtime: dotnet$/m);
    });

    it("declares exactly the TypeScript program's inputs for every shape, in names and types the SDK defines", () => {
        const declared = readBack(renderCsharpProgram(shapes.map(({ policy }) => policy)));
        assert.equal(declared.size, shapes.length);
        for (const { shape, policy } of shapes) {
            assert.deepEqual(declared.get(policy.id), policy.declared, shape);
        }
    });

    it("declares an empty list empty, as an array the SDK's InputList takes", () => {
        const { policy } = shapes[0];
        const emptied: ExportedPolicy = { ...policy, declared: { ...policy.declared, customExtensionStageSettings: [], questions: [] } };
        const source = renderCsharpProgram([emptied]);
        assert.match(source, /^ {8}CustomExtensionStageSettings = new Entra\.Inputs\.CustomExtensionStageSettingArgs\[\] \{ \},$/m);
        assert.deepEqual(readBack(source).get(policy.id), emptied.declared);
    });

    it("exports a tenant to a project whose printed next steps generate the SDK where its project file references it", async () => {
        const emulator = await startGraphEmulator();
        const workspace = new ExportWorkspace();
        try {
            await seedBrownfieldTenant(emulator);
            const directory = workspace.programDir("csharp-tenant");
            const printed = { stdout: "", stderr: "" };
            const status = await runExport(["--all", "--language", "csharp", "--out", directory], {
                env: { ENTRA_GRAPH_ENDPOINT: emulator.url, ENTRA_GRAPH_TOKEN: emulator.token },
                cwd: process.cwd(),
                stdout: (text) => (printed.stdout += text),
                stderr: (text) => (printed.stderr += text),
            });
            assert.equal(status, 0, printed.stderr);
            assert.deepEqual(fs.readdirSync(directory).sort(), ["Program.cs", "Pulumi.yaml", "csharp-tenant.csproj", "package.json"]);
            const generate = /&& npm install && (pulumi package gen-sdk [^&]+) && pulumi stack init && pulumi up\n/.exec(printed.stdout);
            assert.ok(generate, printed.stdout);
            // What `npm install` would put there: this package, whose schema the command reads.
            workspace.linkNodeModules(directory);
            const [command, ...args] = generate[1].split(" ");
            const result = spawnSync(command, args, { cwd: directory, encoding: "utf8" });
            assert.equal(result.status, 0, result.stderr);
            assert.ok(fs.existsSync(path.join(directory, CSHARP_SDK_PROJECT)));
            const source = fs.readFileSync(path.join(directory, "Program.cs"), "utf8");
            const adopted = readCsharpProgram(parser, source, readDotnetSdk(path.join(directory, CSHARP_SDK_DIRECTORY, "dotnet")));
            assert.deepEqual(new Set(adopted.map(({ properties }) => properties.adopt)), new Set((await tenantPolicies(emulator)).keys()));
        } finally {
            workspace.dispose();
            await emulator.close();
        }
    });

    it("names every property and enum member of the schema as the SDK does", () => {
        for (const type of objectTypes(POLICY_TYPE)) {
            const className = type.name === "AccessPackageAssignmentPolicy" ? "AccessPackageAssignmentPolicyArgs" : `${type.name}Args`;
            const properties = sdk.classes.get(className);
            assert.ok(properties, `the SDK has no ${className}`);
            for (const [name, property] of type.properties) {
                assert.equal(properties.get(property.csharp)?.wireName, name, `${className}.${property.csharp}`);
            }
            for (const { type: enumType } of [...type.properties.values()].flatMap((p) => [
                p,
                ...(p.type.kind === "array" ? [{ type: p.type.items }] : []),
            ])) {
                if (enumType.kind !== "enum") continue;
                for (const [value, name] of enumType.names) {
                    assert.equal(sdk.enums.get(enumType.name)?.get(csharpEnumMember(name, enumType.name).replace(/^@/, "")), value);
                }
            }
        }
    });
});

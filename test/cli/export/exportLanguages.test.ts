/**
 * `export --language`: each language's program for the policy shapes the TypeScript export is proved on. YAML is
 * read back and must declare exactly what the TypeScript program declares; Python must compile; Go must be gofmt's;
 * C# must parse (exportCsharpSdk.test.ts reads it back through the generated .NET SDK).
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    parseExportArguments,
    renderCsharpProgram,
    renderGoProgram,
    renderIndex,
    renderPythonProgram,
    renderYamlProgram,
    USAGE,
    UsageError,
} from "../../../cli/export";
import { withGraphNames } from "../../../provider/plugin/wireNames";
import { USER_ID } from "../../support/policies";
import { csharpParser, syntaxErrors } from "../../plugin/csharpSyntax";
import { exportedShapes } from "./exportedShapes";

const jsYaml = require("js-yaml") as { load(text: string): unknown };

interface YamlProgram {
    name: string;
    runtime: string;
    plugins: { providers: { name: string; path: string }[] };
    variables: Record<string, string>;
    resources: Record<string, { type: string; properties: Record<string, unknown> }>;
}

/** `value` with Pulumi YAML's interpolation undone: `${name}` is the variable, `$$` is `$`. */
function interpolated(value: unknown, variables: Record<string, string>): unknown {
    if (typeof value === "string") {
        return value.replace(/\$\$|\$\{([A-Za-z0-9_]+)\}/g, (match, name?: string) => (name === undefined ? "$" : variables[name]));
    }
    if (Array.isArray(value)) {
        return value.map((element) => interpolated(element, variables));
    }
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, element]) => [key, interpolated(element, variables)]));
    }
    return value;
}

function tempFile(name: string, content: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entra-export-lang-"));
    fs.writeFileSync(path.join(dir, name), content);
    return dir;
}

function toolAvailable(command: string): boolean {
    return spawnSync(command, ["--help"], { stdio: "ignore" }).error === undefined;
}

describe("export --language: programs in YAML, Python, Go and C# (in process)", () => {
    const exported = exportedShapes().map(({ policy }) => policy);
    const dirs: string[] = [];
    after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

    it("YAML: reads back as one plugin resource per policy declaring exactly the TypeScript program's inputs", () => {
        const program = jsYaml.load(renderYamlProgram(exported, "exported")) as YamlProgram;
        assert.equal(program.runtime, "yaml");
        assert.deepEqual(program.plugins.providers, [{ name: "entra", path: "./node_modules/.bin" }]);
        const resources = Object.values(program.resources);
        assert.equal(resources.length, exported.length);
        assert.ok(resources.every((resource) => resource.type === "entra:index:AccessPackageAssignmentPolicy"));
        const byId = new Map(
            // With Graph's names back (the schema says `odataType` for `@odata.type`), as the plugin reads them.
            resources.map((resource) => [resource.properties.adopt, withGraphNames(interpolated(resource.properties, program.variables))]),
        );
        for (const policy of exported) {
            assert.deepEqual(byId.get(policy.id), policy.declared, policy.inputs.displayName);
        }
        // Repeated ids are variables, not repeated GUIDs.
        assert.ok(Object.keys(program.variables).length >= 2);
        assert.ok(Object.values(program.resources).every((resource) => /^\$\{\w+\}$/.test(String(resource.properties.accessPackageId))));
    });

    it("Python: compiles, with the SDK's keyword names and Args classes", function () {
        if (!toolAvailable("python3")) this.skip();
        const source = renderPythonProgram(exported);
        const dir = tempFile("__main__.py", source);
        dirs.push(dir);
        const result = spawnSync("python3", ["-m", "py_compile", path.join(dir, "__main__.py")], { encoding: "utf8" });
        assert.equal(result.status, 0, result.stderr);
        assert.match(source, /^import pulumi_entra as entra$/m);
        assert.match(source, /^ {4}access_package_id=ACCESS_PACKAGE_PACKAGE\d,$/m);
        assert.match(source, /\bodata_type="#microsoft\.graph\.singleUser",/);
        assert.match(source, /requestor_settings=entra\.RequestorSettingsArgs\(/);
    });

    it("Go: is already gofmt's layout (exportGoVet.test.ts vets it on the generated SDK)", function () {
        if (!toolAvailable("gofmt")) this.skip();
        const source = renderGoProgram(exported);
        const dir = tempFile("main.go", source);
        dirs.push(dir);
        const result = spawnSync("gofmt", ["-l", dir], { encoding: "utf8" });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, "");
        assert.match(source, /AllowedTargetScope: +entra\.AllowedTargetScope\("/);
        assert.match(source, /OdataType: +pulumi\.String\("#microsoft\.graph\.singleUser"\)/);
    });

    it("C#: Program.cs parses with no ERROR or MISSING node, for each shape and for all of them together", async () => {
        const parser = await csharpParser();
        const shapes = exportedShapes();
        for (const [title, policies] of [
            ["all shapes", shapes.map(({ policy }) => policy)],
            ...shapes.map(({ shape, policy }) => [shape, [policy]] as const),
        ] as const) {
            const dir = tempFile("Program.cs", renderCsharpProgram(policies));
            dirs.push(dir);
            assert.deepEqual(syntaxErrors(parser, path.join(dir, "Program.cs")), [], title);
        }
    });

    it("C#: declares the TypeScript program's values in the SDK's spelling", () => {
        const [csharp, typescript] = [renderCsharpProgram(exported), renderIndex(exported)];
        // The same id constant, holding the same id, for the same property.
        const constant = /^const string (AccessPackagePackage\d) = "([0-9a-f-]{36})";$/m.exec(csharp);
        const tsConstant = new RegExp(`^const (accessPackagePackage\\d) = "${constant?.[2]}";`, "m").exec(typescript);
        assert.ok(constant && tsConstant && constant[1] === tsConstant[1].replace(/^a/, "A"), "the access package constant");
        assert.match(csharp, new RegExp(`^ {8}AccessPackageId = ${constant[1]},$`, "m"));
        for (const [ts, cs] of [
            [/allowedTargetScope: "allMemberUsers"/, /^ {8}AllowedTargetScope = Entra\.AllowedTargetScope\.AllMemberUsers,$/m],
            [/enableTargetsToSelfAddAccess: true/, /^ {12}EnableTargetsToSelfAddAccess = true,$/m],
            [/stage: "assignmentRequestCreated"/, /^ {16}Stage = Entra\.AccessPackageCustomExtensionStage\.AssignmentRequestCreated,$/m],
            // A list of subject sets, and a question with its localizations.
            [
                /primaryApprovers: \[\s*\{\s*"@odata\.type": "#microsoft\.graph\.singleUser"/,
                /PrimaryApprovers = new object\[\]\s*\{\s*new Entra\.Inputs\.SingleUserArgs\s*\{\s*OdataType = "#microsoft\.graph\.singleUser",/,
            ],
            [
                /localizations: \[\s*\{\s*languageCode: "fr-CA",\s*text: "Que fais-tu comme travail\?"/,
                /Localizations =\s*\{\s*new Entra\.Inputs\.LocalizedTextArgs\s*\{\s*LanguageCode = "fr-CA",\s*Text = "Que fais-tu comme travail\?",/,
            ],
        ] as const) {
            assert.match(typescript, ts);
            assert.match(csharp, cs);
        }
        assert.ok(csharp.includes(`"${USER_ID}"`) && typescript.includes(`"${USER_ID}"`));
        // Graph's text cannot end a literal or a line: C# reads U+0085, U+2028 and U+2029 as line ends.
        assert.doesNotMatch(csharp, /[\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
        assert.match(
            csharp,
            /^ {8}DisplayName = "Ünïcödé \\"quoted\\" \\\\ back`tick` \$\{x\} \*\/ \/\/ \\n new line \\u2028 sep \\u202e bidi 😀",$/m,
        );
    });

    it("--language picks the language, refuses others, and --help documents it", () => {
        assert.equal((parseExportArguments(["--all", "--language", "go"]) as { language?: string }).language, "go");
        assert.equal((parseExportArguments(["--all", "--language=yaml"]) as { language?: string }).language, "yaml");
        assert.throws(() => parseExportArguments(["--all", "--language", "rust"]), UsageError);
        assert.match(USAGE, /--language <language>/);
        for (const language of ["typescript", "yaml", "python", "go", "csharp"]) {
            assert.match(USAGE, new RegExp(`^ +${language} `, "m"));
        }
    });
});

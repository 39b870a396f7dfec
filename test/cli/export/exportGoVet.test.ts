/**
 * The Go program against a Go SDK generated from the plugin's schema. Pulumi's Go generator cannot name the schema's
 * `@odata.type` properties (it has no per-property name override and emits `_@odata.type`), so the SDK is generated
 * from the schema with that one property renamed to `odataType`: the `OdataType` field the export writes. Everything
 * else (Args types, typed arrays, enums, unions) is the generator's own, and `go vet` type-checks the program on it.
 * The schema has no `language.go` yet; the import path is the one the export assumes.
 */
import * as assert from "node:assert/strict";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as Graph from "@microsoft/microsoft-graph-types";
import { exportedPolicy, goProgramFiles } from "../../../cli/export";
import { GO_SDK_MODULE, GO_SDK_PACKAGE } from "../../../cli/export/goProgram";
import { checkPolicy, toGraphBody, type CanonicalPolicy } from "../../../provider/core/model";
import { graphEcho } from "../../support/fakes/graphEcho";
import { EXTENSION_ID, PACKAGE_ID } from "../../support/policies";
import { policyShapes } from "./policyShapes";

const SCHEMA = path.resolve(__dirname, "../../../provider/plugin/schema.json");
const TENANT = {
    accessPackageId: PACKAGE_ID,
    secondAccessPackageId: "5e0a5d04-6b8a-4b55-9d42-1d7d0a3c9f10",
    requestExtensionId: EXTENSION_ID,
    assignmentExtensionId: "d1c0a7e2-2f4b-4c59-8a61-7b0e5f3a9c22",
};

function storedInGraph(body: Record<string, unknown>, index: number): Graph.AccessPackageAssignmentPolicy {
    const { accessPackage, ...rest } = body;
    const { inputs } = checkPolicy({}, { ...rest, accessPackageId: (accessPackage as { id: string }).id });
    return { ...graphEcho(toGraphBody(inputs as CanonicalPolicy)), id: `0000000${index}-aaaa-4bbb-8ccc-dddddddddddd` };
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
    const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, GOFLAGS: "-mod=mod" } });
    assert.equal(result.status, 0, `${command} ${args.join(" ")}:\n${result.stdout}${result.stderr}`);
    return result;
}

// Looked up rather than run: a language host started without its arguments serves until it is stopped.
const missing = ["go", "pulumi", "pulumi-language-go"].filter(
    (command) => !(process.env.PATH ?? "").split(path.delimiter).some((dir) => dir !== "" && fs.existsSync(path.join(dir, command))),
);

describe(`export --language go: go vet on a generated SDK${missing.length ? ` (skipped: ${missing.join(", ")} not on PATH)` : ""}`, () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "entra-export-go-"));
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it("type-checks the program of every policy shape", function () {
        if (missing.length > 0) this.skip();
        const schema = path.join(root, "schema.json");
        const renamed = JSON.parse(fs.readFileSync(SCHEMA, "utf8").replaceAll('"@odata.type"', '"odataType"')) as object;
        fs.writeFileSync(schema, JSON.stringify({ ...renamed, language: { go: { importBasePath: GO_SDK_PACKAGE } } }));
        run("pulumi", ["package", "gen-sdk", schema, "--language", "go", "-o", path.join(root, "sdk")], root);
        const pulumiVersion = run("pulumi", ["version"], root).stdout.trim();
        fs.writeFileSync(
            path.join(root, "sdk", "go.mod"),
            `module ${GO_SDK_MODULE}\n\ngo 1.21\n\nrequire github.com/pulumi/pulumi/sdk/v3 ${pulumiVersion}\n`,
        );

        const program = path.join(root, "program");
        fs.mkdirSync(program);
        const policies = policyShapes(TENANT).map((shape, i) => exportedPolicy(storedInGraph(shape.body, i)));
        const files = goProgramFiles(policies, "exported", {
            name: "pulumi-entra-assignment-policy",
            providerRange: "^1.0.0",
            pulumiRange: "^3",
        });
        fs.writeFileSync(path.join(program, "main.go"), files["main.go"]);
        fs.writeFileSync(path.join(program, "go.mod"), `${files["go.mod"]}\nreplace ${GO_SDK_MODULE} => ${path.join(root, "sdk")}\n`);
        run("go", ["mod", "tidy"], program);
        run("go", ["vet", "./..."], program);
    });
});

/**
 * The Go program against the Go SDK scripts/generate-sdks.sh generates from the plugin's schema (Args types, typed
 * arrays, enums, unions, `OdataType` for `@odata.type`): `go vet` type-checks the program on it.
 */
import * as assert from "node:assert/strict";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { goProgramFiles } from "../../../cli/export";
import { GO_SDK_MODULE } from "../../../cli/export/goProgram";
import { exportedShapes } from "./exportedShapes";

const GENERATE_SDKS = path.resolve(__dirname, "../../../scripts/generate-sdks.sh");
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
        if (missing.length > 0) {
            // As for every suite that needs the CLI: under CI a missing tool is a failure, not a skip.
            if (process.env.CI) assert.fail(`${missing.join(", ")} not on PATH`);
            this.skip();
        }
        run(GENERATE_SDKS, [path.join(root, "sdk")], root);

        const program = path.join(root, "program");
        fs.mkdirSync(program);
        const policies = exportedShapes().map(({ policy }) => policy);
        const files = goProgramFiles(policies, "exported", {
            name: "pulumi-entra-assignment-policy",
            providerRange: "^1.0.0",
            pulumiRange: "^3",
        });
        fs.writeFileSync(path.join(program, "main.go"), files["main.go"]);
        fs.writeFileSync(path.join(program, "go.mod"), `${files["go.mod"]}\nreplace ${GO_SDK_MODULE} => ${path.join(root, "sdk", "go")}\n`);
        run("go", ["mod", "tidy"], program);
        run("go", ["vet", "./..."], program);
    });
});

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { COMMANDS } from "../../../cli/commands";
import { runCli, type CliOutput } from "../../../cli/runCli";
import { REPO_ROOT } from "./npmPack";

/** Runs the dispatcher in process and collects what it writes. */
async function run(...argv: string[]): Promise<{ outcome: Awaited<ReturnType<typeof runCli>>; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const output: CliOutput = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
    const outcome = await runCli(argv, output);
    return { outcome, stdout, stderr };
}

describe("pulumi-entra-assignment-policy CLI dispatcher", () => {
    it("lists every command with its synopsis on --help, -h and help, exiting 0", async () => {
        for (const flag of ["--help", "-h", "help"]) {
            const { outcome, stdout, stderr } = await run(flag);
            assert.equal(outcome, 0);
            assert.equal(stderr, "");
            for (const [name, command] of Object.entries(COMMANDS))
                assert.ok(stdout.includes(`pulumi-entra-assignment-policy ${name} ${command.synopsis}`), `${name} missing from help`);
        }
    });

    it("answers --help and -h after every command with its usage on stdout, exit 0, starting nothing", async () => {
        for (const name of Object.keys(COMMANDS)) {
            for (const flag of ["--help", "-h"]) {
                const { outcome, stdout, stderr } = await run(name, flag);
                assert.equal(outcome, 0, `${name} ${flag}`);
                assert.equal(stderr, "", `${name} ${flag}`);
                assert.match(stdout, /^Usage: /, `${name} ${flag}`);
                assert.ok(!stdout.includes("listening on"), `${name} ${flag} started the emulator`);
            }
        }
    });

    it("prints the package version on --version", async () => {
        const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
        assert.deepEqual(await run("--version"), { outcome: 0, stdout: `${version}\n`, stderr: "" });
    });

    it("answers a missing or unknown command with usage on stderr and exit code 2", async () => {
        const missing = await run();
        assert.equal(missing.outcome, 2);
        assert.match(missing.stderr, /^Usage: pulumi-entra-assignment-policy <command>/);
        const unknown = await run("import", "--all");
        assert.equal(unknown.outcome, 2);
        assert.match(unknown.stderr, /unknown command 'import'/);
        assert.equal(unknown.stdout, "");
    });

    it("reports a command's error as one line on stderr with exit code 1, before the emulator binds a port", async () => {
        const { outcome, stderr } = await run("emulator", "--port", "99999");
        assert.equal(outcome, 1);
        assert.equal(stderr, "pulumi-entra-assignment-policy emulator: --port must be an integer 0..65535, got '99999'.\n");
        const unknownOption = await run("emulator", "--colour");
        assert.equal(unknownOption.outcome, 1);
        assert.match(unknownOption.stderr, /^pulumi-entra-assignment-policy emulator: .*--colour/);
    });
});

/**
 * Brownfield adoption in Pulumi YAML: `export --language yaml` of a tenant configured before Pulumi, run through the
 * real CLI with the `entra` plugin against the same tenant. The first up adopts every policy with one PUT and creates
 * nothing; the preview after it has no changes.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { runExport } from "../../../cli/export";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import { PulumiCli } from "../../harness";
import { describeWithYaml, pluginDirectory } from "../../plugin/pluginProject";
import { emulatorStackConfig } from "../../support/emulatorStackConfig";
import { ExportWorkspace, seedBrownfieldTenant, tenantPolicies } from "./exportWorkspace";

const TOKEN = "entra:index:AccessPackageAssignmentPolicy";
const WRITES = /^(POST|PUT|PATCH|DELETE) /;

/** The planned operation of each policy resource in `pulumi preview --json --show-sames`. */
async function plannedOps(cli: PulumiCli): Promise<string[]> {
    const plan = (await cli.preview()) as { steps?: { urn: string; op: string }[] };
    return (plan.steps ?? []).filter((step) => step.urn.includes(`::${TOKEN}::`)).map((step) => step.op);
}

async function graphWrites(emulator: RunningGraphEmulator): Promise<string[]> {
    return (await emulator.admin.requests())
        .map((entry) => `${entry.method} ${entry.route ?? entry.path}`)
        .filter((call) => WRITES.test(call));
}

describeWithYaml("adoption in Pulumi YAML: export --language yaml, then up through the real CLI with the plugin", function () {
    let emulator: RunningGraphEmulator;
    let cli: PulumiCli | undefined;
    let original: Map<string, unknown>;
    const workspace = new ExportWorkspace();
    const pluginDir = pluginDirectory();
    const programDir = workspace.programDir("yaml-tenant");

    before(async () => {
        emulator = await startGraphEmulator();
        await seedBrownfieldTenant(emulator);
        original = await tenantPolicies(emulator);
    });
    after(async () => {
        await cli?.dispose();
        await emulator?.close();
        workspace.dispose();
        fs.rmSync(pluginDir, { recursive: true, force: true });
    });

    it("writes Pulumi.yaml and the plugin's package.json", async () => {
        const printed = { stdout: "", stderr: "" };
        const status = await runExport(["--all", "--language", "yaml", "--out", programDir], {
            env: { ENTRA_GRAPH_ENDPOINT: emulator.url, ENTRA_GRAPH_TOKEN: emulator.token },
            cwd: process.cwd(),
            stdout: (text) => (printed.stdout += text),
            stderr: (text) => (printed.stderr += text),
        });
        assert.equal(status, 0, printed.stderr);
        assert.match(printed.stdout, /Next: cd .* && npm install && pulumi stack init && pulumi up/);
        assert.deepEqual(fs.readdirSync(programDir).sort(), ["Pulumi.yaml", "package.json"]);
        // What `npm install` would put there: the plugin's launcher.
        fs.mkdirSync(path.join(programDir, "node_modules"));
        fs.symlinkSync(pluginDir, path.join(programDir, "node_modules", ".bin"), "dir");
    });

    it("first up adopts each policy with one PUT and leaves it as it was; the next preview has no changes", async () => {
        cli = await PulumiCli.create({ projectDir: programDir, config: emulatorStackConfig(emulator) });
        await emulator.admin.resetLog();
        await cli.up();
        const writes = await graphWrites(emulator);
        assert.equal(writes.length, original.size, writes.join("\n"));
        assert.ok(
            writes.every((call) => call.startsWith("PUT ")),
            writes.join("\n"),
        );
        assert.deepEqual(await tenantPolicies(emulator), original);

        await emulator.admin.resetLog();
        const ops = await plannedOps(cli);
        assert.equal(ops.length, original.size);
        assert.deepEqual(new Set(ops), new Set(["same"]));
        assert.deepEqual(await graphWrites(emulator), []);
    });
});

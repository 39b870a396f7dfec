import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { describeWithCli, PulumiCli } from "../harness";
import { emulatorStackConfig } from "../support/emulatorStackConfig";

const PROJECT = path.join(__dirname, "project");
/** The ready-to-use pack the package ships. */
const POLICY_PACK = path.join(__dirname, "..", "..", "policy-pack");

// The policy pack runs in the real engine through the language host's RunPlugin; no mocks anywhere.
describeWithCli("governance: pulumi preview --policy-pack through the real CLI", function () {
    let emulator: RunningGraphEmulator | undefined;
    let cli: PulumiCli | undefined;

    before(async function () {
        emulator = await startGraphEmulator();
        const catalog = await emulator.admin.seed("catalogs", { displayName: "governance" });
        const accessPackage = await emulator.admin.seed("accessPackages", {
            displayName: "governance-package",
            catalog: { id: catalog.id },
        });
        cli = await PulumiCli.create({
            projectDir: PROJECT,
            config: { ...emulatorStackConfig(emulator), "governance:accessPackageId": accessPackage.id },
        });
    });
    beforeEach(() => emulator?.admin.resetLog());
    after(async () => {
        await cli?.dispose();
        await emulator?.close();
    });

    it("blocks the external policy that never expires and is never reviewed, naming rule ids and property paths, with no Graph request", async () => {
        await cli!.setConfig({ "governance:variant": "violating" });
        const preview = await cli!.tryPreview(["--policy-pack", POLICY_PACK]);
        assert.notEqual(preview.code, 0, preview.stdout);
        for (const [ruleId, property] of [
            ["external-expiration", "expiration.type"],
            ["external-access-reviews", "reviewSettings.isEnabled"],
            ["never-expiring-members-only", "expiration.type"],
        ]) {
            assert.match(
                preview.stdout,
                new RegExp(`\\[mandatory\\] \\[severity: high\\]\\s+${ruleId}\\s[^\\n]*AccessPackageAssignmentPolicy: partners`),
            );
            assert.match(preview.stdout, new RegExp(`^\\s+${property.replace(".", "\\.")}: `, "m"));
        }
        assert.deepEqual(await emulator!.admin.requests(), []);
    });

    it("passes the compliant policy, with no Graph request", async () => {
        await cli!.setConfig({ "governance:variant": "compliant" });
        const preview = await cli!.tryPreview(["--policy-pack", POLICY_PACK]);
        assert.equal(preview.code, 0, preview.stdout + preview.stderr);
        assert.match(preview.stdout, /✅ entra-assignment-policy-governance@v0\.1\.0/);
        assert.deepEqual(await emulator!.admin.requests(), []);
    });

    it("takes thresholds and enforcement levels from --policy-pack-config", async () => {
        await cli!.setConfig({ "governance:variant": "compliant" });
        const config = path.join(os.tmpdir(), `governance-config-${process.pid}.json`);
        const write = (external: object) => fs.writeFileSync(config, JSON.stringify({ "external-expiration": external }));
        try {
            write({ maxExternalAssignmentDays: 90 });
            const blocked = await cli!.tryPreview(["--policy-pack", POLICY_PACK, "--policy-pack-config", config]);
            assert.notEqual(blocked.code, 0, blocked.stdout);
            assert.match(
                blocked.stdout,
                /\[mandatory\][^\n]*external-expiration[\s\S]*expiration\.duration: assignments last P180D; the limit is 90 days/,
            );

            write({ maxExternalAssignmentDays: 90, enforcementLevel: "advisory" });
            const warned = await cli!.tryPreview(["--policy-pack", POLICY_PACK, "--policy-pack-config", config]);
            assert.equal(warned.code, 0, warned.stdout + warned.stderr);
            assert.match(warned.stdout, /\[advisory\][^\n]*external-expiration/);
        } finally {
            fs.rmSync(config, { force: true });
        }
    });

    it("reports a pack whose dependencies are not installed the way the engine words it", async () => {
        // Outside the repository no node_modules holds @pulumi/pulumi/cmd/run-policy-pack.
        const bare = fs.mkdtempSync(path.join(os.tmpdir(), "governance-pack-"));
        fs.cpSync(POLICY_PACK, bare, { recursive: true });
        try {
            const preview = await cli!.tryPreview(["--policy-pack", bare]);
            assert.notEqual(preview.code, 0);
            assert.match(preview.stderr, /the policy pack's dependencies are not installed; try running npm install or yarn install in/);
        } finally {
            fs.rmSync(bare, { recursive: true, force: true });
        }
    });
});

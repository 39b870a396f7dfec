import assert from "node:assert/strict";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import { describeWithCli } from "../../harness";
import { cliDriver, harnessDriver, type LifecycleDriver } from "./lifecycleDrivers";
import { graphCalls } from "./lifecycleStack";

/** What one step of the scenario left behind: the preview's plan or Graph's request log, and the policy in state. */
interface StepRecord {
    step: string;
    planned?: string[];
    calls: string[];
    policy?: Record<string, unknown>;
}

/** Outputs with what differs between two tenants by nature (ids and timestamps) replaced by what it stands for. */
function comparable(outputs: Record<string, unknown>, ids: Map<string, string>): Record<string, unknown> {
    const named = (value: unknown): unknown => {
        if (typeof value !== "string") return value;
        if (!ids.has(value)) ids.set(value, `<id ${ids.size + 1}>`);
        return ids.get(value);
    };
    const { createdDateTime, modifiedDateTime, ...rest } = outputs;
    return {
        ...rest,
        id: named(rest.id),
        accessPackageId: named(rest.accessPackageId),
        catalogId: named(rest.catalogId),
        createdDateTime: typeof createdDateTime,
        modifiedDateTime: typeof modifiedDateTime,
    };
}

/**
 * One scenario from a first preview to destroy, through the driver: every step that can touch Graph, with drift
 * and an out-of-band delete made through the emulator's admin API in between.
 */
async function runScenario(emulator: RunningGraphEmulator, driver: LifecycleDriver): Promise<StepRecord[]> {
    const records: StepRecord[] = [];
    const ids = new Map<string, string>();
    const record = async (step: string, action: () => Promise<string[] | void>): Promise<void> => {
        await emulator.admin.resetLog();
        const planned = await action();
        const policy = await driver.policy();
        records.push({
            step,
            ...(planned ? { planned } : {}),
            calls: await graphCalls(emulator),
            ...(policy ? { policy: comparable(policy.outputs, ids) } : {}),
        });
    };
    const policyId = async () => (await driver.policy())!.id;

    await record("preview of a new stack", () => driver.previewPolicyOps());
    await record("up", () => driver.up());
    await record("no-op up", () => driver.up());
    await record("preview after up", () => driver.previewPolicyOps());
    await driver.setConfig({ description: "Changed by the program" });
    await record("preview of an update", () => driver.previewPolicyOps());
    await record("update", () => driver.up());
    await emulator.admin.modify("assignmentPolicies", await policyId(), { description: "Changed in the portal" });
    await record("refresh with drift", () => driver.refresh());
    await record("up reverting drift", () => driver.up());
    await emulator.admin.remove("assignmentPolicies", await policyId());
    await record("refresh after an out-of-band delete", () => driver.refresh());
    await record("up recreating it", () => driver.up());
    await driver.moveToPackage("differential-package-2");
    await record("preview of a replace", () => driver.previewPolicyOps());
    await record("replace", () => driver.up());
    await record("destroy", () => driver.destroy());
    return records;
}

describeWithCli("differential: one scenario through the engine harness and through the real pulumi CLI", function () {
    it("sends Graph the same requests and keeps the same outputs at every step", async function () {
        // Sixteen engine operations on each engine, each starting Node.js programs and provider hosts.
        this.timeout(15 * 60_000);
        const results: StepRecord[][] = [];
        for (const makeDriver of [harnessDriver, cliDriver]) {
            const emulator = await startGraphEmulator();
            const driver = await makeDriver(emulator, "differential-package");
            try {
                results.push(await runScenario(emulator, driver));
            } finally {
                await driver.dispose();
                await emulator.close();
            }
        }
        const [harness, cli] = results;
        for (let i = 0; i < Math.max(harness.length, cli.length); i++) {
            assert.deepEqual(cli[i], harness[i], `step "${harness[i]?.step ?? cli[i]?.step}": the real CLI and the harness differ`);
        }
        // The comparison means something only if the scenario did what it says.
        const byStep = new Map(harness.map((r) => [r.step, r]));
        assert.deepEqual(byStep.get("preview of a new stack")?.planned, ["create"]);
        assert.deepEqual(byStep.get("preview of a new stack")?.calls, []);
        assert.deepEqual(
            byStep.get("no-op up")?.calls.filter((c) => !c.startsWith("GET ")),
            [],
        );
        assert.deepEqual(byStep.get("preview of an update")?.planned, ["update"]);
        assert.equal(byStep.get("refresh with drift")?.policy?.description, "Changed in the portal");
        assert.equal(byStep.get("refresh after an out-of-band delete")?.policy, undefined);
        assert.deepEqual(byStep.get("preview of a replace")?.planned, ["replace"]);
        assert.equal(byStep.get("destroy")?.policy, undefined);
    });
});

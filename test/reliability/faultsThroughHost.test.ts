/**
 * Representative faults end to end: program → engine harness → real dynamic-provider host → emulator. What matters
 * here beyond the in-process tests is what the engine keeps in state when an operation fails half-way.
 */
import * as assert from "node:assert/strict";
import { startGraphEmulator, type RunningGraphEmulator } from "../../emulator";
import { EngineError } from "../harness";
import { minimalInputs, newAccessPackage } from "../support/providerOnEmulator";
import { assertTenantHolds, policyTraffic, POLICY_COLLECTION, POLICY_ITEM } from "./faultSuite";
import { declarePolicies, policyStack, policyUrn, type PolicyStack } from "./policyStack";

describe("reliability: faults through the dynamic-provider host", function () {
    let emulator: RunningGraphEmulator;
    let accessPackageId: string;
    const stacks: PolicyStack[] = [];
    const stackOf = (...args: Parameters<typeof policyStack>): PolicyStack => {
        const stack = policyStack(...args);
        stacks.push(stack);
        return stack;
    };

    before(async () => {
        emulator = await startGraphEmulator();
    });
    after(async () => {
        stacks.forEach((stack) => stack.dispose());
        await emulator?.close();
    });
    beforeEach(async () => {
        await emulator.admin.clearFaults();
        await emulator.admin.reset();
        accessPackageId = await newAccessPackage(emulator, "through the host");
        await emulator.admin.resetLog();
    });

    it("a create whose read-back fails past the deadline keeps the id in state; later runs update and delete that policy", async () => {
        // The POST's answer is lost, so the policy is found by lookup and must be read back, which lags past the deadline.
        await emulator.admin.addFault({ kind: "drop", phase: "afterApply", method: "POST", pathRegex: POLICY_COLLECTION, times: 1 });
        await emulator.admin.addFault({ kind: "readAfterWriteLag", pathRegex: POLICY_COLLECTION, requests: 100_000 });
        const { engine } = stackOf(emulator, [{ name: "lagging", args: minimalInputs(accessPackageId, "Lagging") }]);
        engine.config["entra:operationTimeout"] = "1";
        const failed = await engine.up().then(() => assert.fail("up should fail"), (error: unknown) => error);
        assert.ok(failed instanceof EngineError);
        assert.match(failed.message, /created access package assignment policy "Lagging" \(.+\) but could not read it back/);
        const [stored] = await emulator.admin.policies();
        const kept = engine.state.get(policyUrn("lagging"));
        assert.equal(kept?.id, stored.id, "state keeps the created policy's id");

        await emulator.admin.clearFaults();
        delete engine.config["entra:operationTimeout"];
        declarePolicies(engine, [{ name: "lagging", args: { ...minimalInputs(accessPackageId, "Lagging"), description: "next run" } }]);
        const next = await engine.up();
        assert.deepEqual(next.steps.map((step) => `${step.op} ${step.status}`), ["update ok"]);
        assert.equal(engine.state.get(policyUrn("lagging"))?.id, stored.id);
        await assertTenantHolds(emulator, ["Lagging"]);
        assert.equal((await emulator.admin.get("assignmentPolicies", stored.id))?.properties.description, "next run");
        assert.equal((await policyTraffic(emulator)).filter((line) => line.startsWith("POST")).length, 1, "never a second POST");

        await engine.destroy();
        await assertTenantHolds(emulator, []);
        assert.equal(engine.state.resources.length, 0);
    });

    it("a POST dropped after Graph applied it ends as one policy, recorded in state under its real id", async () => {
        await emulator.admin.addFault({ kind: "drop", phase: "afterApply", method: "POST", pathRegex: POLICY_COLLECTION, times: 1 });
        const { engine } = stackOf(emulator, [{ name: "dropped", args: minimalInputs(accessPackageId, "Dropped") }]);
        await engine.up();
        const [stored] = await emulator.admin.policies();
        await assertTenantHolds(emulator, ["Dropped"]);
        assert.equal(engine.state.get(policyUrn("dropped"))?.id, stored.id);
        const plan = await engine.preview();
        assert.deepEqual(plan.steps.map((step) => step.op), ["same"], "no diff after recovering");
    });

    it("a POST applied but dropped, under a list that lags (hideFromLists): one policy in the tenant and in state, no diff after", async () => {
        await emulator.admin.addFault({ kind: "drop", phase: "afterApply", method: "POST", pathRegex: POLICY_COLLECTION, times: 1 });
        // Every new policy is missing from lists and expansions for its first 5 lookups: longer than the lookups
        // before the repeated POST, so that POST is sent, and the list shows the lost POST's policy only later.
        await emulator.admin.addFault({ kind: "readAfterWriteLag", pathRegex: POLICY_COLLECTION, requests: 5, hideFromLists: true });
        const { engine } = stackOf(emulator, [{ name: "lagging", args: minimalInputs(accessPackageId, "Listed late") }]);
        const result = await engine.up();
        assert.deepEqual(result.steps.map((step) => `${step.op} ${step.status}`), ["create ok"]);
        const traffic = await policyTraffic(emulator);
        assert.equal(traffic.filter((line) => line.startsWith("POST")).length, 2, `the POST was repeated: ${traffic.join(", ")}`);
        assert.ok(traffic.includes("DELETE item 204"), `the lost POST's policy was deleted once listed: ${traffic.join(", ")}`);
        await assertTenantHolds(emulator, ["Listed late"]);
        const [stored] = await emulator.admin.policies();
        assert.equal(engine.state.get(policyUrn("lagging"))?.id, stored.id);
        const plan = await engine.preview();
        assert.deepEqual(plan.steps.map((step) => step.op), ["same"], "no diff after recovering");
    });

    it("an update under stale reads (readAfterWriteLag on PUT): the new body in state, a refresh right after keeps it, no diff", async () => {
        const { engine } = stackOf(emulator, [{ name: "stale", args: minimalInputs(accessPackageId, "Stale reads") }]);
        await engine.up();
        const { id } = engine.state.get(policyUrn("stale"))!;
        // For the next 3 GETs of the policy, Graph serves the version from before the PUT.
        await emulator.admin.addFault({ kind: "readAfterWriteLag", method: "PUT", pathRegex: POLICY_ITEM, requests: 3 });
        declarePolicies(engine, [{ name: "stale", args: { ...minimalInputs(accessPackageId, "Stale reads"), description: "after the PUT" } }]);
        await emulator.admin.resetLog();

        const updated = await engine.up();
        assert.deepEqual(updated.steps.map((step) => `${step.op} ${step.status}`), ["update ok"]);
        assert.equal(engine.state.get(policyUrn("stale"))?.outputs.description, "after the PUT");
        assert.deepEqual((await engine.preview()).steps.map((step) => step.op), ["same"], "no diff after the update");

        // The stale answers contradict the write state recorded moments ago, so refresh reads again rather than
        // storing the old version (which would make the next preview plan a spurious update).
        await engine.refresh();
        assert.equal(engine.state.get(policyUrn("stale"))?.outputs.description, "after the PUT");
        assert.deepEqual(await policyTraffic(emulator), ["PUT item 200", "GET item 200", "GET item 200", "GET item 200", "GET item 200"]);
        assert.deepEqual((await engine.preview()).steps.map((step) => step.op), ["same"], "no diff after the refresh");
        assert.equal((await emulator.admin.get("assignmentPolicies", id))?.properties.description, "after the PUT");
        await assertTenantHolds(emulator, ["Stale reads"]);
    });

    it("8 creates in one access package from two hosts at once, with conflictOnParallelCreate: all succeed, exactly 8 policies", async () => {
        await emulator.admin.addFault({ kind: "conflictOnParallelCreate", pathRegex: POLICY_COLLECTION, holdMs: 300 });
        const declared = (stack: string) =>
            Array.from({ length: 4 }, (_, i) => ({ name: `p${i}`, args: minimalInputs(accessPackageId, `${stack} ${i}`) }));
        const pair = ["east", "west"].map((stack) => stackOf(emulator, declared(stack), { stack, parallel: 4 }).engine);
        // Each host serialises its own creates, but the two hosts race for real; a 409 is retried for as long as the
        // operation timeout allows, not cut short by the retry count the fast test timings would otherwise exhaust.
        for (const engine of pair) Object.assign(engine.config, { "entra:operationTimeout": "60", "entra:maxRetries": "100", "entra:retryMaxDelay": "0.2" });
        const results = await Promise.all(pair.map((engine) => engine.up()));
        for (const result of results) assert.deepEqual(result.steps.map((step) => `${step.op} ${step.status}`), Array(4).fill("create ok"));
        const names = ["east", "west"].flatMap((stack) => [0, 1, 2, 3].map((i) => `${stack} ${i}`));
        await assertTenantHolds(emulator, names);
        const stateIds = pair.flatMap((engine, n) => [0, 1, 2, 3].map((i) => engine.state.get(policyUrn(`p${i}`, ["east", "west"][n]))?.id));
        assert.deepEqual(new Set(stateIds), new Set((await emulator.admin.policies()).map((policy) => policy.id)));
    });
});

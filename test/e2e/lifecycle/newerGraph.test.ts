import assert from "node:assert/strict";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import type { Engine } from "../../harness";
import { graphCalls, lifecycleEngine, POLICY, policyInState, policyUrn } from "./lifecycleStack";

const GET = `GET ${POLICY}`;
const PUT = `PUT ${POLICY}`;

describe("lifecycle: a property a newer Graph holds survives refresh, update and a no-op up", function () {
    const stack = "newer";
    const urn = policyUrn(stack);
    let emulator: RunningGraphEmulator;
    let engine: Engine;
    let id: string;

    before(async () => {
        emulator = await startGraphEmulator();
        engine = lifecycleEngine(emulator, stack);
        await engine.up();
        ({ id } = policyInState(engine, urn));
        // Set in the portal of a tenant whose Graph knows more than this provider: at the top and inside a stage object.
        await emulator.admin.storeNewerPolicyProperties(id, { riskLevel: "high" });
    });
    after(async () => {
        await engine?.destroy();
        await emulator?.close();
    });
    beforeEach(() => emulator.admin.resetLog());

    it("refresh keeps it in the outputs (carriedGraphProperties), not in the inputs", async () => {
        await engine.refresh();

        assert.deepEqual(await graphCalls(emulator), [GET]);
        const { inputs, outputs } = policyInState(engine, urn);
        assert.deepEqual(outputs.carriedGraphProperties, { riskLevel: "high" });
        assert.equal("riskLevel" in inputs || "carriedGraphProperties" in inputs, false);
    });

    it("a no-op up sends nothing and leaves it in place", async () => {
        const result = await engine.up();

        assert.deepEqual(
            result.steps.map((s) => s.op),
            ["same"],
        );
        assert.deepEqual(await graphCalls(emulator), []);
        assert.equal((await emulator.admin.get("assignmentPolicies", id))?.properties.riskLevel, "high");
    });

    it("an update's PUT carries it back unchanged, so Graph still holds it and state still shows it", async () => {
        engine.config["lifecycle:description"] = "Changed while a newer Graph holds more.";

        const result = await engine.up();

        assert.deepEqual(
            result.steps.map((s) => [s.op, s.status]),
            [["update", "ok"]],
        );
        assert.deepEqual(await graphCalls(emulator), [PUT]);
        const [put] = (await emulator.admin.requests()).filter((r) => r.method === "PUT");
        assert.equal(put.status, 200);
        const stored = await emulator.admin.get("assignmentPolicies", id);
        assert.equal(stored?.properties.description, "Changed while a newer Graph holds more.");
        assert.equal(stored?.properties.riskLevel, "high");
        assert.deepEqual(policyInState(engine, urn).outputs.carriedGraphProperties, { riskLevel: "high" });
    });

    it("another up after the update is a no-op that keeps it too", async () => {
        const result = await engine.up();

        assert.deepEqual(
            result.steps.map((s) => s.op),
            ["same"],
        );
        assert.deepEqual(await graphCalls(emulator), []);
        assert.equal((await emulator.admin.get("assignmentPolicies", id))?.properties.riskLevel, "high");
    });
});

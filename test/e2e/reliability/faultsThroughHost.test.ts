/**
 * Representative faults end to end: program → engine harness → real dynamic-provider host → emulator. What matters
 * here beyond the in-process tests is what the engine keeps in state when an operation fails half-way.
 */
import * as assert from "node:assert/strict";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import { EngineError } from "../../harness";
import { minimalInputs, newAccessPackage } from "../../support/providerOnEmulator";
import { assertTenantAndStatesAgree, assertTenantHolds, policyTraffic, POLICY_COLLECTION, POLICY_ITEM } from "./faultSuite";
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
        // The POST's answer is lost, so the policy is found by lookup; the PUT that takes the create's mark off fails
        // to the deadline and reads lag past it.
        await emulator.admin.addFault({ kind: "drop", phase: "afterApply", method: "POST", pathRegex: POLICY_COLLECTION, times: 1 });
        await emulator.admin.addFault({ kind: "readAfterWriteLag", pathRegex: POLICY_COLLECTION, requests: 100_000 });
        await emulator.admin.addFault({ kind: "serverError", status: 503, method: "PUT", pathRegex: POLICY_ITEM });
        const { engine } = stackOf(emulator, [{ name: "lagging", args: minimalInputs(accessPackageId, "Lagging") }]);
        Object.assign(engine.config, { "entra:operationTimeout": "1", "entra:maxRetries": "100" });
        const failed = await engine.up().then(
            () => assert.fail("up should fail"),
            (error: unknown) => error,
        );
        assert.ok(failed instanceof EngineError);
        assert.match(
            failed.message,
            /created access package assignment policy "Lagging" \(.+\) but could not take \[pulumi-create [0-9a-f-]{36}\] off its description/,
        );
        const [stored] = await emulator.admin.policies();
        const kept = engine.state.get(policyUrn("lagging"));
        assert.equal(kept?.id, stored.id, "state keeps the created policy's id");

        await emulator.admin.clearFaults();
        delete engine.config["entra:operationTimeout"];
        delete engine.config["entra:maxRetries"];
        declarePolicies(engine, [{ name: "lagging", args: { ...minimalInputs(accessPackageId, "Lagging"), description: "next run" } }]);
        const next = await engine.up();
        assert.deepEqual(
            next.steps.map((step) => `${step.op} ${step.status}`),
            ["update ok"],
        );
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
        assert.deepEqual(
            plan.steps.map((step) => step.op),
            ["same"],
            "no diff after recovering",
        );
    });

    it("a POST applied but dropped, under a list that lags (hideFromLists): one policy in the tenant and in state, no diff after", async () => {
        await emulator.admin.addFault({ kind: "drop", phase: "afterApply", method: "POST", pathRegex: POLICY_COLLECTION, times: 1 });
        // Every new policy is missing from lists and expansions for its first 5 lookups: longer than the lookups
        // before the repeated POST, so that POST is sent, and the list shows the lost POST's policy only later.
        await emulator.admin.addFault({ kind: "readAfterWriteLag", pathRegex: POLICY_COLLECTION, requests: 5, hideFromLists: true });
        const { engine } = stackOf(emulator, [{ name: "lagging", args: minimalInputs(accessPackageId, "Listed late") }]);
        const result = await engine.up();
        assert.deepEqual(
            result.steps.map((step) => `${step.op} ${step.status}`),
            ["create ok"],
        );
        const traffic = await policyTraffic(emulator);
        assert.equal(traffic.filter((line) => line.startsWith("POST")).length, 2, `the POST was repeated: ${traffic.join(", ")}`);
        assert.ok(traffic.includes("DELETE item 204"), `the lost POST's policy was deleted once listed: ${traffic.join(", ")}`);
        await assertTenantHolds(emulator, ["Listed late"]);
        const [stored] = await emulator.admin.policies();
        assert.equal(engine.state.get(policyUrn("lagging"))?.id, stored.id);
        const plan = await engine.preview();
        assert.deepEqual(
            plan.steps.map((step) => step.op),
            ["same"],
            "no diff after recovering",
        );
    });

    it("an update under stale reads (readAfterWriteLag on PUT): the new body in state, a refresh right after keeps it, no diff", async () => {
        const { engine } = stackOf(emulator, [{ name: "stale", args: minimalInputs(accessPackageId, "Stale reads") }]);
        await engine.up();
        const { id } = engine.state.get(policyUrn("stale"))!;
        // For the next 3 GETs of the policy, Graph serves the version from before the PUT.
        await emulator.admin.addFault({ kind: "readAfterWriteLag", method: "PUT", pathRegex: POLICY_ITEM, requests: 3 });
        declarePolicies(engine, [
            { name: "stale", args: { ...minimalInputs(accessPackageId, "Stale reads"), description: "after the PUT" } },
        ]);
        await emulator.admin.resetLog();

        const updated = await engine.up();
        assert.deepEqual(
            updated.steps.map((step) => `${step.op} ${step.status}`),
            ["update ok"],
        );
        assert.equal(engine.state.get(policyUrn("stale"))?.outputs.description, "after the PUT");
        assert.deepEqual(
            (await engine.preview()).steps.map((step) => step.op),
            ["same"],
            "no diff after the update",
        );

        // The stale answers contradict the write state recorded moments ago, so refresh reads again rather than
        // storing the old version (which would make the next preview plan a spurious update).
        await engine.refresh();
        assert.equal(engine.state.get(policyUrn("stale"))?.outputs.description, "after the PUT");
        assert.deepEqual(await policyTraffic(emulator), ["PUT item 200", "GET item 200", "GET item 200", "GET item 200", "GET item 200"]);
        assert.deepEqual(
            (await engine.preview()).steps.map((step) => step.op),
            ["same"],
            "no diff after the refresh",
        );
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
        for (const engine of pair)
            Object.assign(engine.config, { "entra:operationTimeout": "60", "entra:maxRetries": "100", "entra:retryMaxDelay": "0.2" });
        const results = await Promise.all(pair.map((engine) => engine.up()));
        for (const result of results)
            assert.deepEqual(
                result.steps.map((step) => `${step.op} ${step.status}`),
                Array(4).fill("create ok"),
            );
        const names = ["east", "west"].flatMap((stack) => [0, 1, 2, 3].map((i) => `${stack} ${i}`));
        await assertTenantHolds(emulator, names);
        const stateIds = pair.flatMap((engine, n) =>
            [0, 1, 2, 3].map((i) => engine.state.get(policyUrn(`p${i}`, ["east", "west"][n]))?.id),
        );
        assert.deepEqual(new Set(stateIds), new Set((await emulator.admin.policies()).map((policy) => policy.id)));
    });
    it("lateApply: a POST answered 504 and applied after the create posted again ends as one policy, in the tenant and in state", async () => {
        // Applied after the lookups and the repeated POST, while the create still watches for it.
        await emulator.admin.addFault({ kind: "lateApply", pathRegex: POLICY_COLLECTION, ms: 1_000, times: 1 });
        const { engine } = stackOf(emulator, [{ name: "late", args: minimalInputs(accessPackageId, "Applied late") }]);
        const result = await engine.up();
        assert.deepEqual(
            result.steps.map((step) => `${step.op} ${step.status}`),
            ["create ok"],
        );
        const traffic = await policyTraffic(emulator);
        assert.equal(traffic.filter((line) => line.startsWith("POST")).length, 2, traffic.join(", "));
        assert.ok(traffic.includes("DELETE item 204"), `the late policy was deleted: ${traffic.join(", ")}`);
        await assertTenantHolds(emulator, ["Applied late"]);
        await assertTenantAndStatesAgree(emulator, [engine.state]);
        assert.equal((await emulator.admin.policies())[0].properties.description, "Applied late (test)", "the mark was taken off");
        assert.deepEqual(
            (await engine.preview()).steps.map((step) => step.op),
            ["same"],
        );
    });

    it("lateApply within the lookups: the late policy is found by its mark and kept; no second POST", async () => {
        await emulator.admin.addFault({ kind: "lateApply", pathRegex: POLICY_COLLECTION, ms: 0, answer: "drop", times: 1 });
        const { engine } = stackOf(emulator, [{ name: "late", args: minimalInputs(accessPackageId, "Applied soon") }]);
        await engine.up();
        assert.equal((await policyTraffic(emulator)).filter((line) => line.startsWith("POST")).length, 1);
        await assertTenantHolds(emulator, ["Applied soon"]);
        await assertTenantAndStatesAgree(emulator, [engine.state]);
    });

    it("secondWriter: another writer's same-named policy lands around a create whose answer is lost; each keeps its own, nothing of the other's is deleted", async () => {
        await emulator.admin.addFault({ kind: "secondWriter", pathRegex: POLICY_COLLECTION, times: 1 });
        await emulator.admin.addFault({ kind: "drop", phase: "afterApply", method: "POST", pathRegex: POLICY_COLLECTION, times: 1 });
        const { engine } = stackOf(emulator, [{ name: "contested", args: minimalInputs(accessPackageId, "Contested") }]);
        await engine.up();
        const policies = await emulator.admin.policies();
        const other = policies.find((policy) => policy.properties.description === "created by another writer");
        assert.ok(other, "the other writer's policy is still there, unchanged");
        const ours = engine.state.get(policyUrn("contested"))!;
        assert.notEqual(ours.id, other.id);
        assert.equal((await emulator.admin.get("assignmentPolicies", ours.id))?.properties.description, "Contested (test)");
        assert.ok(!(await policyTraffic(emulator)).some((line) => line.startsWith("DELETE")));
        await assertTenantAndStatesAgree(emulator, [engine.state], [other.id]);
    });

    it("two stacks create the same display name in one access package at once with answers lost: no policy in two states, none deleted that a state knows", async () => {
        await emulator.admin.addFault({ kind: "drop", phase: "afterApply", method: "POST", pathRegex: POLICY_COLLECTION, times: 2 });
        const pair = ["north", "south"].map(
            (stack) => stackOf(emulator, [{ name: "same", args: minimalInputs(accessPackageId, "Same name") }], { stack }).engine,
        );
        // One stack may find the name taken by the other's policy (a refused create); both may create it.
        await Promise.allSettled(pair.map((engine) => engine.up()));
        await assertTenantAndStatesAgree(
            emulator,
            pair.map((engine) => engine.state),
        );
        assert.ok(pair.some((engine) => engine.state.get(policyUrn("same", engine === pair[0] ? "north" : "south")) !== undefined));
    });

    it("gateway answers: a proxy's HTML 404 or an empty 200 never drops a policy from state on refresh or destroy; Graph's own answer does", async () => {
        const { engine } = stackOf(emulator, [{ name: "proxied", args: minimalInputs(accessPackageId, "Behind a proxy") }]);
        await engine.up();
        const { id } = engine.state.get(policyUrn("proxied"))!;
        const before = JSON.stringify(engine.state.get(policyUrn("proxied"))?.outputs);
        for (const answer of ["html404", "empty200", "null200"] as const) {
            await emulator.admin.clearFaults();
            await emulator.admin.addFault({ kind: "gatewayAnswer", answer, method: "GET", pathRegex: POLICY_ITEM });
            const refreshed = await engine.refresh().then(
                () => assert.fail(`refresh should fail on ${answer}`),
                (error: unknown) => error as Error,
            );
            assert.match(refreshed.message, /NotGraphAnswer: an answer that is not Graph's: status (404|200)/, answer);
            assert.equal(JSON.stringify(engine.state.get(policyUrn("proxied"))?.outputs), before, `${answer}: state is untouched`);
        }
        await emulator.admin.clearFaults();
        await emulator.admin.addFault({ kind: "gatewayAnswer", answer: "html404", method: "DELETE", pathRegex: POLICY_ITEM });
        const destroyed = await engine.destroy().then(
            () => assert.fail("destroy should fail"),
            (error: unknown) => error as Error,
        );
        assert.match(destroyed.message, /deleting access package assignment policy "Behind a proxy" .*status 404, content-type text\/html/);
        assert.equal(engine.state.get(policyUrn("proxied"))?.id, id, "the policy stays in state");
        await assertTenantAndStatesAgree(emulator, [engine.state]);

        await emulator.admin.clearFaults();
        await engine.destroy();
        await assertTenantHolds(emulator, []);
        assert.equal(engine.state.resources.filter((resource) => resource.type !== "pulumi:pulumi:Stack").length, 0);
    });

    it("gateway answers: a 201 whose body arrives cut short is recorded under the id its Location names", async () => {
        await emulator.admin.addFault({
            kind: "gatewayAnswer",
            answer: "truncated",
            method: "POST",
            pathRegex: POLICY_COLLECTION,
            times: 1,
        });
        const { engine } = stackOf(emulator, [{ name: "cut", args: minimalInputs(accessPackageId, "Cut short") }]);
        await engine.up();
        assert.equal((await policyTraffic(emulator)).filter((line) => line.startsWith("POST")).length, 1);
        await assertTenantHolds(emulator, ["Cut short"]);
        await assertTenantAndStatesAgree(emulator, [engine.state]);
        assert.deepEqual(
            (await engine.preview()).steps.map((step) => step.op),
            ["same"],
        );
    });

    it("8 creates queued in one access package, each slow: every one gets the operation timeout for its own requests", async () => {
        // Each create takes some 0.6 s of Graph time against a 2 s operation timeout; queued 8 deep they need 5 s.
        await emulator.admin.addFault({ kind: "latency", ms: 300, method: "POST", pathRegex: POLICY_COLLECTION });
        await emulator.admin.addFault({ kind: "latency", ms: 300, method: "PUT", pathRegex: POLICY_ITEM });
        const names = Array.from({ length: 8 }, (_, i) => `Queued ${i}`);
        const { engine } = stackOf(
            emulator,
            names.map((name, i) => ({ name: `q${i}`, args: minimalInputs(accessPackageId, name) })),
            { parallel: 8 },
        );
        engine.config["entra:operationTimeout"] = "2";
        const result = await engine.up();
        assert.deepEqual(
            result.steps.map((step) => `${step.op} ${step.status}`),
            Array(8).fill("create ok"),
        );
        await assertTenantHolds(emulator, names);
        await assertTenantAndStatesAgree(emulator, [engine.state]);
    });
});

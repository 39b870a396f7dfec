/**
 * Fault matrix, unknown-outcome half: connections dropped before or after Graph applied a write, and creates racing
 * for one access package. The tenant must end with exactly the declared policies: no duplicate from a blindly
 * repeated POST, no orphan.
 */
import * as assert from "node:assert/strict";
import type { PolicyOutputs } from "../../../provider/core/types";
import {
    ACCESS_PACKAGE_ITEM,
    assertTenantHolds,
    assertWatchedAfterRepost,
    policyTraffic,
    POLICY_COLLECTION,
    POLICY_ITEM,
    useFaultEmulator,
} from "./faultSuite";

describe("reliability: unknown outcomes and racing creates", () => {
    const suite = useFaultEmulator();

    it("drop beforeApply on POST: the lookup finds nothing, the POST is sent again, one policy exists", async () => {
        await suite.emulator.admin.addFault({ kind: "drop", phase: "beforeApply", method: "POST", pathRegex: POLICY_COLLECTION, times: 1 });
        const created = await suite.operations().create(await suite.inputs("Dropped before"));
        assert.equal((created.outs as PolicyOutputs).displayName, "Dropped before");
        await assertTenantHolds(suite.emulator, ["Dropped before"]);
        const traffic = await policyTraffic(suite.emulator);
        assert.deepEqual(traffic.slice(0, 3), ["GET lookup 200", "POST list dropped", "GET lookup 200"], "looks up before posting again");
        // After the repeated POST, the PUT that takes the create's mark off (its answer gives the outputs, so nothing is
        // read back); then the list is watched for a policy the lost POST might still make, until it has settled.
        assertWatchedAfterRepost(traffic);
    });

    it("drop afterApply on POST: the lookup finds the policy the lost POST created and adopts it; no second POST", async () => {
        await suite.emulator.admin.addFault({ kind: "drop", phase: "afterApply", method: "POST", pathRegex: POLICY_COLLECTION, times: 1 });
        const created = await suite.operations().create(await suite.inputs("Dropped after"));
        const [stored] = await suite.emulator.admin.policies();
        assert.equal(created.id, stored.id);
        await assertTenantHolds(suite.emulator, ["Dropped after"]);
        assert.deepEqual(await policyTraffic(suite.emulator), ["GET lookup 200", "POST list dropped", "GET lookup 200", "PUT item 200"]);
    });

    it("drop afterApply on POST under a list that lags (hideFromLists): the POST is repeated, the extra policy deleted once listed", async () => {
        await suite.emulator.admin.addFault({ kind: "drop", phase: "afterApply", method: "POST", pathRegex: POLICY_COLLECTION, times: 1 });
        await suite.emulator.admin.addFault({ kind: "readAfterWriteLag", pathRegex: POLICY_COLLECTION, requests: 5, hideFromLists: true });
        const created = await suite.operations().create(await suite.inputs("Listed late"));
        await assertTenantHolds(suite.emulator, ["Listed late"]);
        const [stored] = await suite.emulator.admin.policies();
        assert.equal(created.id, stored.id, "the policy kept is the one the answered POST made");
        const traffic = await policyTraffic(suite.emulator);
        assert.deepEqual(traffic.slice(0, 6), [
            "GET lookup 200",
            "POST list dropped",
            "GET lookup 200",
            "GET lookup 200",
            "GET lookup 200",
            "POST list 201",
        ]);
        assert.deepEqual(traffic.slice(-3), ["GET lookup 200", "DELETE item 204", "GET item 404"], "deleted once the list showed it");
    });

    for (const phase of ["beforeApply", "afterApply"] as const) {
        it(`drop ${phase} on PUT: the idempotent PUT is repeated and the update lands once`, async () => {
            const operations = suite.operations();
            const inputs = await suite.inputs(`PUT ${phase}`);
            const created = await operations.create(inputs);
            await suite.emulator.admin.resetLog();
            await suite.emulator.admin.addFault({ kind: "drop", phase, method: "PUT", pathRegex: POLICY_ITEM, times: 1 });
            const updated = await operations.update(created.id, created.outs as PolicyOutputs, { ...inputs, description: "repeated" });
            assert.equal((updated.outs as PolicyOutputs).description, "repeated");
            await assertTenantHolds(suite.emulator, [`PUT ${phase}`]);
            assert.equal((await suite.emulator.admin.get("assignmentPolicies", created.id))?.properties.description, "repeated");
            // The repeated PUT's answer is the whole policy, so nothing is read back.
            assert.deepEqual(await policyTraffic(suite.emulator), ["PUT item dropped", "PUT item 200"]);
        });

        it(`drop ${phase} on DELETE: the DELETE is repeated and the policy is gone (a 404 after a lost DELETE counts as done)`, async () => {
            const operations = suite.operations();
            const created = await operations.create(await suite.inputs(`DELETE ${phase}`));
            await suite.emulator.admin.resetLog();
            await suite.emulator.admin.addFault({ kind: "drop", phase, method: "DELETE", pathRegex: POLICY_ITEM, times: 1 });
            await operations.delete(created.id, created.outs as PolicyOutputs);
            await assertTenantHolds(suite.emulator, []);
            const repeated =
                phase === "afterApply"
                    ? ["DELETE item dropped", "DELETE item 404"]
                    : ["DELETE item dropped", "DELETE item 204", "GET item 404"];
            assert.deepEqual(await policyTraffic(suite.emulator), repeated);
        });
    }

    it("conflictOnParallelCreate: 8 creates at once in one access package all succeed, exactly 8 policies", async () => {
        await suite.emulator.admin.addFault({ kind: "conflictOnParallelCreate", pathRegex: POLICY_COLLECTION, holdMs: 50 });
        const operations = suite.operations({ "entra:operationTimeout": "20" });
        const names = Array.from({ length: 8 }, (_, i) => `Parallel ${i + 1}`);
        const inputs = await Promise.all(names.map((name) => suite.inputs(name)));
        const created = await Promise.all(inputs.map((declared) => operations.create(declared)));
        assert.equal(new Set(created.map((result) => result.id)).size, 8);
        await assertTenantHolds(suite.emulator, names);
        assert.equal((await policyTraffic(suite.emulator)).filter((line) => line === "POST list 201").length, 8);
    });

    it("conflictOnParallelCreate with a foreign writer: 409 DuplicateKey is retried until the package is free", async () => {
        await suite.emulator.admin.addFault({ kind: "conflictOnParallelCreate", pathRegex: POLICY_COLLECTION, holdMs: 400 });
        // Our name lookup is slowed down so that the foreign POST, sent first, surely holds the package when ours comes.
        await suite.emulator.admin.addFault({ kind: "latency", ms: 200, method: "GET", pathRegex: ACCESS_PACKAGE_ITEM, times: 1 });
        // Another client (the portal, another stack) is creating in the same access package right now.
        const foreign = fetch(`${suite.emulator.url}/v1.0/identityGovernance/entitlementManagement/assignmentPolicies`, {
            method: "POST",
            headers: { Authorization: `Bearer ${suite.emulator.token}`, "Content-Type": "application/json" },
            body: JSON.stringify({
                displayName: "Foreign",
                description: "made elsewhere",
                allowedTargetScope: "allMemberUsers",
                accessPackage: { id: suite.accessPackageId },
            }),
        });
        const created = await suite.operations({ "entra:operationTimeout": "20" }).create(await suite.inputs("Ours"));
        assert.equal((await foreign).status, 201);
        assert.equal((created.outs as PolicyOutputs).displayName, "Ours");
        await assertTenantHolds(suite.emulator, ["Foreign", "Ours"]);
        const traffic = await policyTraffic(suite.emulator);
        assert.ok(traffic.includes("POST list 409"), `our POST met the foreign create: ${traffic.join(", ")}`);
        assert.equal(traffic.filter((line) => line === "POST list 201").length, 2);
    });
});

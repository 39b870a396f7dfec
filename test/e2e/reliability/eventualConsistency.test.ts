/**
 * Fault matrix, eventual-consistency half: a new policy that reads as 404 for a while, a deleted one that reads as
 * 403 for a while, and a create whose read-back never succeeds within the operation timeout.
 */
import * as assert from "node:assert/strict";
import type { PolicyOutputs } from "../../../provider/core/types";
import { assertExplains, assertTenantHolds, policyTraffic, POLICY_COLLECTION, POLICY_ITEM, useFaultEmulator } from "./faultSuite";

describe("reliability: eventual consistency", () => {
    const suite = useFaultEmulator();

    it("readAfterWriteLag: create reads nothing back; a refresh right after reads through the 404s and keeps the policy", async () => {
        await suite.emulator.admin.addFault({ kind: "readAfterWriteLag", pathRegex: POLICY_COLLECTION, requests: 3 });
        const operations = suite.operations();
        const created = await operations.create(await suite.inputs("Lagging"));
        assert.equal((created.outs as PolicyOutputs).displayName, "Lagging");
        assert.deepEqual(
            await policyTraffic(suite.emulator),
            ["GET lookup 200", "POST list 201", "PUT item 200"],
            "the answer to the PUT that takes the create's mark off gives the outputs",
        );

        await suite.emulator.admin.resetLog();
        // The policy was created moments ago, so a 404 is Graph's lag, not a deletion to drop from state.
        const read = await operations.read(created.id, created.outs as PolicyOutputs);
        assert.equal(read.id, created.id);
        assert.equal((read.props as PolicyOutputs).displayName, "Lagging");
        assert.deepEqual(await policyTraffic(suite.emulator), ["GET item 404", "GET item 404", "GET item 404", "GET item 200"]);
        await assertTenantHolds(suite.emulator, ["Lagging"]);
    });

    it("readAfterWriteLag after a POST dropped once applied: the policy found by lookup by its mark is not read back, the PUT that takes the mark off answers with it", async () => {
        await suite.emulator.admin.addFault({ kind: "drop", phase: "afterApply", method: "POST", pathRegex: POLICY_COLLECTION, times: 1 });
        await suite.emulator.admin.addFault({ kind: "readAfterWriteLag", pathRegex: POLICY_COLLECTION, requests: 3 });
        const created = await suite.operations().create(await suite.inputs("Found lagging"));
        const [stored] = await suite.emulator.admin.policies();
        assert.equal(created.id, stored.id);
        assert.equal(
            (created.outs as PolicyOutputs).catalogId,
            (await suite.emulator.admin.get("accessPackages", suite.accessPackageId))?.catalogId,
        );
        await assertTenantHolds(suite.emulator, ["Found lagging"]);
        assert.deepEqual(await policyTraffic(suite.emulator), ["GET lookup 200", "POST list dropped", "GET lookup 200", "PUT item 200"]);
    });

    it("readAfterWriteLag past the deadline after a dropped POST, and the PUT that takes the mark off failing: a partial failure that keeps the id, so the policy is not orphaned", async () => {
        await suite.emulator.admin.addFault({ kind: "drop", phase: "afterApply", method: "POST", pathRegex: POLICY_COLLECTION, times: 1 });
        await suite.emulator.admin.addFault({ kind: "readAfterWriteLag", pathRegex: POLICY_COLLECTION, requests: 100_000 });
        await suite.emulator.admin.addFault({ kind: "serverError", status: 503, method: "PUT", pathRegex: POLICY_ITEM });
        const inputs = await suite.inputs("Never visible");
        const error = await suite
            .operations({ "entra:operationTimeout": "1", "entra:maxRetries": "100" })
            .create(inputs)
            .then(
                () => assert.fail("create should fail"),
                (rejected: unknown) => rejected as Error & { id?: string; properties?: Record<string, unknown> },
            );
        const [stored] = await suite.emulator.admin.policies();
        await assertTenantHolds(suite.emulator, ["Never visible"]);
        // The host turns an error with `id` and `properties` into ErrorResourceInitFailed: the engine keeps the resource.
        assert.equal(error.id, stored.id);
        assert.equal(error.properties?.id, stored.id);
        assert.match(
            error.message,
            new RegExp(
                `created access package assignment policy "Never visible" \\(${stored.id}\\) but could not take \\[pulumi-create [0-9a-f-]{36}\\] off its description`,
            ),
        );
        assert.match(error.message, /timed out after \d+ attempts? within the operation timeout/);
        assert.ok(!error.message.includes(suite.emulator.token));
        assert.equal((await policyTraffic(suite.emulator)).filter((line) => line.startsWith("POST")).length, 1);
    });

    it("forbiddenAfterDelete: delete counts the 403 as gone, and the access package can be deleted right after", async () => {
        const operations = suite.operations();
        const created = await operations.create(await suite.inputs("Short-lived"));
        await suite.emulator.admin.resetLog();
        await suite.emulator.admin.addFault({ kind: "forbiddenAfterDelete", pathRegex: POLICY_ITEM, requests: 5 });
        await operations.delete(created.id, created.outs as PolicyOutputs);
        assert.deepEqual(await policyTraffic(suite.emulator), ["DELETE item 204", "GET item 403"]);
        await assertTenantHolds(suite.emulator, []);

        const packageDelete = await fetch(
            `${suite.emulator.url}/v1.0/identityGovernance/entitlementManagement/accessPackages/${suite.accessPackageId}`,
            {
                method: "DELETE",
                headers: { Authorization: `Bearer ${suite.emulator.token}` },
            },
        );
        assert.equal(packageDelete.status, 204, "no policy is left to block the access package delete");
    });

    it("forbiddenAfterDelete seen by read: a 403 is an error naming the policy, not a silent removal from state", async () => {
        const operations = suite.operations();
        const created = await operations.create(await suite.inputs("Deleted elsewhere"));
        await suite.emulator.admin.addFault({ kind: "forbiddenAfterDelete", pathRegex: POLICY_ITEM, requests: 100 });
        const deleted = await fetch(
            `${suite.emulator.url}/v1.0/identityGovernance/entitlementManagement/assignmentPolicies/${created.id}`,
            {
                method: "DELETE",
                headers: { Authorization: `Bearer ${suite.emulator.token}` },
            },
        );
        assert.equal(deleted.status, 204);
        await suite.emulator.admin.resetLog();
        const error = await operations.read(created.id, created.outs as PolicyOutputs).then(
            () => assert.fail("read should fail"),
            (rejected: unknown) => rejected,
        );
        const [logged] = await suite.emulator.admin.requests();
        assertExplains(
            error,
            {
                operation: "reading",
                displayName: "Deleted elsewhere",
                id: created.id,
                status: 403,
                code: "Authorization_RequestDenied",
                requestId: logged.requestId,
            },
            suite.emulator,
        );
        assert.match((error as Error).message, /EntitlementManagement\.ReadWrite\.All/, "the 403 comes with the permission hint");
        await assertTenantHolds(suite.emulator, []);
    });
});

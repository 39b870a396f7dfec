import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import { describeWithCli, PulumiCli } from "../../harness";
import { ACCESS_PACKAGE, graphCalls, lifecycleCli, POLICIES, POLICY, POLICY_TYPE, seedAccessPackage } from "./lifecycleStack";

/** What `pulumi stack export` says about the policy. */
interface ExportedPolicy {
    id: string;
    outputs: Record<string, unknown>;
}

async function exportedPolicies(cli: PulumiCli): Promise<ExportedPolicy[]> {
    const exported = (await cli.exportState()) as { deployment?: { resources?: (ExportedPolicy & { type: string })[] } };
    return (exported.deployment?.resources ?? []).filter((r) => r.type === POLICY_TYPE);
}

// The real CLI runs the program without mocks, so the access package comes from stack config instead of azuread.
describeWithCli("lifecycle: the policy through the real pulumi CLI", function () {
    let emulator: RunningGraphEmulator | undefined;
    let cli: PulumiCli | undefined;

    before(async function () {
        emulator = await startGraphEmulator();
        ({ cli } = await lifecycleCli(emulator, "cli-package"));
    });
    beforeEach(() => emulator?.admin.resetLog());
    // After-hooks run even when the suite was skipped for want of a CLI.
    after(async () => {
        await cli?.dispose();
        await emulator?.close();
    });

    it("previews without a Graph request, creates with lookup, POST and the PUT that takes the mark off, and a second up writes nothing", async () => {
        const [stack, graph] = [cli!, emulator!];
        const preview = JSON.stringify(await stack.preview());
        assert.match(preview, /"op":\s*"create"/);
        assert.deepEqual(await graphCalls(graph), []);

        await stack.up();
        // The POST carries the create's mark in its description; the PUT takes it off (see README, Reliability).
        assert.deepEqual(await graphCalls(graph), [`GET ${ACCESS_PACKAGE}`, `POST ${POLICIES}`, `PUT ${POLICY}`]);
        const [stored] = await graph.admin.policies();
        assert.deepEqual(
            (await exportedPolicies(stack)).map((p) => p.id),
            [stored.id],
        );

        await graph.admin.resetLog();
        await stack.up();
        assert.deepEqual(
            (await graphCalls(graph)).filter((call) => !call.startsWith("GET ")),
            [],
        );
    });

    it("refresh takes drift into state and up reverts it with one PUT", async () => {
        const [stack, graph] = [cli!, emulator!];
        const [policy] = await exportedPolicies(stack);
        await graph.admin.modify("assignmentPolicies", policy.id, { description: "Changed in the portal" });

        await stack.refresh();
        assert.deepEqual(await graphCalls(graph), [`GET ${POLICY}`]);
        assert.equal((await exportedPolicies(stack))[0].outputs.description, "Changed in the portal");

        await graph.admin.resetLog();
        await stack.up();
        assert.deepEqual(await graphCalls(graph), [`PUT ${POLICY}`]);
        assert.notEqual((await graph.admin.get("assignmentPolicies", policy.id))?.properties.description, "Changed in the portal");
    });

    it("updates in place with one PUT when the program changes the description", async () => {
        const [stack, graph] = [cli!, emulator!];
        const [before] = await exportedPolicies(stack);
        await stack.setConfig({ "lifecycle:description": "Changed by the program" });

        await stack.up();
        assert.deepEqual(await graphCalls(graph), [`PUT ${POLICY}`]);
        const [after] = await exportedPolicies(stack);
        assert.equal(after.id, before.id);
        assert.equal(after.outputs.description, "Changed by the program");
    });

    it("fails preview and up on a check failure, naming the property path, before any Graph request", async () => {
        const [stack, graph] = [cli!, emulator!];
        await stack.setConfig({ "lifecycle:denialAfter": "P2X" });
        try {
            await assert.rejects(stack.preview(), /requestApprovalSettings\.stages\[0\]\.durationBeforeAutomaticDenial/);
            await assert.rejects(stack.up(), /requestApprovalSettings\.stages\[0\]\.durationBeforeAutomaticDenial/);
            assert.deepEqual(await graphCalls(graph), []);
        } finally {
            await stack.setConfig({ "lifecycle:denialAfter": "P2D" });
        }
    });

    it("replaces the policy, create before delete, when the program moves it to another access package", async () => {
        const [stack, graph] = [cli!, emulator!];
        const [before] = await exportedPolicies(stack);
        const other = await seedAccessPackage(graph, "cli-package-2");
        await graph.admin.resetLog();
        await stack.setConfig({ "lifecycle:accessPackageId": other });

        await stack.up();
        assert.deepEqual(await graphCalls(graph), [
            `GET ${ACCESS_PACKAGE}`,
            `POST ${POLICIES}`,
            `PUT ${POLICY}`,
            `DELETE ${POLICY}`,
            `GET ${POLICY}`,
        ]);
        const [after] = await exportedPolicies(stack);
        assert.notEqual(after.id, before.id);
        assert.equal(after.outputs.accessPackageId, other);
        assert.deepEqual(
            (await graph.admin.policies()).map((policy) => policy.id),
            [after.id],
        );
    });

    it("destroy refuses while assignments exist and keeps the policy, then deletes it once they are removed", async () => {
        const [stack, graph] = [cli!, emulator!];
        const [policy] = await exportedPolicies(stack);
        const assignment = await graph.admin.seedAssignment({ targetId: randomUUID(), assignmentPolicyId: policy.id });

        await assert.rejects(stack.destroy(), /assignments/);
        assert.deepEqual(
            (await exportedPolicies(stack)).map((p) => p.id),
            [policy.id],
        );

        await graph.admin.remove("assignments", assignment.id);
        await graph.admin.resetLog();
        await stack.destroy();
        assert.deepEqual(await graphCalls(graph), [`DELETE ${POLICY}`, `GET ${POLICY}`]);
        assert.deepEqual(await exportedPolicies(stack), []);
        assert.deepEqual(await graph.admin.policies(), []);
    });
});

describeWithCli("lifecycle: a create that fails half-way through the real pulumi CLI", function () {
    let emulator: RunningGraphEmulator | undefined;
    let cli: PulumiCli | undefined;

    before(async function () {
        emulator = await startGraphEmulator();
        ({ cli } = await lifecycleCli(emulator, "partial-package", { config: { "entra:operationTimeout": "PT1S" } }));
    });
    after(async () => {
        await cli?.dispose();
        await emulator?.close();
    });

    it("keeps the created policy in state when the create fails after the POST, and the next up manages it without a second POST", async () => {
        const [stack, graph] = [cli!, emulator!];
        // The POST's answer is lost, Graph's list lags, and the PUT that would take the create's mark off keeps failing:
        // the provider knows the policy (by its mark) but cannot finish the create within the deadline.
        const faults = [
            await graph.admin.addFault({ kind: "drop", phase: "afterApply", method: "POST", pathRegex: "/assignmentPolicies$", times: 1 }),
            await graph.admin.addFault({ kind: "readAfterWriteLag", pathRegex: "/assignmentPolicies$", requests: 100_000 }),
            await graph.admin.addFault({ kind: "serverError", status: 503, method: "PUT", pathRegex: "/assignmentPolicies/[^/]+$" }),
        ];
        await assert.rejects(stack.up(), /could not take \[pulumi-create [0-9a-f-]{36}\] off its description/);
        for (const fault of faults) await graph.admin.removeFault(fault.id);
        const tenant = await graph.admin.policies();
        assert.equal(tenant.length, 1);
        assert.deepEqual(
            (await exportedPolicies(stack)).map((p) => p.id),
            [tenant[0].id],
            "the engine kept the policy it was told about",
        );

        await graph.admin.resetLog();
        await stack.setConfig({ "entra:operationTimeout": "PT15S" });
        await stack.up();
        assert.ok(!(await graphCalls(graph)).some((call) => call.startsWith("POST ")), "no second POST");
        assert.deepEqual(
            (await graph.admin.policies()).map((p) => p.id),
            [tenant[0].id],
        );
        assert.doesNotMatch(
            String((await graph.admin.get("assignmentPolicies", tenant[0].id))?.properties.description),
            /pulumi-create/,
            "the update took the mark off",
        );
        await stack.destroy();
        assert.deepEqual(await graph.admin.policies(), []);
    });
});

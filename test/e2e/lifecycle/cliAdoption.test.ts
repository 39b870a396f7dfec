import assert from "node:assert/strict";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import { describeWithCli, PulumiCli } from "../../harness";
import { graphCalls, lifecycleCli, POLICY, POLICY_TYPE } from "./lifecycleStack";

/**
 * Bringing a policy made elsewhere under management through the real CLI. Pulumi's documentation says a dynamic
 * provider's `read` cannot serve `pulumi import`; this suite shows what happens, and that `adopt` (what `export`
 * writes) is the path that works.
 */
describeWithCli("adoption through the real pulumi CLI: pulumi import cannot, adopt does", function () {
    let emulator: RunningGraphEmulator | undefined;
    let cli: PulumiCli | undefined;
    let existingId = "";

    before(async () => {
        emulator = await startGraphEmulator();
        const created = await lifecycleCli(emulator, "adoption-package");
        cli = created.cli;
        existingId = (
            await emulator.admin.seed("assignmentPolicies", {
                displayName: "Lifecycle requests",
                description: "Made in the portal",
                allowedTargetScope: "allMemberUsers",
                accessPackage: { id: created.accessPackageId },
                requestorSettings: { enableTargetsToSelfAddAccess: true },
                requestApprovalSettings: { isApprovalRequiredForAdd: false },
            })
        ).id;
    });
    beforeEach(() => emulator?.admin.resetLog());
    after(async () => {
        await cli?.dispose();
        await emulator?.close();
    });

    it("pulumi import of the policy fails in the dynamic provider's read, with no Graph request and nothing in state", async () => {
        const [stack, graph] = [cli!, emulator!];
        await assert.rejects(
            stack.importResource(POLICY_TYPE, "policy", existingId),
            /Cannot read properties of undefined \(reading 'toJavaScript'\)/,
        );
        assert.deepEqual(await graphCalls(graph), []);
        const exported = (await stack.exportState()) as { deployment?: { resources?: { type: string }[] } };
        assert.deepEqual(
            (exported.deployment?.resources ?? []).filter((r) => r.type === POLICY_TYPE),
            [],
        );
        assert.equal((await graph.admin.get("assignmentPolicies", existingId))?.properties.description, "Made in the portal");
    });

    it("adopt takes the policy over on up with a lookup and one PUT, creating nothing, and a second up changes nothing", async () => {
        const [stack, graph] = [cli!, emulator!];
        await stack.setConfig({ "lifecycle:adopt": existingId });
        await stack.up();
        assert.deepEqual(await graphCalls(graph), [`GET ${POLICY}`, `PUT ${POLICY}`]);
        assert.deepEqual(
            (await graph.admin.policies()).map((p) => p.id),
            [existingId],
        );
        const exported = (await stack.exportState()) as { deployment?: { resources?: { type: string; id: string }[] } };
        assert.deepEqual(
            (exported.deployment?.resources ?? []).filter((r) => r.type === POLICY_TYPE).map((r) => r.id),
            [existingId],
        );

        await graph.admin.resetLog();
        await stack.up();
        assert.deepEqual(
            (await graphCalls(graph)).filter((call) => !call.startsWith("GET ")),
            [],
        );
    });
});

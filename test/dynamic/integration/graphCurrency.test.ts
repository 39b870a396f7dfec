/**
 * The provider against the emulator for what Graph v1.0 gained in 2026 and for what a newer Graph holds: a policy
 * using every new member round-trips with no loss and no diff; an auto-assignment policy's update states the
 * settings Graph's update page marks Required; a property Graph returns but refuses to take back fails the update
 * with an error that names it, and goes back on the element that held it, however the program orders a set.
 */
import * as assert from "node:assert/strict";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../emulator";
import type { PolicyInputs, PolicyOutputs } from "../../../provider/core/types";
import {
    assertNoChange,
    checked,
    minimalInputs,
    newAccessPackage,
    operationsOn,
    type PolicyOperations,
} from "../../support/providerOnEmulator";

const USER_ID = "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2";
const AGENT_SPONSORS = { "@odata.type": "#microsoft.graph.targetAgentIdentitySponsorsOrOwners" };
const USER = { "@odata.type": "#microsoft.graph.singleUser", userId: USER_ID };
const GROUP = { "@odata.type": "#microsoft.graph.groupMembers", groupId: "1623f912-5e86-41c2-af47-39dd67582b66" };

/** Approval by one stage whose primary approvers are `approvers`. */
function approvedBy(...approvers: object[]): Record<string, unknown> {
    return { isApprovalRequiredForAdd: true, stages: [{ durationBeforeAutomaticDenial: "P2D", primaryApprovers: approvers }] };
}

describe("integration: Graph v1.0 as it is today, against the emulator", () => {
    let emulator: RunningGraphEmulator;
    let operations: PolicyOperations;
    let accessPackageId: string;

    before(async () => {
        emulator = await startGraphEmulator();
        operations = operationsOn(emulator);
        accessPackageId = await newAccessPackage(emulator, "currency");
    });
    after(() => emulator?.close());

    it("a policy using every 2026 member round-trips through check, create, read and update with no loss and no diff", async () => {
        const inputs = await checked(operations, {
            ...minimalInputs(accessPackageId, "agents"),
            allowedTargetScope: "allDirectoryAgentIdentities",
            requestorSettings: { enableOnBehalfRequestorsToAddAccess: true, onBehalfRequestors: [AGENT_SPONSORS] },
            requestApprovalSettings: {
                isApprovalRequiredForAdd: true,
                stages: [
                    {
                        "@odata.type": "#microsoft.graph.accessPackageDynamicApprovalStage",
                        durationBeforeAutomaticDenial: "P3D",
                        approverInformationVisibility: "notVisible",
                        primaryApprovers: [AGENT_SPONSORS],
                    },
                    {
                        durationBeforeAutomaticDenial: "P30D",
                        approverInformationVisibility: "visible",
                        primaryApprovers: [{ "@odata.type": "#microsoft.graph.singleUser", userId: USER_ID }],
                    },
                ],
            },
        });
        const created = await operations.create(inputs);
        await assertNoChange(operations, created.id, created.outs as PolicyOutputs, inputs, "after create");
        const read = await operations.read(created.id, created.outs as PolicyOutputs);
        const outs = read.props as PolicyOutputs;
        await assertNoChange(operations, created.id, outs, inputs, "after read");
        const [dynamic, plain] = outs.requestApprovalSettings?.stages ?? [];
        assert.equal(dynamic["@odata.type"], "#microsoft.graph.accessPackageDynamicApprovalStage");
        assert.equal(dynamic.approverInformationVisibility, "notVisible");
        assert.equal(plain.approverInformationVisibility, "visible");
        assert.equal(outs.allowedTargetScope, "allDirectoryAgentIdentities");
        assert.deepEqual(outs.requestorSettings?.onBehalfRequestors, [AGENT_SPONSORS]);
        assert.equal(outs.carriedGraphProperties, undefined, "nothing unknown to carry");
        const stored = await emulator.admin.get("assignmentPolicies", created.id);
        assert.equal(
            (stored?.properties.requestApprovalSettings as { stages: Record<string, unknown>[] }).stages[0]["@odata.type"],
            "#microsoft.graph.accessPackageDynamicApprovalStage",
        );
        await operations.delete(created.id, outs);
    });

    it("an auto-assignment policy updates: its PUT states requestor and approval settings, which the emulator requires", async () => {
        const inputs = await checked(operations, {
            accessPackageId,
            displayName: "auto",
            description: "Sales",
            allowedTargetScope: "specificDirectoryUsers",
            specificAllowedTargets: [
                { "@odata.type": "#microsoft.graph.attributeRuleMembers", membershipRule: '(user.department -eq "Sales")' },
            ],
            automaticRequestSettings: { requestAccessForAllowedTargets: true },
        });
        const created = await operations.create(inputs);
        const renamed = { ...inputs, description: "Sales and marketing" } as PolicyInputs;
        const updated = await operations.update(created.id, created.outs as PolicyOutputs, renamed);
        assert.equal((updated.outs as PolicyOutputs).description, "Sales and marketing");
        await operations.delete(created.id, updated.outs as PolicyOutputs);
    });

    it("when Graph refuses a property it returned, the update's error names it and says how to proceed", async () => {
        const inputs = await checked(operations, minimalInputs(accessPackageId, "refused"));
        const created = await operations.create(inputs);
        // Stored behind the API (no newer Graph registers the name), so GET returns it but a PUT carrying it is refused.
        await emulator.admin.modify("assignmentPolicies", created.id, { computedScore: 7 });
        const read = await operations.read(created.id, created.outs as PolicyOutputs);
        assert.deepEqual((read.props as PolicyOutputs).carriedGraphProperties, { computedScore: 7 });

        await assert.rejects(
            operations.update(created.id, read.props as PolicyOutputs, { ...inputs, description: "changed" } as PolicyInputs),
            (error: Error) => {
                assert.match(error.message, /'computedScore' does not exist/);
                assert.match(
                    error.message,
                    /sent back properties Graph holds that this version of pulumi-entra-assignment-policy does not know \(computedScore\)/,
                );
                assert.match(
                    error.message,
                    /upgrade pulumi-entra-assignment-policy .* or clear it in the Entra admin center and run `pulumi refresh`/,
                );
                return true;
            },
        );
        await operations.delete(created.id, read.props as PolicyOutputs);
    });

    it("a property on approver B of [A, B] goes back on B when the program lists [B, A]", async () => {
        const declared = (approvers: object[], description: string) => ({
            ...minimalInputs(accessPackageId, "approver order"),
            description,
            requestApprovalSettings: approvedBy(...approvers),
        });
        const created = await operations.create(await checked(operations, declared([USER, GROUP], "made")));
        const stored = await emulator.admin.get("assignmentPolicies", created.id);
        const approval = structuredClone(stored?.properties.requestApprovalSettings) as { stages: { primaryApprovers: object[] }[] };
        // Behind the API, on the group: the emulator's Graph knows no such approver property, so it names where a PUT put it.
        Object.assign(approval.stages[0].primaryApprovers[1], { newerSetting: "on" });
        await emulator.admin.modify("assignmentPolicies", created.id, { requestApprovalSettings: approval });
        const read = await operations.read(created.id, created.outs as PolicyOutputs);
        const olds = read.props as PolicyOutputs;
        assert.deepEqual(olds.carriedGraphProperties, { "requestApprovalSettings.stages[0].primaryApprovers[1].newerSetting": "on" });
        await assertNoChange(operations, created.id, olds, await checked(operations, declared([GROUP, USER], "made")), "reordered");

        const onTheGroup = /'newerSetting' does not exist on type 'microsoft\.graph\.groupMembers'/;
        const news = await checked(operations, declared([GROUP, USER], "changed"));
        await assert.rejects(operations.update(created.id, olds, news), onTheGroup);
        const adopting = await checked(operations, { ...declared([GROUP, USER], "adopted"), adopt: true });
        await assert.rejects(operations.create(adopting), onTheGroup, "adoption's PUT too");
        await operations.delete(created.id, olds);
    });
});

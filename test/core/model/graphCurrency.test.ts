import * as assert from "node:assert/strict";
import {
    checkPolicy,
    diffPolicy,
    inputsFromOutputs,
    outputsFromGraph,
    toGraphBody,
    type CanonicalPolicy,
} from "../../../provider/core/model";
import { graphEcho } from "../../support/fakes/graphEcho";
import { allUsers, salesAutoAssignment, USER_ID, type JsonObject } from "../../support/policies";

type Policy = JsonObject;

function checked(policy: Policy): CanonicalPolicy {
    const { inputs, failures } = checkPolicy({}, policy);
    assert.deepEqual(failures, []);
    return inputs as CanonicalPolicy;
}

/** A policy using every 2026 member: an agent-identity scope, a dynamic stage hiding its approvers, agent sponsors. */
function agentPolicy(): Policy {
    const policy = allUsers();
    policy.allowedTargetScope = "allDirectoryAgentIdentities";
    policy.requestorSettings.onBehalfRequestors = [{ "@odata.type": "#microsoft.graph.targetAgentIdentitySponsorsOrOwners" }];
    policy.requestorSettings.enableOnBehalfRequestorsToAddAccess = true;
    Object.assign(policy.requestApprovalSettings.stages[0], {
        "@odata.type": "#microsoft.graph.accessPackageDynamicApprovalStage",
        approverInformationVisibility: "notVisible",
        primaryApprovers: [{ "@odata.type": "#microsoft.graph.targetAgentIdentitySponsorsOrOwners" }],
    });
    return policy;
}

/** Graph's answer for a policy written with `inputs`, plus what a newer Graph adds at the top and inside a stage. */
function newerGraphAnswer(inputs: CanonicalPolicy): Policy {
    const answer = graphEcho(toGraphBody(inputs)) as Policy;
    answer.riskLevel = "high";
    answer.requestApprovalSettings.stages[0].reminderCadence = { days: 2 };
    return answer;
}

describe("Graph v1.0 as it is today", () => {
    describe("the 2026 members", () => {
        it("round-trip through check, the Graph body, Graph's answer and diff without loss or diff", () => {
            const inputs = checked(agentPolicy());
            const body = toGraphBody(inputs) as Policy;
            assert.equal(body.allowedTargetScope, "allDirectoryAgentIdentities");
            assert.deepEqual(body.requestApprovalSettings.stages[0]["@odata.type"], "#microsoft.graph.accessPackageDynamicApprovalStage");
            assert.equal(body.requestApprovalSettings.stages[0].approverInformationVisibility, "notVisible");
            const outputs = outputsFromGraph(graphEcho(body as never));
            assert.deepEqual(diffPolicy(outputs as never, inputs as never).diffs, []);
            assert.deepEqual(diffPolicy(outputs as never, inputsFromOutputs(outputs) as never).diffs, [], "a refresh stores what it read");
        });

        it("a stage Graph holds as dynamic differs from one declared plain, so a PUT would not flatten it unseen", () => {
            const outputs = outputsFromGraph(graphEcho(toGraphBody(checked(agentPolicy())) as never));
            const plain = agentPolicy();
            delete plain.requestApprovalSettings.stages[0]["@odata.type"];
            assert.deepEqual(diffPolicy(outputs as never, checked(plain) as never).diffs, ["requestApprovalSettings"]);
        });

        it("a stage Graph answers without approverInformationVisibility reads as default, with no diff", () => {
            const inputs = checked(allUsers());
            const answer = graphEcho(toGraphBody(inputs)) as Policy;
            delete answer.requestApprovalSettings.stages[0].approverInformationVisibility;
            assert.deepEqual(diffPolicy(outputsFromGraph(answer as never) as never, inputs as never).diffs, []);
        });
    });

    it("check refuses beta-only names, which a v1.0 provider cannot reach", () => {
        const policy: Policy = { ...allUsers(), verifiableCredentialSettings: {}, customExtensionHandlers: [], accessReviewSettings: null };
        policy.requestorSettings.scopeType = "AllExistingDirectorySubjects";
        const failures = checkPolicy({}, policy).failures.filter((f) => f.reason.startsWith("unknown property"));
        assert.deepEqual(failures.map((f) => f.property).sort(), [
            "accessReviewSettings",
            "customExtensionHandlers",
            "requestorSettings.scopeType",
            "verifiableCredentialSettings",
        ]);
    });

    describe("an auto-assignment policy's PUT", () => {
        it("states requestorSettings and requestApprovalSettings (Required on Graph's update page), granting nothing", () => {
            const body = toGraphBody(checked(salesAutoAssignment())) as Policy;
            assert.deepEqual(body.requestorSettings, {
                enableTargetsToSelfAddAccess: false,
                enableTargetsToSelfUpdateAccess: false,
                enableTargetsToSelfRemoveAccess: false,
                allowCustomAssignmentSchedule: false,
                enableOnBehalfRequestorsToAddAccess: false,
                enableOnBehalfRequestorsToUpdateAccess: false,
                enableOnBehalfRequestorsToRemoveAccess: false,
                onBehalfRequestors: [],
            });
            assert.deepEqual(body.requestApprovalSettings, {
                isApprovalRequiredForAdd: false,
                isApprovalRequiredForUpdate: false,
                isRequestorJustificationRequired: false,
                stages: [],
            });
        });
    });

    describe("properties this version does not know", () => {
        it("are kept by path in carriedGraphProperties, at any depth, but not the expanded custom extension", () => {
            const inputs = checked({
                ...allUsers(),
                customExtensionStageSettings: [{ stage: "assignmentRequestCreated", customExtension: { id: USER_ID } }],
            });
            const outputs = outputsFromGraph(newerGraphAnswer(inputs) as never);
            assert.deepEqual(outputs.carriedGraphProperties, {
                riskLevel: "high",
                "requestApprovalSettings.stages[0].reminderCadence": { days: 2 },
            });
        });

        it("are left out of the inputs a refresh stores, so they cause no diff", () => {
            const inputs = checked(allUsers());
            const outputs = outputsFromGraph(newerGraphAnswer(inputs) as never);
            const refreshed = inputsFromOutputs(outputs) as Policy;
            assert.equal("carriedGraphProperties" in refreshed || "riskLevel" in refreshed, false);
            assert.equal(diffPolicy(outputs as never, inputs as never).changes, false);
        });

        it("go back into the PUT where Graph held them; what the inputs set wins, and a property whose object is gone is dropped", () => {
            const inputs = checked(allUsers());
            const carried = {
                riskLevel: "high",
                "requestApprovalSettings.stages[0].reminderCadence": { days: 2 },
                displayName: "stale",
                "reviewSettings.schedule.newThing": 1,
            };
            const body = toGraphBody(inputs, carried) as Policy;
            assert.equal(body.riskLevel, "high");
            assert.deepEqual(body.requestApprovalSettings.stages[0].reminderCadence, { days: 2 });
            assert.equal(body.displayName, "All Users");
            assert.equal(body.reviewSettings, null);
            const { riskLevel: _carried, ...rest } = body;
            delete rest.requestApprovalSettings.stages[0].reminderCadence;
            assert.deepEqual(rest, toGraphBody(inputs), "nothing else changes");
        });
    });
});

import * as assert from "node:assert/strict";
import { checkPolicy, diffPolicy, outputsFromGraph, toGraphBody, UNKNOWN } from "../../../provider/core/model";
import type { CanonicalPolicy } from "../../../provider/core/model";
import { graphEcho } from "../../support/fakes/graphEcho";
import { allUsers, quarterlyReviews, salesAutoAssignment, type JsonObject } from "../../support/policies";

type Policy = JsonObject;

/** Places where preview may leave a value unknown, from the top level down to a single subject-set field. */
const PLACES: [string, (p: Policy) => void, string][] = [
    ["accessPackageId", (p) => (p.accessPackageId = UNKNOWN), "accessPackageId"],
    ["displayName", (p) => (p.displayName = UNKNOWN), "displayName"],
    ["allowedTargetScope", (p) => (p.allowedTargetScope = UNKNOWN), "allowedTargetScope"],
    ["a whole list", (p) => (p.specificAllowedTargets = UNKNOWN), "specificAllowedTargets"],
    ["a whole object", (p) => (p.requestorSettings = UNKNOWN), "requestorSettings"],
    ["a boolean in an object", (p) => (p.requestApprovalSettings.isApprovalRequiredForAdd = UNKNOWN), "requestApprovalSettings"],
    ["the stages list", (p) => (p.requestApprovalSettings.stages = UNKNOWN), "requestApprovalSettings"],
    ["a stage", (p) => (p.requestApprovalSettings.stages[0] = UNKNOWN), "requestApprovalSettings"],
    [
        "a duration in a stage",
        (p) => (p.requestApprovalSettings.stages[0].durationBeforeAutomaticDenial = UNKNOWN),
        "requestApprovalSettings",
    ],
    ["an escalation flag", (p) => (p.requestApprovalSettings.stages[0].isEscalationEnabled = UNKNOWN), "requestApprovalSettings"],
    ["a subject set", (p) => (p.requestApprovalSettings.stages[0].primaryApprovers[0] = UNKNOWN), "requestApprovalSettings"],
    [
        "a subject-set type",
        (p) => (p.requestApprovalSettings.stages[0].primaryApprovers[0]["@odata.type"] = UNKNOWN),
        "requestApprovalSettings",
    ],
    ["a user id", (p) => (p.requestApprovalSettings.stages[0].fallbackPrimaryApprovers[0].userId = UNKNOWN), "requestApprovalSettings"],
    ["the expiration type", (p) => (p.expiration.type = UNKNOWN), "expiration"],
    [
        "a review start",
        (p) => ((p.reviewSettings = quarterlyReviews()), (p.reviewSettings.schedule.startDateTime = UNKNOWN)),
        "reviewSettings",
    ],
    ["a question", (p) => (p.questions = [UNKNOWN]), "questions"],
    [
        "a custom extension id",
        (p) => (p.customExtensionStageSettings = [{ stage: "assignmentRequestCreated", customExtension: { id: UNKNOWN } }]),
        "customExtensionStageSettings",
    ],
    ["adopt", (p) => (p.adopt = UNKNOWN), ""],
    // Only afterDuration takes a duration, but an unknown one may turn out to be absent.
    ["a duration the expiration type does not take", (p) => (p.expiration = { type: "noExpiration", duration: UNKNOWN }), "expiration"],
];

/** Places in an auto-assignment policy where an unknown may turn out to grant nothing, which is all such a policy allows. */
const AUTO_ASSIGNMENT_PLACES: [string, (p: Policy) => void, string][] = [
    ["a self-request flag", (p) => (p.requestorSettings = { enableTargetsToSelfAddAccess: UNKNOWN }), "requestorSettings"],
    ["the on-behalf requestors", (p) => (p.requestorSettings = { onBehalfRequestors: UNKNOWN }), "requestorSettings"],
    ["an approval flag", (p) => (p.requestApprovalSettings = { isApprovalRequiredForAdd: UNKNOWN }), "requestApprovalSettings"],
    ["the approval stages", (p) => (p.requestApprovalSettings = { stages: UNKNOWN }), "requestApprovalSettings"],
];

function passesUntouchedAndDiffs(base: () => Policy, places: [string, (p: Policy) => void, string][]): void {
    const state = outputsFromGraph(graphEcho(toGraphBody(checkPolicy({}, base()).inputs as CanonicalPolicy)));
    for (const [place, makeUnknown, property] of places) {
        it(`in ${place}: passes check untouched and ${property ? `diffs ${property}` : "causes no diff"}`, () => {
            const policy = base();
            makeUnknown(policy);
            const { inputs, failures } = checkPolicy({}, policy);
            assert.deepEqual(failures, []);
            const again = base();
            makeUnknown(again);
            assert.equal(JSON.stringify(inputs).split(UNKNOWN).length, JSON.stringify(again).split(UNKNOWN).length);
            const diff = diffPolicy(state, inputs as CanonicalPolicy);
            assert.deepEqual(diff.diffs, property ? [property] : []);
            assert.deepEqual(diff.replaces, property === "accessPackageId" ? ["accessPackageId"] : []);
        });
    }
}

describe("the unknown sentinel", () => {
    passesUntouchedAndDiffs(allUsers, PLACES);

    describe("in an auto-assignment policy", () => {
        passesUntouchedAndDiffs(salesAutoAssignment, AUTO_ASSIGNMENT_PLACES);

        it("next to a known grant still fails at the grant", () => {
            const { failures } = checkPolicy(
                {},
                {
                    ...salesAutoAssignment(),
                    requestorSettings: { enableTargetsToSelfAddAccess: UNKNOWN, enableTargetsToSelfRemoveAccess: true },
                },
            );
            assert.deepEqual(
                failures.map((f) => f.property),
                ["requestorSettings.enableTargetsToSelfRemoveAccess"],
            );
        });
    });

    it("as automaticRequestSettings skips the request-based requirements", () => {
        const { requestorSettings: _requestor, requestApprovalSettings: _approval, ...policy } = allUsers();
        assert.deepEqual(checkPolicy({}, { ...policy, automaticRequestSettings: UNKNOWN }).failures, []);
    });

    it("as the only target of an auto-assignment policy passes", () => {
        assert.deepEqual(checkPolicy({}, { ...salesAutoAssignment(), specificAllowedTargets: [UNKNOWN] }).failures, []);
    });

    it("in one approval flag does not hide what the other one already requires", () => {
        const policy = allUsers();
        Object.assign(policy.requestApprovalSettings, { isApprovalRequiredForAdd: UNKNOWN, isApprovalRequiredForUpdate: true, stages: [] });
        assert.deepEqual(
            checkPolicy({}, policy).failures.map((f) => f.property),
            ["requestApprovalSettings.stages"],
        );
    });

    it("as a whole news object is not a crash", () => {
        assert.ok(checkPolicy({}, UNKNOWN as unknown as Policy).failures.length > 0);
    });
});

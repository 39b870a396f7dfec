import assert from "node:assert/strict";
import { detailedDiff } from "../../provider/plugin/detailedDiff";

describe("plugin: detailed diffs", function () {
    it("names the deepest changed paths of each changed property, with Pulumi's path syntax and the schema's names", () => {
        const olds = {
            requestApprovalSettings: {
                stages: [
                    {
                        durationBeforeAutomaticDenial: "P2D",
                        primaryApprovers: [{ "@odata.type": "#microsoft.graph.singleUser", userId: "a" }],
                    },
                ],
            },
        };
        const news = {
            requestApprovalSettings: {
                stages: [
                    {
                        durationBeforeAutomaticDenial: "P3D",
                        primaryApprovers: [{ "@odata.type": "#microsoft.graph.groupMembers", userId: "a" }],
                    },
                ],
            },
        };
        assert.deepEqual(detailedDiff(olds, news, ["requestApprovalSettings"], []), [
            { path: "requestApprovalSettings.stages[0].durationBeforeAutomaticDenial", kind: "update", replace: false },
            { path: "requestApprovalSettings.stages[0].primaryApprovers[0].odataType", kind: "update", replace: false },
        ]);
    });

    it("tells additions and removals apart, and a list of another length changes as a whole", () => {
        const olds = { reviewSettings: { isEnabled: true }, questions: [{ text: "a" }] };
        const news = { requestorSettings: { enableTargetsToSelfAddAccess: true }, questions: [{ text: "a" }, { text: "b" }] };
        assert.deepEqual(detailedDiff(olds, news, ["reviewSettings", "requestorSettings", "questions"], []), [
            { path: "reviewSettings", kind: "delete", replace: false },
            { path: "requestorSettings", kind: "add", replace: false },
            { path: "questions", kind: "update", replace: false },
        ]);
    });

    it("marks the paths of a property that replaces the policy", () => {
        assert.deepEqual(detailedDiff({ accessPackageId: "a" }, { accessPackageId: "b" }, ["accessPackageId"], ["accessPackageId"]), [
            { path: "accessPackageId", kind: "update", replace: true },
        ]);
    });

    it("reports a changed property whose inputs are equal (drift not yet refreshed) as a whole", () => {
        assert.deepEqual(detailedDiff({ description: "x" }, { description: "x" }, ["description"], []), [
            { path: "description", kind: "update", replace: false },
        ]);
    });

    it("reports nothing for properties the core did not find changed", () => {
        assert.deepEqual(detailedDiff({ description: "x" }, { description: "y" }, [], []), []);
    });
});

import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { checkPolicy } from "../../provider/model";
import type { AccessPackageAssignmentPolicyArgs, PolicyInputs } from "../../provider/types";

/** The README example, as users write it; this file failing to compile is the test's failure. */
function readmeExample(accessPackageId: pulumi.Input<string>): AccessPackageAssignmentPolicyArgs {
    return {
        accessPackageId,
        displayName: "All Users",
        description: "All users can request for access to the directory.",
        allowedTargetScope: "allDirectoryUsers",
        expiration: { type: "noExpiration" },
        requestorSettings: { enableTargetsToSelfAddAccess: true, enableTargetsToSelfRemoveAccess: true },
        requestApprovalSettings: {
            isApprovalRequiredForAdd: true,
            stages: [
                {
                    durationBeforeAutomaticDenial: "P2D",
                    primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 }],
                    fallbackPrimaryApprovers: [{ "@odata.type": "#microsoft.graph.singleUser", userId: "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2" }],
                },
            ],
        },
    };
}

describe("AccessPackageAssignmentPolicyArgs", () => {
    it("takes the README example, with inputs at any depth, and the same values validate", () => {
        const promised: AccessPackageAssignmentPolicyArgs = {
            ...readmeExample(Promise.resolve("49d2c59b-0a81-463d-a8ec-ddad3935d8a0")),
            displayName: Promise.resolve("All Users"),
            specificAllowedTargets: [Promise.resolve({ "@odata.type": "#microsoft.graph.groupMembers" as const, groupId: "1623f912-5e86-41c2-af47-39dd67582b66" })],
            questions: [{ "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: Promise.resolve("Why?") }],
            adopt: true,
        };
        assert.ok(promised.questions);
        const plain: PolicyInputs = { ...(readmeExample("49d2c59b-0a81-463d-a8ec-ddad3935d8a0") as PolicyInputs) };
        assert.deepEqual(checkPolicy({}, plain).failures, []);
    });
});

import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { checkPolicy } from "../../provider/core/model";
import type { PolicyInputs } from "../../provider/core/types";
import type { AccessPackageAssignmentPolicyArgs } from "../../provider/dynamic/args";

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
                    fallbackPrimaryApprovers: [
                        { "@odata.type": "#microsoft.graph.singleUser", userId: "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2" },
                    ],
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
            specificAllowedTargets: [
                Promise.resolve({
                    "@odata.type": "#microsoft.graph.groupMembers" as const,
                    groupId: "1623f912-5e86-41c2-af47-39dd67582b66",
                }),
            ],
            questions: [{ "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", text: Promise.resolve("Why?") }],
            adopt: true,
        };
        assert.ok(promised.questions);
        const plain: PolicyInputs = { ...(readmeExample("49d2c59b-0a81-463d-a8ec-ddad3935d8a0") as PolicyInputs) };
        assert.deepEqual(checkPolicy({}, plain).failures, []);
    });

    it("takes Graph's type tags on the objects whose type is fixed, as a body copied from Graph Explorer has them", () => {
        // Written out, not spread: TypeScript checks excess properties only where they are written.
        const requestBased: AccessPackageAssignmentPolicyArgs = {
            ...readmeExample("49d2c59b-0a81-463d-a8ec-ddad3935d8a0"),
            expiration: { "@odata.type": "#microsoft.graph.expirationPattern", type: "noExpiration" },
            requestorSettings: {
                "@odata.type": "#microsoft.graph.accessPackageAssignmentRequestorSettings",
                enableTargetsToSelfAddAccess: true,
            },
            requestApprovalSettings: {
                "@odata.type": "#microsoft.graph.accessPackageAssignmentApprovalSettings",
                isApprovalRequiredForAdd: true,
                stages: [
                    {
                        "@odata.type": "#microsoft.graph.accessPackageApprovalStage",
                        durationBeforeAutomaticDenial: "P2D",
                        primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager" }],
                    },
                ],
            },
            reviewSettings: {
                "@odata.type": "#microsoft.graph.accessPackageAssignmentReviewSettings",
                isEnabled: true,
                isSelfReview: true,
                schedule: {
                    "@odata.type": "#microsoft.graph.entitlementManagementSchedule",
                    startDateTime: "2025-07-01T00:00:00Z",
                    expiration: { "@odata.type": "#microsoft.graph.expirationPattern", type: "afterDuration", duration: "P14D" },
                    recurrence: {
                        "@odata.type": "#microsoft.graph.patternedRecurrence",
                        pattern: { "@odata.type": "#microsoft.graph.recurrencePattern", type: "absoluteMonthly", interval: 3 },
                        range: { "@odata.type": "#microsoft.graph.recurrenceRange", type: "noEnd" },
                    },
                },
            },
            notificationSettings: {
                "@odata.type": "#microsoft.graph.accessPackageNotificationSettings",
                isAssignmentNotificationDisabled: true,
            },
            questions: [
                {
                    "@odata.type": "#microsoft.graph.accessPackageTextInputQuestion",
                    text: "Why?",
                    localizations: [
                        { "@odata.type": "#microsoft.graph.accessPackageLocalizedText", languageCode: "fr", text: "Pourquoi ?" },
                    ],
                },
                {
                    "@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
                    text: "Where?",
                    choices: [
                        {
                            "@odata.type": "#microsoft.graph.accessPackageAnswerChoice",
                            actualValue: "KE",
                            text: "Kenya",
                            localizations: [
                                { "@odata.type": "#microsoft.graph.accessPackageLocalizedText", languageCode: "sw", text: "Kenya" },
                            ],
                        },
                    ],
                },
            ],
            customExtensionStageSettings: [
                {
                    "@odata.type": "#microsoft.graph.customExtensionStageSetting",
                    stage: "assignmentRequestCreated",
                    customExtension: { id: "bebe7873-1f0d-4db9-b6c3-01f7ebfe8476" },
                },
            ],
        };
        const automatic: AccessPackageAssignmentPolicyArgs = {
            accessPackageId: "49d2c59b-0a81-463d-a8ec-ddad3935d8a0",
            displayName: "Sales",
            description: "Sales department",
            allowedTargetScope: "specificDirectoryUsers",
            specificAllowedTargets: [
                { "@odata.type": "#microsoft.graph.attributeRuleMembers", membershipRule: '(user.department -eq "Sales")' },
            ],
            automaticRequestSettings: {
                "@odata.type": "#microsoft.graph.accessPackageAutomaticRequestSettings",
                requestAccessForAllowedTargets: true,
            },
        };
        for (const policy of [requestBased, automatic]) {
            assert.deepEqual(checkPolicy({}, policy as PolicyInputs).failures, []);
        }
    });
});

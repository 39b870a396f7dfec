import * as assert from "node:assert/strict";
import { approvers, requestors, reviewers, targets } from "../../provider";
import { checkPolicy } from "../../provider/core/model";
import type { AccessPackageAssignmentPolicyArgs } from "../../provider/dynamic/args";
import { sourceTypeErrors } from "../support/strictTypeCheck";

const GROUP = "1623f912-5e86-41c2-af47-39dd67582b66";
const USER = "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2";

const HEADER = `import * as pulumi from "@pulumi/pulumi";\nimport { approvers, requestors, reviewers, targets, type AccessPackageAssignmentPolicyArgs } from "pulumi-entra-assignment-policy";\n`;

describe("subject-set builders: approvers, targets, requestors, reviewers", () => {
    it("build the bodies Graph documents, which check accepts, from plain strings", () => {
        const args: AccessPackageAssignmentPolicyArgs = {
            accessPackageId: "49d2c59b-0a81-463d-a8ec-ddad3935d8a0",
            displayName: "Built",
            description: "Built with the subject-set builders",
            allowedTargetScope: "specificDirectoryUsers",
            specificAllowedTargets: [targets.group(GROUP, "Sales")],
            requestorSettings: {
                enableTargetsToSelfAddAccess: true,
                enableOnBehalfRequestorsToAddAccess: true,
                onBehalfRequestors: [requestors.targetManager(2), requestors.user(USER)],
            },
            requestApprovalSettings: {
                isApprovalRequiredForAdd: true,
                stages: [
                    {
                        durationBeforeAutomaticDenial: "P2D",
                        primaryApprovers: [approvers.requestorManager()],
                        fallbackPrimaryApprovers: [approvers.group(GROUP)],
                    },
                ],
            },
            reviewSettings: {
                isEnabled: true,
                expirationBehavior: "removeAccess",
                schedule: {
                    startDateTime: "2030-01-01T00:00:00Z",
                    expiration: { type: "afterDuration", duration: "P14D" },
                    recurrence: {
                        pattern: {
                            type: "absoluteMonthly",
                            interval: 3,
                            month: 0,
                            dayOfMonth: 0,
                            daysOfWeek: [],
                            firstDayOfWeek: "sunday",
                            index: "first",
                        },
                        range: { type: "noEnd", numberOfOccurrences: 0 },
                    },
                },
                primaryReviewers: [reviewers.manager()],
                fallbackReviewers: [reviewers.user(USER)],
            },
        };
        assert.deepEqual(approvers.group(GROUP), { "@odata.type": "#microsoft.graph.groupMembers", groupId: GROUP });
        assert.deepEqual(approvers.requestorManager(), { "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 });
        assert.deepEqual(targets.attributeRule('(user.department -eq "Sales")'), {
            "@odata.type": "#microsoft.graph.attributeRuleMembers",
            membershipRule: '(user.department -eq "Sales")',
        });
        assert.deepEqual(checkPolicy({}, args as Record<string, unknown>).failures, []);
    });

    it("take Outputs (an azuread group's objectId) and need no `as const` in a strictly compiled program", () => {
        assert.deepEqual(
            sourceTypeErrors(`${HEADER}
const groupId: pulumi.Output<string> = pulumi.output("${GROUP}");
const fallback = approvers.group(groupId);
const manager = approvers.requestorManager();
export const args: AccessPackageAssignmentPolicyArgs = {
    accessPackageId: pulumi.output("49d2c59b-0a81-463d-a8ec-ddad3935d8a0"),
    displayName: "All members",
    description: "d",
    allowedTargetScope: "allMemberUsers",
    requestorSettings: { enableTargetsToSelfAddAccess: true, onBehalfRequestors: [requestors.group(groupId)] },
    requestApprovalSettings: { isApprovalRequiredForAdd: true, stages: [{ durationBeforeAutomaticDenial: "P2D", primaryApprovers: [manager], fallbackPrimaryApprovers: [fallback] }] },
    reviewSettings: null,
};
`),
            [],
        );
    });

    it("a body pasted from Graph's documentation, with its nulls, compiles as the resource's args", () => {
        assert.deepEqual(
            sourceTypeErrors(`${HEADER}
export const args: AccessPackageAssignmentPolicyArgs = {
    accessPackageId: "49d2c59b-0a81-463d-a8ec-ddad3935d8a0",
    displayName: "All Users",
    description: "All users can request for access to the directory.",
    allowedTargetScope: "allDirectoryUsers",
    automaticRequestSettings: null,
    specificAllowedTargets: [],
    expiration: { endDateTime: null, duration: null, type: "noExpiration" },
    requestorSettings: { enableTargetsToSelfAddAccess: true, onBehalfRequestors: [] },
    requestApprovalSettings: { isApprovalRequiredForAdd: false, stages: [] },
};
`),
            [],
        );
    });

    // Each common mistake and the words its compiler error must contain to point at the fix.
    const MISTAKES: { mistake: string; code: string; names: RegExp }[] = [
        {
            mistake: "a kind the list does not allow",
            code: `approvers.connectedOrganization("x")`,
            names: /Property 'connectedOrganization' does not exist on type 'Approvers'/,
        },
        {
            mistake: "a number for an id",
            code: `approvers.group(42)`,
            names: /Argument of type 'number' is not assignable to parameter of type 'Input<string>/,
        },
        {
            mistake: "a manager level Graph does not have",
            code: `approvers.requestorManager(3)`,
            names: /Argument of type '3' is not assignable to parameter of type 'Input<1 \| 2> \| undefined'/,
        },
    ];
    for (const { mistake, code, names } of MISTAKES) {
        it(`names the fix for ${mistake}`, () => {
            const errors = sourceTypeErrors(`${HEADER}export const subject = ${code};\n`);
            assert.equal(errors.length, 1, errors.join("\n"));
            assert.match(errors[0], names);
        });
    }
});

/** Valid policies the unit tests start from, as users write them. */

/**
 * A JSON object as a test builds and bends it: any property at any depth is read, written or broken on purpose (check
 * must take whatever it is given), which only `any` lets a test write without a cast at every step.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the reason is above
export type JsonObject = Record<string, any>;

export const USER_ID = "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2";
export const GROUP_ID = "1623f912-5e86-41c2-af47-39dd67582b66";
export const PACKAGE_ID = "49d2c59b-0a81-463d-a8ec-ddad3935d8a0";
export const EXTENSION_ID = "bebe7873-1f0d-4db9-b6c3-01f7ebfe8476";

/** The "All Users" policy of the README example: request-based, one approval stage. */
export function allUsers(): JsonObject {
    return {
        accessPackageId: PACKAGE_ID,
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
                    fallbackPrimaryApprovers: [{ "@odata.type": "#microsoft.graph.singleUser", userId: USER_ID }],
                },
            ],
        },
    };
}

/** An auto-assignment policy for one department. */
export function salesAutoAssignment(): JsonObject {
    return {
        accessPackageId: PACKAGE_ID,
        displayName: "Sales",
        description: "Sales department",
        allowedTargetScope: "specificDirectoryUsers",
        specificAllowedTargets: [
            { "@odata.type": "#microsoft.graph.attributeRuleMembers", membershipRule: '(user.department -eq "Sales")' },
        ],
        automaticRequestSettings: { requestAccessForAllowedTargets: true },
    };
}

/** Enabled quarterly access reviews by a group. */
export function quarterlyReviews(): JsonObject {
    return {
        isEnabled: true,
        primaryReviewers: [{ "@odata.type": "#microsoft.graph.groupMembers", groupId: GROUP_ID }],
        schedule: {
            startDateTime: "2025-07-01T00:00:00Z",
            expiration: { type: "afterDuration", duration: "P14D" },
            recurrence: { pattern: { type: "absoluteMonthly", interval: 3 }, range: { type: "noEnd" } },
        },
    };
}

/**
 * The "All Users" policy `id` as Graph stores and returns it, without navigation properties: what the operations'
 * tests script Graph to answer.
 */
export function storedAllUsers(id: string, description: string, modifiedDateTime = "2026-01-01T00:00:00Z"): Record<string, unknown> {
    return {
        id,
        displayName: "All Users",
        description,
        allowedTargetScope: "allMemberUsers",
        specificAllowedTargets: [],
        automaticRequestSettings: null,
        expiration: { type: "noExpiration" },
        requestorSettings: { enableTargetsToSelfAddAccess: true, onBehalfRequestors: [] },
        requestApprovalSettings: { isApprovalRequiredForAdd: false, stages: [] },
        reviewSettings: null,
        notificationSettings: { isAssignmentNotificationDisabled: false },
        createdDateTime: "2026-01-01T00:00:00Z",
        modifiedDateTime,
    };
}

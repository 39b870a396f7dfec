/** Policies for the governance tests: one that every rule accepts, and a directory in which its principals are fine. */
import type { DirectorySnapshot } from "../../provider/core/governance";
import type { PolicyInputs } from "../../provider/core/types";
import { salesAutoAssignment } from "./policies";

export const ACCESS_PACKAGE_ID = "4b8a1e1c-3d3b-4f4e-9b5c-2f0d1c6a7e01";
export const CONNECTED_ORGANIZATION_ID = "a1b2c3d4-0000-4000-8000-000000000001";
export const APPROVER_GROUP_ID = "a1b2c3d4-0000-4000-8000-000000000002";
export const REVIEWER_USER_ID = "a1b2c3d4-0000-4000-8000-000000000003";
export const EXTENSION_ID = "a1b2c3d4-0000-4000-8000-000000000004";

/** Partners of one connected organization: approved by their sponsors, 180 days, reviewed, removing access by default. */
export function compliantExternalPolicy(): PolicyInputs {
    return {
        accessPackageId: ACCESS_PACKAGE_ID,
        displayName: "Partners",
        description: "Users of a connected organization, approved by their sponsors.",
        allowedTargetScope: "specificConnectedOrganizationUsers",
        specificAllowedTargets: [
            { "@odata.type": "#microsoft.graph.connectedOrganizationMembers", connectedOrganizationId: CONNECTED_ORGANIZATION_ID },
        ],
        expiration: { type: "afterDuration", duration: "P180D" },
        requestorSettings: { enableTargetsToSelfAddAccess: true, onBehalfRequestors: [] },
        requestApprovalSettings: {
            isApprovalRequiredForAdd: true,
            isRequestorJustificationRequired: true,
            stages: [
                {
                    durationBeforeAutomaticDenial: "P7D",
                    primaryApprovers: [{ "@odata.type": "#microsoft.graph.externalSponsors" }],
                    fallbackPrimaryApprovers: [{ "@odata.type": "#microsoft.graph.groupMembers", groupId: APPROVER_GROUP_ID }],
                },
            ],
        },
        reviewSettings: {
            isEnabled: true,
            expirationBehavior: "removeAccess",
            primaryReviewers: [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 }],
            fallbackReviewers: [{ "@odata.type": "#microsoft.graph.singleUser", userId: REVIEWER_USER_ID }],
            schedule: {
                startDateTime: "2026-01-01T00:00:00Z",
                expiration: { type: "afterDuration", duration: "P14D" },
                recurrence: { pattern: { type: "absoluteMonthly", interval: 3 }, range: { type: "noEnd" } },
            },
        },
        customExtensionStageSettings: [{ stage: "assignmentRequestApproved", customExtension: { id: EXTENSION_ID } }],
    };
}

/** The example: external users whose assignments never expire and are never reviewed. */
export function neverExpiringUnreviewed(): PolicyInputs {
    const { reviewSettings: _reviews, ...policy } = compliantExternalPolicy();
    return { ...policy, displayName: "Partners forever", expiration: { type: "noExpiration" } };
}

/** The unit tests' Sales auto-assignment policy, with no expiration (access ends when the user leaves the rule). */
export function compliantAutoAssignmentPolicy(): PolicyInputs {
    return { ...(salesAutoAssignment() as PolicyInputs), accessPackageId: ACCESS_PACKAGE_ID, expiration: { type: "noExpiration" } };
}

/** A directory in which `missing` do not exist and `empty` groups have no members; everything else exists. */
export function directory(missing: readonly string[] = [], empty: readonly string[] = []): DirectorySnapshot {
    return {
        userExists: (id) => !missing.includes(id),
        group: (id) => (missing.includes(id) ? { exists: false } : { exists: true, hasMembers: !empty.includes(id) }),
    };
}

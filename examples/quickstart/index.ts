/**
 * The "All Users" policy of the Microsoft Graph documentation (`POST .../assignmentPolicies`, first example): every
 * user in the directory may request the access package and remove it again; each request needs the approval of the
 * requestor's manager, or of a named user when there is no manager, within two days.
 */
import * as pulumi from "@pulumi/pulumi";
import { AccessPackageAssignmentPolicy } from "pulumi-entra-assignment-policy";

const config = new pulumi.Config();

const allUsers = new AccessPackageAssignmentPolicy("all-users", {
    accessPackageId: config.require("accessPackageId"),
    displayName: "All Users",
    description: "All users can request for access to the directory.",
    allowedTargetScope: "allDirectoryUsers",
    expiration: { type: "noExpiration" },
    requestorSettings: {
        enableTargetsToSelfAddAccess: true,
        enableTargetsToSelfRemoveAccess: true,
    },
    requestApprovalSettings: {
        isApprovalRequiredForAdd: true,
        stages: [
            {
                durationBeforeAutomaticDenial: "P2D",
                primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 }],
                fallbackPrimaryApprovers: [
                    { "@odata.type": "#microsoft.graph.singleUser", userId: "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2", description: "user" },
                ],
            },
        ],
    },
});

/** The Graph id of the policy. */
export const policyId = allUsers.id;
/** The catalog of the access package, as Graph reports it. */
export const catalogId = allUsers.catalogId;

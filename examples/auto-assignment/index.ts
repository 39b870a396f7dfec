/**
 * Automatic assignment: everyone whose `department` attribute matches gets the access package without asking, and
 * loses it (after a grace period) when they leave the department. A second, request-based policy lets anyone else
 * ask for the package with their manager's approval; a package holds at most one auto-assignment policy.
 */
import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import { AccessPackageAssignmentPolicy } from "pulumi-entra-assignment-policy";

const config = new pulumi.Config();
const department = config.get("department") ?? "Marketing";

/** The access package named in config (one that exists already), else a new one in a new catalog. */
function departmentTools(): pulumi.Input<string> {
    const existing = config.get("accessPackageId");
    if (existing !== undefined) return existing;
    const catalog = new azuread.AccessPackageCatalog("department", {
        displayName: `${department} catalog`,
        description: `Access packages of the ${department} department`,
    });
    return new azuread.AccessPackage("department-tools", {
        catalogId: catalog.id,
        displayName: `${department} tools`,
        description: `What every member of ${department} needs`,
    }).id;
}
const toolsId = departmentTools();

const automatic = new AccessPackageAssignmentPolicy("department-members", {
    accessPackageId: toolsId,
    displayName: `${department} department (automatic)`,
    description: `Assigned automatically to users whose department is ${department}.`,
    // An auto-assignment policy: directory users matched by exactly one attribute rule, no requestor or approval settings.
    allowedTargetScope: "specificDirectoryUsers",
    specificAllowedTargets: [
        {
            "@odata.type": "#microsoft.graph.attributeRuleMembers",
            description: `Users in ${department}`,
            membershipRule: `(user.department -eq ${JSON.stringify(department)})`,
        },
    ],
    automaticRequestSettings: {
        requestAccessForAllowedTargets: true,
        removeAccessWhenTargetLeavesAllowedTargets: true,
        gracePeriodBeforeAccessRemoval: "P7D",
    },
    expiration: { type: "noExpiration" },
});

const onRequest = new AccessPackageAssignmentPolicy("everyone-else", {
    accessPackageId: toolsId,
    displayName: "Other members on request",
    description: `Members outside ${department} may ask for 30 days; their manager approves.`,
    allowedTargetScope: "allMemberUsers",
    expiration: { type: "afterDuration", duration: "P30D" },
    requestorSettings: { enableTargetsToSelfAddAccess: true, enableTargetsToSelfRemoveAccess: true },
    requestApprovalSettings: {
        isApprovalRequiredForAdd: true,
        isRequestorJustificationRequired: true,
        stages: [
            {
                durationBeforeAutomaticDenial: "P5D",
                primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 }],
                fallbackPrimaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 2 }],
            },
        ],
    },
});

export const accessPackageId = toolsId;
export const automaticPolicyId = automatic.id;
export const onRequestPolicyId = onRequest.id;

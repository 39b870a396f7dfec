/**
 * An access package for the sales team, built from @pulumi/azuread objects of the same stack: the catalog, the
 * package and the group it grants come from azuread, and the two assignment policies take their allowed requestors,
 * on-behalf requestor and approvers from azuread groups and a user. Until azuread has created those objects their
 * ids are unknown, so `pulumi preview` of a new stack shows the policies with unknown ids, and still checks
 * everything else in them.
 */
import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import { AccessPackageAssignmentPolicy } from "pulumi-entra-assignment-policy";

const config = new pulumi.Config();

const salesLead = new azuread.User("sales-lead", {
    userPrincipalName: `sales-lead@${config.require("domain")}`,
    displayName: "Sales lead",
    password: config.requireSecret("salesLeadPassword"),
    forcePasswordChange: true,
});

const sales = new azuread.Group("sales", { displayName: "Sales", securityEnabled: true });
const approvers = new azuread.Group("sales-approvers", {
    displayName: "Sales tools approvers",
    securityEnabled: true,
    members: [salesLead.objectId],
});
const crmUsers = new azuread.Group("crm-users", { displayName: "CRM users", securityEnabled: true });

const catalog = new azuread.AccessPackageCatalog("sales", {
    displayName: "Sales",
    description: "Access packages of the sales team",
});
const salesTools = new azuread.AccessPackage("sales-tools", {
    catalogId: catalog.id,
    displayName: "Sales tools",
    description: "Membership of CRM users",
});

// The package grants membership of "CRM users": the group joins the catalog, then the package.
const crmInCatalog = new azuread.AccessPackageResourceCatalogAssociation("crm-users", {
    catalogId: catalog.id,
    resourceOriginId: crmUsers.objectId,
    resourceOriginSystem: "AadGroup",
});
new azuread.AccessPackageResourcePackageAssociation("crm-users", {
    accessPackageId: salesTools.id,
    catalogResourceAssociationId: crmInCatalog.id,
    accessType: "Member",
});

// Members of Sales ask for themselves; their manager approves, and the approvers group stands in for anyone
// without a manager. Assignments last half a year and can be extended on request.
const salesMembers = new AccessPackageAssignmentPolicy("sales-members", {
    accessPackageId: salesTools.id,
    displayName: "Sales members",
    description: "Members of the Sales group request access; their manager approves.",
    allowedTargetScope: "specificDirectoryUsers",
    specificAllowedTargets: [{ "@odata.type": "#microsoft.graph.groupMembers", groupId: sales.objectId }],
    expiration: { type: "afterDuration", duration: "P180D" },
    requestorSettings: {
        enableTargetsToSelfAddAccess: true,
        enableTargetsToSelfUpdateAccess: true,
        enableTargetsToSelfRemoveAccess: true,
    },
    requestApprovalSettings: {
        isApprovalRequiredForAdd: true,
        isApprovalRequiredForUpdate: true,
        isRequestorJustificationRequired: true,
        stages: [
            {
                durationBeforeAutomaticDenial: "P7D",
                primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 }],
                fallbackPrimaryApprovers: [{ "@odata.type": "#microsoft.graph.groupMembers", groupId: approvers.objectId }],
            },
        ],
    },
});

// The sales lead brings in people from outside the team for 90 days; the approvers group signs off.
const leadAssigned = new AccessPackageAssignmentPolicy("lead-assigned", {
    accessPackageId: salesTools.id,
    displayName: "Assigned by the sales lead",
    description: "The sales lead requests access for any member user; the approvers group approves.",
    allowedTargetScope: "allMemberUsers",
    expiration: { type: "afterDuration", duration: "P90D" },
    requestorSettings: {
        enableOnBehalfRequestorsToAddAccess: true,
        enableOnBehalfRequestorsToRemoveAccess: true,
        onBehalfRequestors: [{ "@odata.type": "#microsoft.graph.singleUser", userId: salesLead.objectId }],
    },
    requestApprovalSettings: {
        isApprovalRequiredForAdd: true,
        stages: [
            {
                durationBeforeAutomaticDenial: "P3D",
                isApproverJustificationRequired: true,
                primaryApprovers: [{ "@odata.type": "#microsoft.graph.groupMembers", groupId: approvers.objectId }],
            },
        ],
    },
});

export const accessPackageId = salesTools.id;
export const salesMembersPolicyId = salesMembers.id;
export const leadAssignedPolicyId = leadAssigned.id;

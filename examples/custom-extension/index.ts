/**
 * A policy that runs a custom workflow extension (a Logic App) whenever an assignment request is created, as in
 * Graph's "update a policy" example 3, and the way back: set `removeCustomExtension` to true and the next
 * `pulumi up` removes the extension from the policy with `customExtensionStageSettings: []` (example 2).
 *
 * Custom workflow extensions belong to a catalog and are made with their Logic App in the Entra admin center
 * (Identity Governance > Catalogs > Custom extensions), so the catalog and the extension come from config; the
 * access package is created here, in that catalog, unless config names one.
 */
import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import { AccessPackageAssignmentPolicy } from "pulumi-entra-assignment-policy";

const config = new pulumi.Config();
const catalogId = config.require("catalogId");
const customExtensionId = config.require("customExtensionId");
const removeCustomExtension = config.getBoolean("removeCustomExtension") ?? false;

// An access package of that catalog named in config (one that exists already), else a new one.
const accessPackageId: pulumi.Input<string> =
    config.get("accessPackageId") ??
    new azuread.AccessPackage("provisioned", {
        catalogId,
        displayName: "Provisioned by workflow",
        description: "Access whose requests are processed by a Logic App",
    }).id;

const policy = new AccessPackageAssignmentPolicy("with-extension", {
    accessPackageId,
    displayName: "API Created policy with updated customExtensionStageSettings",
    description: "policy with updated customExtensionStageSettings",
    allowedTargetScope: "notSpecified",
    specificAllowedTargets: [],
    expiration: { type: "noExpiration" },
    requestorSettings: {
        enableTargetsToSelfAddAccess: false,
        enableTargetsToSelfUpdateAccess: false,
        enableTargetsToSelfRemoveAccess: false,
        allowCustomAssignmentSchedule: true,
        enableOnBehalfRequestorsToAddAccess: false,
        enableOnBehalfRequestorsToUpdateAccess: false,
        enableOnBehalfRequestorsToRemoveAccess: false,
        onBehalfRequestors: [],
    },
    requestApprovalSettings: { isApprovalRequiredForAdd: false, isApprovalRequiredForUpdate: false, stages: [] },
    customExtensionStageSettings: removeCustomExtension
        ? []
        : [
              {
                  stage: "assignmentRequestCreated",
                  customExtension: {
                      "@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension",
                      id: customExtensionId,
                  },
              },
          ],
});

export { accessPackageId };
export const policyId = policy.id;

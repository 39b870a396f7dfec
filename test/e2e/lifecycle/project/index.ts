/**
 * The lifecycle suite's program: a catalog and an access package from `@pulumi/azuread` (answered by `mocks.ts`
 * with real objects in the emulator), and one assignment policy on that package. Stack config steers each step:
 * `packageName` (a new name means another package, so the policy is replaced), `description` and `denialAfter`
 * (in-place updates), `adopt` (`true` or a policy id: take over an existing policy). With `accessPackageId` set the
 * azuread resources are left out, so the program also runs under the real CLI, which has no mocks and no azuread
 * plugin; the id then passes through `KnownAfterCreate`, so that a first preview still sees it unknown, as it would
 * be with azuread.
 */
import * as azuread from "@pulumi/azuread";
import * as pulumi from "@pulumi/pulumi";
import { AccessPackageAssignmentPolicy } from "pulumi-entra-assignment-policy";
import { KnownAfterCreate } from "./knownAfterCreate";

const config = new pulumi.Config();

function accessPackageId(): pulumi.Input<string> {
    const fixed = config.get("accessPackageId");
    if (fixed !== undefined) return new KnownAfterCreate("access-package-id", fixed).value;
    const catalog = new azuread.AccessPackageCatalog("catalog", {
        displayName: "lifecycle",
        description: "Catalog of the lifecycle suite",
    });
    const accessPackage = new azuread.AccessPackage("package", {
        catalogId: catalog.id,
        displayName: config.require("packageName"),
        description: "Access package of the lifecycle suite",
    });
    return accessPackage.id;
}

const adopt = config.get("adopt");

const policy = new AccessPackageAssignmentPolicy("policy", {
    accessPackageId: accessPackageId(),
    ...(adopt === undefined ? {} : { adopt: adopt === "true" ? true : adopt }),
    displayName: "Lifecycle requests",
    description: config.get("description") ?? "Members may request access with their manager's approval.",
    allowedTargetScope: "allMemberUsers",
    expiration: { type: "afterDuration", duration: "P365D" },
    requestorSettings: { enableTargetsToSelfAddAccess: true, enableTargetsToSelfRemoveAccess: true },
    requestApprovalSettings: {
        isApprovalRequiredForAdd: true,
        stages: [
            {
                durationBeforeAutomaticDenial: config.get("denialAfter") ?? "P2D",
                primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 }],
            },
        ],
    },
});

/** The policy's Graph id. */
export const policyId = policy.id;

import * as pulumi from "@pulumi/pulumi";
import { policyProvider } from "./policyProvider";
import type { PolicyOutputs } from "../core/types";
import type { AccessPackageAssignmentPolicyArgs } from "./args";

/** Every property the resource exposes besides `id`; the SDK creates an output only for keys present at registration. */
const OUTPUT_PROPERTIES = [
    "accessPackageId",
    "adopt",
    "displayName",
    "description",
    "allowedTargetScope",
    "specificAllowedTargets",
    "automaticRequestSettings",
    "expiration",
    "requestorSettings",
    "requestApprovalSettings",
    "reviewSettings",
    "notificationSettings",
    "questions",
    "customExtensionStageSettings",
    "createdDateTime",
    "modifiedDateTime",
    "catalogId",
    "carriedGraphProperties",
] as const satisfies readonly Exclude<keyof PolicyOutputs, "id">[];

type OutputProperty = (typeof OUTPUT_PROPERTIES)[number];
/** Names a property of PolicyOutputs that the list above does not seed; the assignment below fails to compile then. */
type UnseededOutput = Exclude<Exclude<keyof PolicyOutputs, "id">, OutputProperty>;
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a compile-time check, never read at run time
const everyOutputSeeded: [UnseededOutput] extends [never] ? true : UnseededOutput = true;

const REQUIRED_INPUTS = ["accessPackageId", "displayName", "description", "allowedTargetScope"] as const;

/** The resource's outputs: every canonical input as Graph holds it, plus Graph's read-only properties. */
export type AccessPackageAssignmentPolicyOutputs = {
    readonly [K in OutputProperty]-?: pulumi.Output<PolicyOutputs[K]>;
};

/**
 * A Microsoft Entra entitlement-management access package assignment policy
 * (Microsoft Graph v1.0 `accessPackageAssignmentPolicy`): who may request or is automatically given an access
 * package, who approves, for how long assignments last, and how they are reviewed.
 *
 * Inputs use Graph's own property names and shapes, so a body from the Graph documentation or Graph Explorer can
 * be pasted as is; the one exception is `accessPackageId` in place of `accessPackage: { id }`. Changing
 * `accessPackageId` replaces the policy; every other change is applied in place with one PUT of the whole policy.
 *
 * @example
 * ```ts
 * const policy = new AccessPackageAssignmentPolicy("all-users", {
 *     accessPackageId: accessPackage.id,
 *     displayName: "All Users",
 *     description: "All users can request for access to the directory.",
 *     allowedTargetScope: "allDirectoryUsers",
 *     expiration: { type: "noExpiration" },
 *     requestorSettings: { enableTargetsToSelfAddAccess: true, enableTargetsToSelfRemoveAccess: true },
 *     requestApprovalSettings: {
 *         isApprovalRequiredForAdd: true,
 *         stages: [{
 *             durationBeforeAutomaticDenial: "P2D",
 *             primaryApprovers: [{ "@odata.type": "#microsoft.graph.requestorManager", managerLevel: 1 }],
 *             fallbackPrimaryApprovers: [{ "@odata.type": "#microsoft.graph.singleUser", userId: "e6bf4d7d-6824-4dd0-809d-5bf42d4817c2" }],
 *         }],
 *     },
 * });
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface below
export class AccessPackageAssignmentPolicy extends pulumi.dynamic.Resource {
    /**
     * Creates a policy, or adopts an existing one when `adopt` is set.
     *
     * @param name The unique name of the resource in the Pulumi program.
     * @param args The policy, in Graph's shape.
     * @param opts Resource options (`customTimeouts` is not passed to dynamic providers by Pulumi; see docs/permissions-and-limitations.md).
     */
    constructor(name: string, args: AccessPackageAssignmentPolicyArgs, opts?: pulumi.CustomResourceOptions) {
        if (!opts?.urn) {
            for (const property of REQUIRED_INPUTS) {
                if (args?.[property] === undefined) {
                    throw new Error(`Missing required property '${property}'`);
                }
            }
        }
        const props: Record<string, unknown> = Object.fromEntries(OUTPUT_PROPERTIES.map((key) => [key, undefined]));
        super(policyProvider, name, { ...props, ...args }, opts, "entitlementManagement", "AccessPackageAssignmentPolicy");
    }
}

// Declaration merging gives the class one typed output per property without repeating the list of types. The
// outputs are set by the Pulumi SDK at registration, never by the constructor, which is what the rule guards against.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface AccessPackageAssignmentPolicy extends AccessPackageAssignmentPolicyOutputs {}

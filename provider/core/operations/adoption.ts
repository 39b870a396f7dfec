/**
 * Brownfield adoption: deciding, at create time, whether a declared policy takes over one that already exists in
 * the tenant instead of creating a second policy with the same name in the same access package.
 */
import type * as Graph from "@microsoft/microsoft-graph-types";
import { describePolicies, type DisplayNameTakenError } from "./displayNameTakenError";
import { type OperationContext, type PolicyApi } from "./policyApi";
import type { PolicyInputs } from "../model";

/** Raised when create cannot proceed without a decision from the user; the message says what to declare. */
export class AdoptionError extends Error {
    override readonly name = "AdoptionError";
}

function idsOf(policies: { id?: string | null }[]): string {
    return policies.map((policy) => policy.id).join(", ");
}

/**
 * The existing policy this create should take over (as Graph returned it, with its id and access package), or
 * `undefined` to create a new one. `adopt: "<id>"` names the policy; `adopt: true` matches by display name within
 * the access package, ignoring case as Graph does, and falls back to creating the policy when none exists, so an
 * exported program also runs against a tenant that lacks it.
 */
export async function adoptionTarget(
    api: PolicyApi,
    inputs: PolicyInputs,
    call: OperationContext,
): Promise<Graph.AccessPackageAssignmentPolicy | undefined> {
    const { adopt, accessPackageId, displayName } = inputs;
    if (adopt === undefined || adopt === false) {
        return undefined;
    }
    if (typeof adopt === "string") {
        const existing = await api.get(adopt, { ...call, id: adopt });
        if (!existing) {
            throw new AdoptionError(
                `adopt: there is no access package assignment policy with id ${adopt} to adopt. ` +
                    `Remove \`adopt\` to create "${displayName}" as a new policy, or correct the id.`,
            );
        }
        const owner = existing.accessPackage?.id;
        if (owner && owner.toLowerCase() !== accessPackageId.toLowerCase()) {
            throw new AdoptionError(
                `adopt: policy ${adopt} belongs to access package ${owner}, not ${accessPackageId}. ` +
                    `A policy cannot move between access packages; set accessPackageId to ${owner}.`,
            );
        }
        return { ...existing, id: adopt };
    }
    const matches = await api.findByDisplayName(accessPackageId, displayName, call);
    if (matches.length > 1) {
        throw new AdoptionError(
            `adopt: access package ${accessPackageId} has ${matches.length} assignment policies named "${displayName}" ` +
                `(${idsOf(matches)}); set adopt to the id of the one to manage.`,
        );
    }
    return matches[0];
}

/** Explains a refused create and how to take the existing policy over instead. */
export function nameTakenError(taken: DisplayNameTakenError): AdoptionError {
    const { accessPackageId, displayName, existing } = taken;
    const spelling = existing.every((policy) => policy.displayName === displayName)
        ? ""
        : ` Graph compares display names ignoring case, so "${displayName}" is the same name.`;
    return new AdoptionError(
        `access package ${accessPackageId} already has an assignment policy named ${describePolicies(existing)}.${spelling} ` +
            `Nothing was created. To manage the existing policy with Pulumi, set \`adopt: true\` on this resource ` +
            `(or \`adopt: "${existing[0].id}"\`): the next \`pulumi up\` takes it over with one PUT and creates nothing. ` +
            `To create a separate policy, give it another displayName.`,
    );
}

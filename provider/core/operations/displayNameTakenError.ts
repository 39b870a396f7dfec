/** A policy that already exists, as Graph holds it. */
export interface ExistingPolicy {
    readonly id: string;
    /** The display name as Graph spells it, which may differ in case from the one asked for. */
    readonly displayName: string;
}

/** `"name" (id)` for each policy, for messages. */
export function describePolicies(policies: readonly ExistingPolicy[]): string {
    return policies.map((policy) => `"${policy.displayName}" (${policy.id})`).join(", ");
}

/**
 * A create refused before anything was sent: the access package already has policies with this display name (Graph
 * compares display names ignoring case), and another one would be indistinguishable from them (and from a duplicate
 * left by a retried POST).
 */
export class DisplayNameTakenError extends Error {
    override readonly name = "DisplayNameTakenError";

    constructor(
        readonly accessPackageId: string,
        /** The display name the create asked for. */
        readonly displayName: string,
        /** The policies that already carry the name, spelled as Graph holds it. */
        readonly existing: readonly ExistingPolicy[],
    ) {
        super(`access package ${accessPackageId} already has an assignment policy named ${describePolicies(existing)}`);
    }
}

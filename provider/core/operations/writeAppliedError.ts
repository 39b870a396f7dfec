import type { PolicyRef } from "../graph/transport/graphRequestError";

/** What a write did to a policy before a step that had to follow it failed. */
export type AppliedWrite = "created" | "updated";

/**
 * Graph applied a write to a policy whose id is known, but a step that had to follow failed: reading the policy back,
 * or removing the duplicates that POSTs with an unknown outcome left. The policy exists, so a caller must keep its id
 * (for a create, in state) rather than forget it and leave an orphan.
 */
export class WriteAppliedError extends Error {
    override readonly name = "WriteAppliedError";

    constructor(
        readonly write: AppliedWrite,
        /** The policy the write made or changed. */
        readonly policy: PolicyRef & { readonly id: string },
        /** What could not be done after the write, e.g. `could not read it back`. */
        unfinished: string,
        /** Why. */
        override readonly cause: Error,
    ) {
        const name = policy.displayName !== undefined ? ` "${policy.displayName}"` : "";
        super(`${write} access package assignment policy${name} (${policy.id}) but ${unfinished}: ${cause.message}`);
    }
}

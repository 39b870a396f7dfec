/** The per-call inputs every policy operation takes, and what state may tell it about the policy. */
import type * as Graph from "@microsoft/microsoft-graph-types";

/** An access package assignment policy as Graph v1.0 sends and returns it. */
export type Policy = Graph.AccessPackageAssignmentPolicy;

/** Per-call context of a policy operation. */
export interface OperationContext {
    /** Epoch milliseconds: absolute deadline for the whole operation, retries and polling included. */
    deadline: number;
    /** Display name of the policy, for error messages. */
    displayName?: string;
    /** Graph id of the policy, for error messages. */
    id?: string;
}

/** What state last recorded about a policy, which lets a read tell Graph's replication lag from a real change. */
export interface LastKnown {
    /** `createdDateTime` from state: a 404 shortly after it is read-after-create lag rather than a deletion. */
    createdDateTime?: string;
    /** `modifiedDateTime` from state: a body modified before it, shortly after it, comes from a replica that lags. */
    modifiedDateTime?: string;
}

/** Whether a policy as Graph returns it already shows a write; a read-back after the write waits until it does. */
export type Reflects = (policy: Policy) => boolean;

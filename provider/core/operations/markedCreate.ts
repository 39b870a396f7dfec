import { graphInstant } from "./graphTime";
import type { OperationContext, Policy } from "./operationContext";

/** One create in flight: what it posts under, and the POSTs of it whose outcome stayed unknown. */
export interface MarkedCreate {
    readonly accessPackageId: string;
    readonly displayName: string;
    /**
     * Ends the description of every POST of this create, and nothing else can carry it: a policy with it is one this
     * create made, whatever else shares its name; one without it is never taken or deleted.
     */
    readonly mark: string;
    readonly call: OperationContext;
    /** POSTs whose outcome stayed unknown. */
    lost: number;
    /**
     * When the last lost POST can no longer be expected to apply: Graph may still be at work on one when its answer is
     * lost (a gateway's 504, an attempt timeout), for about as long as an attempt may take.
     */
    settledAt: number;
}

/** The policies among `policies` that carry the create's mark, oldest first. */
export function markedBy(create: Pick<MarkedCreate, "mark">, policies: Policy[]): Policy[] {
    return (
        policies
            .filter(
                (policy) =>
                    typeof policy.id === "string" && typeof policy.description === "string" && policy.description.endsWith(create.mark),
            )
            // By instant: Graph's timestamps vary in precision, so their text does not sort by time.
            .sort(
                (a, b) =>
                    (graphInstant(a.createdDateTime) ?? Infinity) - (graphInstant(b.createdDateTime) ?? Infinity) ||
                    (a.id as string).localeCompare(b.id as string),
            )
    );
}

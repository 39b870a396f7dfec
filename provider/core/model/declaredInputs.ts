/**
 * The smallest inputs that declare a policy: what a program written for an existing policy (`pulumi import`, the
 * `export` command) states, leaving out what `check` fills in by itself (Graph's defaults).
 */
import { isDeepStrictEqual } from "node:util";
import type { PolicyInputs } from "../types";
import { checkPolicy } from "./checkPolicy";

// Never left out, even where check could fill them: what the policy is, and which one it adopts.
const ALWAYS_DECLARED = new Set(["adopt", "accessPackageId", "displayName"]);

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
    return typeof value === "object" && value !== null;
}

/**
 * `canonical` with every property removed that `check` puts back as it was: each object property is tried for
 * removal first, and only where that changes the canonical form is its value searched for removable parts. List
 * elements are never removed (that would change the list), only searched. Each removal is checked by running
 * `check`, so no reader's default is written out here a second time.
 */
export function declaredInputs(canonical: PolicyInputs): PolicyInputs {
    const working: Record<string, unknown> = structuredClone(canonical);
    const unchanged = (): boolean => {
        const { inputs, failures } = checkPolicy({}, working);
        return failures.length === 0 && isDeepStrictEqual(inputs, canonical);
    };
    const prune = (holder: Record<string, unknown> | unknown[], topLevel: boolean): void => {
        if (Array.isArray(holder)) {
            holder.forEach((element) => isContainer(element) && prune(element, false));
            return;
        }
        const order = Object.keys(holder);
        for (const key of order) {
            if (topLevel && ALWAYS_DECLARED.has(key)) {
                continue;
            }
            const value = holder[key];
            delete holder[key];
            if (unchanged()) {
                continue;
            }
            holder[key] = value;
            if (isContainer(value)) {
                prune(value, false);
            }
        }
        // A property put back went to the end; a program lists them in Graph's order.
        for (const key of order.filter((kept) => Object.hasOwn(holder, kept))) {
            const value = holder[key];
            delete holder[key];
            holder[key] = value;
        }
    };
    prune(working, true);
    // Check accepts it (every removal was checked), so it is inputs a program may declare.
    return working as PolicyInputs;
}

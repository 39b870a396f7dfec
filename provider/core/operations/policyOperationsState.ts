/**
 * The policy operations' outputs and writes: what state stores from Graph's answer, when Graph's answer shows a
 * write, and the PUT that carries what this version does not know.
 */
import type * as Graph from "@microsoft/microsoft-graph-types";
import { GraphRequestError } from "../graph/transport/graphRequestError";
import { withHint } from "../graph/transport/withHint";
import { asSdkPolicy, diffCanonical, outputsFromGraph, type CanonicalOutputs, type CanonicalPolicy, type GraphPolicy } from "../model";
import type { PolicyApi, Reflects } from "./policyApi";

/** What state already knows about a policy and Graph's answer may leave out. */
export interface KnownState {
    /** Not a Graph property: kept from the inputs. */
    adopt?: CanonicalPolicy["adopt"];
    /** Immutable, so the declared or stored value holds when Graph's answer does not expand `accessPackage`. */
    accessPackageId?: string;
    /** The access package's catalog, for when Graph's answer does not expand `catalog`. */
    catalogId?: string;
}

/**
 * Outputs as stored in state: Graph's canonical view of the policy plus what Graph's answer did not carry. Without
 * the carried `accessPackageId` an answer lacking `accessPackage` would make the next diff replace the policy.
 */
export function stateOf(policy: Graph.AccessPackageAssignmentPolicy, known: KnownState): CanonicalOutputs {
    const outputs = outputsFromGraph(policy);
    return {
        ...outputs,
        accessPackageId: outputs.accessPackageId ?? known.accessPackageId,
        catalogId: outputs.catalogId ?? known.catalogId,
        ...(known.adopt === undefined ? {} : { adopt: known.adopt }),
    };
}

/** Whether Graph's view of a policy already is what `inputs` declare (compared canonically, as diff does). */
export function reflecting(inputs: CanonicalPolicy, known: KnownState): Reflects {
    return (policy) => !diffCanonical(stateOf(policy, known), inputs).changes;
}

/**
 * A PUT of `body`, which carries properties Graph returned that this version does not know. If Graph refuses the
 * PUT, the error names them: one of them may be what Graph refuses.
 */
export async function replaceCarrying(
    api: PolicyApi,
    id: string,
    body: GraphPolicy,
    carried: CanonicalOutputs["carriedGraphProperties"],
    call: Parameters<PolicyApi["replace"]>[2],
): Promise<Graph.AccessPackageAssignmentPolicy> {
    try {
        return await api.replace(id, asSdkPolicy(body), call);
    } catch (error) {
        const names = Object.keys(carried ?? {});
        if (names.length === 0 || !(error instanceof GraphRequestError) || error.statusCode !== 400) {
            throw error;
        }
        throw withHint(
            error,
            `The update sent back properties Graph holds that this version of pulumi-entra-assignment-policy does not know (${names.join(", ")}), ` +
                "so that it would not reset them. If Graph refuses one of them, upgrade pulumi-entra-assignment-policy to a version that knows it, " +
                "or clear it in the Entra admin center and run `pulumi refresh` before `pulumi up`.",
        );
    }
}

/** A policy collection in memory, answering the create's requests as Graph does, for the create's unit tests. */
import type { GraphCall, GraphCallResult } from "../../../provider/core/graph/transport/graphTransport";
import { answer, graphError, START } from "./scriptedDeps";

export const PACKAGE = "ap-1";
export const CATALOG = "cat-1";

export interface HeldPolicy {
    id: string;
    displayName: string;
    description: string;
    createdDateTime: string;
    modifiedDateTime: string;
}

/** Graph's side of a create: POST adds, PUT replaces, DELETE removes, GET reads, the access package lists them. */
export function policyCollection() {
    const policies = new Map<string, HeldPolicy>();
    let ids = 0;
    const idOf = (call: GraphCall): string => call.path.split("?")[0].split("/").pop() as string;
    return {
        policies,
        add(displayName: string, description: string): HeldPolicy {
            const id = `p${++ids}`;
            const at = new Date(START + ids).toISOString();
            const policy = { id, displayName, description, createdDateTime: at, modifiedDateTime: at };
            policies.set(policy.id, policy);
            return policy;
        },
        /** The access package with its policies, but those `hidden` (as a lagging list would). */
        list(hidden: (policy: HeldPolicy) => boolean = () => false): GraphCallResult {
            const listed = [...policies.values()].filter((policy) => !hidden(policy));
            return answer(200, { id: PACKAGE, catalog: { id: CATALOG }, assignmentPolicies: listed });
        },
        answer(call: GraphCall): GraphCallResult {
            const sent = call.body as { displayName: string; description: string } | undefined;
            if (call.method === "POST") {
                return answer(201, { ...this.add(sent!.displayName, sent!.description) });
            }
            if (call.path.includes("/accessPackages/")) {
                return this.list();
            }
            const held = policies.get(idOf(call));
            if (held === undefined) {
                return graphError(404, "ResourceNotFound");
            }
            if (call.method === "PUT") {
                return answer(200, Object.assign(held, { description: sent!.description }));
            }
            if (call.method === "DELETE") {
                policies.delete(held.id);
                return answer(204);
            }
            return answer(200, { ...held });
        },
    };
}

/** What a test sees of the requests: `lookup`, or the method and the policy id. */
export function traffic(calls: readonly GraphCall[]): string[] {
    return calls.map((call) =>
        call.path.includes("/accessPackages/")
            ? "lookup"
            : `${call.method} ${call.method === "POST" ? "" : (call.path.split("?")[0].split("/").pop() as string)}`.trim(),
    );
}

import type * as Graph from "@microsoft/microsoft-graph-types";
import type { ErrorSubject } from "../graph/transport/graphRequestError";
import { accessPackagePath, queryString } from "../graph/transport/odata";
import { equalsIgnoringCase } from "./equalsIgnoringCase";
import { graphAnswer, isGraphStatus } from "./graphAnswer";
import { markedUnusable } from "./markedUnusable";
import type { Policy } from "./operationContext";
import type { OperationDeps } from "./operationDeps";
import { requestFailure } from "./requestFailure";

/** What a name lookup through the access package found. */
export interface NameLookup {
    /** The package's policies with the display name (ignoring case), each with `accessPackage` (and its catalog) set. */
    named: Policy[];
    /** The access package's catalog, when Graph expanded it. */
    catalogId?: string;
}

/** What a lookup found in an access package as Graph listed it. */
function namedIn(accessPackage: Graph.AccessPackage, accessPackageId: string, displayName: string): NameLookup {
    const catalogId = accessPackage.catalog?.id ?? undefined;
    const named = (accessPackage.assignmentPolicies ?? [])
        .filter((policy) => equalsIgnoringCase(policy.displayName, displayName))
        .map((policy) => ({
            ...policy,
            accessPackage: { id: accessPackageId, ...(catalogId === undefined ? {} : { catalog: { id: catalogId } }) },
        }));
    return { named, catalogId };
}

/**
 * The policies of an access package with this display name, ignoring case; a 404 says the package does not exist.
 * An answer without the package's policies is read again: it would pass for a free name.
 */
export async function lookUpName(deps: OperationDeps, accessPackageId: string, displayName: string, deadline: number): Promise<NameLookup> {
    // Through the access package (`$expand=assignmentPolicies`), as Graph documents it for catalog owners and
    // access package managers with delegated tokens, for whom the policy collection is not scoped to what they
    // manage; it also needs no compound `$filter`. The catalog comes along so that a create need not read back.
    const { transport, polling } = deps;
    const subject: ErrorSubject = { operation: "listing", scope: `named "${displayName}" in access package ${accessPackageId}` };
    for (let round = 1; ; round++) {
        const result = await transport.send({
            method: "GET",
            path: accessPackagePath(accessPackageId, queryString({ $select: "id", $expand: "assignmentPolicies,catalog" })),
            deadline,
        });
        if (isGraphStatus(result, 404)) {
            throw requestFailure(
                transport,
                result,
                subject,
                `Access package ${accessPackageId} does not exist (or this identity cannot read it): check accessPackageId.`,
            );
        }
        const answer = graphAnswer(result, 200);
        if (answer === undefined) {
            throw requestFailure(transport, result, subject);
        }
        const accessPackage = answer.body as Graph.AccessPackage | null;
        // A lookup that lost its policies would pass for a free name: only the package itself, listed, counts.
        if (!equalsIgnoringCase(accessPackage?.id, accessPackageId) || !Array.isArray(accessPackage?.assignmentPolicies)) {
            if (!(await polling.pause(round, deadline))) {
                throw requestFailure(
                    transport,
                    markedUnusable(answer, `access package ${accessPackageId} with its policies`, "deadline"),
                    subject,
                );
            }
            continue;
        }
        return namedIn(accessPackage, accessPackageId, displayName);
    }
}

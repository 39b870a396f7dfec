import { odataString, POLICIES_PATH, POLICY_EXPAND, queryString } from "../graph/transport/odata";
import type { OperationContext, Policy } from "./operationContext";
import type { OperationDeps } from "./operationDeps";
import { listPages } from "./paging";

/** {@link PolicyApi.list}: all policies of an access package, of a catalog, or of the tenant, all pages. */
export async function listPolicies(
    deps: Pick<OperationDeps, "transport">,
    filter: { accessPackageId?: string; catalogId?: string },
    call: OperationContext,
): Promise<Policy[]> {
    // Graph documents `$filter=accessPackage/id` on assignment policies but no filter on their catalog, so a
    // catalog's policies are picked by the expanded `catalog` (or the access package's catalog) of each one.
    const query = queryString({
        $filter: filter.accessPackageId !== undefined ? `accessPackage/id eq ${odataString(filter.accessPackageId)}` : undefined,
        $expand: POLICY_EXPAND,
    });
    const scope = [
        filter.accessPackageId !== undefined ? `in access package ${filter.accessPackageId}` : undefined,
        filter.catalogId !== undefined ? `in catalog ${filter.catalogId}` : undefined,
    ].filter((part) => part !== undefined);
    const policies = await listPages(deps, `${POLICIES_PATH}${query}`, call.deadline, {
        operation: "listing",
        scope: scope.length > 0 ? scope.join(" ") : undefined,
    });
    const catalogId = filter.catalogId?.toLowerCase();
    return catalogId === undefined
        ? policies
        : policies.filter((policy) => (policy.catalog?.id ?? policy.accessPackage?.catalog?.id)?.toLowerCase() === catalogId);
}

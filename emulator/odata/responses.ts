import type { GraphRequest, GraphResponse } from "../http/GraphExchange";
import type { JsonObject } from "../json";
import { applyFilter, checkProjection, renderEntity, type EntityView } from "./EntityView";
import { encodeSkipToken, parseQueryOptions, type ExpandItem, type QueryOptions } from "./queryOptions";

/** Graph's default page size when the client gives no `$top` (emulated). */
export const DEFAULT_PAGE_SIZE = 100;

function expandContext(items: readonly ExpandItem[]): string[] {
    return items.map((item) => `${item.name}(${[...(item.select ?? []), ...expandContext(item.expand)].join(",")})`);
}

/** The `@odata.context` URL, with `$select`/`$expand` in parentheses as OData 4.01 writes it. */
function contextUrl(request: GraphRequest, entitySet: string, options: QueryOptions, single: boolean): string {
    const projection = [...(options.select ?? []), ...expandContext(options.expand)];
    const suffix = projection.length > 0 ? `(${projection.join(",")})` : "";
    return `${request.baseUrl}/v1.0/$metadata#${entitySet}${suffix}${single ? "/$entity" : ""}`;
}

/**
 * A single-entity response.
 * @param entitySet Context path of the entity set, e.g. `identityGovernance/entitlementManagement/assignmentPolicies`.
 */
export function entityResponse<R>(
    request: GraphRequest,
    view: EntityView<R>,
    record: R,
    entitySet: string,
    status = 200,
    headers: Readonly<Record<string, string>> = {},
): GraphResponse {
    const options = parseQueryOptions(request.query);
    checkProjection(view, options.expand, options.select);
    const body: JsonObject = {
        "@odata.context": contextUrl(request, entitySet, options, true),
        ...renderEntity(view, record, options.expand, options.select),
    };
    const { id } = view.properties(record);
    return { status, body, headers, ...(typeof id === "string" ? { entityId: id } : {}) };
}

/** A collection response with `$filter`, `$select`, `$expand`, `$count` and `$top` paging by `@odata.nextLink`. */
export function collectionResponse<R>(request: GraphRequest, view: EntityView<R>, records: R[], entitySet: string): GraphResponse {
    const options = parseQueryOptions(request.query);
    checkProjection(view, options.expand, options.select);
    const matching = applyFilter(view, records, options.filter);
    const pageSize = options.top ?? DEFAULT_PAGE_SIZE;
    const page = matching.slice(options.skip, options.skip + pageSize);
    const body: JsonObject = { "@odata.context": contextUrl(request, entitySet, options, false) };
    if (options.count) body["@odata.count"] = matching.length;
    const next = options.skip + pageSize;
    if (pageSize > 0 && next < matching.length) {
        const query = new URLSearchParams(request.query);
        query.set("$skiptoken", encodeSkipToken(next));
        body["@odata.nextLink"] = `${request.baseUrl}${request.pathname}?${query.toString()}`;
    }
    body.value = page.map((record) => renderEntity(view, record, options.expand, options.select));
    return { status: 200, body };
}

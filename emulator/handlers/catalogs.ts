import { graphErrors } from "../errors/graphErrors";
import type { JsonValue } from "../json";
import { collectionResponse, entityResponse } from "../odata/responses";
import type { Route } from "../routing/Router";
import type { CatalogRecord } from "../store/TenantState";
import { ObjectReader } from "../validation/ObjectReader";
import { newObjectId } from "./seedId";
import { ENTITLEMENT_MANAGEMENT, entitySet, type TenantServices } from "./TenantServices";

const CATALOG_TYPES = ["userManaged", "serviceDefault", "serviceManaged"] as const;
const CATALOG_STATES = ["unpublished", "published"] as const;
const SET = entitySet("catalogs");

/** Validates and stores a new catalog; `id` is only given by admin seeding. */
export function createCatalog(tenant: TenantServices, body: JsonValue | undefined, id?: string): CatalogRecord {
    const r = new ObjectReader(body, "", "microsoft.graph.accessPackageCatalog", [
        "id",
        "displayName",
        "description",
        "catalogType",
        "state",
        "isExternallyVisible",
        "createdDateTime",
        "modifiedDateTime",
    ]);
    const now = tenant.now();
    const record: CatalogRecord = {
        id: newObjectId(tenant, id),
        properties: {
            displayName: r.requiredString("displayName"),
            description: r.optionalString("description"),
            catalogType: r.enumValue("catalogType", CATALOG_TYPES, "userManaged"),
            state: r.enumValue("state", CATALOG_STATES, "published"),
            isExternallyVisible: r.boolean("isExternallyVisible", false),
            createdDateTime: now,
            modifiedDateTime: now,
        },
    };
    tenant.store.put("catalogs", record);
    return record;
}

/** Looks a catalog up or answers 404. */
export function requireCatalog(tenant: TenantServices, id: string): CatalogRecord {
    const record = tenant.store.get("catalogs", id.toLowerCase());
    if (record === undefined) throw graphErrors.notFound("accessPackageCatalog", id);
    return record;
}

/** Routes of `/catalogs`. */
export function catalogRoutes(tenant: TenantServices): Route[] {
    const view = tenant.views.catalog;
    const base = `${ENTITLEMENT_MANAGEMENT}/catalogs`;
    return [
        {
            method: "POST",
            template: base,
            handler: (request) => {
                const record = createCatalog(tenant, request.body);
                return entityResponse(request, view, record, SET, 201, { Location: `${request.baseUrl}${base}/${record.id}` });
            },
        },
        { method: "GET", template: base, handler: (request) => collectionResponse(request, view, tenant.store.list("catalogs"), SET) },
        {
            method: "GET",
            template: `${base}/{id}`,
            handler: (request) => entityResponse(request, view, requireCatalog(tenant, request.params.id), SET),
        },
        {
            method: "DELETE",
            template: `${base}/{id}`,
            handler: (request) => {
                const catalog = requireCatalog(tenant, request.params.id);
                const packages = tenant.store.list("accessPackages").filter((p) => p.catalogId === catalog.id);
                if (packages.length > 0) {
                    throw graphErrors.badRequest(
                        `The catalog '${catalog.id}' cannot be deleted because it still contains access packages: ${packages.map((p) => p.id).join(", ")}.`,
                    );
                }
                for (const extension of tenant.store.list("customWorkflowExtensions").filter((e) => e.catalogId === catalog.id)) {
                    tenant.store.remove("customWorkflowExtensions", extension.id);
                }
                tenant.store.remove("catalogs", catalog.id);
                return { status: 204 };
            },
        },
    ];
}

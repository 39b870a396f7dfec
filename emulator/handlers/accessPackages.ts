import { graphErrors } from "../errors/graphErrors";
import type { JsonValue } from "../json";
import { collectionResponse, entityResponse } from "../odata/responses";
import type { Route } from "../routing/Router";
import type { AccessPackageRecord } from "../store/TenantState";
import { isGuid, ObjectReader } from "../validation/ObjectReader";
import { newObjectId } from "./seedId";
import { ENTITLEMENT_MANAGEMENT, entitySet, type TenantServices } from "./TenantServices";

const SET = entitySet("accessPackages");

/** Validates and stores an access package (`catalog: { id }` must exist); `id` only from admin seeding. */
export function createAccessPackage(tenant: TenantServices, body: JsonValue | undefined, id?: string): AccessPackageRecord {
    const r = new ObjectReader(
        body,
        "",
        "microsoft.graph.accessPackage",
        ["id", "displayName", "description", "isHidden", "catalog", "createdDateTime", "modifiedDateTime"],
        ["catalogId"],
    );
    const catalog = r.optionalObject("catalog");
    const catalogId = catalog
        ? new ObjectReader(catalog, "catalog", "microsoft.graph.accessPackageCatalog", ["id"]).optionalString("id")
        : r.optionalString("catalogId");
    if (catalogId === null) throw graphErrors.missingProperty("catalog.id");
    if (!isGuid(catalogId) || tenant.store.get("catalogs", catalogId.toLowerCase()) === undefined) {
        throw graphErrors.invalidProperty("catalog.id", `catalog '${catalogId}' does not exist.`);
    }
    const now = tenant.now();
    const record: AccessPackageRecord = {
        id: newObjectId(tenant, id),
        catalogId: catalogId.toLowerCase(),
        properties: {
            displayName: r.requiredString("displayName"),
            description: r.optionalString("description"),
            isHidden: r.boolean("isHidden", false),
            createdDateTime: now,
            modifiedDateTime: now,
        },
    };
    tenant.store.put("accessPackages", record);
    return record;
}

function requireAccessPackage(tenant: TenantServices, id: string): AccessPackageRecord {
    const record = tenant.store.get("accessPackages", id.toLowerCase());
    if (record === undefined) throw graphErrors.notFound("accessPackage", id);
    return record;
}

/** Routes of `/accessPackages`. */
export function accessPackageRoutes(tenant: TenantServices): Route[] {
    const view = tenant.views.accessPackage;
    const base = `${ENTITLEMENT_MANAGEMENT}/accessPackages`;
    return [
        {
            method: "POST",
            template: base,
            handler: (request) => {
                const record = createAccessPackage(tenant, request.body);
                return entityResponse(request, view, record, SET, 201, { Location: `${request.baseUrl}${base}/${record.id}` });
            },
        },
        {
            method: "GET",
            template: base,
            handler: (request) => collectionResponse(request, view, tenant.store.list("accessPackages"), SET),
        },
        {
            method: "GET",
            template: `${base}/{id}`,
            handler: (request) => entityResponse(request, view, requireAccessPackage(tenant, request.params.id), SET),
        },
        {
            method: "DELETE",
            template: `${base}/{id}`,
            handler: (request) => {
                const accessPackage = requireAccessPackage(tenant, request.params.id);
                const policies = tenant.store.list("assignmentPolicies").filter((p) => p.accessPackageId === accessPackage.id);
                const assignments = tenant.store
                    .list("assignments")
                    .filter((a) => a.accessPackageId === accessPackage.id && a.properties.state === "delivered");
                if (policies.length > 0 || assignments.length > 0) {
                    throw graphErrors.badRequest(
                        `The access package '${accessPackage.id}' cannot be deleted while it has assignment policies (${policies.map((p) => p.id).join(", ") || "none"}) or active assignments (${assignments.map((a) => a.id).join(", ") || "none"}).`,
                    );
                }
                tenant.store.remove("accessPackages", accessPackage.id);
                return { status: 204 };
            },
        },
    ];
}

import { graphErrors } from "../errors/graphErrors";
import type { JsonValue } from "../json";
import { collectionResponse, entityResponse } from "../odata/responses";
import type { Route } from "../routing/Router";
import type { CustomWorkflowExtensionRecord } from "../store/TenantState";
import { readCustomWorkflowExtensionBody } from "../validation/customWorkflowExtensionBody";
import { requireCatalog } from "./catalogs";
import { newObjectId } from "./seedId";
import { ENTITLEMENT_MANAGEMENT, entitySet, type TenantServices } from "./TenantServices";

const setOf = (catalogId: string): string => entitySet(`catalogs('${catalogId}')/customWorkflowExtensions`);

/** Validates and stores a custom workflow extension in a catalog; `id` only from admin seeding. */
export function createCustomWorkflowExtension(
    tenant: TenantServices,
    catalogId: string,
    body: JsonValue | undefined,
    id?: string,
): CustomWorkflowExtensionRecord {
    const catalog = requireCatalog(tenant, catalogId);
    const now = tenant.now();
    const record: CustomWorkflowExtensionRecord = {
        id: newObjectId(tenant, id),
        catalogId: catalog.id,
        properties: { ...readCustomWorkflowExtensionBody(body), createdDateTime: now, lastModifiedDateTime: now },
    };
    tenant.store.put("customWorkflowExtensions", record);
    return record;
}

function requireExtension(tenant: TenantServices, catalogId: string, id: string): CustomWorkflowExtensionRecord {
    const record = tenant.store.get("customWorkflowExtensions", id.toLowerCase());
    if (record === undefined || record.catalogId !== catalogId.toLowerCase()) throw graphErrors.notFound("customCalloutExtension", id);
    return record;
}

/** Routes of `/catalogs/{catalogId}/customWorkflowExtensions`. */
export function customWorkflowExtensionRoutes(tenant: TenantServices): Route[] {
    const view = tenant.views.customWorkflowExtension;
    const base = `${ENTITLEMENT_MANAGEMENT}/catalogs/{catalogId}/customWorkflowExtensions`;
    return [
        {
            method: "POST",
            template: base,
            handler: (request) => {
                const record = createCustomWorkflowExtension(tenant, request.params.catalogId, request.body);
                const location = `${request.baseUrl}${ENTITLEMENT_MANAGEMENT}/catalogs/${record.catalogId}/customWorkflowExtensions/${record.id}`;
                return entityResponse(request, view, record, setOf(record.catalogId), 201, { Location: location });
            },
        },
        {
            method: "GET",
            template: base,
            handler: (request) => {
                const catalog = requireCatalog(tenant, request.params.catalogId);
                const records = tenant.store.list("customWorkflowExtensions").filter((e) => e.catalogId === catalog.id);
                return collectionResponse(request, view, records, setOf(catalog.id));
            },
        },
        {
            method: "GET",
            template: `${base}/{id}`,
            handler: (request) =>
                entityResponse(
                    request,
                    view,
                    requireExtension(tenant, request.params.catalogId, request.params.id),
                    setOf(request.params.catalogId),
                ),
        },
        {
            method: "DELETE",
            template: `${base}/{id}`,
            handler: (request) => {
                const extension = requireExtension(tenant, request.params.catalogId, request.params.id);
                const users = tenant.store
                    .list("assignmentPolicies")
                    .filter((policy) => policy.customExtensionStageSettings.some((setting) => setting.customExtensionId === extension.id));
                if (users.length > 0) {
                    throw graphErrors.badRequest(
                        `The custom extension '${extension.id}' is in use by assignment policies: ${users.map((p) => p.id).join(", ")}.`,
                    );
                }
                tenant.store.remove("customWorkflowExtensions", extension.id);
                return { status: 204 };
            },
        },
    ];
}

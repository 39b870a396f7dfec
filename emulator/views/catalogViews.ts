import { toMany, toOne, type EntityView } from "../odata/EntityView";
import type { AccessPackageRecord, CatalogRecord, CustomWorkflowExtensionRecord, TenantStore } from "../store/TenantState";
import { CUSTOM_EXTENSION_PROPERTIES } from "../validation/customWorkflowExtensionBody";
import type { ViewsOf } from "./entityViews";
import { structural } from "./structural";

/** accessPackageCatalog, with the access packages and custom workflow extensions it holds. */
export function catalogView(store: TenantStore, views: ViewsOf): EntityView<CatalogRecord> {
    return {
        typeName: "microsoft.graph.accessPackageCatalog",
        propertyNames: [
            "id",
            "displayName",
            "description",
            "catalogType",
            "state",
            "isExternallyVisible",
            "createdDateTime",
            "modifiedDateTime",
        ],
        properties: structural,
        navigations: {
            accessPackages: toMany(
                () => views().accessPackage,
                (record) => store.list("accessPackages").filter((p) => p.catalogId === record.id),
            ),
            customWorkflowExtensions: toMany(
                () => views().customWorkflowExtension,
                (record) => store.list("customWorkflowExtensions").filter((e) => e.catalogId === record.id),
            ),
        },
        filterable: {
            id: (r) => r.id,
            displayName: (r) => r.properties.displayName as string,
            state: (r) => r.properties.state as string,
        },
    };
}

/** accessPackage, with its catalog and its policies. */
export function accessPackageView(store: TenantStore, views: ViewsOf): EntityView<AccessPackageRecord> {
    return {
        typeName: "microsoft.graph.accessPackage",
        propertyNames: ["id", "displayName", "description", "isHidden", "createdDateTime", "modifiedDateTime"],
        properties: structural,
        navigations: {
            catalog: toOne(
                () => views().catalog,
                (record) => store.get("catalogs", record.catalogId),
            ),
            assignmentPolicies: toMany(
                () => views().assignmentPolicy,
                (record) => store.list("assignmentPolicies").filter((p) => p.accessPackageId === record.id),
            ),
        },
        filterable: {
            id: (r) => r.id,
            displayName: (r) => r.properties.displayName as string,
            "catalog/id": (r) => r.catalogId,
        },
    };
}

/** customCalloutExtension: the base type's properties and those both derived extension types add (what a body may carry). */
export const customWorkflowExtensionView: EntityView<CustomWorkflowExtensionRecord> = {
    typeName: "microsoft.graph.customCalloutExtension",
    propertyNames: ["id", ...CUSTOM_EXTENSION_PROPERTIES],
    properties: (record) => {
        const { "@odata.type": type, ...rest } = structuredClone(record.properties);
        return { "@odata.type": type, id: record.id, ...rest };
    },
    navigations: {},
    filterable: { id: (r) => r.id, displayName: (r) => r.properties.displayName as string },
};

import type { JsonObject } from "../json";
import { toMany, toOne, type EntityView } from "../odata/EntityView";
import type { AssignmentPolicyRecord, StageSettingRecord, TenantStore } from "../store/TenantState";
import { POLICY_PROPERTIES } from "../validation/assignmentPolicyShape";
import type { ViewsOf } from "./entityViews";
import { structural } from "./structural";

/** accessPackageQuestion: only the base type's properties, since OData needs a type cast for a derived one's. */
const question: EntityView<JsonObject> = {
    typeName: "microsoft.graph.accessPackageQuestion",
    propertyNames: ["id", "sequence", "isRequired", "isAnswerEditable", "text", "localizations"],
    properties: (record) => structuredClone(record),
    navigations: {},
    filterable: {},
};

function stageSettingView(store: TenantStore, views: ViewsOf): EntityView<StageSettingRecord> {
    return {
        typeName: "microsoft.graph.customExtensionStageSetting",
        propertyNames: ["id", "stage"],
        properties: (setting) => ({ id: setting.id, stage: setting.stage }),
        navigations: {
            customExtension: toOne(
                () => views().customWorkflowExtension,
                (setting) => store.get("customWorkflowExtensions", setting.customExtensionId),
            ),
        },
        filterable: {},
    };
}

/** accessPackageAssignmentPolicy: its structural properties are the ones its shape declares. */
export function assignmentPolicyView(store: TenantStore, views: ViewsOf): EntityView<AssignmentPolicyRecord> {
    const stageSetting = stageSettingView(store, views);
    return {
        typeName: "microsoft.graph.accessPackageAssignmentPolicy",
        propertyNames: ["id", ...POLICY_PROPERTIES],
        properties: structural,
        navigations: {
            accessPackage: toOne(
                () => views().accessPackage,
                (record) => store.get("accessPackages", record.accessPackageId),
            ),
            catalog: toOne(
                () => views().catalog,
                (record) => {
                    const owner = store.get("accessPackages", record.accessPackageId);
                    return owner && store.get("catalogs", owner.catalogId);
                },
            ),
            questions: toMany(
                () => question,
                (record) => record.questions,
            ),
            customExtensionStageSettings: toMany(
                () => stageSetting,
                (record) => record.customExtensionStageSettings,
            ),
        },
        filterable: {
            id: (r) => r.id,
            displayName: (r) => r.properties.displayName as string,
            allowedTargetScope: (r) => r.properties.allowedTargetScope as string,
            "accessPackage/id": (r) => r.accessPackageId,
        },
    };
}

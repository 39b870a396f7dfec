import { graphErrors } from "../errors/graphErrors";
import type { JsonObject } from "../json";
import { renderEntity, type EntityView } from "../odata/EntityView";
import type { ExpandItem } from "../odata/queryOptions";
import type {
  AccessPackageRecord,
  AssignmentPolicyRecord,
  AssignmentRecord,
  AssignmentRequestRecord,
  CatalogRecord,
  CustomWorkflowExtensionRecord,
  EntityRecord,
  TenantStore,
} from "../store/TenantState";

/** The wire representation of every entity type the emulator serves. */
export interface EntityViews {
  /** accessPackageCatalog. */
  catalog: EntityView<CatalogRecord>;
  /** accessPackage. */
  accessPackage: EntityView<AccessPackageRecord>;
  /** accessPackageAssignmentRequestWorkflowExtension / accessPackageAssignmentWorkflowExtension. */
  customWorkflowExtension: EntityView<CustomWorkflowExtensionRecord>;
  /** accessPackageAssignmentPolicy. */
  assignmentPolicy: EntityView<AssignmentPolicyRecord>;
  /** accessPackageAssignment. */
  assignment: EntityView<AssignmentRecord>;
  /** accessPackageAssignmentRequest. */
  assignmentRequest: EntityView<AssignmentRequestRecord>;
}

const structural = (record: EntityRecord): JsonObject => ({ id: record.id, ...structuredClone(record.properties) });

/**
 * Builds the views over a store. Navigation properties are rendered only when `$expand`ed,
 * as graph-policy.md states for the policy and as Graph does for every relationship; a
 * dangling reference renders as `null`.
 */
export function createEntityViews(store: TenantStore): EntityViews {
  const expandOne = <R>(view: EntityView<R>, record: R | undefined, nested: ExpandItem[]): JsonObject | null =>
    record === undefined ? null : renderEntity(view, record, nested);

  const catalog: EntityView<CatalogRecord> = {
    typeName: "microsoft.graph.accessPackageCatalog",
    properties: structural,
    navigations: {
      accessPackages: (record, nested) =>
        store.list("accessPackages").filter((p) => p.catalogId === record.id).map((p) => renderEntity(accessPackage, p, nested)),
      customWorkflowExtensions: (record, nested) =>
        store.list("customWorkflowExtensions").filter((e) => e.catalogId === record.id).map((e) => renderEntity(customWorkflowExtension, e, nested)),
    },
    filterable: {
      id: (r) => r.id,
      displayName: (r) => r.properties.displayName as string,
      state: (r) => r.properties.state as string,
    },
  };

  const accessPackage: EntityView<AccessPackageRecord> = {
    typeName: "microsoft.graph.accessPackage",
    properties: structural,
    navigations: {
      catalog: (record, nested) => expandOne(catalog, store.get("catalogs", record.catalogId), nested),
      assignmentPolicies: (record, nested) =>
        store.list("assignmentPolicies").filter((p) => p.accessPackageId === record.id).map((p) => renderEntity(assignmentPolicy, p, nested)),
    },
    filterable: {
      id: (r) => r.id,
      displayName: (r) => r.properties.displayName as string,
      "catalog/id": (r) => r.catalogId,
    },
  };

  const customWorkflowExtension: EntityView<CustomWorkflowExtensionRecord> = {
    typeName: "microsoft.graph.customCalloutExtension",
    properties: (record) => {
      const { "@odata.type": type, ...rest } = structuredClone(record.properties);
      return { "@odata.type": type, id: record.id, ...rest };
    },
    navigations: {},
    filterable: { id: (r) => r.id, displayName: (r) => r.properties.displayName as string },
  };

  const assignmentPolicy: EntityView<AssignmentPolicyRecord> = {
    typeName: "microsoft.graph.accessPackageAssignmentPolicy",
    properties: structural,
    navigations: {
      accessPackage: (record, nested) => expandOne(accessPackage, store.get("accessPackages", record.accessPackageId), nested),
      catalog: (record, nested) => {
        const owner = store.get("accessPackages", record.accessPackageId);
        return expandOne(catalog, owner && store.get("catalogs", owner.catalogId), nested);
      },
      questions: (record, nested) => {
        if (nested.length > 0) throw graphErrors.invalidQuery("questions has no navigation property to expand.");
        return structuredClone(record.questions);
      },
      customExtensionStageSettings: (record, nested) => {
        for (const item of nested) {
          if (item.name !== "customExtension") {
            throw graphErrors.invalidQuery(`Could not find a property named '${item.name}' on type 'microsoft.graph.customExtensionStageSetting'.`);
          }
        }
        return record.customExtensionStageSettings.map((setting) => ({
          id: setting.id,
          stage: setting.stage,
          ...(nested.length > 0
            ? { customExtension: expandOne(customWorkflowExtension, store.get("customWorkflowExtensions", setting.customExtensionId), nested[0].expand) }
            : {}),
        }));
      },
    },
    filterable: {
      id: (r) => r.id,
      displayName: (r) => r.properties.displayName as string,
      allowedTargetScope: (r) => r.properties.allowedTargetScope as string,
      "accessPackage/id": (r) => r.accessPackageId,
    },
  };

  const assignment: EntityView<AssignmentRecord> = {
    typeName: "microsoft.graph.accessPackageAssignment",
    properties: structural,
    navigations: {
      accessPackage: (record, nested) => expandOne(accessPackage, store.get("accessPackages", record.accessPackageId), nested),
      assignmentPolicy: (record, nested) => expandOne(assignmentPolicy, store.get("assignmentPolicies", record.assignmentPolicyId), nested),
      target: (record) => ({ objectId: record.targetId }),
    },
    filterable: {
      id: (r) => r.id,
      state: (r) => r.properties.state as string,
      "accessPackage/id": (r) => r.accessPackageId,
      "assignmentPolicy/id": (r) => r.assignmentPolicyId,
      "target/objectId": (r) => r.targetId,
    },
  };

  const assignmentRequest: EntityView<AssignmentRequestRecord> = {
    typeName: "microsoft.graph.accessPackageAssignmentRequest",
    properties: structural,
    navigations: {
      accessPackage: (record, nested) => expandOne(accessPackage, store.get("accessPackages", record.accessPackageId), nested),
      assignment: (record, nested) => expandOne(assignment, store.get("assignments", record.assignmentId), nested),
    },
    filterable: { id: (r) => r.id, requestType: (r) => r.properties.requestType as string, state: (r) => r.properties.state as string },
  };

  return { catalog, accessPackage, customWorkflowExtension, assignmentPolicy, assignment, assignmentRequest };
}

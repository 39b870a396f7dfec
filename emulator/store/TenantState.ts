import type { JsonObject } from "../json";

/**
 * One stored entity: its id and its structural (non-navigation) properties exactly as GET
 * renders them. Navigation targets are kept as ids beside the properties.
 */
export interface EntityRecord {
    /** Server-generated (or seeded) GUID. */
    id: string;
    /** Structural properties in wire form, without `id`. */
    properties: JsonObject;
}

/** An access package catalog. */
export type CatalogRecord = EntityRecord;

/** An access package; belongs to one catalog. */
export interface AccessPackageRecord extends EntityRecord {
    /** Id of the owning catalog. */
    catalogId: string;
}

/** A custom workflow extension (`properties` holds its `@odata.type`); belongs to one catalog. */
export interface CustomWorkflowExtensionRecord extends EntityRecord {
    /** Id of the owning catalog. */
    catalogId: string;
}

/** One `customExtensionStageSetting` of a policy. */
export interface StageSettingRecord {
    /** Server-generated when the client omits it. */
    id: string;
    /** The `accessPackageCustomExtensionStage` value. */
    stage: string;
    /** Id of the custom workflow extension run at this stage. */
    customExtensionId: string;
}

/** An access package assignment policy. */
export interface AssignmentPolicyRecord extends EntityRecord {
    /** Id of the owning access package (immutable). */
    accessPackageId: string;
    /** The `questions` navigation collection, in wire form with ids. */
    questions: JsonObject[];
    /** The `customExtensionStageSettings` navigation collection. */
    customExtensionStageSettings: StageSettingRecord[];
}

/** An access package assignment. */
export interface AssignmentRecord extends EntityRecord {
    /** Id of the access package assigned. */
    accessPackageId: string;
    /** Id of the policy the assignment was made under. */
    assignmentPolicyId: string;
    /** Object id of the assigned subject (the `target` navigation). */
    targetId: string;
}

/** An access package assignment request. */
export interface AssignmentRequestRecord extends EntityRecord {
    /** Id of the access package requested. */
    accessPackageId: string;
    /** Id of the assignment the request created or removed. */
    assignmentId: string;
}

/** A directory user (`/users`), with the properties Graph returns by default. */
export type UserRecord = EntityRecord;

/** A directory group (`/groups`) and the object ids of its direct members (users or groups). */
export interface GroupRecord extends EntityRecord {
    /** Object ids of the members; ones that no longer exist are not listed by `/members`. */
    memberIds: string[];
}

/** Maps each collection name to the record type it holds. */
export interface TenantRecords {
    /** Access package catalogs. */
    catalogs: CatalogRecord;
    /** Access packages. */
    accessPackages: AccessPackageRecord;
    /** Custom workflow extensions of every catalog. */
    customWorkflowExtensions: CustomWorkflowExtensionRecord;
    /** Assignment policies. */
    assignmentPolicies: AssignmentPolicyRecord;
    /** Assignments. */
    assignments: AssignmentRecord;
    /** Assignment requests. */
    assignmentRequests: AssignmentRequestRecord;
    /** Directory users. */
    users: UserRecord;
    /** Directory groups. */
    groups: GroupRecord;
}

/** Name of one stored collection. */
export type CollectionName = keyof TenantRecords;

/** Every collection name, in a stable order. */
export const COLLECTION_NAMES: readonly CollectionName[] = [
    "catalogs",
    "accessPackages",
    "customWorkflowExtensions",
    "assignmentPolicies",
    "assignments",
    "assignmentRequests",
    "users",
    "groups",
];

/** The whole tenant as plain data (what the JSON file holds). */
export type TenantState = { [C in CollectionName]: TenantRecords[C][] };

/** An empty tenant. */
export function emptyTenantState(): TenantState {
    return {
        catalogs: [],
        accessPackages: [],
        customWorkflowExtensions: [],
        assignmentPolicies: [],
        assignments: [],
        assignmentRequests: [],
        users: [],
        groups: [],
    };
}

/**
 * Where the emulated tenant lives. Handlers only talk to this interface, so an in-memory and a
 * file-backed tenant are interchangeable. Records handed in and out are copies.
 */
export interface TenantStore {
    /** All records of a collection in insertion order. */
    list<C extends CollectionName>(collection: C): TenantRecords[C][];
    /** One record, or `undefined`. */
    get<C extends CollectionName>(collection: C, id: string): TenantRecords[C] | undefined;
    /** Inserts or replaces a record (keeps the original insertion position on replace). */
    put<C extends CollectionName>(collection: C, record: TenantRecords[C]): void;
    /** Removes a record; `false` when it did not exist. */
    remove(collection: CollectionName, id: string): boolean;
    /** Empties the tenant. */
    reset(): void;
    /** A copy of the whole tenant. */
    snapshot(): TenantState;
    /**
     * Runs `work` so that its changes happen together or not at all: they are rolled back when
     * `work` throws or they cannot be persisted. Changes outside a transaction are each their own.
     */
    transaction<T>(work: () => T): T;
}

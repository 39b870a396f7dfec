import { graphErrors } from "../errors/graphErrors";
import type { FaultInjector } from "../faults/FaultInjector";
import { readFaultRule } from "../faults/readFaultRule";
import type { GraphResponse } from "../http/GraphExchange";
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import type { RequestLog } from "../observability/RequestLog";
import type { Route } from "../routing/Router";
import { COLLECTION_NAMES, type CollectionName, type EntityRecord } from "../store/TenantState";
import { isGuid } from "../validation/ObjectReader";
import { createAccessPackage } from "./accessPackages";
import { createAssignment } from "./assignments";
import { createAssignmentPolicy } from "./assignmentPolicies";
import { createCatalog } from "./catalogs";
import { createCustomWorkflowExtension } from "./customWorkflowExtensions";
import { createGroup, createUser } from "./directoryObjects";
import type { TenantServices } from "./TenantServices";

/** Path prefix of the admin API; Graph never serves it. */
export const ADMIN_PREFIX = "/_emulator";

const json = (body: JsonValue, status = 200): GraphResponse => ({ status, body: isJsonObject(body) ? body : { value: body } });

function collectionOf(name: string): CollectionName {
    if (!(COLLECTION_NAMES as readonly string[]).includes(name)) {
        throw graphErrors.segmentNotFound(name);
    }
    return name as CollectionName;
}

function stringField(body: JsonObject, key: string): string | undefined {
    const value = body[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") throw graphErrors.invalidProperty(key, "expected a string.");
    return value;
}

/**
 * Seeds one object through the same validation as Graph's POST, but with an optional fixed
 * `id`, so tests can recreate documented examples that reference well-known ids.
 */
function seed(tenant: TenantServices, collection: CollectionName, body: JsonValue | undefined): EntityRecord {
    if (!isJsonObject(body)) throw graphErrors.invalidJson("expected an object.");
    const id = stringField(body, "id");
    switch (collection) {
        case "catalogs":
            return createCatalog(tenant, body, id);
        case "accessPackages":
            return createAccessPackage(tenant, body, id);
        case "assignmentPolicies":
            return createAssignmentPolicy(tenant, body, id);
        case "customWorkflowExtensions": {
            const { catalogId, ...extension } = body;
            if (typeof catalogId !== "string") throw graphErrors.missingProperty("catalogId");
            return createCustomWorkflowExtension(tenant, catalogId, extension, id);
        }
        case "assignments": {
            const targetId = stringField(body, "targetId");
            const assignmentPolicyId = stringField(body, "assignmentPolicyId");
            if (targetId === undefined || !isGuid(targetId)) throw graphErrors.invalidProperty("targetId", "a GUID is required.");
            if (assignmentPolicyId === undefined) throw graphErrors.missingProperty("assignmentPolicyId");
            return createAssignment(tenant, { targetId, assignmentPolicyId, accessPackageId: stringField(body, "accessPackageId"), id });
        }
        case "assignmentRequests":
            throw graphErrors.badRequest("assignmentRequests cannot be seeded; seed assignments instead.");
        case "users":
            return createUser(tenant, body, id);
        case "groups":
            return createGroup(tenant, body, id);
    }
}

/**
 * Changes a stored object behind the API's back (like an edit in the portal): the given
 * properties are merged into its structural properties without validation, and
 * `modifiedDateTime` moves unless the patch sets it.
 */
function modifyOutOfBand(tenant: TenantServices, collection: CollectionName, id: string, patch: JsonValue | undefined): EntityRecord {
    if (!isJsonObject(patch)) throw graphErrors.invalidJson("expected an object.");
    const record = tenant.store.get(collection, id.toLowerCase());
    if (record === undefined) throw graphErrors.notFound(collection, id);
    const { id: _ignored, ...changes } = patch;
    const properties: JsonObject = { ...record.properties, ...changes };
    if ("modifiedDateTime" in record.properties && !("modifiedDateTime" in changes)) properties.modifiedDateTime = tenant.now();
    const updated = { ...record, properties };
    tenant.store.put(collection, updated);
    return updated;
}

/**
 * Makes this tenant's Graph a newer one that knows `patch`'s properties on every policy, and sets them on policy
 * `id` as an edit in the portal would: GET renders them, and a POST or PUT may carry them (and drops them when it
 * does not, as PUT resets what it is not sent).
 */
function storeNewerPolicyProperties(tenant: TenantServices, id: string, patch: JsonValue | undefined): EntityRecord {
    if (!isJsonObject(patch)) throw graphErrors.invalidJson("expected an object.");
    for (const key of Object.keys(patch)) {
        if (key === "id" || key.includes("@")) throw graphErrors.invalidProperty(key, "is not a property a newer Graph could add.");
        tenant.newerPolicyProperties.add(key);
    }
    return modifyOutOfBand(tenant, "assignmentPolicies", id, patch);
}

/** What the emulator's own objects are made of (records, rules, log entries): plain JSON data, typed more closely. */
const asJson = (value: unknown): JsonValue => value as JsonValue;

/** Health and the request log. */
function requestLogRoutes(log: RequestLog): Route[] {
    return [
        { method: "GET", template: `${ADMIN_PREFIX}/health`, handler: () => json({ status: "ok" }) },
        { method: "GET", template: `${ADMIN_PREFIX}/requests`, handler: () => json({ value: asJson(log.list()) }) },
        { method: "GET", template: `${ADMIN_PREFIX}/requests/counts`, handler: () => json(log.routeCounts()) },
        {
            method: "DELETE",
            template: `${ADMIN_PREFIX}/requests`,
            handler: () => {
                log.reset();
                return { status: 204 };
            },
        },
    ];
}

/** The fault rules. */
function faultRoutes(faults: FaultInjector): Route[] {
    return [
        { method: "GET", template: `${ADMIN_PREFIX}/faults`, handler: () => json({ value: asJson(faults.list()) }) },
        {
            method: "POST",
            template: `${ADMIN_PREFIX}/faults`,
            handler: (request) => json(asJson(faults.add(readFaultRule(request.body))), 201),
        },
        {
            method: "DELETE",
            template: `${ADMIN_PREFIX}/faults`,
            handler: () => {
                faults.clear();
                return { status: 204 };
            },
        },
        {
            method: "DELETE",
            template: `${ADMIN_PREFIX}/faults/{id}`,
            handler: (request) => {
                if (!faults.remove(request.params.id)) throw graphErrors.notFound("fault rule", request.params.id);
                return { status: 204 };
            },
        },
    ];
}

/** The tenant's state, read and changed directly. */
function stateRoutes(tenant: TenantServices): Route[] {
    return [
        { method: "GET", template: `${ADMIN_PREFIX}/state`, handler: () => json(asJson(tenant.store.snapshot())) },
        {
            method: "POST",
            template: `${ADMIN_PREFIX}/reset`,
            handler: () => {
                tenant.store.reset();
                tenant.newerPolicyProperties.clear();
                return { status: 204 };
            },
        },
        {
            method: "GET",
            template: `${ADMIN_PREFIX}/state/{collection}`,
            handler: (request) => json({ value: asJson(tenant.store.list(collectionOf(request.params.collection))) }),
        },
        {
            method: "POST",
            template: `${ADMIN_PREFIX}/state/{collection}`,
            handler: (request) => json(asJson(seed(tenant, collectionOf(request.params.collection), request.body)), 201),
        },
        {
            method: "GET",
            template: `${ADMIN_PREFIX}/state/{collection}/{id}`,
            handler: (request) => {
                const collection = collectionOf(request.params.collection);
                const record = tenant.store.get(collection, request.params.id.toLowerCase());
                if (record === undefined) throw graphErrors.notFound(collection, request.params.id);
                return json(asJson(record));
            },
        },
        {
            method: "PATCH",
            template: `${ADMIN_PREFIX}/state/{collection}/{id}`,
            handler: (request) =>
                json(asJson(modifyOutOfBand(tenant, collectionOf(request.params.collection), request.params.id, request.body))),
        },
        {
            method: "PATCH",
            template: `${ADMIN_PREFIX}/newer-graph/assignmentPolicies/{id}`,
            handler: (request) => json(asJson(storeNewerPolicyProperties(tenant, request.params.id, request.body))),
        },
        {
            method: "DELETE",
            template: `${ADMIN_PREFIX}/state/{collection}/{id}`,
            handler: (request) => {
                if (!tenant.store.remove(collectionOf(request.params.collection), request.params.id.toLowerCase())) {
                    throw graphErrors.notFound(request.params.collection, request.params.id);
                }
                return { status: 204 };
            },
        },
    ];
}

/** Routes of the admin API: request log, faults, and direct tenant state. */
export function adminRoutes(tenant: TenantServices, faults: FaultInjector, log: RequestLog): Route[] {
    return [...requestLogRoutes(log), ...faultRoutes(faults), ...stateRoutes(tenant)];
}

/**
 * The directory's `/users/{id}`, `/groups/{id}` and `/groups/{id}/members`, read-only: enough for checks that a
 * user or group a policy names exists and that a group has members. Users and groups come from admin seeding.
 */
import { graphErrors } from "../errors/graphErrors";
import type { JsonValue } from "../json";
import { collectionResponse, entityResponse } from "../odata/responses";
import type { Route } from "../routing/Router";
import type { GroupRecord, UserRecord } from "../store/TenantState";
import { isGuid, ObjectReader } from "../validation/ObjectReader";
import type { DirectoryMember } from "../views/entityViews";
import { newObjectId } from "./seedId";
import type { TenantServices } from "./TenantServices";

/** Stores a user from an admin seed. */
export function createUser(tenant: TenantServices, body: JsonValue | undefined, id?: string): UserRecord {
    const r = new ObjectReader(body, "", "microsoft.graph.user", [
        "id",
        "displayName",
        "userPrincipalName",
        "givenName",
        "surname",
        "mail",
        "jobTitle",
    ]);
    const record: UserRecord = {
        id: newObjectId(tenant, id),
        // Graph's default property set for a user, in its order.
        properties: {
            businessPhones: [],
            displayName: r.requiredString("displayName"),
            givenName: r.optionalString("givenName"),
            jobTitle: r.optionalString("jobTitle"),
            mail: r.optionalString("mail"),
            mobilePhone: null,
            officeLocation: null,
            preferredLanguage: null,
            surname: r.optionalString("surname"),
            userPrincipalName: r.requiredString("userPrincipalName"),
        },
    };
    tenant.store.put("users", record);
    return record;
}

/** Stores a group from an admin seed; `memberIds` are the object ids of its direct members. */
export function createGroup(tenant: TenantServices, body: JsonValue | undefined, id?: string): GroupRecord {
    const r = new ObjectReader(body, "", "microsoft.graph.group", [
        "id",
        "displayName",
        "description",
        "mailNickname",
        "securityEnabled",
        "mailEnabled",
        "memberIds",
    ]);
    const memberIds = r.stringCollection("memberIds").map((member, index) => {
        if (!isGuid(member)) throw graphErrors.invalidProperty(`memberIds[${index}]`, `'${member}' is not a valid GUID.`);
        return member.toLowerCase();
    });
    const displayName = r.requiredString("displayName");
    const record: GroupRecord = {
        id: newObjectId(tenant, id),
        properties: {
            createdDateTime: tenant.now(),
            description: r.optionalString("description"),
            displayName,
            groupTypes: [],
            mailEnabled: r.boolean("mailEnabled", false),
            mailNickname: r.optionalString("mailNickname", displayName.replace(/[^A-Za-z0-9]/g, "") || "group"),
            securityEnabled: r.boolean("securityEnabled", true),
        },
        memberIds,
    };
    tenant.store.put("groups", record);
    return record;
}

function requireUser(tenant: TenantServices, id: string): UserRecord {
    const record = tenant.store.get("users", id.toLowerCase());
    if (record === undefined) throw graphErrors.directoryObjectNotFound(id);
    return record;
}

function requireGroup(tenant: TenantServices, id: string): GroupRecord {
    const record = tenant.store.get("groups", id.toLowerCase());
    if (record === undefined) throw graphErrors.directoryObjectNotFound(id);
    return record;
}

/** Routes of `/users` and `/groups`. */
export function directoryRoutes(tenant: TenantServices): Route[] {
    const { user, group, directoryObject } = tenant.views;
    return [
        {
            method: "GET",
            template: "/v1.0/users/{id}",
            handler: (request) => entityResponse(request, user, requireUser(tenant, request.params.id), "users"),
        },
        {
            method: "GET",
            template: "/v1.0/groups/{id}",
            handler: (request) => entityResponse(request, group, requireGroup(tenant, request.params.id), "groups"),
        },
        {
            method: "GET",
            template: "/v1.0/groups/{id}/members",
            handler: (request) => {
                // Deleted members drop out of a group, as in the directory.
                const members = requireGroup(tenant, request.params.id).memberIds.flatMap((memberId): DirectoryMember[] => {
                    const user = tenant.store.get("users", memberId);
                    if (user !== undefined) return [{ record: user, type: "user" }];
                    const group = tenant.store.get("groups", memberId);
                    return group === undefined ? [] : [{ record: group, type: "group" }];
                });
                return collectionResponse(request, directoryObject, members, "directoryObjects");
            },
        },
    ];
}

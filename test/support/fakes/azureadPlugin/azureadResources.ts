/**
 * The @pulumi/azuread resources the with-azuread example declares, each with the inputs the example gives it and
 * what it makes in the emulator. Only those inputs are modelled: any other is refused at check, so a program that
 * relies on more of azuread fails instead of passing on behaviour the double does not have.
 */
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { AZUREAD, type AzureadToken } from "./azureadTokens";
import type { DirectoryCollection, EmulatorTenant, TenantObject } from "./emulatorTenant";

/** Plain property values, as the engine sends them to a provider that does not accept secrets. */
export type Properties = Record<string, JavaScriptValue>;

/** What the double does for one azuread resource type. */
export interface AzureadResource {
    /** The inputs it models (all the example sets); `required` among them. */
    inputs: readonly string[];
    required: readonly string[];
    /** The only values modelled for some inputs. */
    allowed?: Record<string, readonly string[]>;
    /** Makes the object; `outputs` are the computed ones, added to the inputs. */
    create(tenant: EmulatorTenant, inputs: Properties): Promise<{ id: string; outputs: Properties }>;
    /** Whether the object is still in the tenant. */
    exists(tenant: EmulatorTenant, id: string, state: Properties): Promise<boolean>;
    /** Removes the object; one already gone counts as removed. */
    remove(tenant: EmulatorTenant, id: string, state: Properties): Promise<void>;
}

const CATALOGS = "/identityGovernance/entitlementManagement/catalogs";
const ACCESS_PACKAGES = "/identityGovernance/entitlementManagement/accessPackages";
const GROUPS = "/groups";

async function found(tenant: EmulatorTenant, path: string): Promise<boolean> {
    return (await tenant.graph("GET", path)) !== undefined;
}

/** A Graph object that is its own id, made with POST and removed with DELETE, as azuread does for these two. */
function entitlementObject(
    collection: string,
    inputs: readonly string[],
    required: readonly string[],
    body: (inputs: Properties) => object,
): AzureadResource {
    return {
        inputs,
        required,
        async create(tenant, given) {
            const created = await tenant.graph<TenantObject>("POST", collection, body(given));
            if (created === undefined) throw new Error(`POST ${collection} answered no object`);
            return { id: created.id, outputs: {} };
        },
        exists: (tenant, id) => found(tenant, `${collection}/${id}`),
        async remove(tenant, id) {
            await tenant.graph("DELETE", `${collection}/${id}`);
        },
    };
}

/** A user or group, whose `objectId` is its id. */
function directoryObject(
    collection: DirectoryCollection,
    inputs: readonly string[],
    required: readonly string[],
    body: (inputs: Properties) => Record<string, unknown>,
): AzureadResource {
    return {
        inputs,
        required,
        async create(tenant, given) {
            const created = await tenant.seed(collection, body(given));
            return { id: created.id, outputs: { objectId: created.id } };
        },
        exists: (tenant, id) => found(tenant, `/${collection}/${id}`),
        remove: (tenant, id) => tenant.unseed(collection, id),
    };
}

/**
 * The emulator has no resources in its catalogs, so the two associations are made of what they join: their create
 * checks that the catalog, the access package and the group are in the tenant, and their id names them.
 */
function association(
    inputs: readonly string[],
    allowed: Record<string, readonly string[]>,
    parents: (state: Properties) => [string, string][],
): AzureadResource {
    return {
        inputs,
        required: inputs,
        allowed,
        async create(tenant, given) {
            await Promise.all(parents(given).map(([path, what]) => tenant.existing(path, what)));
            return { id: inputs.map((name) => String(given[name])).join("/"), outputs: {} };
        },
        exists: async (tenant, _id, state) => (await Promise.all(parents(state).map(([path]) => found(tenant, path)))).every(Boolean),
        remove: async () => undefined,
    };
}

/** The double's resources, by type token. */
export const AZUREAD_RESOURCES: Record<AzureadToken, AzureadResource> = {
    [AZUREAD.user]: directoryObject(
        "users",
        ["userPrincipalName", "displayName", "password", "forcePasswordChange"],
        ["userPrincipalName", "displayName"],
        // The password is azuread's to send to Graph; the emulator keeps no credentials, so it goes nowhere.
        ({ userPrincipalName, displayName }) => ({ userPrincipalName, displayName }),
    ),
    [AZUREAD.group]: directoryObject(
        "groups",
        ["displayName", "securityEnabled", "members"],
        ["displayName"],
        ({ displayName, securityEnabled, members }) => ({
            displayName,
            securityEnabled: securityEnabled === true,
            memberIds: members ?? [],
        }),
    ),
    [AZUREAD.catalog]: entitlementObject(
        CATALOGS,
        ["displayName", "description"],
        ["displayName", "description"],
        ({ displayName, description }) => ({ displayName, description, catalogType: "userManaged", state: "published" }),
    ),
    [AZUREAD.accessPackage]: entitlementObject(
        ACCESS_PACKAGES,
        ["catalogId", "displayName", "description"],
        ["catalogId", "displayName"],
        ({ catalogId, displayName, description }) => ({ displayName, description: description ?? "", catalog: { id: catalogId } }),
    ),
    [AZUREAD.catalogAssociation]: association(
        ["catalogId", "resourceOriginId", "resourceOriginSystem"],
        { resourceOriginSystem: ["AadGroup"] },
        ({ catalogId, resourceOriginId }) => [
            [`${CATALOGS}/${String(catalogId)}`, `catalog ${String(catalogId)}`],
            [`${GROUPS}/${String(resourceOriginId)}`, `group ${String(resourceOriginId)}`],
        ],
    ),
    [AZUREAD.packageAssociation]: association(
        ["accessPackageId", "catalogResourceAssociationId", "accessType"],
        { accessType: ["Member"] },
        ({ accessPackageId, catalogResourceAssociationId }) => [
            [`${ACCESS_PACKAGES}/${String(accessPackageId)}`, `access package ${String(accessPackageId)}`],
            // A catalog association's id is `<catalog id>/<group id>/AadGroup`.
            [`${GROUPS}/${String(catalogResourceAssociationId).split("/")[1]}`, `the group of ${String(catalogResourceAssociationId)}`],
        ],
    ),
};

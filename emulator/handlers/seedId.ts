import { graphErrors } from "../errors/graphErrors";
import { isGuid } from "../validation/ObjectReader";
import type { TenantServices } from "./TenantServices";

/** The id for a new object: a fresh GUID, or the one an admin seed asked for. */
export function newObjectId(tenant: TenantServices, requested?: string): string {
    if (requested === undefined) return tenant.newId();
    if (!isGuid(requested)) throw graphErrors.invalidProperty("id", `'${requested}' is not a valid GUID.`);
    return requested.toLowerCase();
}

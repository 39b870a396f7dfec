import { randomUUID } from "node:crypto";
import type { TenantStore } from "../store/TenantState";
import { createEntityViews, type EntityViews } from "../views/entityViews";

/** What every resource handler works with. */
export interface TenantServices {
    /** The tenant's objects. */
    store: TenantStore;
    /** Wire representations. */
    views: EntityViews;
    /** A server timestamp; strictly increasing so a PUT always moves `modifiedDateTime`. */
    now(): string;
    /** A new object id. */
    newId(): string;
    /**
     * Policy properties this tenant's Graph knows beyond the emulator's v1.0 schema, as a newer Graph would (set
     * through the admin API): a body may carry them, and they are stored and rendered as sent.
     */
    newerPolicyProperties: Set<string>;
}

/** Path prefix of every entitlement-management route. */
export const ENTITLEMENT_MANAGEMENT = "/v1.0/identityGovernance/entitlementManagement";

/** Context path of an entitlement-management entity set, for `@odata.context`. */
export function entitySet(name: string): string {
    return `identityGovernance/entitlementManagement/${name}`;
}

/** Wires the services over a store. */
export function createTenantServices(store: TenantStore): TenantServices {
    let last = 0;
    return {
        store,
        views: createEntityViews(store),
        now() {
            last = Math.max(Date.now(), last + 1);
            return new Date(last).toISOString();
        },
        newId: randomUUID,
        newerPolicyProperties: new Set(),
    };
}

/** OData query text for the assignment policy collection, percent-encoded for use in a URL. */

/** Collection path below `/v1.0`. */
export const POLICIES_PATH = "/identityGovernance/entitlementManagement/assignmentPolicies";

/** Access package collection path below `/v1.0`. */
export const ACCESS_PACKAGES_PATH = "/identityGovernance/entitlementManagement/accessPackages";

/** Navigation properties the provider reads with every policy (graph-policy.md §1). */
export const POLICY_EXPAND = "accessPackage,catalog,questions,customExtensionStageSettings($expand=customExtension)";

/** A string literal for `$filter`: single-quoted, with embedded quotes doubled as OData requires. */
export function odataString(value: string): string {
    return `'${value.replace(/'/g, "''")}'`;
}

/** A query string (with leading `?`) from OData options, each value percent-encoded. */
export function queryString(options: Readonly<Record<string, string | undefined>>): string {
    const parts = Object.entries(options)
        .filter((entry): entry is [string, string] => entry[1] !== undefined)
        .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
    return parts.length > 0 ? `?${parts.join("&")}` : "";
}

/** Path of one policy, with the id percent-encoded so no id can change the path. */
export function policyPath(id: string, query = ""): string {
    return `${POLICIES_PATH}/${encodeURIComponent(id)}${query}`;
}

/** Path of one access package, with the id percent-encoded. */
export function accessPackagePath(id: string, query = ""): string {
    return `${ACCESS_PACKAGES_PATH}/${encodeURIComponent(id)}${query}`;
}

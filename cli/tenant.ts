/** Reading a tenant's policies the way `export` and `lint` both do: the provider's settings, flags over them. */
import type * as Graph from "@microsoft/microsoft-graph-types";
import { resolveGraphSettings, type ConfigSource, type GraphSettings } from "../provider/core/graph";
import { createPolicyApi, type OperationContext } from "../provider/core/operations";

/** Which policies to read. */
export type TenantScope = { kind: "accessPackage"; accessPackageId: string } | { kind: "catalog"; catalogId: string } | { kind: "all" };

/** The Graph flags the commands share; each takes the place of the stack config key a command has none of. */
export interface GraphFlags {
    /** Graph root (`entra:graphEndpoint`). */
    endpoint?: string;
    /** Bearer token (`entra:token`). */
    token?: string;
}

/** `the tenant`, `access package <id>`, `catalog <id>`: for messages. */
export function describeScope(scope: TenantScope): string {
    switch (scope.kind) {
        case "accessPackage":
            return `access package ${scope.accessPackageId}`;
        case "catalog":
            return `catalog ${scope.catalogId}`;
        case "all":
            return "the tenant";
    }
}

/** The provider's settings with the flags in place of stack config, the environment below them. */
export function graphSettingsOf(flags: GraphFlags, env: NodeJS.ProcessEnv): GraphSettings {
    const keys: Record<string, string | undefined> = { "entra:graphEndpoint": flags.endpoint, "entra:token": flags.token };
    const config: ConfigSource = { get: (key) => keys[key] };
    return resolveGraphSettings(config, env);
}

/** Every policy in `scope`, as Graph returns it (with its access package, catalog, questions and stage settings). */
export async function listTenantPolicies(settings: GraphSettings, scope: TenantScope): Promise<Graph.AccessPackageAssignmentPolicy[]> {
    const filter =
        scope.kind === "accessPackage"
            ? { accessPackageId: scope.accessPackageId }
            : scope.kind === "catalog"
              ? { catalogId: scope.catalogId }
              : {};
    const api = createPolicyApi(settings);
    // One deadline for the listing and the existence check after it, as for any provider operation.
    const withinDeadline: OperationContext = { deadline: Date.now() + settings.operationTimeoutMs };
    const policies = await api.list(filter, withinDeadline);
    if (policies.length === 0 && scope.kind === "accessPackage") {
        // Graph answers a filter on a mistyped id with an empty list, which would read as "no policies".
        await api.assertAccessPackageExists(scope.accessPackageId, withinDeadline);
    }
    return policies;
}

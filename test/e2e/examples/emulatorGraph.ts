/**
 * The neighbours of a policy (catalogs, access packages, custom workflow extensions) made through the emulator's
 * Graph routes with its bearer token, as azuread or the Entra admin center would make them in a real tenant. Lookups
 * go by display name first, so a program captured again (a second `up`) gets the same objects and the same ids.
 */

/** A Graph object as the emulator returns it; only the id matters here. */
export interface GraphObject {
    id: string;
    [property: string]: unknown;
}

import { workflowExtension } from "../../emulator/support";

const ENTITLEMENT_MANAGEMENT = "/v1.0/identityGovernance/entitlementManagement";

/** A minimal Graph client for the emulator. */
export class EmulatorGraph {
    /**
     * @param endpoint The Graph root without `/v1.0`, as `ENTRA_GRAPH_ENDPOINT` holds it.
     * @param token The bearer token, as `ENTRA_GRAPH_TOKEN` holds it.
     */
    constructor(
        private readonly endpoint: string,
        private readonly token: string,
    ) {}

    /** The emulator the provider is pointed at, from the same environment variables the provider reads. */
    static fromEnvironment(env: NodeJS.ProcessEnv = process.env): EmulatorGraph {
        const { ENTRA_GRAPH_ENDPOINT: endpoint, ENTRA_GRAPH_TOKEN: token } = env;
        if (!endpoint || !token) {
            throw new Error("ENTRA_GRAPH_ENDPOINT and ENTRA_GRAPH_TOKEN must name the emulator");
        }
        return new EmulatorGraph(endpoint, token);
    }

    private async request<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
        const response = await fetch(`${this.endpoint}${ENTITLEMENT_MANAGEMENT}${path}`, {
            method,
            headers: { Authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (!response.ok) {
            throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
        }
        return JSON.parse(text) as T;
    }

    /** The first object of `collection` whose properties equal `match` (OData `eq` filters), else a new one from `body`. */
    private async findOrCreate(collection: string, match: Record<string, string>, body: Record<string, unknown>): Promise<GraphObject> {
        const filter = Object.entries(match)
            .map(([path, value]) => `${path} eq '${value.replace(/'/g, "''")}'`)
            .join(" and ");
        const found = await this.request<{ value: GraphObject[] }>("GET", `${collection}?$filter=${encodeURIComponent(filter)}`);
        return found.value[0] ?? this.request<GraphObject>("POST", collection, body);
    }

    /** A published catalog with this display name. */
    catalog(displayName: string, description = ""): Promise<GraphObject> {
        return this.findOrCreate(
            "/catalogs",
            { displayName },
            { displayName, description, catalogType: "userManaged", state: "published" },
        );
    }

    /** An access package with this display name in the catalog. */
    accessPackage(catalogId: string, displayName: string, description = ""): Promise<GraphObject> {
        return this.findOrCreate(
            "/accessPackages",
            { displayName, "catalog/id": catalogId },
            { displayName, description, catalog: { id: catalogId } },
        );
    }

    /** An `accessPackageAssignmentRequestWorkflowExtension` (runs at the four request stages) in the catalog. */
    requestWorkflowExtension(catalogId: string, displayName: string): Promise<GraphObject> {
        return this.findOrCreate(
            `/catalogs/${catalogId}/customWorkflowExtensions`,
            { displayName },
            workflowExtension("request", displayName),
        );
    }
}

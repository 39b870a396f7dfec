/**
 * The tenant the azuread plugin double writes to: the Graph emulator the policy provider is pointed at. Catalogs and
 * access packages go through the emulator's Graph routes, as azuread sends them to Graph; the emulator's Graph only
 * reads users and groups, so those are made and removed through its admin API (the seeding the tests use).
 */
import { EmulatorAdminClient } from "../../../../emulator/admin/EmulatorAdminClient";

/** A Graph object as the emulator returns it; only its id matters here. */
export interface TenantObject {
    id: string;
}

/** Directory collections the emulator seeds through its admin API. */
export type DirectoryCollection = "users" | "groups";

/** Graph requests and admin calls on one emulator, with the bearer token of its Graph. */
export class EmulatorTenant {
    private readonly admin: EmulatorAdminClient;

    /**
     * @param endpoint The emulator's root without `/v1.0`, as `ENTRA_GRAPH_ENDPOINT` holds it.
     * @param token Its Graph's bearer token, as `ENTRA_GRAPH_TOKEN` holds it.
     */
    constructor(
        private readonly endpoint: string,
        private readonly token: string,
    ) {
        this.admin = new EmulatorAdminClient(endpoint);
    }

    /** The emulator named by `ENTRA_GRAPH_ENDPOINT` and `ENTRA_GRAPH_TOKEN`, or `undefined` when either is unset. */
    static fromEnvironment(env: NodeJS.ProcessEnv = process.env): EmulatorTenant | undefined {
        const { ENTRA_GRAPH_ENDPOINT: endpoint, ENTRA_GRAPH_TOKEN: token } = env;
        return endpoint && token ? new EmulatorTenant(endpoint, token) : undefined;
    }

    /** Sends one request to the emulator's Graph v1.0; `undefined` for a 404 or a 204. */
    async graph<T = TenantObject>(method: "GET" | "POST" | "DELETE", path: string, body?: object): Promise<T | undefined> {
        const response = await fetch(`${this.endpoint}/v1.0${path}`, {
            method,
            headers: { Authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (response.status === 404) return undefined;
        if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
        return text === "" ? undefined : (JSON.parse(text) as T);
    }

    /** A Graph object that must exist: the one at `path`, or an error naming `what`. */
    async existing(path: string, what: string): Promise<TenantObject> {
        const found = await this.graph("GET", path);
        if (found === undefined) throw new Error(`${what} is not in the tenant (GET ${path} answered 404)`);
        return found;
    }

    /** A user or group made as azuread would make it, through the admin API's seeding. */
    seed(collection: DirectoryCollection, body: Record<string, unknown>): Promise<TenantObject> {
        return this.admin.seed(collection, body);
    }

    /** Removes a user or group; one already gone counts as removed, as for azuread. */
    async unseed(collection: DirectoryCollection, id: string): Promise<void> {
        if ((await this.admin.get(collection, id)) !== undefined) await this.admin.remove(collection, id);
    }
}

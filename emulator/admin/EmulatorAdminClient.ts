import type { FaultRule, InstalledFaultRule } from "../faults/FaultRule";
import type { RequestLogEntry, RouteCounts } from "../observability/RequestLog";
import type { AssignmentPolicyRecord, AssignmentRecord, CollectionName, TenantRecords, TenantState } from "../store/TenantState";

/** A non-2xx answer of the admin API. */
export class EmulatorAdminError extends Error {
    constructor(
        /** HTTP status. */
        readonly status: number,
        /** Response body text. */
        readonly body: string,
    ) {
        super(`Emulator admin API answered ${status}: ${body}`);
        this.name = "EmulatorAdminError";
    }
}

/** Fields of an assignment to seed. */
export interface AssignmentSeedBody {
    /** Object id of the assigned subject. */
    targetId: string;
    /** Policy the assignment is made under. */
    assignmentPolicyId: string;
    /** Access package; defaults to the policy's. */
    accessPackageId?: string;
    /** Fixed id; generated when absent. */
    id?: string;
}

/** Typed client of the emulator's admin API (`/_emulator/...`), for tests and benchmarks. */
export class EmulatorAdminClient {
    /** @param url The emulator root, e.g. `http://127.0.0.1:4010`. */
    constructor(private readonly url: string) {}

    private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
        const response = await fetch(`${this.url}/_emulator${path}`, {
            method,
            headers: body === undefined ? {} : { "Content-Type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (!response.ok) throw new EmulatorAdminError(response.status, text);
        return (text === "" ? undefined : JSON.parse(text)) as T;
    }

    /** The Graph request log, oldest first. */
    async requests(): Promise<RequestLogEntry[]> {
        return (await this.call<{ value: RequestLogEntry[] }>("GET", "/requests")).value;
    }

    /** Graph requests per route, keyed `METHOD /v1.0/...template`. */
    routeCounts(): Promise<RouteCounts> {
        return this.call("GET", "/requests/counts");
    }

    /** Clears the request log and the route counts. */
    resetLog(): Promise<void> {
        return this.call("DELETE", "/requests");
    }

    /** Installs a fault rule. */
    addFault(rule: FaultRule): Promise<InstalledFaultRule> {
        return this.call("POST", "/faults", rule);
    }

    /** The installed fault rules with their firing counts. */
    async faults(): Promise<InstalledFaultRule[]> {
        return (await this.call<{ value: InstalledFaultRule[] }>("GET", "/faults")).value;
    }

    /** Removes one fault rule. */
    removeFault(id: string): Promise<void> {
        return this.call("DELETE", `/faults/${encodeURIComponent(id)}`);
    }

    /** Removes every fault rule and open visibility window. */
    clearFaults(): Promise<void> {
        return this.call("DELETE", "/faults");
    }

    /** The whole tenant. */
    state(): Promise<TenantState> {
        return this.call("GET", "/state");
    }

    /** Empties the tenant. */
    reset(): Promise<void> {
        return this.call("POST", "/reset");
    }

    /** All stored records of a collection. */
    async list<C extends CollectionName>(collection: C): Promise<TenantRecords[C][]> {
        return (await this.call<{ value: TenantRecords[C][] }>("GET", `/state/${collection}`)).value;
    }

    /** One stored record, or `undefined`. */
    async get<C extends CollectionName>(collection: C, id: string): Promise<TenantRecords[C] | undefined> {
        try {
            return await this.call<TenantRecords[C]>("GET", `/state/${collection}/${id}`);
        } catch (error) {
            if (error instanceof EmulatorAdminError && error.status === 404) return undefined;
            throw error;
        }
    }

    /** Creates an object through Graph's validation, optionally with a fixed `id` (custom extensions also take `catalogId`). */
    seed<C extends Exclude<CollectionName, "assignments" | "assignmentRequests">>(
        collection: C,
        body: Record<string, unknown>,
    ): Promise<TenantRecords[C]> {
        return this.call("POST", `/state/${collection}`, body);
    }

    /** Seeds a delivered assignment (makes its policy undeletable). */
    seedAssignment(body: AssignmentSeedBody): Promise<AssignmentRecord> {
        return this.call("POST", "/state/assignments", body);
    }

    /** Changes an object's properties out of band (no validation; `modifiedDateTime` moves). */
    modify<C extends CollectionName>(collection: C, id: string, patch: Record<string, unknown>): Promise<TenantRecords[C]> {
        return this.call("PATCH", `/state/${collection}/${id}`, patch);
    }

    /**
     * Sets properties the emulator's v1.0 schema does not have on a policy, as a newer Graph holding them would (its
     * Graph then takes them in POST and PUT bodies too, until the next reset).
     */
    storeNewerPolicyProperties(id: string, properties: Record<string, unknown>): Promise<AssignmentPolicyRecord> {
        return this.call("PATCH", `/newer-graph/assignmentPolicies/${id}`, properties);
    }

    /** Deletes an object out of band. */
    remove(collection: CollectionName, id: string): Promise<void> {
        return this.call("DELETE", `/state/${collection}/${id}`);
    }

    /** All stored policies. */
    policies(): Promise<AssignmentPolicyRecord[]> {
        return this.list("assignmentPolicies");
    }
}

import { randomBytes } from "node:crypto";
import { EmulatorAdminClient } from "./admin/EmulatorAdminClient";
import { FaultInjector } from "./faults/FaultInjector";
import type { FaultRule } from "./faults/FaultRule";
import { readFaultRule } from "./faults/readFaultRule";
import { GraphEmulatorServer } from "./GraphEmulatorServer";
import { accessPackageRoutes } from "./handlers/accessPackages";
import { adminRoutes } from "./handlers/adminRoutes";
import { assignmentPolicyRoutes } from "./handlers/assignmentPolicies";
import { assignmentRoutes } from "./handlers/assignments";
import { catalogRoutes } from "./handlers/catalogs";
import { directoryRoutes } from "./handlers/directoryObjects";
import { customWorkflowExtensionRoutes } from "./handlers/customWorkflowExtensions";
import { createTenantServices } from "./handlers/TenantServices";
import { AdminRequestListener } from "./http/AdminRequestListener";
import { GraphRequestListener } from "./http/GraphRequestListener";
import { RequestLog } from "./observability/RequestLog";
import { Router, type Route } from "./routing/Router";
import { JsonFileTenantStore } from "./store/JsonFileTenantStore";
import { LaggingTenantStore } from "./store/LaggingTenantStore";
import { MemoryTenantStore } from "./store/MemoryTenantStore";

export { EmulatorAdminClient, EmulatorAdminError, type AssignmentSeedBody } from "./admin/EmulatorAdminClient";
export type * from "./faults/FaultRule";
export type { RequestLogEntry, RouteCounts } from "./observability/RequestLog";
export type * from "./store/TenantState";

/** Options of {@link startGraphEmulator}. */
export interface GraphEmulatorOptions {
    /** Port to listen on; 0 (default) picks a free one. */
    port?: number;
    /** Interface to listen on; default `127.0.0.1`. */
    host?: string;
    /** Bearer token Graph routes require; generated when absent. */
    token?: string;
    /** JSON file holding the tenant across restarts; in-memory when absent. Its directory must be writable. */
    statePath?: string;
    /** Fault rules installed at start (same shape as the admin API takes). */
    faults?: FaultRule[];
    /** Latency added to every Graph request, in ms. */
    latencyMs?: number;
    /** Randomness for fault `probability`, e.g. a seeded generator for reproducible runs. */
    random?: () => number;
}

/** A running emulator. */
export interface RunningGraphEmulator {
    /** Graph root, e.g. `http://127.0.0.1:PORT`; the API is under `${url}/v1.0/...`. */
    url: string;
    /** The bearer token Graph routes accept. */
    token: string;
    /** Client of the admin API (request log, faults, tenant state). */
    admin: EmulatorAdminClient;
    /** Stops the server. */
    close(): Promise<void>;
}

/** Starts a local Microsoft Graph for the entitlement-management surface. */
export async function startGraphEmulator(options: GraphEmulatorOptions = {}): Promise<RunningGraphEmulator> {
    const host = options.host ?? "127.0.0.1";
    const token = options.token ?? randomBytes(24).toString("base64url");
    const stored = options.statePath ? new JsonFileTenantStore(options.statePath) : undefined;
    const replica = new LaggingTenantStore(stored ?? new MemoryTenantStore());
    const tenant = createTenantServices(replica);
    const faults = new FaultInjector(replica, options.random);
    for (const rule of options.faults ?? []) faults.add(readFaultRule(rule));
    const log = new RequestLog();

    // A request's changes persist together or not at all, whatever it touches.
    const atomic = (routes: Route[]): Route[] =>
        routes.map((route) => ({ ...route, handler: (request) => replica.transaction(() => route.handler(request)) }));
    const graphRouter = new Router(
        atomic([
            ...catalogRoutes(tenant),
            ...customWorkflowExtensionRoutes(tenant),
            ...accessPackageRoutes(tenant),
            ...assignmentPolicyRoutes(tenant),
            ...assignmentRoutes(tenant),
            ...directoryRoutes(tenant),
        ]),
    );
    const server = new GraphEmulatorServer(
        new GraphRequestListener(graphRouter, faults, replica, log, { token, latencyMs: options.latencyMs ?? 0 }),
        new AdminRequestListener(new Router(atomic(adminRoutes(tenant, faults, log)))),
    );
    let address;
    try {
        address = await server.start(host, options.port ?? 0);
    } catch (error) {
        stored?.release();
        throw error;
    }
    const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
    const url = `http://${urlHost}:${address.port}`;
    return { url, token, admin: new EmulatorAdminClient(url), close: () => server.close().finally(() => stored?.release()) };
}

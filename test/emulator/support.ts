import { startGraphEmulator, type GraphEmulatorOptions, type RunningGraphEmulator } from "../../emulator";

/** Root of the entitlement-management API. */
export const EM = "/v1.0/identityGovernance/entitlementManagement";

/**
 * JSON as `JSON.parse` returns it, untyped: the tests read arbitrary Graph answers and documented bodies and assert on
 * their shape at run time, where a static type per answer would only restate each assertion.
 */
export type WireJson = ReturnType<typeof JSON.parse>;

/** A parsed Graph answer. */
export interface Answer {
    status: number;
    headers: Headers;
    body: WireJson;
}

/** A test harness over one emulator: authenticated Graph calls plus fixtures. */
export class Harness {
    private running?: RunningGraphEmulator;

    /** Starts an emulator for a test that owns its whole life (a describe shares one through {@link useEmulator}). */
    static async start(options: GraphEmulatorOptions = {}): Promise<Harness> {
        const harness = new Harness();
        await harness.open(options);
        return harness;
    }

    /** Starts the emulator this harness drives. */
    async open(options: GraphEmulatorOptions = {}): Promise<void> {
        this.running = await startGraphEmulator(options);
    }

    /** The running emulator (its URL, token and admin client). */
    get emulator(): RunningGraphEmulator {
        if (this.running === undefined) throw new Error("the emulator is not started yet: use it inside a test or a hook");
        return this.running;
    }

    /** Calls Graph with the emulator's token; `path` is relative to `url` or to {@link EM} when it has no leading slash. */
    async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
        const url = `${this.emulator.url}${path.startsWith("/") || path.startsWith("http") ? "" : `${EM}/`}${path}`;
        const response = await fetch(path.startsWith("http") ? path : url, {
            method,
            headers: { Authorization: `Bearer ${this.emulator.token}`, "Content-Type": "application/json", ...headers },
            body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
        });
        const text = await response.text();
        return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
    }

    /** Creates a catalog and an access package in it through Graph. */
    async packageInNewCatalog(name = "pkg"): Promise<{ catalogId: string; accessPackageId: string }> {
        const catalog = await this.call("POST", "catalogs", { displayName: `${name}-catalog` });
        const accessPackage = await this.call("POST", "accessPackages", { displayName: name, catalog: { id: catalog.body.id } });
        return { catalogId: catalog.body.id, accessPackageId: accessPackage.body.id };
    }

    /**
     * A clean slate for one test: no fault rules, an empty tenant and request log, then a catalog with an access
     * package, whose creation is left out of the log.
     */
    async freshTenant(): Promise<{ catalogId: string; accessPackageId: string }> {
        await this.emulator.admin.clearFaults();
        await this.emulator.admin.reset();
        const created = await this.packageInNewCatalog();
        await this.emulator.admin.resetLog();
        return created;
    }

    close(): Promise<void> {
        return this.emulator.close();
    }
}

/** One emulator for the enclosing `describe`: started before its first test and closed after its last. */
export function useEmulator(options: GraphEmulatorOptions = {}): Harness {
    const harness = new Harness();
    before(() => harness.open(options));
    after(() => harness.close());
    return harness;
}

/** The smallest valid request-based policy body for an access package. */
export function minimalPolicy(accessPackageId: string, displayName = "policy"): Record<string, unknown> {
    return {
        displayName,
        description: "test policy",
        allowedTargetScope: "allMemberUsers",
        requestorSettings: {},
        requestApprovalSettings: {},
        accessPackage: { id: accessPackageId },
    };
}

/** A custom workflow extension body of one of the two types. */
export function workflowExtension(kind: "request" | "assignment", displayName = "ext"): Record<string, unknown> {
    return {
        "@odata.type":
            kind === "request"
                ? "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension"
                : "#microsoft.graph.accessPackageAssignmentWorkflowExtension",
        displayName,
        description: "runs a logic app",
        endpointConfiguration: {
            "@odata.type": "#microsoft.graph.logicAppTriggerEndpointConfiguration",
            subscriptionId: "38ab2ccc-3747-4567-b36b-9478f5602f0d",
            resourceGroupName: "test",
            logicAppWorkflowName: "elm-logic",
        },
        authenticationConfiguration: { "@odata.type": "#microsoft.graph.azureAdPopTokenAuthentication" },
        callbackConfiguration: { "@odata.type": "#microsoft.graph.customExtensionCallbackConfiguration", durationBeforeTimeout: "PT1H" },
    };
}

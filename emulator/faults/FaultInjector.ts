import { setTimeout as sleep } from "node:timers/promises";
import { GraphError } from "../errors/GraphError";
import { graphErrors } from "../errors/graphErrors";
import { isJsonObject, type JsonValue } from "../json";
import type { LaggingTenantStore, StoredObject } from "../store/LaggingTenantStore";
import type { FaultRule, InstalledFaultRule } from "./FaultRule";
import { OpenWindow } from "./OpenWindow";
import { compileMatcher } from "./pathMatcher";
import { TokenBucket } from "./TokenBucket";

/** The parts of a request faults look at. */
export interface FaultedRequest {
    /** Upper-case method. */
    method: string;
    /** Path without query. */
    pathname: string;
    /** The id the URL names (`{id}` of the matched route), if any. */
    targetId: string | undefined;
    /** Parsed body (conflicts key on its `accessPackage.id`). */
    body: JsonValue | undefined;
}

/** A rule that arms a visibility window if the request succeeds. */
export interface PendingWindow {
    /** The rule. */
    rule: InstalledFaultRule;
    /** For a replace: the object as it was before, to be served while the window lasts. */
    previous?: StoredObject;
}

/** How a request the handler applied ended, as far as visibility windows care. */
export interface AppliedRequest {
    /** Upper-case method. */
    method: string;
    /** The id the URL names, if any. */
    targetId: string | undefined;
    /** Status answered. */
    status: number;
    /** Id of the entity the answer is about (the created one for a 201). */
    entityId: string | undefined;
}

/** What to do with a request after the pre-handling faults ran. */
export type FaultDecision =
    | { action: "respond"; error: GraphError; fired: string[] }
    | { action: "drop"; fired: string[] }
    /** Answer at once as `answer` says, and apply the request `ms` later. */
    | { action: "applyLate"; ms: number; answer: "gatewayTimeout" | "drop"; fired: string[] }
    /** Answer with a body that is not Graph's; the request is not applied. */
    | { action: "gateway"; answer: "html404" | "empty200" | "null200"; fired: string[] }
    | {
          action: "proceed";
          /** Kinds that fired (latency, armed windows…), for the request log. */
          fired: string[];
          /** Destroy the connection after the handler applied the request. */
          dropAfter: boolean;
          /** Rules that arm visibility windows on success. */
          windows: PendingWindow[];
          /** Frees the access package held by a conflict rule. */
          release: () => void;
          /** Cut Graph's answer short after half of its body. */
          truncate: boolean;
          /** Another writer's create of the same display name lands before or after this request is applied. */
          secondWriter?: { phase: "beforeApply" | "afterApply"; description: string };
      };

interface Installed {
    rule: InstalledFaultRule;
    matches: (method: string, pathname: string) => boolean;
    bucket?: TokenBucket;
}

/**
 * Holds the fault rules and the state they create (token buckets, 403 windows, in-flight
 * creates) and applies them around each Graph request; read-after-write windows it arms on
 * the lagging read side of the tenant.
 */
export class FaultInjector {
    private rules: Installed[] = [];
    private forbidden = new Map<string, OpenWindow>();
    private readonly busy = new Set<string>();
    private nextId = 1;

    /**
     * @param replica The tenant's read side, where read-after-write lag shows.
     * @param random Source of randomness for `probability` (injectable for reproducible runs).
     */
    constructor(
        private readonly replica: LaggingTenantStore,
        private readonly random: () => number = Math.random,
    ) {}

    /** Installs a rule and returns it with its id. */
    add(rule: FaultRule): InstalledFaultRule {
        const installed = { ...rule, id: rule.id ?? `fault-${this.nextId++}`, fired: 0 } as InstalledFaultRule;
        const bucket =
            installed.kind === "throttle" && installed.ratePerSecond !== undefined
                ? new TokenBucket(installed.ratePerSecond, installed.burst ?? Math.max(1, installed.ratePerSecond))
                : undefined;
        this.rules.push({ rule: installed, matches: compileMatcher(installed), bucket });
        return structuredClone(installed);
    }

    /** The installed rules. */
    list(): InstalledFaultRule[] {
        return this.rules.map((entry) => structuredClone(entry.rule));
    }

    /** Removes one rule; `false` when unknown. */
    remove(id: string): boolean {
        const before = this.rules.length;
        this.rules = this.rules.filter((entry) => entry.rule.id !== id);
        return this.rules.length < before;
    }

    /** Removes every rule and every open visibility window. */
    clear(): void {
        this.rules = [];
        this.replica.clear();
        this.forbidden.clear();
    }

    /** Whether a GET of `id` must answer 403 (just deleted); counts the GET against the window. */
    forbids(id: string): boolean {
        const key = id.toLowerCase();
        const window = this.forbidden.get(key);
        if (window === undefined) return false;
        if (window.open) {
            window.count();
            return true;
        }
        this.forbidden.delete(key);
        return false;
    }

    private fires(entry: Installed): boolean {
        const { rule } = entry;
        if (rule.times !== undefined && rule.fired >= rule.times) return false;
        if (rule.probability !== undefined && this.random() >= rule.probability) return false;
        rule.fired++;
        return true;
    }

    /** Runs the faults that act before the handler: latency, drops, throttling, errors, conflicts. */
    async before(request: FaultedRequest): Promise<FaultDecision> {
        const fired: string[] = [];
        let latency = 0;
        let dropAfter = false;
        let truncate = false;
        let secondWriter: { phase: "beforeApply" | "afterApply"; description: string } | undefined;
        const windows: PendingWindow[] = [];
        const held: string[] = [];
        const release = (): void => held.forEach((key) => this.busy.delete(key));
        const matching = this.rules.filter((entry) => entry.matches(request.method, request.pathname));

        for (const entry of matching) {
            const rule = entry.rule;
            let error: GraphError | undefined;
            switch (rule.kind) {
                case "latency":
                    if (this.fires(entry)) latency += rule.ms;
                    else continue;
                    break;
                case "drop":
                    if (!this.fires(entry)) continue;
                    if (rule.phase === "afterApply") dropAfter = true;
                    else {
                        release();
                        return { action: "drop", fired: [...fired, rule.kind] };
                    }
                    break;
                case "throttle": {
                    const taken = entry.bucket?.take();
                    if (taken?.allowed === true || !this.fires(entry)) continue;
                    error = graphErrors.tooManyRequests(
                        taken === undefined ? (rule.retryAfterSeconds ?? 1) : taken.retryAfterSeconds,
                        rule.retryAfterFormat,
                    );
                    break;
                }
                case "serverError":
                    if (!this.fires(entry)) continue;
                    error = graphErrors.serverError(rule.status, rule.retryAfterSeconds, rule.retryAfterFormat);
                    break;
                case "lateApply":
                    if (!this.fires(entry)) continue;
                    release();
                    return { action: "applyLate", ms: rule.ms, answer: rule.answer ?? "gatewayTimeout", fired: [...fired, rule.kind] };
                case "gatewayAnswer":
                    if (!this.fires(entry)) continue;
                    if (rule.answer === "truncated") truncate = true;
                    else {
                        release();
                        return { action: "gateway", answer: rule.answer, fired: [...fired, rule.kind] };
                    }
                    break;
                case "secondWriter":
                    if (!this.fires(entry)) continue;
                    secondWriter = { phase: rule.phase ?? "beforeApply", description: rule.description ?? "created by another writer" };
                    break;
                case "readAfterWriteLag":
                case "forbiddenAfterDelete":
                    windows.push({ rule });
                    continue;
                case "conflictOnParallelCreate": {
                    const key = `${rule.id}:${this.conflictKey(request)}`;
                    if (this.busy.has(key)) {
                        if (!this.fires(entry)) continue;
                        error = graphErrors.conflict(
                            "DuplicateKey: another create for this access package is being processed. A conflicting object with one or more of the specified property values is present.",
                        );
                        break;
                    }
                    this.busy.add(key);
                    held.push(key);
                    latency += rule.holdMs ?? 200;
                    continue;
                }
            }
            fired.push(rule.kind);
            if (error) {
                if (latency > 0) await sleep(latency);
                release();
                return { action: "respond", error, fired };
            }
        }
        if (latency > 0) await sleep(latency);
        return { action: "proceed", fired, dropAfter, truncate, secondWriter, windows: this.withReplaced(windows, request), release };
    }

    /**
     * Gives each lag rule of a PUT the version the PUT is about to replace. Read after the
     * injected latency, right before the handler runs: a write served during the sleep may
     * already have replaced the version found earlier.
     */
    private withReplaced(windows: PendingWindow[], request: FaultedRequest): PendingWindow[] {
        if (request.method !== "PUT" || request.targetId === undefined || !windows.some(({ rule }) => rule.kind === "readAfterWriteLag"))
            return windows;
        const previous = this.replica.find(request.targetId);
        return windows.map((window) => (window.rule.kind === "readAfterWriteLag" ? { ...window, previous } : window));
    }

    /** Arms visibility windows for a successful create (201), replace (PUT, 200) or delete (204). */
    after(windows: readonly PendingWindow[], applied: AppliedRequest): string[] {
        const armed: string[] = [];
        for (const { rule, previous } of windows) {
            const entry = this.rules.find((candidate) => candidate.rule.id === rule.id);
            if (entry === undefined) continue;
            if (rule.kind === "readAfterWriteLag") {
                const hideFromLists = rule.hideFromLists === true;
                if (applied.status === 201 && applied.entityId !== undefined && this.fires(entry)) {
                    this.replica.hideNew(applied.entityId, rule, hideFromLists);
                    armed.push(rule.kind);
                } else if (applied.method === "PUT" && applied.status === 200 && previous !== undefined && this.fires(entry)) {
                    this.replica.serveStale(previous, rule, hideFromLists);
                    armed.push(rule.kind);
                }
            }
            if (rule.kind === "forbiddenAfterDelete" && applied.status === 204 && applied.targetId !== undefined && this.fires(entry)) {
                // Windows that are over go first: one about an id no GET asks for again would stay for good.
                for (const [id, window] of this.forbidden) if (!window.open) this.forbidden.delete(id);
                this.forbidden.set(applied.targetId.toLowerCase(), new OpenWindow(rule));
                armed.push(rule.kind);
            }
        }
        return armed;
    }

    private conflictKey(request: FaultedRequest): string {
        const reference = isJsonObject(request.body) ? request.body.accessPackage : undefined;
        const id = isJsonObject(reference) ? reference.id : undefined;
        return typeof id === "string" ? id.toLowerCase() : request.pathname;
    }
}

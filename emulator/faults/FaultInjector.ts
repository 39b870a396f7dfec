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

/** A decision that ends a request before the handler, other than an error answer. */
type EndingDecision = Extract<FaultDecision, { action: "drop" | "applyLate" | "gateway" }>;

/** What the rules that fired so far do to a request that proceeds. */
interface Effects {
    fired: string[];
    latency: number;
    dropAfter: boolean;
    truncate: boolean;
    secondWriter?: { phase: "beforeApply" | "afterApply"; description: string };
    windows: PendingWindow[];
    /** Access packages held by conflict rules, freed by `release`. */
    held: string[];
}

const PARALLEL_CREATE_CONFLICT =
    "DuplicateKey: another create for this access package is being processed. A conflicting object with one or more of the specified property values is present.";

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

    /**
     * What one matching rule does to the request: nothing this time (`"notFired"`), adds to `effects` (`"fired"`),
     * answers with an error, or ends the request its own way.
     */
    private react(entry: Installed, request: FaultedRequest, effects: Effects): "notFired" | "fired" | GraphError | EndingDecision {
        const rule = entry.rule;
        if (rule.kind === "readAfterWriteLag" || rule.kind === "forbiddenAfterDelete") {
            // Armed after the handler, and only if the request succeeds.
            effects.windows.push({ rule });
            return "notFired";
        }
        if (rule.kind === "conflictOnParallelCreate") {
            return this.parallelCreate(entry, rule, request, effects);
        }
        if (rule.kind === "throttle") {
            const taken = entry.bucket?.take();
            if (taken?.allowed === true || !this.fires(entry)) return "notFired";
            return graphErrors.tooManyRequests(
                taken === undefined ? (rule.retryAfterSeconds ?? 1) : taken.retryAfterSeconds,
                rule.retryAfterFormat,
            );
        }
        if (!this.fires(entry)) return "notFired";
        const fired = [...effects.fired, rule.kind];
        switch (rule.kind) {
            case "latency":
                effects.latency += rule.ms;
                return "fired";
            case "drop":
                if (rule.phase !== "afterApply") return { action: "drop", fired };
                effects.dropAfter = true;
                return "fired";
            case "serverError":
                return graphErrors.serverError(rule.status, rule.retryAfterSeconds, rule.retryAfterFormat);
            case "lateApply":
                return { action: "applyLate", ms: rule.ms, answer: rule.answer ?? "gatewayTimeout", fired };
            case "gatewayAnswer":
                if (rule.answer !== "truncated") return { action: "gateway", answer: rule.answer, fired };
                effects.truncate = true;
                return "fired";
            case "secondWriter":
                effects.secondWriter = { phase: rule.phase ?? "beforeApply", description: rule.description ?? "created by another writer" };
                return "fired";
        }
    }

    /** The first create of an access package holds it (and waits `holdMs`); one that comes meanwhile may conflict. */
    private parallelCreate(
        entry: Installed,
        rule: Extract<InstalledFaultRule, { kind: "conflictOnParallelCreate" }>,
        request: FaultedRequest,
        effects: Effects,
    ): "notFired" | GraphError {
        const key = `${rule.id}:${this.conflictKey(request)}`;
        if (!this.busy.has(key)) {
            this.busy.add(key);
            effects.held.push(key);
            effects.latency += rule.holdMs ?? 200;
            return "notFired";
        }
        return this.fires(entry) ? graphErrors.conflict(PARALLEL_CREATE_CONFLICT) : "notFired";
    }

    /** Runs the faults that act before the handler: latency, drops, throttling, errors, conflicts. */
    async before(request: FaultedRequest): Promise<FaultDecision> {
        const effects: Effects = { fired: [], latency: 0, dropAfter: false, truncate: false, windows: [], held: [] };
        const release = (): void => effects.held.forEach((key) => this.busy.delete(key));
        for (const entry of this.rules.filter((candidate) => candidate.matches(request.method, request.pathname))) {
            const reaction = this.react(entry, request, effects);
            if (reaction === "notFired") continue;
            if (reaction === "fired") {
                effects.fired.push(entry.rule.kind);
                continue;
            }
            if (reaction instanceof GraphError) {
                effects.fired.push(entry.rule.kind);
                if (effects.latency > 0) await sleep(effects.latency);
                release();
                return { action: "respond", error: reaction, fired: effects.fired };
            }
            release();
            return reaction;
        }
        if (effects.latency > 0) await sleep(effects.latency);
        const { fired, dropAfter, truncate, secondWriter, windows } = effects;
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

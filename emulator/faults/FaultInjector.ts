import { setTimeout as sleep } from "node:timers/promises";
import { GraphError } from "../errors/GraphError";
import { graphErrors } from "../errors/graphErrors";
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import type { FaultRule, InstalledFaultRule, VisibilityWindow } from "./FaultRule";
import { compileMatcher } from "./pathMatcher";
import { TokenBucket } from "./TokenBucket";

/** The parts of a request faults look at. */
export interface FaultedRequest {
  /** Upper-case method. */
  method: string;
  /** Path without query. */
  pathname: string;
  /** Parsed body (conflicts key on its `accessPackage.id`). */
  body: JsonValue | undefined;
}

/** What to do with a request after the pre-handling faults ran. */
export type FaultDecision =
  | { action: "respond"; error: GraphError; fired: string[] }
  | { action: "drop"; fired: string[] }
  | {
      action: "proceed";
      /** Kinds that fired (latency, armed windows…), for the request log. */
      fired: string[];
      /** Destroy the connection after the handler applied the request. */
      dropAfter: boolean;
      /** Rules that arm visibility windows on success. */
      windows: InstalledFaultRule[];
      /** Frees the access package held by a conflict rule. */
      release: () => void;
    };

interface Installed {
  rule: InstalledFaultRule;
  matches: (method: string, pathname: string) => boolean;
  bucket?: TokenBucket;
}

interface Window {
  until?: number;
  remaining?: number;
}

function openWindow(spec: VisibilityWindow): Window {
  if (spec.ms === undefined && spec.requests === undefined) return { remaining: 1 };
  return { ...(spec.ms === undefined ? {} : { until: Date.now() + spec.ms }), ...(spec.requests === undefined ? {} : { remaining: spec.requests }) };
}

/** Consumes one GET from a window; `false` once it is over. */
function consume(window: Window): boolean {
  if (window.until !== undefined && Date.now() >= window.until) return false;
  if (window.remaining !== undefined) {
    if (window.remaining <= 0) return false;
    window.remaining--;
  }
  return true;
}

/**
 * Holds the fault rules and the state they create (token buckets, visibility windows,
 * in-flight creates) and applies them around each Graph request.
 */
export class FaultInjector {
  private rules: Installed[] = [];
  private hidden = new Map<string, Window>();
  private forbidden = new Map<string, Window>();
  private readonly busy = new Set<string>();
  private nextId = 1;

  /** @param random Source of randomness for `probability` (injectable for reproducible runs). */
  constructor(private readonly random: () => number = Math.random) {}

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
    this.hidden.clear();
    this.forbidden.clear();
  }

  /** Whether a GET of `id` must answer 404 (lag after create) or 403 (after delete). */
  visibility(id: string): "hidden" | "forbidden" | undefined {
    const key = id.toLowerCase();
    for (const [map, outcome] of [[this.hidden, "hidden"], [this.forbidden, "forbidden"]] as const) {
      const window = map.get(key);
      if (window === undefined) continue;
      if (consume(window)) return outcome;
      map.delete(key);
    }
    return undefined;
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
    const windows: InstalledFaultRule[] = [];
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
          error = graphErrors.tooManyRequests(taken === undefined ? rule.retryAfterSeconds ?? 1 : taken.retryAfterSeconds, rule.retryAfterFormat);
          break;
        }
        case "serverError":
          if (!this.fires(entry)) continue;
          error = graphErrors.serverError(rule.status, rule.retryAfterSeconds, rule.retryAfterFormat);
          break;
        case "readAfterWriteLag":
        case "forbiddenAfterDelete":
          windows.push(rule);
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
    return { action: "proceed", fired, dropAfter, windows, release };
  }

  /** Arms visibility windows for a successful create (201 + id) or delete (204). */
  after(windows: readonly InstalledFaultRule[], pathname: string, status: number, body: JsonObject | undefined): string[] {
    const armed: string[] = [];
    for (const rule of windows) {
      const entry = this.rules.find((candidate) => candidate.rule.id === rule.id);
      if (entry === undefined) continue;
      if (rule.kind === "readAfterWriteLag" && status === 201 && typeof body?.id === "string" && this.fires(entry)) {
        this.hidden.set(body.id.toLowerCase(), openWindow(rule as VisibilityWindow));
        armed.push(rule.kind);
      }
      if (rule.kind === "forbiddenAfterDelete" && status === 204 && this.fires(entry)) {
        this.forbidden.set(pathname.split("/").pop()!.toLowerCase(), openWindow(rule as VisibilityWindow));
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

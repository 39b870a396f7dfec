import { graphErrors } from "../errors/graphErrors";
import { isJsonObject, type JsonValue } from "../json";
import type { FaultRule } from "./FaultRule";

const KINDS = ["throttle", "serverError", "latency", "drop", "readAfterWriteLag", "forbiddenAfterDelete", "conflictOnParallelCreate"];

function check(condition: boolean, property: string, reason: string): void {
  if (!condition) throw graphErrors.invalidProperty(property, reason);
}

const optionalNumber = (value: JsonValue | undefined): boolean => value === undefined || (typeof value === "number" && value >= 0);

/** Checks a fault rule posted to the admin API (or passed in start options). */
export function readFaultRule(value: JsonValue | FaultRule | undefined): FaultRule {
  check(isJsonObject(value), "(body)", "expected a fault rule object.");
  const rule = value as unknown as Record<string, JsonValue | undefined>;
  check(typeof rule.kind === "string" && KINDS.includes(rule.kind), "kind", `must be one of: ${KINDS.join(", ")}.`);
  for (const key of ["times", "retryAfterSeconds", "ratePerSecond", "burst", "ms", "requests", "holdMs"]) {
    check(optionalNumber(rule[key]), key, "must be a non-negative number.");
  }
  check(rule.probability === undefined || (typeof rule.probability === "number" && rule.probability >= 0 && rule.probability <= 1), "probability", "must be between 0 and 1.");
  for (const key of ["method", "path", "pathRegex", "id"]) check(rule[key] === undefined || typeof rule[key] === "string", key, "must be a string.");
  if (typeof rule.pathRegex === "string") {
    try {
      new RegExp(rule.pathRegex);
    } catch {
      check(false, "pathRegex", "is not a valid regular expression.");
    }
  }
  if (rule.kind === "serverError") check([500, 503, 504].includes(rule.status as number), "status", "must be 500, 503 or 504.");
  if (rule.kind === "latency") check(typeof rule.ms === "number", "ms", "is required for latency.");
  if (rule.kind === "drop") check(rule.phase === "beforeApply" || rule.phase === "afterApply", "phase", "must be 'beforeApply' or 'afterApply'.");
  if (rule.kind === "throttle" && rule.ratePerSecond !== undefined) check((rule.ratePerSecond as number) > 0, "ratePerSecond", "must be positive.");
  return value as unknown as FaultRule;
}

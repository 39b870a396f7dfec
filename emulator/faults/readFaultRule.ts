import { graphErrors } from "../errors/graphErrors";
import { isJsonObject, type JsonValue } from "../json";
import type { FaultRule } from "./FaultRule";

const KINDS = [
    "throttle",
    "serverError",
    "latency",
    "drop",
    "readAfterWriteLag",
    "forbiddenAfterDelete",
    "conflictOnParallelCreate",
    "lateApply",
    "gatewayAnswer",
    "secondWriter",
];
const GATEWAY_ANSWERS = ["html404", "empty200", "null200", "truncated"];

function check(condition: boolean, property: string, reason: string): asserts condition {
    if (!condition) throw graphErrors.invalidProperty(property, reason);
}

const optionalNumber = (value: JsonValue | undefined): boolean => value === undefined || (typeof value === "number" && value >= 0);
const optionalCount = (value: JsonValue | undefined): boolean => value === undefined || (Number.isInteger(value) && (value as number) >= 0);
const RETRY_AFTER_FORMATS = ["seconds", "httpDate"];

/**
 * Asserts that `value` is a fault rule, naming the first property that is wrong in a 400; a property no rule has is
 * left in and ignored.
 */
function assertFaultRule(value: unknown): asserts value is FaultRule {
    check(isJsonObject(value), "(body)", "expected a fault rule object.");
    const rule: Readonly<Record<string, JsonValue | undefined>> = value;
    check(typeof rule.kind === "string" && KINDS.includes(rule.kind), "kind", `must be one of: ${KINDS.join(", ")}.`);
    for (const key of ["ratePerSecond", "burst", "ms", "holdMs"]) check(optionalNumber(rule[key]), key, "must be a non-negative number.");
    // Retry-After's delay-seconds is a whole number (RFC 9110 §10.2.3); counts are whole too.
    check(optionalCount(rule.retryAfterSeconds), "retryAfterSeconds", "must be a non-negative integer (whole seconds).");
    for (const key of ["times", "requests"]) check(optionalCount(rule[key]), key, "must be a non-negative integer.");
    check(
        rule.retryAfterFormat === undefined || RETRY_AFTER_FORMATS.includes(rule.retryAfterFormat as string),
        "retryAfterFormat",
        "must be 'seconds' or 'httpDate'.",
    );
    check(
        rule.probability === undefined || (typeof rule.probability === "number" && rule.probability >= 0 && rule.probability <= 1),
        "probability",
        "must be between 0 and 1.",
    );
    check(rule.hideFromLists === undefined || typeof rule.hideFromLists === "boolean", "hideFromLists", "must be a boolean.");
    for (const key of ["method", "path", "pathRegex", "id"])
        check(rule[key] === undefined || typeof rule[key] === "string", key, "must be a string.");
    if (typeof rule.pathRegex === "string") {
        try {
            new RegExp(rule.pathRegex);
        } catch {
            check(false, "pathRegex", "is not a valid regular expression.");
        }
    }
    if (rule.kind === "serverError") check([500, 503, 504].includes(rule.status as number), "status", "must be 500, 503 or 504.");
    if (rule.kind === "latency") check(typeof rule.ms === "number", "ms", "is required for latency.");
    if (rule.kind === "lateApply") {
        check(typeof rule.ms === "number", "ms", "is required for lateApply.");
        check(
            rule.answer === undefined || rule.answer === "gatewayTimeout" || rule.answer === "drop",
            "answer",
            "must be 'gatewayTimeout' or 'drop'.",
        );
    }
    if (rule.kind === "gatewayAnswer")
        check(GATEWAY_ANSWERS.includes(rule.answer as string), "answer", `must be one of: ${GATEWAY_ANSWERS.join(", ")}.`);
    if (rule.kind === "secondWriter") {
        check(
            rule.phase === undefined || rule.phase === "beforeApply" || rule.phase === "afterApply",
            "phase",
            "must be 'beforeApply' or 'afterApply'.",
        );
        check(rule.description === undefined || typeof rule.description === "string", "description", "must be a string.");
    }
    if (rule.kind === "drop")
        check(rule.phase === "beforeApply" || rule.phase === "afterApply", "phase", "must be 'beforeApply' or 'afterApply'.");
    if (rule.kind === "throttle" && rule.ratePerSecond !== undefined)
        check((rule.ratePerSecond as number) > 0, "ratePerSecond", "must be positive.");
}

/** Checks a fault rule posted to the admin API (or passed in start options). */
export function readFaultRule(value: JsonValue | FaultRule | undefined): FaultRule {
    assertFaultRule(value);
    return value;
}

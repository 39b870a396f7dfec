import type { CheckFailure } from "../types";
import { readCanonical, type CanonicalPolicy } from "./canonicalPolicy";
import { CheckContext } from "./checkContext";
import { MAX_DEPTH, tooDeepAt } from "./depth";
import { isPlainObject } from "./unknown";

/** The key under which Pulumi stores the serialized dynamic provider; it is not an input of the policy. */
const PROVIDER_KEY = "__provider";

/** What check found: the canonical inputs, or the failures and the inputs as declared. */
export type CheckResult = { inputs: CanonicalPolicy; failures: [] } | { inputs: Record<string, unknown>; failures: CheckFailure[] };

/**
 * Validates and canonicalises. Never throws, whatever it is given (any JSON, nulls, wrong types, unknown sentinel
 * anywhere). On success `inputs` is the canonical form (Graph's casing, explicit defaults, canonical durations and
 * date-times) with `__provider` kept as given; with failures `inputs` is `news` unchanged.
 *
 * @param _olds The previous inputs; the checks do not depend on them.
 * @param news The inputs the program declares, as the engine sends them.
 */
export function checkPolicy(_olds: Record<string, unknown>, news: Record<string, unknown>): CheckResult {
    const declared = isPlainObject(news) ? news : {};
    const findings = new CheckContext();
    const { [PROVIDER_KEY]: provider, ...properties } = declared;
    for (const [name, value] of Object.entries(properties)) {
        const at = tooDeepAt(value, name);
        if (at !== undefined) findings.fail(at, `nests more than ${MAX_DEPTH} lists or objects deep; no policy property does`);
    }
    if (findings.failures.length > 0) {
        return { inputs: declared, failures: findings.failures };
    }
    const canonical = readCanonical(properties, findings);
    if (findings.failures.length > 0) {
        return { inputs: declared, failures: findings.failures };
    }
    return { inputs: provider === undefined ? canonical : { ...canonical, [PROVIDER_KEY]: provider }, failures: [] };
}

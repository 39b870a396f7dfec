import type { CheckFailure } from "../types";
import { CheckContext } from "./checkContext";
import { MAX_DEPTH, tooDeepAt } from "./depth";
import { canonicalPolicy } from "./policyShape";
import { isPlainObject } from "./unknown";

/** The key under which Pulumi stores the serialized dynamic provider; it is not an input of the policy. */
const PROVIDER_KEY = "__provider";

/**
 * Validates and canonicalises. Never throws, whatever it is given (any JSON, nulls, wrong types, unknown sentinel
 * anywhere). On success `inputs` is the canonical form (Graph's casing, explicit defaults, canonical durations and
 * date-times) with `__provider` kept as given; with failures `inputs` is `news` unchanged.
 *
 * @param _olds The previous inputs; the checks do not depend on them.
 * @param news The inputs the program declares, as the engine sends them.
 */
export function checkPolicy(
    _olds: Record<string, unknown>,
    news: Record<string, unknown>,
): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
    const declared = isPlainObject(news) ? news : {};
    const ctx = new CheckContext();
    const { [PROVIDER_KEY]: provider, ...properties } = declared;
    for (const [name, value] of Object.entries(properties)) {
        const at = tooDeepAt(value, name);
        if (at !== undefined) ctx.fail(at, `nests more than ${MAX_DEPTH} lists or objects deep; no policy property does`);
    }
    if (ctx.failures.length > 0) {
        return { inputs: declared, failures: ctx.failures };
    }
    const canonical = canonicalPolicy(properties, ctx);
    if (ctx.failures.length > 0) {
        return { inputs: declared, failures: ctx.failures };
    }
    return { inputs: provider === undefined ? canonical : { ...canonical, [PROVIDER_KEY]: provider }, failures: [] };
}

/**
 * The policy in canonical form as a type of its own. Reading a policy into canonical form is the model's costliest
 * step; a function that takes {@link CanonicalPolicy} knows it was done and does not do it again.
 */
import type { PolicyInputs, PolicyOutputs } from "../types";
import type { CheckContext } from "./checkContext";
import { canonicalPolicy } from "./policyShape";

declare const canonicalForm: unique symbol;

/**
 * Policy inputs in canonical form: Graph's casing, explicit defaults, canonical durations and date-times. Made by
 * `checkPolicy` (which keeps a front door's own keys, such as `__provider`, beside it) and by reading Graph's answer
 * or state; during preview a value may still be Pulumi's unknown sentinel.
 */
export type CanonicalPolicy = PolicyInputs & { readonly [canonicalForm]: true };

/** Outputs whose policy properties are in canonical form: what `outputsFromGraph` makes, and what state stores. */
export type CanonicalOutputs = PolicyOutputs & CanonicalPolicy;

/**
 * `raw`'s input properties read into canonical form; best effort, with what does not fit reported to `findings`
 * (the caller decides whether failures make the result unusable).
 */
export function readCanonical(raw: unknown, findings: CheckContext): CanonicalPolicy {
    // canonicalPolicy builds each property from its reader, so the record it returns is the canonical form.
    return canonicalPolicy(raw, findings) as CanonicalPolicy;
}

/**
 * Inputs that `checkPolicy` returned and that come back unchanged, as a front door's host hands back between check
 * and diff, create or update (Pulumi's engine checks every registration first): already canonical, so not read again.
 */
export function asChecked(inputs: object): CanonicalPolicy {
    return inputs as CanonicalPolicy;
}

/**
 * Check of the double: an input it does not model, a required one missing, or a value it does not model fails,
 * naming the property. A value still unknown at preview passes, as it would in azuread.
 */
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { AzureadResource, Properties } from "./azureadResources";

/** One failed input, as `CheckFailure` carries it. */
export interface InputFailure {
    property: string;
    reason: string;
}

/** What is wrong with `news` for `resource`; empty when the double can make it. */
export function checkFailures(resource: AzureadResource, news: Properties): InputFailure[] {
    const unmodelled = Object.keys(news)
        .filter((name) => !resource.inputs.includes(name))
        .map((property) => ({ property, reason: `the azuread test double does not model ${property}` }));
    const missing = resource.required
        .filter((name) => news[name] === undefined || news[name] === null || news[name] === "")
        .map((property) => ({ property, reason: `${property} is required` }));
    const unsupported = Object.entries(resource.allowed ?? {})
        .filter(([name, values]) => news[name] !== undefined && news[name] !== unknownValue && !values.includes(String(news[name])))
        .map(([property, values]) => ({ property, reason: `the azuread test double models only ${values.join(", ")}` }));
    return [...unmodelled, ...missing, ...unsupported];
}

import type { GraphCallResult } from "../graph/transport/graphTransport";

/** Epoch milliseconds of a Graph timestamp, `undefined` when absent or unreadable. */
export function graphInstant(value: string | null | undefined): number | undefined {
    const at = typeof value === "string" ? Date.parse(value) : NaN;
    return Number.isNaN(at) ? undefined : at;
}

/** When Graph answered, by its `Date` header. */
export function answeredAt(result: GraphCallResult): number | undefined {
    return result.kind === "response" ? graphInstant(result.headers.get("date")) : undefined;
}

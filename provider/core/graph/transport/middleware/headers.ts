import type { Context } from "@microsoft/microsoft-graph-client";

/**
 * Sets a request header whichever shape the Graph client left the headers in (a `Headers`, a tuple list or a plain
 * record), replacing any earlier value, so a header set per attempt is not appended to on retries.
 */
export function setRequestHeader(context: Context, name: string, value: string): void {
    const options = (context.options ??= {});
    const headers = options.headers;
    if (headers instanceof Headers) {
        headers.set(name, value);
    } else if (Array.isArray(headers)) {
        options.headers = [...headers.filter(([key]) => key.toLowerCase() !== name.toLowerCase()), [name, value]];
    } else {
        const record: Record<string, string> = {};
        for (const [key, existing] of Object.entries(headers ?? {})) {
            if (key.toLowerCase() !== name.toLowerCase()) {
                record[key] = typeof existing === "string" ? existing : existing.join(", ");
            }
        }
        record[name] = value;
        options.headers = record;
    }
}

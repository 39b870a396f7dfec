/**
 * An error the emulator answers with Graph's error body
 * `{ error: { code, message, innerError } }`. Handlers throw it; the server renders it.
 */
export class GraphError extends Error {
    /**
     * @param status HTTP status code.
     * @param code Graph error code, e.g. `ResourceNotFound`.
     * @param message Human-readable message; names the offending property for validation errors.
     * @param headers Extra response headers, e.g. `Retry-After`.
     */
    constructor(
        readonly status: number,
        readonly code: string,
        message: string,
        readonly headers: Readonly<Record<string, string>> = {},
    ) {
        super(message);
        this.name = "GraphError";
    }
}

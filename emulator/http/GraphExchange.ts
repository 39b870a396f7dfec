import type { JsonObject, JsonValue } from "../json";

/** A parsed request as handlers see it. */
export interface GraphRequest {
    /** Upper-case HTTP method. */
    method: string;
    /** Path without query, e.g. `/v1.0/identityGovernance/...`. */
    pathname: string;
    /** Query string parameters. */
    query: URLSearchParams;
    /** Parsed JSON body, `undefined` when empty. */
    body: JsonValue | undefined;
    /** Scheme, host and port the client reached, e.g. `http://127.0.0.1:4010`. */
    baseUrl: string;
    /** Values of `{name}` segments of the matched route template. */
    params: Readonly<Record<string, string>>;
}

/** What a handler answers; the server adds the Graph headers. */
export interface GraphResponse {
    /** HTTP status. */
    status: number;
    /** JSON body; absent for 204. */
    body?: JsonObject;
    /** Extra headers, e.g. `Location`. */
    headers?: Readonly<Record<string, string>>;
    /** Id of the entity the answer is about, whatever `$select` kept; for fault windows, never sent. */
    entityId?: string;
}

/** Handles one route. Throws `GraphError` for error responses. */
export type GraphHandler = (request: GraphRequest) => GraphResponse;

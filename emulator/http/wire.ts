import type { IncomingMessage, ServerResponse } from "node:http";
import { GraphError } from "../errors/GraphError";
import { graphErrors } from "../errors/graphErrors";
import type { JsonObject, JsonValue } from "../json";
import type { GraphResponse } from "./GraphExchange";

/** Reads the whole request body as text. */
export async function readBody(request: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON body; empty text is `undefined`. */
export function parseJsonBody(text: string): JsonValue | undefined {
    if (text.trim() === "") return undefined;
    try {
        return JSON.parse(text) as JsonValue;
    } catch (error) {
        throw graphErrors.invalidJson((error as Error).message);
    }
}

/** Identifiers Graph puts on every response. */
export interface RequestIds {
    /** Server-generated `request-id`. */
    requestId: string;
    /** The client's `client-request-id`, or the request id when the client sent none. */
    clientRequestId: string;
}

/** Turns any thrown value into Graph's error response; unexpected ones become a 500. */
export function errorResponse(error: unknown, ids: RequestIds): GraphResponse {
    const graphError =
        error instanceof GraphError
            ? error
            : new GraphError(500, "InternalServerError", `Unexpected emulator failure: ${(error as Error)?.message ?? String(error)}`);
    const body: JsonObject = {
        error: {
            code: graphError.code,
            message: graphError.message,
            innerError: {
                // Graph writes this timestamp without fraction or zone.
                date: new Date().toISOString().slice(0, 19),
                "request-id": ids.requestId,
                "client-request-id": ids.clientRequestId,
            },
        },
    };
    return { status: graphError.status, body, headers: graphError.headers };
}

/** Writes a response with the headers Graph always sends. */
export function writeResponse(res: ServerResponse, response: GraphResponse, ids: RequestIds, truncate = false): void {
    const headers: Record<string, string> = {
        "request-id": ids.requestId,
        "client-request-id": ids.clientRequestId,
        ...response.headers,
    };
    if (response.body === undefined) {
        res.writeHead(response.status, headers).end();
        return;
    }
    const whole = JSON.stringify(response.body);
    // Content-Length matches what is sent: a proxy that cut the body short framed what it had.
    const payload = truncate ? whole.slice(0, Math.floor(whole.length / 2)) : whole;
    headers["Content-Type"] = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    headers["OData-Version"] = "4.0";
    headers["Content-Length"] = String(Buffer.byteLength(payload));
    res.writeHead(response.status, headers).end(payload);
}

const GATEWAY_PAGE =
    "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>";

/** Writes an answer that a proxy or gateway gives in Graph's place: none of Graph's headers or bodies. */
export function writeGatewayAnswer(res: ServerResponse, answer: "html404" | "empty200" | "null200"): number {
    if (answer === "html404") {
        res.writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Content-Length": String(Buffer.byteLength(GATEWAY_PAGE)) }).end(
            GATEWAY_PAGE,
        );
        return 404;
    }
    if (answer === "null200") {
        res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "4" }).end("null");
        return 200;
    }
    res.writeHead(200, { "Content-Length": "0" }).end();
    return 200;
}

/** The ids for a request: a fresh `request-id`, the client's `client-request-id` echoed. */
export function requestIdsOf(request: IncomingMessage, requestId: string): RequestIds {
    const client = request.headers["client-request-id"];
    return { requestId, clientRequestId: typeof client === "string" && client !== "" ? client : requestId };
}

/** The request's URL; a 400 `GraphError` when its target or `Host` header does not parse. */
export function parseRequestUrl(request: IncomingMessage): URL {
    try {
        return new URL(request.url ?? "/", baseUrlOf(request));
    } catch {
        throw graphErrors.invalidUrl(
            `the target '${request.url ?? ""}' with the Host header '${request.headers.host ?? ""}' is not a valid URL.`,
        );
    }
}

/** `http://host:port` the client used, for links in responses. */
export function baseUrlOf(request: IncomingMessage): string {
    return `http://${request.headers.host ?? "127.0.0.1"}`;
}

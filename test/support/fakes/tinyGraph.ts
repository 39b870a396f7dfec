/**
 * A tiny scriptable HTTP server on 127.0.0.1 port 0 standing in for Graph in unit tests: each test decides, request
 * by request, what Graph answers (or whether the connection drops). It is not the emulator; it holds no Graph logic.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the server saw it. */
export interface SeenRequest {
    readonly method: string;
    /** Path and query, exactly as sent. */
    readonly url: string;
    readonly headers: IncomingMessage["headers"];
    /** Parsed JSON body, or undefined. */
    readonly body: unknown;
}

/** What to do with one request: answer it, or destroy the socket (optionally after acting on it). */
export type Reply =
    | { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> }
    /** Raw text, as something that is not Graph (a proxy, a WAF) answers. */
    | { readonly status: number; readonly text: string; readonly headers?: Record<string, string> }
    | { readonly drop: true };

/** Decides the reply to a request; `seen` holds all requests so far, this one last. */
export type Script = (request: SeenRequest, seen: readonly SeenRequest[]) => Reply;

/** A running tiny server. */
export interface TinyGraph {
    /** Root URL (no `/v1.0`). */
    readonly endpoint: string;
    readonly seen: SeenRequest[];
    close(): Promise<void>;
}

/** Graph's error body shape (graph-policy.md §6). */
export function graphError(status: number, code: string, message: string, requestId = "req-0001"): Reply {
    return {
        status,
        headers: { "request-id": requestId, "client-request-id": "echoed-client-id" },
        body: {
            error: {
                code,
                message,
                innerError: { date: "2026-01-01T00:00:00", "request-id": requestId, "client-request-id": "echoed-client-id" },
            },
        },
    };
}

/** Starts a server answering by `script`. */
export async function startTinyGraph(script: Script): Promise<TinyGraph> {
    const seen: SeenRequest[] = [];
    const server: Server = createServer((req, res: ServerResponse) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const request: SeenRequest = {
                method: req.method ?? "",
                url: req.url ?? "",
                headers: req.headers,
                body: text === "" ? undefined : JSON.parse(text),
            };
            seen.push(request);
            const reply = script(request, seen);
            if ("drop" in reply) {
                req.socket.destroy();
                return;
            }
            if ("text" in reply) {
                res.writeHead(reply.status, reply.headers).end(reply.text);
                return;
            }
            const body = reply.body === undefined ? undefined : JSON.stringify(reply.body);
            res.writeHead(reply.status, { ...(body === undefined ? {} : { "content-type": "application/json" }), ...reply.headers });
            res.end(body);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        endpoint: `http://127.0.0.1:${port}`,
        seen,
        close: () =>
            new Promise<void>((resolve, reject) => {
                server.closeAllConnections();
                server.close((error) => (error ? reject(error) : resolve()));
            }),
    };
}

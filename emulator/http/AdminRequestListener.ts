import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { graphErrors } from "../errors/graphErrors";
import type { Router } from "../routing/Router";
import type { GraphResponse } from "./GraphExchange";
import { baseUrlOf, errorResponse, parseJsonBody, parseRequestUrl, readBody, requestIdsOf, writeResponse } from "./wire";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Serves the admin API. No token is needed, so only loopback clients are admitted even when
 * the emulator listens on another interface. Admin calls are not written to the request log.
 */
export class AdminRequestListener {
    constructor(private readonly router: Router) {}

    /** Handles one admin request; a bad request gets Graph's error shape, never a rejection. */
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const ids = requestIdsOf(req, randomUUID());
        let response: GraphResponse;
        try {
            const remoteAddress = req.socket.remoteAddress ?? "";
            if (!LOOPBACK.has(remoteAddress)) throw graphErrors.adminLoopbackOnly(remoteAddress);
            const method = (req.method ?? "GET").toUpperCase();
            const text = await readBody(req);
            const url = parseRequestUrl(req);
            const body = parseJsonBody(text);
            const match = this.router.match(method, url.pathname);
            if (match.kind === "notFound") throw graphErrors.segmentNotFound(match.segment);
            if (match.kind === "methodNotAllowed") throw graphErrors.methodNotAllowed(method, url.href, match.allowed);
            response = match.route.handler({
                method,
                pathname: url.pathname,
                query: url.searchParams,
                body,
                baseUrl: baseUrlOf(req),
                params: match.params,
            });
        } catch (error) {
            response = errorResponse(error, ids);
        }
        writeResponse(res, response, ids);
    }
}

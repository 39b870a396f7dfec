import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { graphErrors } from "../errors/graphErrors";
import type { FaultInjector } from "../faults/FaultInjector";
import type { RequestLog } from "../observability/RequestLog";
import type { Router } from "../routing/Router";
import type { LaggingTenantStore } from "../store/LaggingTenantStore";
import type { GraphResponse } from "./GraphExchange";
import { isJsonObject } from "../json";
import {
    baseUrlOf,
    errorResponse,
    parseJsonBody,
    parseRequestUrl,
    readBody,
    requestIdsOf,
    writeGatewayAnswer,
    writeResponse,
} from "./wire";

/** Settings of the Graph request pipeline. */
export interface GraphPipelineSettings {
    /** The bearer token every Graph request must carry. */
    token: string;
    /** Latency added to every Graph request, in ms. */
    latencyMs: number;
}

/**
 * Serves Graph routes: authenticates, applies fault rules, dispatches to the resource
 * handler, writes Graph's headers and error shape, and logs every request.
 */
export class GraphRequestListener {
    constructor(
        private readonly router: Router,
        private readonly faults: FaultInjector,
        private readonly replica: LaggingTenantStore,
        private readonly log: RequestLog,
        private readonly settings: GraphPipelineSettings,
    ) {}

    /** Handles one request end to end; never rejects for a bad request, which gets Graph's 400. */
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const started = Date.now();
        const ids = requestIdsOf(req, randomUUID());
        const method = (req.method ?? "GET").toUpperCase();
        // Logged as received until the URL parses, so a malformed request is still traceable.
        let path = req.url ?? "/";
        let route: string | null = null;
        const faultsFired: string[] = [];
        const finish = (status: number | null): void =>
            this.log.record({
                method,
                path,
                route,
                status,
                requestId: ids.requestId,
                clientRequestId: ids.clientRequestId,
                userAgent: req.headers["user-agent"] ?? null,
                time: new Date(started).toISOString(),
                durationMs: Date.now() - started,
                faults: faultsFired,
            });
        const drop = (): void => {
            req.socket.destroy();
            finish(null);
        };

        let response: GraphResponse;
        let truncate = false;
        try {
            const text = await readBody(req);
            const url = parseRequestUrl(req);
            path = `${url.pathname}${url.search}`;
            const match = this.router.match(method, url.pathname);
            route = match.kind === "notFound" ? null : match.kind === "matched" ? match.route.template : match.template;
            if (this.settings.latencyMs > 0) await sleep(this.settings.latencyMs);
            this.authenticate(req);
            const body = parseJsonBody(text);
            const targetId = match.kind === "matched" ? match.params.id : undefined;
            const decision = await this.faults.before({ method, pathname: url.pathname, targetId, body });
            faultsFired.push(...decision.fired);
            if (decision.action === "drop") return drop();
            if (decision.action === "respond") throw decision.error;
            if (decision.action === "gateway") {
                finish(writeGatewayAnswer(res, decision.answer));
                return;
            }
            if (decision.action === "applyLate") {
                // Unreferenced: a pending late apply must not keep a closing emulator alive.
                setTimeout(() => this.applyQuietly(method, url, body, req, match), decision.ms).unref();
                if (decision.answer === "drop") return drop();
                throw graphErrors.serverError(504);
            }
            const other =
                decision.secondWriter && isJsonObject(body) ? { ...body, description: decision.secondWriter.description } : undefined;
            if (decision.secondWriter?.phase === "beforeApply") this.applyQuietly(method, url, other, req, match);
            try {
                response = this.dispatch(method, url, body, req, match);
            } catch (error) {
                response = errorResponse(error, ids);
            }
            if (decision.secondWriter?.phase === "afterApply") this.applyQuietly(method, url, other, req, match);
            truncate = decision.truncate;
            faultsFired.push(
                ...this.faults.after(decision.windows, { method, targetId, status: response.status, entityId: response.entityId }),
            );
            decision.release();
            if (decision.dropAfter) return drop();
        } catch (error) {
            response = errorResponse(error, ids);
        }
        writeResponse(res, response, ids, truncate);
        finish(response.status);
    }

    /** Applies a request nobody waits for the answer to (a late apply, another writer's create); its failure is its own. */
    private applyQuietly(
        method: string,
        url: URL,
        body: ReturnType<typeof parseJsonBody>,
        req: IncomingMessage,
        match: ReturnType<Router["match"]>,
    ): void {
        try {
            this.dispatch(method, url, body, req, match);
        } catch {
            // Graph would have refused it too; nobody is left to tell.
        }
    }

    private authenticate(req: IncomingMessage): void {
        const header = req.headers.authorization;
        if (header === undefined || header.trim() === "") throw graphErrors.invalidToken("Access token is empty.");
        const match = /^Bearer\s+(.+)$/i.exec(header.trim());
        if (!match || match[1] !== this.settings.token) {
            throw graphErrors.invalidToken("Access token validation failure. Invalid audience.");
        }
    }

    private dispatch(
        method: string,
        url: URL,
        body: ReturnType<typeof parseJsonBody>,
        req: IncomingMessage,
        match: ReturnType<Router["match"]>,
    ): GraphResponse {
        if (match.kind === "notFound") throw graphErrors.segmentNotFound(match.segment);
        if (match.kind === "methodNotAllowed")
            throw graphErrors.methodNotAllowed(method, `${baseUrlOf(req)}${url.pathname}`, match.allowed);
        const id = match.params.id;
        const request = { method, pathname: url.pathname, query: url.searchParams, body, baseUrl: baseUrlOf(req), params: match.params };
        if (method !== "GET") return match.route.handler(request);
        if (id !== undefined && this.faults.forbids(id)) throw graphErrors.forbidden();
        return this.replica.read(id, () => match.route.handler(request));
    }
}

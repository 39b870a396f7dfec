import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ADMIN_PREFIX } from "./handlers/adminRoutes";
import { errorResponse, requestIdsOf, writeResponse } from "./http/wire";

/** Serves one kind of request (Graph or admin) to completion. */
export interface RequestListener {
    /** Answers one request; a rejection means it failed in a way it could not answer itself. */
    handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** Lifecycle states of the server. */
export enum ServerStatus {
    Closed = "closed",
    Starting = "starting",
    Running = "running",
    Closing = "closing",
}

/** The HTTP server: guarded start/close, admin paths to the admin listener, the rest to Graph. */
export class GraphEmulatorServer {
    private server: Server | undefined;
    private status = ServerStatus.Closed;

    constructor(
        private readonly graph: RequestListener,
        private readonly admin: RequestListener,
    ) {}

    /** Listens on `host:port` (port 0 picks a free one) and resolves with the bound address. */
    async start(host: string, port: number): Promise<AddressInfo> {
        if (this.status !== ServerStatus.Closed) throw new Error(`Cannot start the Graph emulator while it is ${this.status}.`);
        this.status = ServerStatus.Starting;
        const server = createServer((req, res) => this.route(req, res));
        try {
            await new Promise<void>((resolve, reject) => {
                server.once("error", reject);
                server.listen(port, host, () => {
                    server.off("error", reject);
                    resolve();
                });
            });
        } catch (error) {
            this.status = ServerStatus.Closed;
            throw error;
        }
        this.server = server;
        this.status = ServerStatus.Running;
        return server.address() as AddressInfo;
    }

    /** Stops listening and drops open keep-alive connections. */
    async close(): Promise<void> {
        if (this.status !== ServerStatus.Running || this.server === undefined)
            throw new Error(`Cannot close the Graph emulator while it is ${this.status}.`);
        this.status = ServerStatus.Closing;
        const server = this.server;
        await new Promise<void>((resolve, reject) => {
            server.close((error) => (error ? reject(error) : resolve()));
            server.closeAllConnections();
        });
        this.server = undefined;
        this.status = ServerStatus.Closed;
    }

    private route(req: IncomingMessage, res: ServerResponse): void {
        const isAdmin = (req.url ?? "").startsWith(`${ADMIN_PREFIX}/`);
        (isAdmin ? this.admin : this.graph).handle(req, res).catch((error: unknown) => GraphEmulatorServer.lastResort(res, req, error));
    }

    /** A listener failed: answer a 500 if nothing was written yet, so no client is left waiting and the process lives on. */
    private static lastResort(res: ServerResponse, req: IncomingMessage, error: unknown): void {
        if (res.headersSent) {
            res.destroy();
            return;
        }
        const ids = requestIdsOf(req, randomUUID());
        writeResponse(res, errorResponse(error, ids), ids);
    }
}

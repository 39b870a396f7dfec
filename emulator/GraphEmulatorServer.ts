import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { AdminRequestListener } from "./http/AdminRequestListener";
import type { GraphRequestListener } from "./http/GraphRequestListener";
import { ADMIN_PREFIX } from "./handlers/adminRoutes";

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
    private readonly graph: GraphRequestListener,
    private readonly admin: AdminRequestListener,
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
    if (this.status !== ServerStatus.Running || this.server === undefined) throw new Error(`Cannot close the Graph emulator while it is ${this.status}.`);
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
    void (isAdmin ? this.admin.handle(req, res) : this.graph.handle(req, res));
  }
}

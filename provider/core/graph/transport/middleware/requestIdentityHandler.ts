import { randomUUID } from "node:crypto";
import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { setRequestHeader } from "./headers";
import { requestAttemptsOf } from "./requestAttempts";

/**
 * Identifies each attempt to Graph: a fresh `client-request-id` GUID (Graph echoes it and logs it, so an error
 * message can name the exact attempt), and `User-Agent`/`SdkVersion` naming this package, like the Graph client's
 * `TelemetryHandler` does for itself.
 */
export class RequestIdentityHandler implements Middleware {
    private next?: Middleware;

    /** @param product `name/version` of this package. */
    constructor(private readonly product: string) {}

    async execute(context: Context): Promise<void> {
        const clientRequestId = randomUUID();
        setRequestHeader(context, "client-request-id", clientRequestId);
        const attempts = requestAttemptsOf(context);
        if (attempts !== undefined) {
            attempts.lastClientRequestId = clientRequestId;
        }
        setRequestHeader(context, "User-Agent", `${this.product} node/${process.versions.node}`);
        setRequestHeader(context, "SdkVersion", this.product);
        await (this.next as Middleware).execute(context);
    }

    setNext(next: Middleware): void {
        this.next = next;
    }
}

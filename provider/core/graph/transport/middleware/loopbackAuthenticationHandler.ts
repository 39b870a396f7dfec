import type { AuthenticationProvider, Context, Middleware } from "@microsoft/microsoft-graph-client";
import { setRequestHeader } from "./headers";

/**
 * Authorizes requests to a Graph on plain http, which the settings allow only on loopback (the local emulator).
 * The Graph client's `AuthenticationHandler` authorizes https URLs only and strips `Authorization` from others.
 */
export class LoopbackAuthenticationHandler implements Middleware {
    private next?: Middleware;

    constructor(private readonly provider: AuthenticationProvider) {}

    async execute(context: Context): Promise<void> {
        setRequestHeader(context, "Authorization", `Bearer ${await this.provider.getAccessToken()}`);
        await (this.next as Middleware).execute(context);
    }

    setNext(next: Middleware): void {
        this.next = next;
    }
}

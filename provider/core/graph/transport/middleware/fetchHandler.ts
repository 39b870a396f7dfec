import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

/** Terminal handler sending through an injected `fetch`; the Graph client's `HTTPMessageHandler` uses the global one. */
export class FetchHandler implements Middleware {
    constructor(private readonly fetchImpl: typeof fetch) {}

    async execute(context: Context): Promise<void> {
        context.response = await this.fetchImpl(context.request, context.options);
    }
}

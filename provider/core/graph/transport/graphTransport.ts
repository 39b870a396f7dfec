/**
 * One Graph client per provider process, built on first use: `Client.initWithMiddleware` with the chain
 * authentication → deadline-bounded retry → request identity → attempt timeout → fetch. Requests are sent with
 * `ResponseType.RAW` so that every status, including errors, comes back as data for the policy operations to judge.
 */
import type { Client, Middleware } from "@microsoft/microsoft-graph-client";
import { createAuthenticationProvider, secretsOf } from "../credentials/credentials";
import { AttemptTimeoutHandler } from "./middleware/attemptTimeoutHandler";
import { DeadlineRetryHandler, type RetryClock } from "./middleware/deadlineRetryHandler";
import { FetchHandler } from "./middleware/fetchHandler";
import { LoopbackAuthenticationHandler } from "./middleware/loopbackAuthenticationHandler";
import { RequestAttempts, type RetryStop } from "./middleware/requestAttempts";
import { RequestIdentityHandler } from "./middleware/requestIdentityHandler";
import type { AttemptOutcome, TransportFailure } from "./retryPolicy";
import { redact } from "../config/secret";
import type { GraphSettings } from "../config/graphSettings";

type GraphClientModule = typeof import("@microsoft/microsoft-graph-client");

/** One logical request to Graph v1.0; the transport repeats it as `shouldRepeat` allows. */
export interface GraphCall {
    readonly method: "GET" | "POST" | "PUT" | "DELETE";
    /** Path below `/v1.0`, starting with `/`, with an already percent-encoded query string if any. */
    readonly path: string;
    /** JSON body for POST and PUT. */
    readonly body?: unknown;
    /** Epoch milliseconds after which no attempt starts. */
    readonly deadline: number;
    /** Which outcomes may be repeated; every transient one when omitted (right for idempotent methods). */
    readonly shouldRepeat?: (outcome: AttemptOutcome) => boolean;
}

/** How the attempts of a {@link GraphCall} went, whatever the final result. */
export interface AttemptSummary {
    /** Attempts sent. */
    readonly attempts: number;
    /** Whether some attempt may have been applied without a response saying so. */
    readonly sawUnknownOutcome: boolean;
    /** Set when the deadline or the retry limit ended retrying. */
    readonly stoppedBy?: RetryStop;
    /** The `client-request-id` of the last attempt. */
    readonly clientRequestId?: string;
}

/** What a {@link GraphCall} ended with: a response, a failure below HTTP, or no attempt at all. */
export type GraphCallResult =
    | (AttemptSummary & {
          readonly kind: "response";
          readonly status: number;
          readonly headers: Headers;
          /** Parsed JSON, the raw text when it is not JSON, or `undefined` when empty. */
          readonly body: unknown;
          /** Set when the answer cannot be Graph's own: what was received (status, content type, first bytes). */
          readonly foreign?: string;
      })
    | (AttemptSummary & { readonly kind: "transport"; readonly failure: TransportFailure })
    /** Nothing was sent: the credential could not produce a token, or the deadline had already passed. */
    | (AttemptSummary & { readonly kind: "notSent"; readonly detail: string });

/** A {@link GraphCallResult} that is a response (from Graph or from something in between). */
export type GraphResponse = Extract<GraphCallResult, { kind: "response" }>;

/** Sends {@link GraphCall}s; error text it returns is already scrubbed of secrets. */
export interface GraphTransport {
    send(call: GraphCall): Promise<GraphCallResult>;
    /** The path below `/v1.0` of an `@odata.nextLink`; refuses links to another host, which must not get our token. */
    nextLinkPath(link: string): string;
    /** Scrubs known secrets and token-shaped text from `text`. */
    redact(text: string): string;
}

/** Injectable effects of the transport. */
export interface TransportDeps extends RetryClock {
    /** Replaces the global `fetch` (Graph calls and the GitHub OIDC token request). */
    readonly fetch?: typeof fetch;
}

function productName(): string {
    const { name, version } = require("pulumi-entra-assignment-policy/package.json") as { name: string; version: string };
    return `${name}/${version}`;
}

/** The Graph client and the module it came from (for `ResponseType`), loaded together on first use. */
interface LoadedClient {
    readonly client: Client;
    readonly graph: GraphClientModule;
}

function buildClient(settings: GraphSettings, deps: TransportDeps): LoadedClient {
    const graph = require("@microsoft/microsoft-graph-client") as GraphClientModule;
    const authProvider = createAuthenticationProvider(settings, deps.fetch ?? fetch);
    const endpoint = new URL(settings.endpoint);
    const middleware: Middleware[] = [
        endpoint.protocol === "https:" ? new graph.AuthenticationHandler(authProvider) : new LoopbackAuthenticationHandler(authProvider),
        new DeadlineRetryHandler(settings.retryTiming, settings.maxRetries, deps),
        new RequestIdentityHandler(productName()),
        new AttemptTimeoutHandler(settings.retryTiming.attemptTimeoutMs, deps.now),
        deps.fetch === undefined ? new graph.HTTPMessageHandler() : new FetchHandler(deps.fetch),
    ];
    const client = graph.Client.initWithMiddleware({
        middleware,
        baseUrl: settings.endpoint,
        defaultVersion: "v1.0",
        // The AuthenticationHandler authorizes only Graph's own hosts unless told about others (a proxy, a test host).
        customHosts: new Set([endpoint.hostname]),
    });
    return { client, graph };
}

async function readBody(response: Response): Promise<unknown> {
    const text = await response.text();
    if (text === "") {
        return undefined;
    }
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

/** Creates the transport; the Graph client and the credential are created on the first {@link GraphTransport.send}. */
export function createGraphTransport(settings: GraphSettings, deps: TransportDeps): GraphTransport {
    const secrets = secretsOf(settings.auth);
    const scrub = (text: string): string => redact(text, secrets);
    const versionRoot = `${settings.endpoint}/v1.0/`;
    let loaded: LoadedClient | undefined;

    return {
        redact: scrub,

        nextLinkPath(link) {
            if (!link.startsWith(versionRoot)) {
                throw new Error(`Graph returned a next-page link outside ${versionRoot}; refusing to follow it.`);
            }
            return link.slice(versionRoot.length - 1);
        },

        async send(call) {
            loaded ??= buildClient(settings, deps);
            const { client, graph } = loaded;
            const attempts = new RequestAttempts(call.deadline, call.shouldRepeat);
            const request = client.api(call.path).responseType(graph.ResponseType.RAW).middlewareOptions([attempts]);
            const summary = (): AttemptSummary => ({
                attempts: attempts.count,
                sawUnknownOutcome: attempts.sawUnknownOutcome,
                stoppedBy: attempts.stoppedBy,
                clientRequestId: attempts.lastClientRequestId,
            });
            let response: Response;
            try {
                switch (call.method) {
                    case "GET":
                        response = await request.get();
                        break;
                    case "POST":
                        response = await request.post(call.body);
                        break;
                    case "PUT":
                        response = await request.put(call.body);
                        break;
                    case "DELETE":
                        response = await request.delete();
                        break;
                }
            } catch (error) {
                const last = attempts.lastOutcome;
                if (last?.type === "transport") {
                    return { ...summary(), kind: "transport", failure: { ...last.failure, detail: scrub(last.failure.detail) } };
                }
                // Thrown before any attempt: the credential failed, or the deadline had passed.
                return { ...summary(), kind: "notSent", detail: scrub(error instanceof Error ? error.message : String(error)) };
            }
            const last = attempts.lastOutcome;
            const foreign = last?.type === "response" ? last.foreign : undefined;
            return {
                ...summary(),
                kind: "response",
                status: response.status,
                headers: response.headers,
                body: await readBody(response),
                ...(foreign === undefined ? {} : { foreign: scrub(foreign) }),
            };
        },
    };
}

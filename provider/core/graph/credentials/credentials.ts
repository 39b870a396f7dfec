/**
 * Turns {@link GraphAuth} into a Graph client `AuthenticationProvider`. `@azure/identity` and the Graph client are
 * loaded here, at the first request, never when the provider module loads.
 */
import type { TokenCredential } from "@azure/identity";
import type { AuthenticationProvider } from "@microsoft/microsoft-graph-client";
import { requestAzurePipelinesIdToken } from "./azurePipelinesOidc";
import { requestGithubIdToken } from "./githubOidc";
import type { Secret } from "../config/secret";
import type { GraphSettings } from "../config/graphSettings";
import type { GraphAuth } from "./graphAuth";

type Identity = typeof import("@azure/identity");
type TokenCredentialAuth = typeof import("@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials");

/** The secrets an auth method holds, so error text can be scrubbed of them. */
export function secretsOf(auth: GraphAuth): Secret[] {
    switch (auth.kind) {
        case "staticToken":
            return [auth.token];
        case "clientSecret":
            return [auth.clientSecret];
        case "clientCertificate":
            return [auth.certificate];
        case "oidcToken":
            return [auth.oidcToken];
        case "githubOidc":
        case "azurePipelinesOidc":
            return [auth.requestToken];
        default:
            return [];
    }
}

/**
 * The `@azure/identity` credential for `auth`. Constructing one makes no network call; tokens are requested when
 * Graph is first called. Not defined for a static token, which needs no credential.
 */
export function createTokenCredential(
    auth: Exclude<GraphAuth, { kind: "staticToken" }>,
    authorityHost: string,
    fetchImpl: typeof fetch,
): TokenCredential {
    const identity = require("@azure/identity") as Identity;
    const options = { authorityHost };
    switch (auth.kind) {
        case "clientSecret":
            return new identity.ClientSecretCredential(auth.tenantId, auth.clientId, auth.clientSecret.reveal(), options);
        case "clientCertificate":
            return new identity.ClientCertificateCredential(
                auth.tenantId,
                auth.clientId,
                { certificate: auth.certificate.reveal() },
                options,
            );
        case "oidcToken":
            return new identity.ClientAssertionCredential(auth.tenantId, auth.clientId, async () => auth.oidcToken.reveal(), options);
        case "githubOidc":
            return new identity.ClientAssertionCredential(
                auth.tenantId,
                auth.clientId,
                () => requestGithubIdToken(auth.requestUrl, auth.requestToken, fetchImpl),
                options,
            );
        case "azurePipelinesOidc":
            return new identity.ClientAssertionCredential(
                auth.tenantId,
                auth.clientId,
                () => requestAzurePipelinesIdToken(auth.requestUrl, auth.requestToken, auth.serviceConnectionId, fetchImpl),
                options,
            );
        case "workloadIdentity":
            return new identity.WorkloadIdentityCredential({
                ...options,
                tenantId: auth.tenantId,
                clientId: auth.clientId,
                tokenFilePath: auth.tokenFilePath,
            });
        case "managedIdentity":
            return auth.clientId === undefined
                ? new identity.ManagedIdentityCredential(options)
                : new identity.ManagedIdentityCredential({ ...options, clientId: auth.clientId });
        case "azureCli":
            return new identity.AzureCliCredential({ tenantId: auth.tenantId });
        case "defaultChain":
            return new identity.DefaultAzureCredential({
                ...options,
                tenantId: auth.tenantId,
                managedIdentityClientId: auth.clientId,
                workloadIdentityClientId: auth.clientId,
            });
    }
}

/** The Graph client authentication provider for the settings: a fixed token, or a credential asked for `tokenScope`. */
export function createAuthenticationProvider(
    settings: Pick<GraphSettings, "auth" | "authorityHost" | "tokenScope">,
    fetchImpl: typeof fetch,
): AuthenticationProvider {
    const { auth } = settings;
    if (auth.kind === "staticToken") {
        return { getAccessToken: async () => auth.token.reveal() };
    }
    const { TokenCredentialAuthenticationProvider } =
        require("@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials") as TokenCredentialAuth;
    return new TokenCredentialAuthenticationProvider(createTokenCredential(auth, settings.authorityHost, fetchImpl), {
        scopes: [settings.tokenScope],
    });
}

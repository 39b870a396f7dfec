import type { Secret } from "../config/secret";

/** The Azure DevOps REST version of the OIDC token request, as `@azure/identity`'s `AzurePipelinesCredential` uses. */
const API_VERSION = "7.1";

/**
 * Asks Azure Pipelines for an OIDC ID token of a service connection (the `SYSTEM_OIDCREQUESTURI` protocol), to use
 * as a client assertion. Called by `ClientAssertionCredential` whenever it needs a fresh assertion.
 */
export async function requestAzurePipelinesIdToken(
    requestUrl: string,
    requestToken: Secret,
    serviceConnectionId: string,
    fetchImpl: typeof fetch,
): Promise<string> {
    const url = new URL(requestUrl);
    url.searchParams.set("api-version", API_VERSION);
    url.searchParams.set("serviceConnectionId", serviceConnectionId);
    const response = await fetchImpl(url, {
        method: "POST",
        headers: {
            Authorization: `Bearer ${requestToken.reveal()}`,
            "Content-Type": "application/json",
            // Without it, an expired or missing System.AccessToken gets a redirect to a sign-in page, not a status.
            "X-TFS-FedAuthRedirect": "Suppress",
        },
    });
    const body = (await response.json().catch(() => undefined)) as { oidcToken?: unknown } | undefined;
    if (!response.ok || typeof body?.oidcToken !== "string") {
        throw new Error(
            `Azure Pipelines did not issue an OIDC token for service connection ${serviceConnectionId} (HTTP ${response.status}); ` +
                `the pipeline needs SYSTEM_ACCESSTOKEN mapped into the step's environment and a service connection that uses workload identity federation.`,
        );
    }
    return body.oidcToken;
}

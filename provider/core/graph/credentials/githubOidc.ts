import type { Secret } from "../config/secret";

/** The audience Entra expects in a federated credential's assertion. */
const AZURE_AD_TOKEN_EXCHANGE = "api://AzureADTokenExchange";

/**
 * Asks the GitHub Actions runtime for an OIDC ID token (the `ACTIONS_ID_TOKEN_REQUEST_URL` protocol) to use as a
 * client assertion. Called by `ClientAssertionCredential` whenever it needs a fresh assertion.
 */
export async function requestGithubIdToken(requestUrl: string, requestToken: Secret, fetchImpl: typeof fetch): Promise<string> {
    const url = new URL(requestUrl);
    url.searchParams.set("audience", AZURE_AD_TOKEN_EXCHANGE);
    const response = await fetchImpl(url, { headers: { Authorization: `Bearer ${requestToken.reveal()}`, Accept: "application/json" } });
    const body = (await response.json().catch(() => undefined)) as { value?: unknown } | undefined;
    if (!response.ok || typeof body?.value !== "string") {
        throw new Error(
            `GitHub Actions did not issue an OIDC token (HTTP ${response.status}); the workflow needs "permissions: id-token: write".`,
        );
    }
    return body.value;
}

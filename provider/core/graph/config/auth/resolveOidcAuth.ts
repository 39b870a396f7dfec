import type { GraphAuth } from "../../credentials/graphAuth";
import { GraphSettingsError } from "../graphSettingsError";
import { Secret } from "../secret";
import { requireReadableFile } from "../settingFiles";
import { bestCandidate, highestSetting, type FindSetting, type FoundSetting } from "../settingLookup";
import { parseRequestUrl } from "../settingParsers";
import { keysOf, type SettingField } from "../settingSources";
import { requireId, type AuthIds } from "./authIds";

const WHY = "OIDC authentication (useOidc, useAksWorkloadIdentity, oidcToken or oidcTokenFilePath)";

/** Why no OIDC token source was found: half a token request, or nothing at all. */
function noOidcToken(requestUrl: FoundSetting | undefined, requestToken: FoundSetting | undefined): GraphSettingsError {
    if (requestUrl !== undefined || requestToken !== undefined) {
        const [present, missing]: [FoundSetting, SettingField] =
            requestUrl === undefined ? [requestToken as FoundSetting, "oidcRequestUrl"] : [requestUrl, "oidcRequestToken"];
        return new GraphSettingsError(`${present.key} needs an ${missing}: set one of ${keysOf(missing)}.`);
    }
    return new GraphSettingsError(
        `${WHY} is enabled but no OIDC token is available: set one of ${keysOf("oidcToken", "oidcTokenFilePath")}; ` +
            `run in GitHub Actions with "permissions: id-token: write" (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN) ` +
            `or in Azure Pipelines with SYSTEM_ACCESSTOKEN, SYSTEM_OIDCREQUESTURI and ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID; ` +
            `or provide AZURE_FEDERATED_TOKEN_FILE for workload identity.`,
    );
}

/** Workload identity with the AKS webhook's token file, whose AZURE_TENANT_ID/AZURE_CLIENT_ID fill in missing ids. */
function webhookWorkloadIdentity(find: FindSetting, ids: AuthIds, tokenFile: FoundSetting): GraphAuth {
    const webhookIds: AuthIds = {
        tenantId: ids.tenantId ?? find("federatedTenantId"),
        clientId: ids.clientId ?? find("federatedClientId"),
    };
    const withFile = `${WHY} with ${tokenFile.key}`;
    return {
        kind: "workloadIdentity",
        tenantId: requireId(webhookIds, "tenantId", withFile),
        clientId: requireId(webhookIds, "clientId", withFile),
        tokenFilePath: requireReadableFile(tokenFile),
    };
}

/**
 * OIDC authentication from the highest-precedence token source: a token, a token file, a token service (GitHub
 * Actions, or Azure Pipelines when a service connection is named) or the AKS webhook's token file.
 */
export function resolveOidcAuth(find: FindSetting, ids: AuthIds): GraphAuth {
    const assertion = () => ({ tenantId: requireId(ids, "tenantId", WHY), clientId: requireId(ids, "clientId", WHY) });
    const requestUrl = find("oidcRequestUrl");
    const requestToken = find("oidcRequestToken");
    // Half a request is no request: Azure Pipelines sets SYSTEM_OIDCREQUESTURI in every job, SYSTEM_ACCESSTOKEN only
    // where the pipeline maps it.
    const request = requestUrl !== undefined && requestToken !== undefined ? highestSetting(requestUrl, requestToken) : undefined;
    const source = bestCandidate([
        ["token", find("oidcToken")],
        ["tokenFile", find("oidcTokenFilePath")],
        ["request", request],
        ["federatedTokenFile", find("federatedTokenFile")],
    ] as const);
    switch (source?.choice) {
        case "token":
            return { kind: "oidcToken", ...assertion(), oidcToken: new Secret(source.found.value) };
        case "tokenFile":
            return { kind: "workloadIdentity", ...assertion(), tokenFilePath: requireReadableFile(source.found) };
        case "request": {
            const asker = {
                ...assertion(),
                requestUrl: parseRequestUrl(requestUrl as FoundSetting),
                requestToken: new Secret((requestToken as FoundSetting).value),
            };
            const serviceConnection = find("adoPipelineServiceConnectionId");
            return serviceConnection === undefined
                ? { kind: "githubOidc", ...asker }
                : { kind: "azurePipelinesOidc", ...asker, serviceConnectionId: serviceConnection.value };
        }
        case "federatedTokenFile":
            return webhookWorkloadIdentity(find, ids, source.found);
        case undefined:
            throw noOidcToken(requestUrl, requestToken);
    }
}

import type { GraphAuth } from "../../credentials/graphAuth";
import { GraphSettingsError } from "../graphSettingsError";
import { Secret } from "../secret";
import { valueOrFile } from "../settingFiles";
import type { FindSetting, FoundSetting } from "../settingLookup";
import { requireId, type AuthIds } from "./authIds";
import { explicitAuthMethod } from "./explicitAuthMethod";
import { headerSafeToken } from "./headerSafeToken";
import { resolveClientCertificateAuth } from "./resolveClientCertificateAuth";
import { resolveOidcAuth } from "./resolveOidcAuth";

/** Managed identity; azuread's msiEndpoint only where ManagedIdentityCredential finds the same endpoint itself. */
function managedIdentityAuth(find: FindSetting, ids: AuthIds): GraphAuth {
    const msiEndpoint = find("msiEndpoint");
    if (msiEndpoint !== undefined && msiEndpoint.value !== find("identityEndpoint")?.value) {
        throw new GraphSettingsError(
            `${msiEndpoint.key} cannot be passed to @azure/identity's ManagedIdentityCredential; ` +
                `set the IDENTITY_ENDPOINT (or MSI_ENDPOINT) environment variable to it instead, or remove it.`,
        );
    }
    return { kind: "managedIdentity", clientId: ids.clientId?.value };
}

/**
 * The authentication method: a static token unless credential settings come from a higher source, else the
 * explicitly configured method, else `DefaultAzureCredential`'s chain.
 */
export function resolveGraphAuth(find: FindSetting): GraphAuth {
    const token = find("token");
    const explicit = explicitAuthMethod(find);
    if (token !== undefined && (explicit === undefined || token.rank <= explicit.found.rank)) {
        return { kind: "staticToken", token: new Secret(headerSafeToken(token)) };
    }
    const ids: AuthIds = { tenantId: find("tenantId"), clientId: valueOrFile(find, "clientId", "clientIdFilePath") };
    switch (explicit?.choice) {
        case "clientCertificate":
            return resolveClientCertificateAuth(find, ids);
        case "clientSecret": {
            const why = "Client secret authentication (clientSecret or clientSecretFilePath)";
            return {
                kind: "clientSecret",
                tenantId: requireId(ids, "tenantId", why),
                clientId: requireId(ids, "clientId", why),
                clientSecret: new Secret((valueOrFile(find, "clientSecret", "clientSecretFilePath") as FoundSetting).value),
            };
        }
        case "oidc":
            return resolveOidcAuth(find, ids);
        case "managedIdentity":
            return managedIdentityAuth(find, ids);
        case "azureCli":
            return { kind: "azureCli", tenantId: ids.tenantId?.value };
        case undefined:
            return { kind: "defaultChain", tenantId: ids.tenantId?.value, clientId: ids.clientId?.value };
    }
}

import { parseBoolean } from "../settingParsers";
import { bestCandidate, highestSetting, type FindSetting, type FoundSetting } from "../settingLookup";
import type { SettingField } from "../settingSources";

/** An authentication method that settings can ask for by name. */
export type AuthMethod = "clientCertificate" | "clientSecret" | "oidc" | "managedIdentity" | "azureCli";

/**
 * The explicitly configured authentication method with the highest-precedence source; among equal sources the
 * azuread provider's order applies (certificate, secret, OIDC, managed identity, CLI). Files are not read here.
 */
export function explicitAuthMethod(find: FindSetting): { choice: AuthMethod; found: FoundSetting } | undefined {
    const flag = (field: SettingField): FoundSetting | undefined => {
        const found = find(field);
        return found !== undefined && parseBoolean(found) ? found : undefined;
    };
    return bestCandidate<AuthMethod>([
        ["clientCertificate", highestSetting(find("clientCertificate"), find("clientCertificatePath"))],
        ["clientSecret", highestSetting(find("clientSecret"), find("clientSecretFilePath"))],
        ["oidc", highestSetting(flag("useOidc"), flag("useAksWorkloadIdentity"), find("oidcToken"), find("oidcTokenFilePath"))],
        ["managedIdentity", flag("useMsi")],
        ["azureCli", flag("useCli")],
    ]);
}

/**
 * Which keys each Graph connection setting is read from: this provider's stack config (`entra:*`), the azuread
 * provider's (`azuread:*`) and the environment. Nothing else is read; docs/configuration.md lists exactly these keys.
 */

/** Where one setting is read, per source; of the environment variables, the first one set wins. */
export interface SettingKeys {
    /** This provider's stack config key. */
    readonly entra?: string;
    /** The azuread provider's stack config key, reused as is. */
    readonly azuread?: string;
    /** Environment variables, the azuread provider's and the CI systems' own. */
    readonly env?: readonly string[];
}

/**
 * Every key the settings are read from, per setting. Precedence, highest first: `entra:*`, `azuread:*`, then the
 * environment; a setting is taken from the highest source that has it, field by field.
 */
export const SETTING_SOURCES = {
    endpoint: { entra: "entra:graphEndpoint", env: ["ENTRA_GRAPH_ENDPOINT"] },
    cloud: { entra: "entra:cloud", azuread: "azuread:environment", env: ["ARM_ENVIRONMENT"] },
    metadataHost: { azuread: "azuread:metadataHost", env: ["ARM_METADATA_HOSTNAME"] },
    token: { entra: "entra:token", env: ["ENTRA_GRAPH_TOKEN"] },
    tenantId: { entra: "entra:tenantId", azuread: "azuread:tenantId", env: ["ARM_TENANT_ID"] },
    clientId: { entra: "entra:clientId", azuread: "azuread:clientId", env: ["ARM_CLIENT_ID"] },
    clientIdFilePath: { azuread: "azuread:clientIdFilePath", env: ["ARM_CLIENT_ID_FILE_PATH"] },
    clientSecret: { entra: "entra:clientSecret", azuread: "azuread:clientSecret", env: ["ARM_CLIENT_SECRET"] },
    clientSecretFilePath: { azuread: "azuread:clientSecretFilePath", env: ["ARM_CLIENT_SECRET_FILE_PATH"] },
    clientCertificate: { entra: "entra:clientCertificate", azuread: "azuread:clientCertificate", env: ["ARM_CLIENT_CERTIFICATE"] },
    clientCertificatePath: {
        entra: "entra:clientCertificatePath",
        azuread: "azuread:clientCertificatePath",
        env: ["ARM_CLIENT_CERTIFICATE_PATH"],
    },
    clientCertificatePassword: {
        entra: "entra:clientCertificatePassword",
        azuread: "azuread:clientCertificatePassword",
        env: ["ARM_CLIENT_CERTIFICATE_PASSWORD"],
    },
    useOidc: { entra: "entra:useOidc", azuread: "azuread:useOidc", env: ["ARM_USE_OIDC"] },
    oidcToken: { entra: "entra:oidcToken", azuread: "azuread:oidcToken", env: ["ARM_OIDC_TOKEN"] },
    oidcTokenFilePath: { azuread: "azuread:oidcTokenFilePath", env: ["ARM_OIDC_TOKEN_FILE_PATH"] },
    oidcRequestUrl: {
        azuread: "azuread:oidcRequestUrl",
        env: ["ARM_OIDC_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_URL", "SYSTEM_OIDCREQUESTURI"],
    },
    oidcRequestToken: {
        azuread: "azuread:oidcRequestToken",
        env: ["ARM_OIDC_REQUEST_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "SYSTEM_ACCESSTOKEN"],
    },
    adoPipelineServiceConnectionId: {
        azuread: "azuread:adoPipelineServiceConnectionId",
        env: ["ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID", "ARM_OIDC_AZURE_SERVICE_CONNECTION_ID"],
    },
    useAksWorkloadIdentity: { azuread: "azuread:useAksWorkloadIdentity", env: ["ARM_USE_AKS_WORKLOAD_IDENTITY"] },
    // What the AKS workload identity webhook injects into a pod.
    federatedTokenFile: { env: ["AZURE_FEDERATED_TOKEN_FILE"] },
    federatedTenantId: { env: ["AZURE_TENANT_ID"] },
    federatedClientId: { env: ["AZURE_CLIENT_ID"] },
    useMsi: { azuread: "azuread:useMsi", env: ["ARM_USE_MSI"] },
    msiEndpoint: { azuread: "azuread:msiEndpoint", env: ["ARM_MSI_ENDPOINT"] },
    // Where ManagedIdentityCredential itself finds the endpoint; it has no option for one.
    identityEndpoint: { env: ["IDENTITY_ENDPOINT", "MSI_ENDPOINT"] },
    useCli: { azuread: "azuread:useCli", env: ["ARM_USE_CLI"] },
    operationTimeout: { entra: "entra:operationTimeout" },
    maxRetries: { entra: "entra:maxRetries" },
    retryBaseDelay: { entra: "entra:retryBaseDelay" },
    retryMaxDelay: { entra: "entra:retryMaxDelay" },
    requestTimeout: { entra: "entra:requestTimeout" },
} as const satisfies Record<string, SettingKeys>;

/** A setting's name in {@link SETTING_SOURCES}. */
export type SettingField = keyof typeof SETTING_SOURCES;

/** Every key of `field`, highest precedence first. */
export function settingKeys(field: SettingField): string[] {
    const { entra, azuread, env }: SettingKeys = SETTING_SOURCES[field];
    return [entra, azuread, ...(env ?? [])].filter((key): key is string => key !== undefined);
}

/** All keys of `fields`, for messages that say where a missing setting can be given. */
export function keysOf(...fields: SettingField[]): string {
    return fields.flatMap(settingKeys).join(", ");
}

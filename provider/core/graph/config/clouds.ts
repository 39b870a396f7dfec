/** The national clouds Microsoft Graph runs in, by this provider's names (`entra:cloud`). */
export type GraphCloud = "public" | "usgov" | "usgovdod" | "china";

/** Where a cloud's Graph and its token authority live. */
export interface CloudEndpoints {
    /** Graph root URL without `/v1.0`; also the resource of the token scope `${graph}/.default`. */
    readonly graph: string;
    /** Microsoft Entra authority host that issues tokens for this cloud. */
    readonly authorityHost: string;
}

/** Graph roots and authority hosts per cloud (graph-policy.md §1). */
export const CLOUDS: Readonly<Record<GraphCloud, CloudEndpoints>> = {
    public: { graph: "https://graph.microsoft.com", authorityHost: "https://login.microsoftonline.com" },
    usgov: { graph: "https://graph.microsoft.us", authorityHost: "https://login.microsoftonline.us" },
    usgovdod: { graph: "https://dod-graph.microsoft.us", authorityHost: "https://login.microsoftonline.us" },
    china: { graph: "https://microsoftgraph.chinacloudapi.cn", authorityHost: "https://login.chinacloudapi.cn" },
};

/** `entra:cloud` values. */
export const ENTRA_CLOUD_NAMES: Readonly<Record<string, GraphCloud>> = {
    public: "public",
    usgov: "usgov",
    usgovdod: "usgovdod",
    china: "china",
};

/** `azuread:environment` / `ARM_ENVIRONMENT` values, as the azuread provider spells them. */
export const AZUREAD_ENVIRONMENT_NAMES: Readonly<Record<string, GraphCloud>> = {
    global: "public",
    public: "public",
    usgovernmentl4: "usgov",
    usgovernment: "usgov",
    usgovernmentl5: "usgovdod",
    dod: "usgovdod",
    china: "china",
};

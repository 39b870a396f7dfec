import type { Secret } from "../config/secret";

/** How requests are authenticated, chosen from the settings; each variant names the `@azure/identity` class used. */
export type GraphAuth =
    /** A bearer token given as is (`entra:token`, `ENTRA_GRAPH_TOKEN`); used for the emulator and for tests. */
    | { readonly kind: "staticToken"; readonly token: Secret }
    /** `ClientSecretCredential`. */
    | { readonly kind: "clientSecret"; readonly tenantId: string; readonly clientId: string; readonly clientSecret: Secret }
    /**
     * `ClientCertificateCredential` with PEM text: the certificate, then its private key unencrypted. Converted from
     * the configured PKCS#12 bundle or PEM, and checked, when the settings are resolved.
     */
    | { readonly kind: "clientCertificate"; readonly tenantId: string; readonly clientId: string; readonly certificate: Secret }
    /** `ClientAssertionCredential` with an OIDC token given in config or environment. */
    | { readonly kind: "oidcToken"; readonly tenantId: string; readonly clientId: string; readonly oidcToken: Secret }
    /** `ClientAssertionCredential` that asks the GitHub Actions runtime (or another such token service) for an OIDC token. */
    | {
          readonly kind: "githubOidc";
          readonly tenantId: string;
          readonly clientId: string;
          readonly requestUrl: string;
          readonly requestToken: Secret;
      }
    /** `ClientAssertionCredential` that asks Azure Pipelines for the OIDC token of a service connection. */
    | {
          readonly kind: "azurePipelinesOidc";
          readonly tenantId: string;
          readonly clientId: string;
          readonly requestUrl: string;
          readonly requestToken: Secret;
          readonly serviceConnectionId: string;
      }
    /** `WorkloadIdentityCredential` with a federated token file, read again whenever a token is needed. */
    | { readonly kind: "workloadIdentity"; readonly tenantId: string; readonly clientId: string; readonly tokenFilePath: string }
    /** `ManagedIdentityCredential`, user-assigned when a client id is given. */
    | { readonly kind: "managedIdentity"; readonly clientId?: string }
    /** `AzureCliCredential` (`az login`). */
    | { readonly kind: "azureCli"; readonly tenantId?: string }
    /** `DefaultAzureCredential`: environment, workload identity, managed identity, Azure CLI and the rest of its chain. */
    | { readonly kind: "defaultChain"; readonly tenantId?: string; readonly clientId?: string };

import { ClientCertificateError, clientCertificatePem } from "../../credentials/clientCertificate";
import type { GraphAuth } from "../../credentials/graphAuth";
import { GraphSettingsError } from "../graphSettingsError";
import { Secret } from "../secret";
import { readSettingFile } from "../settingFiles";
import { bestCandidate, type FindSetting, type FoundSetting } from "../settingLookup";
import { keysOf } from "../settingSources";
import { requireId, type AuthIds } from "./authIds";

/** Where the certificate was given: a value (base64 PKCS#12, or PEM text) or a file path. */
interface CertificateSource {
    readonly choice: "value" | "path";
    readonly found: FoundSetting;
}

function certificateContents(source: CertificateSource): Buffer {
    if (source.choice === "path") {
        return readSettingFile(source.found);
    }
    if (source.found.value.includes("-----BEGIN ")) {
        return Buffer.from(source.found.value, "utf8");
    }
    const base64 = source.found.value.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
        throw new GraphSettingsError(
            `${source.found.key} must be a base64-encoded PKCS#12 bundle, or PEM text with the certificate and its private key.`,
        );
    }
    return Buffer.from(base64, "base64");
}

/** The client certificate as PEM; a value beats a file from the same source. */
function resolveCertificate(find: FindSetting): Secret {
    // Only called when one of them is set.
    const source = bestCandidate([
        ["value", find("clientCertificate")],
        ["path", find("clientCertificatePath")],
    ] as const) as CertificateSource;
    const contents = certificateContents(source);
    const password = find("clientCertificatePassword");
    try {
        return new Secret(clientCertificatePem(contents, password?.value));
    } catch (error) {
        if (!(error instanceof ClientCertificateError)) {
            throw error;
        }
        const what = source.choice === "path" ? `${source.found.key} (${source.found.value})` : source.found.key;
        const fix =
            error.problem === "content"
                ? "give a PKCS#12 bundle (.pfx, as made by openssl pkcs12 -export) or PEM with the certificate and its private key"
                : password === undefined
                  ? `set its password in one of ${keysOf("clientCertificatePassword")}`
                  : `check ${password.key}`;
        throw new GraphSettingsError(`${what} ${error.message}: ${fix}.`);
    }
}

/** Client certificate authentication; the certificate is read and converted here, so its errors show at preview. */
export function resolveClientCertificateAuth(find: FindSetting, ids: AuthIds): GraphAuth {
    const why = "Client certificate authentication (clientCertificate or clientCertificatePath)";
    return {
        kind: "clientCertificate",
        tenantId: requireId(ids, "tenantId", why),
        clientId: requireId(ids, "clientId", why),
        certificate: resolveCertificate(find),
    };
}

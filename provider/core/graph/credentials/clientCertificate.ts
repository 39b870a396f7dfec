/**
 * Client certificates in the form `ClientCertificateCredential` takes: PEM text holding the certificate and its
 * private key. The azuread provider's certificates are PKCS#12 bundles (`openssl pkcs12 -export`), which
 * `@azure/identity` does not read, so they are converted here; PEM is accepted as well.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";

type Forge = typeof import("node-forge");

/** Why a certificate could not be used: a missing or wrong password, or content that is not a usable certificate. */
export type ClientCertificateProblem = "password" | "content";

/** A certificate that cannot be used. The message says why and never holds any of its content or its password. */
export class ClientCertificateError extends Error {
    override readonly name = "ClientCertificateError";

    constructor(
        readonly problem: ClientCertificateProblem,
        message: string,
    ) {
        super(message);
    }
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const PEM_PRIVATE_KEY = /-----BEGIN ((?:ENCRYPTED |RSA |EC )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/g;

function looksLikePem(contents: Buffer): boolean {
    return contents.includes("-----BEGIN ");
}

function certificatesFromPem(text: string): X509Certificate[] {
    return (text.match(PEM_CERTIFICATE) ?? []).map((block) => {
        try {
            return new X509Certificate(block);
        } catch {
            throw new ClientCertificateError("content", "holds a CERTIFICATE block that is not an X.509 certificate");
        }
    });
}

function keysFromPem(text: string, password: string | undefined): KeyObject[] {
    return (text.match(PEM_PRIVATE_KEY) ?? []).map((block) => {
        // PKCS#8 says "ENCRYPTED PRIVATE KEY"; traditional OpenSSL PEM says "Proc-Type: 4,ENCRYPTED".
        const encrypted = block.includes("ENCRYPTED");
        if (encrypted && password === undefined) {
            throw new ClientCertificateError("password", "holds an encrypted private key and no password is set");
        }
        try {
            return createPrivateKey(encrypted ? { key: block, passphrase: password } : { key: block });
        } catch {
            throw encrypted
                ? new ClientCertificateError("password", "holds a private key that the password does not decrypt")
                : new ClientCertificateError("content", "holds a PRIVATE KEY block that is not a private key");
        }
    });
}

/** Opens a PKCS#12 bundle; an absent password is the empty one, as for the azuread provider. */
function openPkcs12(forge: Forge, contents: Buffer, password: string | undefined): ReturnType<Forge["pkcs12"]["pkcs12FromAsn1"]> {
    let asn1: ReturnType<Forge["asn1"]["fromDer"]>;
    try {
        asn1 = forge.asn1.fromDer(forge.util.createBuffer(contents.toString("binary")), false);
    } catch {
        throw new ClientCertificateError("content", "is neither a PKCS#12 bundle nor PEM text");
    }
    try {
        return forge.pkcs12.pkcs12FromAsn1(asn1, false, password ?? "");
    } catch (error) {
        // node-forge names a failed MAC check or key decryption "Invalid password?" / "wrong password?".
        if (error instanceof Error && /password/i.test(error.message)) {
            throw new ClientCertificateError(
                "password",
                password === undefined
                    ? "is a PKCS#12 bundle protected by a password, and no password is set"
                    : "is a PKCS#12 bundle that the password does not open",
            );
        }
        throw new ClientCertificateError("content", "is neither a PKCS#12 bundle nor PEM text");
    }
}

function fromPkcs12(contents: Buffer, password: string | undefined): { keys: KeyObject[]; certificates: X509Certificate[] } {
    const forge = require("node-forge") as Forge;
    const pfx = openPkcs12(forge, contents, password);
    const { oids } = forge.pki;
    const bags = (bagType: string) => pfx.getBags({ bagType })[bagType] ?? [];
    const der = (asn1: Parameters<Forge["asn1"]["toDer"]>[0]) => Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
    try {
        const keys = [...bags(oids.pkcs8ShroudedKeyBag), ...bags(oids.keyBag)].map((bag) =>
            createPrivateKey({
                // node-forge decodes RSA keys and leaves other kinds as their PrivateKeyInfo.
                key: der(bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1),
                format: "der",
                type: "pkcs8",
            }),
        );
        // certificateToAsn1 reuses the certificate's original to-be-signed part, so the thumbprint is unchanged.
        const certificates = bags(oids.certBag).map(
            (bag) => new X509Certificate(der(bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1)),
        );
        return { keys, certificates };
    } catch {
        throw new ClientCertificateError("content", "is a PKCS#12 bundle with an entry that is not a valid key or certificate");
    }
}

/**
 * Converts a client certificate, a PKCS#12 bundle (binary) or PEM text, into PEM text with the certificate that
 * matches the private key first, then the other certificates, then that private key, unencrypted.
 *
 * @param password Decrypts the bundle or the PEM private key; absent means none (the empty password for PKCS#12).
 * @throws ClientCertificateError when the password is missing or wrong, or the content is no usable certificate.
 */
export function clientCertificatePem(contents: Buffer, password: string | undefined): string {
    let keys: KeyObject[];
    let certificates: X509Certificate[];
    if (looksLikePem(contents)) {
        const text = contents.toString("utf8");
        keys = keysFromPem(text, password);
        certificates = certificatesFromPem(text);
    } else {
        ({ keys, certificates } = fromPkcs12(contents, password));
    }
    if (certificates.length === 0) {
        throw new ClientCertificateError("content", "holds no certificate");
    }
    if (keys.length === 0) {
        throw new ClientCertificateError("content", "holds no private key");
    }
    for (const key of keys) {
        const leaf = certificates.find((certificate) => certificate.checkPrivateKey(key));
        if (leaf !== undefined) {
            // ClientCertificateCredential takes the first certificate's thumbprint as the credential's identity.
            const chain = [leaf, ...certificates.filter((certificate) => certificate !== leaf)];
            return [...chain.map((certificate) => certificate.toString()), key.export({ type: "pkcs8", format: "pem" }) as string].join("");
        }
    }
    throw new ClientCertificateError("content", "holds no certificate that matches its private key");
}

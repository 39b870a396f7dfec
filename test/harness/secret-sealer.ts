/**
 * Encrypts secret values in stack state, as the CLI's passphrase secrets manager does, so a test that scans the
 * saved state for a secret's plaintext finds only what a provider leaked into non-secret places.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import type { JsonValue, PropertyMap, PropertyPath } from "./types";
import { revealMapSecrets, SECRET_SIG, SIG_KEY, wrapAt } from "./wire-values";

const SALT = "pulumi-engine-harness";

/** Seals and opens secret values of property bags with a key derived from a passphrase. */
export class SecretSealer {
    private readonly key: Buffer;

    /** @param passphrase the stack's passphrase; state sealed with one passphrase opens only with the same one. */
    constructor(passphrase: string) {
        this.key = scryptSync(passphrase, SALT, 32);
    }

    /** Replaces the values at `paths` by `{ [SIG_KEY]: SECRET_SIG, ciphertext }`. */
    seal(map: PropertyMap, paths: PropertyPath[]): PropertyMap {
        return wrapAt(map, paths, (value) => ({ [SIG_KEY]: SECRET_SIG, ciphertext: this.encrypt(value) }));
    }

    /** Decrypts every sealed value and reports where secrets were. */
    open(map: PropertyMap): { value: PropertyMap; secretPaths: PropertyPath[] } {
        return revealMapSecrets(map, (wrapper) =>
            typeof wrapper.ciphertext === "string" ? this.decrypt(wrapper.ciphertext) : (wrapper.value ?? null),
        );
    }

    private encrypt(value: JsonValue): string {
        const iv = randomBytes(12);
        const cipher = createCipheriv("aes-256-gcm", this.key, iv);
        const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
        return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
    }

    private decrypt(ciphertext: string): JsonValue {
        const raw = Buffer.from(ciphertext, "base64");
        const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8"));
    }
}

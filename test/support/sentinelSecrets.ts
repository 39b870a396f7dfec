/**
 * Sentinel credentials for the tests that prove none reaches state, logs or output: one per place a credential can
 * come from, each easy to find wherever it leaks to.
 */
import { randomBytes, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { StackConfig } from "../harness";

/** A secret value that is easy to find anywhere it leaks to. */
export function secret(label: string): string {
    return `${label}-${randomBytes(12).toString("hex")}-must-not-leak`;
}

/** One sentinel per place a credential can come from: the emulator's token, stack config and the environment. */
export function sentinelSecrets() {
    return {
        token: secret("entra-token"),
        azureadClientSecret: secret("azuread-client-secret"),
        armClientSecret: secret("arm-client-secret"),
        azureClientSecret: secret("azure-client-secret"),
        envToken: secret("env-graph-token"),
        oidcToken: secret("arm-oidc-token"),
    };
}

/**
 * The sentinels as a user would have them around a stack: azuread credentials in stack config, Graph and Azure ones
 * in the environment. entra:token (a secret, from emulatorStackConfig) outranks them all, so requests succeed.
 */
export function credentialsAround(secrets: ReturnType<typeof sentinelSecrets>): { config: StackConfig; env: NodeJS.ProcessEnv } {
    return {
        config: {
            "azuread:tenantId": randomUUID(),
            "azuread:clientId": randomUUID(),
            "azuread:clientSecret": { secret: secrets.azureadClientSecret },
        },
        env: {
            ENTRA_GRAPH_TOKEN: secrets.envToken,
            ARM_CLIENT_SECRET: secrets.armClientSecret,
            ARM_OIDC_TOKEN: secrets.oidcToken,
            AZURE_CLIENT_SECRET: secrets.azureClientSecret,
        },
    };
}

/** The text of every file under `dir`: state, its history and backups, config. */
export function filesUnder(dir: string): string[] {
    return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8"));
}

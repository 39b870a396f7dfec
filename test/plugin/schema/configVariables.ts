/**
 * The provider's config variables: every `entra:*` key the settings read (provider/core/graph SETTING_SOURCES),
 * described by its row of docs/configuration.md, so neither a key nor its description is written twice.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { SETTING_SOURCES, type SettingKeys } from "../../../provider/core/graph/config/settingSources";
import type { PropertySpec } from "./schemaTypes";

const CONFIGURATION_DOC = path.resolve(__dirname, "../../../docs/configuration.md");

/** Settings that hold credentials: marked secret, so the engine and the SDKs keep them encrypted. */
const SECRET = new Set(["token", "clientSecret", "clientCertificate", "clientCertificatePassword", "oidcToken"]);

/** Settings that are not text; every other one is a string, as stack config is. */
const TYPED: Record<string, PropertySpec["type"]> = { useOidc: "boolean", maxRetries: "integer" };

/** The documentation row of `key`: its setting, environment variables and default, as a description. */
function describe(rows: string[][], key: string): string {
    const row = rows.find((cells) => cells[1] === `\`${key}\``);
    if (!row) {
        throw new Error(`docs/configuration.md has no row for ${key}`);
    }
    const [setting, , , env, fallback] = row;
    const parts = [`${setting}.`];
    if (env !== "—") parts.push(`Environment: ${env}.`);
    if (fallback !== "—") parts.push(`Default: ${fallback}.`);
    return parts.join(" ");
}

/** `config.variables` of the schema, keyed without the `entra:` namespace. */
export function configVariables(): Record<string, PropertySpec & { secret?: boolean }> {
    const rows = fs
        .readFileSync(CONFIGURATION_DOC, "utf8")
        .split("\n")
        .filter((line) => line.startsWith("| ") && line.includes("`entra:"))
        .map((line) =>
            line
                .split("|")
                .slice(1, -1)
                .map((cell) => cell.trim()),
        );
    const variables: Record<string, PropertySpec & { secret?: boolean }> = {};
    for (const keys of Object.values(SETTING_SOURCES) as SettingKeys[]) {
        if (keys.entra === undefined) continue;
        const name = keys.entra.slice("entra:".length);
        variables[name] = {
            type: TYPED[name] ?? "string",
            description: describe(rows, keys.entra),
            ...(SECRET.has(name) ? { secret: true } : {}),
        };
    }
    return variables;
}

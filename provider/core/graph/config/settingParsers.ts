/**
 * Parsers of setting values (booleans, clouds, URLs, time spans, counts). Each error names the key the value came
 * from and what it accepts.
 */
import { AZUREAD_ENVIRONMENT_NAMES, ENTRA_CLOUD_NAMES, type GraphCloud } from "./clouds";
import { GraphSettingsError } from "./graphSettingsError";
import type { FoundSetting } from "./settingLookup";
import { parseTimeSpanMs } from "./timeSpan";

/** `true`/`1` or `false`/`0`, any case; an unset flag is false. */
export function parseBoolean(found: FoundSetting | undefined): boolean {
    if (found === undefined) {
        return false;
    }
    const value = found.value.toLowerCase();
    if (value === "true" || value === "1") {
        return true;
    }
    if (value === "false" || value === "0") {
        return false;
    }
    throw new GraphSettingsError(`${found.key} must be true or false, got "${found.value}".`);
}

/** A cloud by this provider's names from `entra:cloud`, by the azuread provider's from the other sources. */
export function parseCloud(found: FoundSetting): GraphCloud {
    const names = found.rank === 0 ? ENTRA_CLOUD_NAMES : AZUREAD_ENVIRONMENT_NAMES;
    const name = found.value.toLowerCase();
    const cloud = Object.hasOwn(names, name) ? names[name] : undefined;
    if (cloud === undefined) {
        throw new GraphSettingsError(`${found.key} must be one of ${Object.keys(names).join(", ")}; got "${found.value}".`);
    }
    return cloud;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether a URL may receive a credential: https, or plain http on loopback, so a token never crosses a network in clear. */
function isSecure(url: URL): boolean {
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
}

/** Validates a Graph root URL; plain http is allowed only on loopback, so a token never crosses a network in clear. */
export function parseEndpoint(found: FoundSetting): string {
    const allowed = `an absolute https URL of a Graph root without /v1.0 (http only on 127.0.0.1, localhost or [::1])`;
    let url: URL;
    try {
        url = new URL(found.value);
    } catch {
        throw new GraphSettingsError(`${found.key} must be ${allowed}; got "${found.value}".`);
    }
    if (url.username !== "" || url.password !== "") {
        // The user info may hold a password, so the value is not echoed.
        throw new GraphSettingsError(
            `${found.key} must be ${allowed}, without a user name or password; credentials go in the credential settings.`,
        );
    }
    const path = url.pathname.replace(/\/+$/, "");
    if (!isSecure(url) || url.search !== "" || url.hash !== "" || path !== "") {
        const hint = /\/v1\.0$/i.test(path) ? " (leave out /v1.0: it is appended to every request)" : "";
        throw new GraphSettingsError(`${found.key} must be ${allowed}; got "${found.value}"${hint}.`);
    }
    return url.origin;
}

/** Validates the URL an OIDC request token is sent to; not echoed, since a token service may put secrets in it. */
export function parseRequestUrl(found: FoundSetting): string {
    const url = URL.canParse(found.value) ? new URL(found.value) : undefined;
    if (url === undefined || !isSecure(url) || url.username !== "" || url.password !== "") {
        throw new GraphSettingsError(`${found.key} must be an absolute https URL (http only on 127.0.0.1, localhost or [::1]).`);
    }
    return url.href;
}

/** A time span in milliseconds, at least `min`; `fallback` when the setting is not set. */
export function parseTimeSpan(found: FoundSetting | undefined, fallback: number, min: number): number {
    if (found === undefined) {
        return fallback;
    }
    const ms = parseTimeSpanMs(found.value);
    if (ms === undefined || ms < min) {
        throw new GraphSettingsError(
            `${found.key} must be an ISO 8601 duration such as PT10M or a number of seconds, at least ${min / 1000} s; got "${found.value}".`,
        );
    }
    return ms;
}

/** A retry count from 0 to 100; `fallback` when the setting is not set. */
export function parseMaxRetries(found: FoundSetting | undefined, fallback: number): number {
    if (found === undefined) {
        return fallback;
    }
    if (!/^\d+$/.test(found.value) || Number(found.value) > 100) {
        throw new GraphSettingsError(`${found.key} must be a whole number from 0 to 100; got "${found.value}".`);
    }
    return Number(found.value);
}

/** Default thresholds, their JSON schema (the policy pack's configuration), and validation of overrides. */
import { ALLOWED_TARGET_SCOPES } from "../model/enumValues";
import type { AllowedTargetScope } from "../types";
import type { GovernanceSettings } from "./types";

/** Scopes that admit users from outside the directory: guests from connected organizations or anywhere. */
export const EXTERNAL_SCOPES: readonly AllowedTargetScope[] = [
    "allExternalUsers",
    "allConfiguredConnectedOrganizationUsers",
    "specificConnectedOrganizationUsers",
];

/** The defaults: a year for external access, a 14-day review, five on-behalf requestors, no "any external user". */
export const DEFAULT_SETTINGS: Readonly<GovernanceSettings> = Object.freeze<GovernanceSettings>({
    maxExternalAssignmentDays: 365,
    maxReviewDurationDays: 14,
    maxOnBehalfRequestors: 5,
    allowedTargetScopes: ALLOWED_TARGET_SCOPES.filter((scope) => scope !== "allExternalUsers"),
    // Lists of named users and groups, and direct assignment by an administrator, stay inside the directory's
    // members by default; `allDirectoryUsers` includes guests.
    neverExpiringScopes: ["notSpecified", "allMemberUsers", "specificDirectoryUsers", "specificDirectoryServicePrincipals"],
});

const DAYS = { type: "integer", minimum: 1, maximum: 3650 } as const;
const SCOPES = { type: "array", items: { type: "string", enum: [...ALLOWED_TARGET_SCOPES] }, uniqueItems: true } as const;

/** JSON schema of each setting, with its description; the policy pack hands these to Pulumi as rule config. */
export const SETTINGS_SCHEMA: Readonly<Record<keyof GovernanceSettings, Record<string, unknown>>> = {
    maxExternalAssignmentDays: { ...DAYS, description: "Longest assignment, in days, for a policy that lets external users in." },
    maxReviewDurationDays: { ...DAYS, description: "Longest access review, in days, before its default decision applies." },
    maxOnBehalfRequestors: {
        type: "integer",
        minimum: 0,
        maximum: 1000,
        description: "Most entries in requestorSettings.onBehalfRequestors.",
    },
    allowedTargetScopes: { ...SCOPES, description: "The allowedTargetScope values a policy may use." },
    neverExpiringScopes: { ...SCOPES, description: "The allowedTargetScope values whose assignments may never expire." },
};

/** Settings that cannot be used; the message names the key. */
export class GovernanceSettingsError extends Error {
    override readonly name = "GovernanceSettingsError";
}

/** `value` as the setting `key`, once it is shown to be one; refused otherwise. */
function checkedSetting(key: keyof GovernanceSettings, value: unknown): GovernanceSettings[keyof GovernanceSettings] {
    const schema = SETTINGS_SCHEMA[key] as { type: string; minimum?: number; maximum?: number };
    if (schema.type === "integer") {
        if (!Number.isInteger(value) || (value as number) < (schema.minimum ?? 0) || (value as number) > (schema.maximum ?? Infinity)) {
            throw new GovernanceSettingsError(
                `${key} must be an integer from ${schema.minimum} to ${schema.maximum}; got ${JSON.stringify(value)}`,
            );
        }
        return value as number;
    }
    const unknownScope = Array.isArray(value)
        ? value.find((scope) => !(ALLOWED_TARGET_SCOPES as readonly unknown[]).includes(scope))
        : undefined;
    if (!Array.isArray(value) || unknownScope !== undefined) {
        throw new GovernanceSettingsError(
            `${key} must be a list of allowedTargetScope values (${ALLOWED_TARGET_SCOPES.join(", ")}); got ${JSON.stringify(unknownScope ?? value)}`,
        );
    }
    return value as GovernanceSettings["allowedTargetScopes"];
}

/** The defaults with `overrides` applied; refuses unknown keys and values out of range. */
export function governanceSettings(overrides: Readonly<Record<string, unknown>> = {}): GovernanceSettings {
    const settings: GovernanceSettings = { ...DEFAULT_SETTINGS };
    for (const [key, value] of Object.entries(overrides)) {
        if (!Object.hasOwn(SETTINGS_SCHEMA, key)) {
            throw new GovernanceSettingsError(`unknown setting ${JSON.stringify(key)}; known: ${Object.keys(SETTINGS_SCHEMA).join(", ")}`);
        }
        if (value !== undefined) {
            Object.assign(settings, { [key]: checkedSetting(key as keyof GovernanceSettings, value) });
        }
    }
    return settings;
}

/**
 * The precedence lookup: each setting is taken from the highest source that has it, `entra:*` first, then
 * `azuread:*`, then the environment ({@link SETTING_SOURCES}).
 */
import { SETTING_SOURCES, type SettingField, type SettingKeys } from "./settingSources";

/** Read access to stack configuration by namespaced key (`entra:cloud`); Pulumi's `ConfigureRequest.config` fits. */
export interface ConfigSource {
    get(key: string): string | undefined;
}

/** A setting as found: its text, the key it came from (for messages) and its source's rank (0 = highest). */
export interface FoundSetting {
    readonly value: string;
    readonly key: string;
    readonly rank: number;
}

/** Finds a setting in the highest-precedence source that has it. */
export type FindSetting = (field: SettingField) => FoundSetting | undefined;

/** The lookup over stack config and environment; values are trimmed, and an empty one counts as not set. */
export function settingLookup(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): FindSetting {
    const usable = (raw: string | undefined): raw is string => raw !== undefined && raw.trim() !== "";
    return (field) => {
        const keys: SettingKeys = SETTING_SOURCES[field];
        // An empty value is how shells and CI templates say "not set".
        for (const [rank, key] of [keys.entra, keys.azuread].entries()) {
            const raw = key === undefined ? undefined : config?.get(key);
            if (usable(raw)) {
                return { value: raw.trim(), key: key as string, rank };
            }
        }
        const key = keys.env?.find((name) => usable(env[name]));
        return key === undefined ? undefined : { value: (env[key] as string).trim(), key, rank: 2 };
    };
}

/** The candidate from the highest-precedence source; among equal sources, the earliest. */
export function bestCandidate<T>(
    candidates: readonly (readonly [T, FoundSetting | undefined])[],
): { choice: T; found: FoundSetting } | undefined {
    let winner: { choice: T; found: FoundSetting } | undefined;
    for (const [choice, found] of candidates) {
        if (found !== undefined && (winner === undefined || found.rank < winner.found.rank)) {
            winner = { choice, found };
        }
    }
    return winner;
}

/** The setting from the highest-precedence source; among equal sources, the earliest. */
export function highestSetting(...founds: (FoundSetting | undefined)[]): FoundSetting | undefined {
    return bestCandidate(founds.map((found) => [found, found] as const))?.found;
}

import { GraphSettingsError } from "../graphSettingsError";
import type { FoundSetting } from "../settingLookup";
import { keysOf } from "../settingSources";

/** The tenant and client ids, each from the highest-precedence source that has it. */
export interface AuthIds {
    readonly tenantId?: FoundSetting;
    readonly clientId?: FoundSetting;
}

/** The id a method needs; `why` names the method in the message, which lists every key the id can be given in. */
export function requireId(ids: AuthIds, field: keyof AuthIds, why: string): string {
    const found = ids[field];
    if (found === undefined) {
        const keys = field === "clientId" ? keysOf("clientId", "clientIdFilePath") : keysOf("tenantId");
        throw new GraphSettingsError(`${why} needs a ${field}: set one of ${keys}.`);
    }
    return found.value;
}

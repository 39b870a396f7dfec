import { GraphSettingsError } from "../graphSettingsError";
import type { FoundSetting } from "../settingLookup";

/**
 * A token that goes into the Authorization header as it is: a control character (a newline pasted with it) or a
 * character outside ASCII makes every request fail before it is sent, which retrying cannot cure. Named by its key
 * and position only: the token itself is a secret.
 */
export function headerSafeToken(found: FoundSetting): string {
    const characters = [...found.value];
    const at = characters.findIndex((character) => !/^[\x20-\x7e\t]$/.test(character));
    if (at >= 0) {
        const code = characters[at].codePointAt(0) as number;
        const what =
            code === 0x0a
                ? "a newline"
                : code === 0x0d
                  ? "a carriage return"
                  : `the character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
        throw new GraphSettingsError(
            `${found.key} cannot be sent in an HTTP header: it contains ${what} at position ${at + 1}. Set the token alone, without line breaks.`,
        );
    }
    return found.value;
}

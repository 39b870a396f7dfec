/**
 * Settings that name a file (a client secret, client id or certificate file; a token file). Messages name the key
 * and the path, never the content.
 */
import * as fs from "node:fs";
import { GraphSettingsError } from "./graphSettingsError";
import type { FindSetting, FoundSetting } from "./settingLookup";
import type { SettingField } from "./settingSources";

function unreadable(found: FoundSetting, error: unknown): GraphSettingsError {
    const reason = typeof error === "string" ? error : ((error as NodeJS.ErrnoException).code ?? "unreadable");
    return new GraphSettingsError(`${found.key} names a file that cannot be read: ${found.value} (${reason}).`);
}

/** Reads a file that a setting names. */
export function readSettingFile(found: FoundSetting): Buffer {
    try {
        return fs.readFileSync(found.value);
    } catch (error) {
        throw unreadable(found, error);
    }
}

/** Checks that a file a credential reads later (a token renewed while the host runs) is there, without reading it. */
export function requireReadableFile(found: FoundSetting): string {
    let isFile: boolean;
    try {
        fs.accessSync(found.value, fs.constants.R_OK);
        isFile = fs.statSync(found.value).isFile();
    } catch (error) {
        throw unreadable(found, error);
    }
    if (!isFile) {
        throw unreadable(found, "not a file");
    }
    return found.value;
}

/**
 * A setting that can be given as a value or as a file holding it (azuread's `clientId` / `clientIdFilePath`): the
 * higher-precedence source wins; from one source, both must agree, as the azuread provider requires.
 */
export function valueOrFile(find: FindSetting, valueField: SettingField, fileField: SettingField): FoundSetting | undefined {
    const value = find(valueField);
    const file = find(fileField);
    if (file === undefined || (value !== undefined && value.rank < file.rank)) {
        return value;
    }
    const content = readSettingFile(file).toString("utf8").trim();
    if (content === "") {
        throw new GraphSettingsError(`${file.key} names an empty file: ${file.value}.`);
    }
    if (value !== undefined && value.rank === file.rank && value.value !== content) {
        throw new GraphSettingsError(`${value.key} and ${file.key} disagree; set only one of them.`);
    }
    return { value: content, key: file.key, rank: file.rank };
}

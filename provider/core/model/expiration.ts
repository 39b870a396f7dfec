/** `expirationPattern`: the type decides which of `duration` and `endDateTime` must be present. */
import type { ExpirationPattern } from "../types";
import { childPath } from "./checkContext";
import { EXPIRATION_PATTERN_TYPES } from "./enumValues";
import { dateTimeValue, durationValue, enumValue, objectOf, type FieldsOf, type ObjectRule, type Presence, type Reader } from "./readers";
import { droppingTypeTag, type Untagged } from "./typeTags";
import { isUnknown } from "./unknown";

const matchesType: ObjectRule = (pattern, path, check) => {
    const { type } = pattern;
    if (type === undefined || isUnknown(type)) {
        return pattern;
    }
    const needs = type === "afterDuration" ? "duration" : type === "afterDateTime" ? "endDateTime" : undefined;
    for (const property of ["duration", "endDateTime"] as const) {
        if (property === needs && pattern[property] === undefined) {
            check.fail(childPath(path, property), `required when type is ${type}`);
        }
        // An unknown value may turn out to be absent, so only a known one is refused.
        if (property !== needs && pattern[property] !== undefined && !isUnknown(pattern[property])) {
            const fix = needs === undefined ? "remove it" : `remove it, or use ${needs}`;
            check.fail(
                childPath(path, property),
                `not allowed when type is ${type} (only afterDuration takes duration and only afterDateTime takes endDateTime); ${fix}`,
            );
        }
    }
    return pattern;
};

const FIELDS: FieldsOf<Untagged<ExpirationPattern>> = {
    type: enumValue(EXPIRATION_PATTERN_TYPES, { required: true }),
    duration: durationValue(),
    endDateTime: dateTimeValue(),
};

/** An `expirationPattern`. */
export function expirationPattern(presence: Presence = {}): Reader {
    return droppingTypeTag<ExpirationPattern>("expirationPattern", objectOf("an expiration pattern", FIELDS, presence, matchesType));
}

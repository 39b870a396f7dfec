/** `expirationPattern`: the type decides which of `duration` and `endDateTime` must be present. */
import { childPath } from "./checkContext";
import { EXPIRATION_PATTERN_TYPES } from "./enumValues";
import { dateTimeValue, durationValue, enumValue, objectOf, typed, type ObjectRule, type Presence, type Reader } from "./readers";
import { isUnknown } from "./unknown";

const matchesType: ObjectRule = (pattern, path, ctx) => {
    const { type } = pattern;
    if (type === undefined || isUnknown(type)) {
        return pattern;
    }
    const needs = type === "afterDuration" ? "duration" : type === "afterDateTime" ? "endDateTime" : undefined;
    for (const property of ["duration", "endDateTime"] as const) {
        if (property === needs && pattern[property] === undefined) {
            ctx.fail(childPath(path, property), `required when type is ${type}`);
        }
        // An unknown value may turn out to be absent, so only a known one is refused.
        if (property !== needs && pattern[property] !== undefined && !isUnknown(pattern[property])) {
            const fix = needs === undefined ? "remove it" : `remove it, or use ${needs}`;
            ctx.fail(
                childPath(path, property),
                `not allowed when type is ${type} (only afterDuration takes duration and only afterDateTime takes endDateTime); ${fix}`,
            );
        }
    }
    return pattern;
};

/** An `expirationPattern`. */
export function expirationPattern(presence: Presence = {}): Reader {
    return typed(
        "expirationPattern",
        objectOf(
            "an expiration pattern",
            {
                type: enumValue(EXPIRATION_PATTERN_TYPES, { required: true }),
                duration: durationValue(),
                endDateTime: dateTimeValue(),
            },
            presence,
            matchesType,
        ),
    );
}

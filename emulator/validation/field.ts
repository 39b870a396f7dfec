import { graphErrors } from "../errors/graphErrors";
import { isDate } from "./dateTime";
import { readObject, type Field, type ObjectShape } from "./ObjectShape";
import { readSubjectSets } from "./subjectSets";

/** The kinds of property a Graph type declares, each read the way Graph's OData reader reads it. */
export const field = {
    /** A required string. */
    requiredString: (): Field => ({ read: (r, key) => r.requiredString(key) }),
    /** A required string that is not blank. */
    nonBlankString: (): Field => ({
        read: (r, key) => {
            const text = r.requiredString(key);
            if (text.trim() === "") throw graphErrors.invalidProperty(r.at(key), "must not be empty.");
            return text;
        },
    }),
    /** An optional string; absent gives `null`. */
    optionalString: (): Field => ({ read: (r, key) => r.optionalString(key) }),
    /** A date (`yyyy-mm-dd`); absent gives `null`. */
    date: (): Field => ({
        read: (r, key) => {
            const text = r.optionalString(key);
            if (text !== null && !isDate(text)) throw graphErrors.invalidProperty(r.at(key), `'${text}' is not a valid date (yyyy-mm-dd).`);
            return text;
        },
    }),
    /** A boolean with its default. */
    boolean: (fallback: boolean): Field => ({ read: (r, key) => r.boolean(key, fallback) }),
    /** An Int32 within [min, max], with its default. */
    integer: (fallback: number, min: number, max: number): Field => ({ read: (r, key) => r.integer(key, fallback, min, max) }),
    /** A member of an enum; without a default the property is required. */
    enumOf: (members: readonly string[], fallback?: string | null): Field => ({ read: (r, key) => r.enumValue(key, members, fallback) }),
    /** A collection of members of an enum whose type is named `memberType` in messages. */
    enumCollection: (members: readonly string[], memberType: string): Field => ({
        read: (r, key) =>
            r.stringCollection(key).map((member, index) => {
                if (!members.includes(member))
                    throw graphErrors.invalidProperty(`${r.at(key)}[${index}]`, `'${member}' is not a ${memberType}.`);
                return member;
            }),
    }),
    /** A non-negative duration, with its default. */
    duration: (fallback: string | null): Field => ({ read: (r, key) => r.duration(key, fallback) }),
    /** A DateTimeOffset; absent gives `null`. */
    dateTime: (): Field => ({ read: (r, key) => r.dateTime(key) }),
    /** A collection of subjectSet elements of any concrete type. */
    subjectSets: (): Field => ({ read: (r, key) => readSubjectSets(r, key) }),
    /** An object of a complex type. */
    object: (shape: ObjectShape): Field => ({ read: (r, key) => readObject(r.raw(key), r.at(key), shape) }),
    /** A collection of objects of a complex type (or of its derived types). */
    objects: (shape: ObjectShape): Field => ({
        read: (r, key) => r.collection(key, shape.typeName).map((element, index) => readObject(element, `${r.at(key)}[${index}]`, shape)),
    }),
    /** Marks a property Graph's update page marks Required. */
    requiredOnReplace: (inner: Field): Field => ({ ...inner, requiredOnReplace: true }),
};

import { graphErrors } from "../errors/graphErrors";
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import { normaliseDateTimeOffset } from "./dateTime";
import { normaliseDuration } from "./duration";

/** The evolvable-enum sentinel Graph lists in every enum but refuses as input. */
const UNKNOWN_FUTURE_VALUE = "unknownFutureValue";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `text` is a GUID in the 8-4-4-4-12 form. */
export function isGuid(text: string): boolean {
    return GUID.test(text);
}

/**
 * Reads one JSON object of a known Graph type the way the service's OData reader does:
 * unknown properties are refused, primitives are type-checked and normalised, and every error
 * names the property by its full path in the body.
 */
export class ObjectReader {
    /**
     * @param value The object to read (anything else is refused).
     * @param path Path of the object in the request body, for messages ("" for the root).
     * @param typeName Qualified Graph type name, for messages.
     * @param known Property names the type declares.
     * @param ignored Names accepted and dropped (legacy names that documented examples still send).
     */
    constructor(
        value: JsonValue | undefined,
        readonly path: string,
        readonly typeName: string,
        known: readonly string[],
        ignored: readonly string[] = [],
    ) {
        if (!isJsonObject(value)) {
            throw graphErrors.invalidProperty(path || "(body)", `expected an object of type '${typeName}'.`);
        }
        this.value = value;
        for (const key of Object.keys(value)) {
            // Instance annotations (`@odata.type`, `x@odata.bind`…) are not properties.
            if (key.includes("@")) continue;
            if (!known.includes(key) && !ignored.includes(key)) throw graphErrors.unknownProperty(key, typeName);
        }
    }

    private readonly value: JsonObject;

    /** Full path of a property of this object. */
    at(key: string): string {
        return this.path ? `${this.path}.${key}` : key;
    }

    /** The raw value of a property (`undefined` when absent). */
    raw(key: string): JsonValue | undefined {
        return this.value[key];
    }

    /** Whether the property is present with a non-null value. */
    has(key: string): boolean {
        return this.value[key] !== undefined && this.value[key] !== null;
    }

    /** A required, non-null string. */
    requiredString(key: string): string {
        const value = this.value[key];
        if (value === undefined || value === null) throw graphErrors.missingProperty(this.at(key));
        if (typeof value !== "string") throw graphErrors.invalidProperty(this.at(key), "expected a string.");
        return value;
    }

    /** An optional string; absent or null gives `fallback`. */
    optionalString(key: string, fallback: string | null = null): string | null {
        const value = this.value[key];
        if (value === undefined || value === null) return fallback;
        if (typeof value !== "string") throw graphErrors.invalidProperty(this.at(key), "expected a string.");
        return value;
    }

    /** A GUID string (required). */
    requiredGuid(key: string): string {
        const value = this.requiredString(key);
        if (!isGuid(value)) throw graphErrors.invalidProperty(this.at(key), `'${value}' is not a valid GUID.`);
        return value.toLowerCase();
    }

    /**
     * A boolean; absent or null gives `fallback`. The strings "true"/"false" are accepted because
     * the documented create example with questions sends them, and the service takes it.
     */
    boolean(key: string, fallback: boolean): boolean {
        const value = this.value[key];
        if (value === undefined || value === null) return fallback;
        if (typeof value === "boolean") return value;
        if (value === "true" || value === "false") return value === "true";
        throw graphErrors.invalidProperty(this.at(key), "expected a boolean.");
    }

    /** An Int32 within [min, max]; numeric strings accepted like booleans above. */
    integer(key: string, fallback: number | null, min: number, max: number): number | null {
        const value = this.value[key];
        if (value === undefined || value === null) return fallback;
        const parsed = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
        if (typeof parsed !== "number" || !Number.isInteger(parsed)) {
            throw graphErrors.invalidProperty(this.at(key), "expected an integer.");
        }
        if (parsed < min || parsed > max) {
            throw graphErrors.invalidProperty(this.at(key), `must be between ${min} and ${max}.`);
        }
        return parsed;
    }

    /** An enum member; absent or null gives `fallback`, or is refused when `fallback` is `undefined`. */
    enumValue<T extends string>(key: string, members: readonly T[], fallback?: T | null): T | null {
        const value = this.value[key];
        if (value === undefined || value === null) {
            if (fallback === undefined) throw graphErrors.missingProperty(this.at(key));
            return fallback;
        }
        if (value === UNKNOWN_FUTURE_VALUE) {
            throw graphErrors.invalidProperty(this.at(key), `'${UNKNOWN_FUTURE_VALUE}' is a reserved sentinel and cannot be set.`);
        }
        if (typeof value !== "string" || !(members as readonly string[]).includes(value)) {
            throw graphErrors.invalidProperty(this.at(key), `'${String(value)}' is not one of: ${members.join(", ")}.`);
        }
        return value as T;
    }

    /** A non-negative duration normalised to Graph's output form; absent or null gives `fallback`. */
    duration(key: string, fallback: string | null): string | null {
        const value = this.optionalString(key);
        if (value === null) return fallback;
        const normalised = normaliseDuration(value);
        if (normalised === undefined) {
            throw graphErrors.invalidProperty(this.at(key), `'${value}' is not a valid ISO 8601 day-time duration.`);
        }
        if (normalised.startsWith("-")) throw graphErrors.invalidProperty(this.at(key), "must not be negative.");
        return normalised;
    }

    /** A DateTimeOffset normalised to UTC; absent or null gives `null`. */
    dateTime(key: string): string | null {
        const value = this.optionalString(key);
        if (value === null) return null;
        const normalised = normaliseDateTimeOffset(value);
        if (normalised === undefined) {
            throw graphErrors.invalidProperty(this.at(key), `'${value}' is not a valid ISO 8601 date-time with offset.`);
        }
        return normalised;
    }

    /** A nested object, or `null` when absent or null. */
    optionalObject(key: string): JsonObject | null {
        const value = this.value[key];
        if (value === undefined || value === null) return null;
        if (!isJsonObject(value)) throw graphErrors.invalidProperty(this.at(key), "expected an object.");
        return value;
    }

    /** A collection; absent gives `[]`, null is refused as the OData reader does. */
    collection(key: string, elementType: string): JsonValue[] {
        const value = this.value[key];
        if (value === undefined) return [];
        if (value === null) throw graphErrors.nullCollection(key, elementType);
        if (!Array.isArray(value)) throw graphErrors.invalidProperty(this.at(key), "expected an array.");
        return value;
    }

    /** A collection of strings (e.g. `daysOfWeek`). */
    stringCollection(key: string): string[] {
        return this.collection(key, "Edm.String").map((item, index) => {
            if (typeof item !== "string") throw graphErrors.invalidProperty(`${this.at(key)}[${index}]`, "expected a string.");
            return item;
        });
    }
}

/** Reads the `@odata.type` of an element before its type (and so its reader) is known. */
export function peekOdataType(value: JsonValue, path: string): string | undefined {
    if (!isJsonObject(value)) throw graphErrors.invalidProperty(path, "expected an object.");
    const type = value["@odata.type"];
    if (type === undefined || type === null) return undefined;
    if (typeof type !== "string") throw graphErrors.invalidProperty(`${path}.@odata.type`, "expected a string.");
    return type.startsWith("#") ? type.slice(1) : type;
}

import { graphErrors } from "../errors/graphErrors";
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import { ObjectReader, peekOdataType } from "./ObjectReader";

/** One property of a Graph type: how a body's value is read, checked and normalised into what GET renders. */
export interface Field {
    /** Reads property `key` of `r`; an absent or null value gives the property's stored default. */
    read(r: ObjectReader, key: string): JsonValue;
    /** Graph's update page marks the property Required: a PUT without it is refused, never filled in. */
    requiredOnReplace?: boolean;
}

/**
 * A complex Graph type, declared once: its properties in the order GET renders them. The reader's allowed keys, the
 * stored defaults and the rendered shape all come from `fields`.
 */
export interface ObjectShape {
    /** Qualified type name, for messages and the collection's element type. */
    typeName: string;
    /** The properties, in GET order. */
    fields: Readonly<Record<string, Field>>;
    /**
     * Properties read before the others, so that of two faults in one body the emulator keeps reporting the one it
     * always has (the order errors surface in is observable).
     */
    readFirst?: readonly string[];
    /** Derived types a body may name in `@odata.type`; only a derived type renders its type. */
    derivedTypes?: readonly string[];
    /**
     * What an absent or null value stands for: an object of every default (`"defaults"`), nothing to stand for
     * (`"refuse"`: an object is required), no object (`null`), or a fixed object.
     */
    whenAbsent: "defaults" | "refuse" | JsonObject | null;
    /** Rules across properties, checked once all of them are read. */
    check?(value: JsonObject, r: ObjectReader): void;
}

/** The property names of a shape, in GET order. */
export function propertyNames(shape: ObjectShape): string[] {
    return Object.keys(shape.fields);
}

/** Reads the fields of `shape` from a reader already built over the object, in GET order. */
export function readFields(r: ObjectReader, shape: ObjectShape): JsonObject {
    const read: JsonObject = {};
    const first = shape.readFirst ?? [];
    for (const key of [...first, ...propertyNames(shape).filter((name) => !first.includes(name))]) {
        read[key] = shape.fields[key].read(r, key);
    }
    return Object.fromEntries(propertyNames(shape).map((key) => [key, read[key]]));
}

const NAMESPACE = "microsoft.graph.";

/** The type an object is read as: the shape's own, or a derived type its `@odata.type` names. */
function typeOf(shape: ObjectShape, value: JsonValue | undefined, path: string): string {
    if (shape.derivedTypes === undefined) return shape.typeName;
    const type = peekOdataType(value ?? null, path) ?? shape.typeName;
    if (type !== shape.typeName && !shape.derivedTypes.includes(type)) {
        throw graphErrors.invalidProperty(`${path}.@odata.type`, `'${type}' is not an ${shape.typeName.slice(NAMESPACE.length)} type.`);
    }
    return type;
}

/** Reads one object of `shape` at `path`: unknown properties refused, defaults filled in, rules checked. */
export function readObject(value: JsonValue | undefined, path: string, shape: ObjectShape): JsonObject | null {
    const absent = value === undefined || value === null;
    if (absent && shape.whenAbsent === null) return null;
    if (absent && isJsonObject(shape.whenAbsent)) return structuredClone(shape.whenAbsent);
    const given = absent && shape.whenAbsent === "defaults" ? {} : value;
    const type = typeOf(shape, given, path);
    const r = new ObjectReader(given, path, type, propertyNames(shape));
    const read = readFields(r, shape);
    shape.check?.(read, r);
    return type === shape.typeName ? read : { "@odata.type": `#${type}`, ...read };
}

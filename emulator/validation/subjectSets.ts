import { graphErrors } from "../errors/graphErrors";
import type { JsonObject, JsonValue } from "../json";
import { ObjectReader, peekOdataType } from "./ObjectReader";

/** Reads the type-specific properties of one subjectSet member. */
type SubjectSetReader = (reader: ObjectReader) => JsonObject;

const described = (idKey: string): { keys: string[]; read: SubjectSetReader } => ({
    keys: [idKey, "description"],
    read: (r) => ({ [idKey]: r.requiredGuid(idKey), description: r.optionalString("description") }),
});

const managerLevel = (max: number): { keys: string[]; read: SubjectSetReader } => ({
    keys: ["managerLevel"],
    read: (r) => ({ managerLevel: r.integer("managerLevel", 1, 1, max) }),
});

const none = { keys: [] as string[], read: (): JsonObject => ({}) };

/** Every concrete subjectSet type of Graph v1.0, keyed by unqualified name. */
const SUBJECT_SET_TYPES: Readonly<Record<string, { keys: string[]; read: SubjectSetReader }>> = {
    singleUser: described("userId"),
    groupMembers: described("groupId"),
    connectedOrganizationMembers: described("connectedOrganizationId"),
    singleServicePrincipal: described("servicePrincipalId"),
    requestorManager: managerLevel(2),
    targetManager: managerLevel(4),
    internalSponsors: none,
    externalSponsors: none,
    targetUserSponsors: none,
    targetApplicationOwners: none,
    targetAgentIdentitySponsorsOrOwners: none,
    attributeRuleMembers: {
        keys: ["membershipRule", "description"],
        read: (r) => ({ description: r.optionalString("description"), membershipRule: r.requiredString("membershipRule") }),
    },
};

const NAMESPACE = "microsoft.graph.";

/**
 * Reads one subjectSet element. `@odata.type` is mandatory because subjectSet is abstract; it is
 * accepted with or without the leading '#' (the docs' JSON representations omit it) and rendered
 * in the canonical `#microsoft.graph.x` form.
 */
export function readSubjectSet(value: JsonValue, path: string): JsonObject {
    const type = peekOdataType(value, path);
    if (type === undefined) {
        throw graphErrors.invalidProperty(path, "an '@odata.type' is required; 'microsoft.graph.subjectSet' is abstract.");
    }
    const name = type.startsWith(NAMESPACE) ? type.slice(NAMESPACE.length) : undefined;
    // Own keys only: a type named after an Object.prototype member (constructor, toString) is no subjectSet type.
    const definition = name !== undefined && Object.hasOwn(SUBJECT_SET_TYPES, name) ? SUBJECT_SET_TYPES[name] : undefined;
    if (name === undefined || definition === undefined) {
        throw graphErrors.invalidProperty(`${path}.@odata.type`, `'${type}' is not a subjectSet type.`);
    }
    const reader = new ObjectReader(value, path, type, definition.keys);
    return { "@odata.type": `#${type}`, ...definition.read(reader) };
}

/** Reads a subjectSet collection property of `reader`. */
export function readSubjectSets(reader: ObjectReader, key: string): JsonObject[] {
    return reader.collection(key, "microsoft.graph.subjectSet").map((item, index) => readSubjectSet(item, `${reader.at(key)}[${index}]`));
}

/** The unqualified type name of a subjectSet rendered by {@link readSubjectSet}. */
export function subjectSetType(subjectSet: JsonObject): string {
    return String(subjectSet["@odata.type"]).slice(1 + NAMESPACE.length);
}

/**
 * Ids an exported program names once, as constants: every access package, and every other directory id (a group,
 * a user, a connected organization...) that the program uses more than once. Each constant carries the display name
 * Graph gave with it, so a reviewer reads "Finance approvers", not a GUID.
 */
import type { ExportedPolicy } from "./exportedPolicy";
import { slugOf } from "./resourceNames";

/** One constant of the program. */
export interface IdConstant {
    /** The identifier, unique in the program. */
    name: string;
    /** The id it holds. */
    id: string;
    /** What Graph calls it (a display name or a subject set's description), if it said. */
    label?: string;
}

// Where a subject set or a policy holds a directory id, and what the constant's name starts with.
const ID_KINDS: Readonly<Record<string, string>> = {
    accessPackageId: "accessPackage",
    groupId: "group",
    userId: "user",
    connectedOrganizationId: "connectedOrganization",
    servicePrincipalId: "servicePrincipal",
};

interface Use {
    kind: string;
    label?: string;
    count: number;
}

function collectUses(value: unknown, uses: Map<string, Use>): void {
    if (Array.isArray(value)) {
        value.forEach((element) => collectUses(element, uses));
        return;
    }
    if (typeof value !== "object" || value === null) {
        return;
    }
    const record = value as Record<string, unknown>;
    for (const [key, kind] of Object.entries(ID_KINDS)) {
        const id = record[key];
        if (typeof id === "string") {
            const use = uses.get(id) ?? { kind, count: 0 };
            const label = typeof record.description === "string" && record.description !== "" ? record.description : undefined;
            uses.set(id, { ...use, count: use.count + 1, label: use.label ?? label });
        }
    }
    Object.values(record).forEach((child) => collectUses(child, uses));
}

function camelCase(words: string): string {
    return words.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The constants for `policies`, in a stable order (kind, then label, then id), each with a unique name. */
export function idConstants(policies: readonly ExportedPolicy[]): IdConstant[] {
    const uses = new Map<string, Use>();
    for (const policy of policies) {
        const { adopt: _adopt, ...declared } = policy.declared;
        collectUses(declared, uses);
        const packageUse = uses.get(policy.inputs.accessPackageId);
        if (packageUse && policy.accessPackageName !== undefined) {
            uses.set(policy.inputs.accessPackageId, { ...packageUse, label: policy.accessPackageName });
        }
    }
    const named = [...uses.entries()]
        .filter(([, use]) => use.kind === "accessPackage" || use.count > 1)
        .map(([id, use]) => ({ id, ...use }))
        .sort((a, b) => a.kind.localeCompare(b.kind) || (a.label ?? "").localeCompare(b.label ?? "") || a.id.localeCompare(b.id));
    const taken = new Set<string>();
    return named.map(({ id, kind, label }) => {
        const base = camelCase(`${kind}-${label === undefined ? "id" : slugOf(label)}`);
        let name = base;
        for (let n = 2; taken.has(name); n++) {
            name = `${base}${n}`;
        }
        taken.add(name);
        return { name, id, ...(label === undefined ? {} : { label }) };
    });
}

/** Pulumi resource names for exported policies: readable, derived from the display name, unique and stable. */

/** What a resource name is derived from. */
export interface NamedPolicy {
    /** The policy's Graph id (GUID). */
    id: string;
    /** The policy's display name. */
    displayName: string;
}

// Long enough to recognise the policy, short enough to keep URNs readable.
const MAX_SLUG_LENGTH = 60;
const ID_SUFFIX_LENGTH = 8;

/** Lower-case ASCII letters and digits joined by single dashes; `policy` when nothing is left. */
export function slugOf(displayName: string): string {
    const slug = displayName
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .slice(0, MAX_SLUG_LENGTH)
        .replace(/^-+|-+$/g, "");
    return slug === "" ? "policy" : slug;
}

function withIdSuffix(slug: string, id: string, length: number): string {
    return `${slug}-${id
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "")
        .slice(0, length)}`;
}

/**
 * A resource name per policy id. A slug that only one policy has is the name; policies whose slugs collide all get
 * a suffix from their own id, so a name never depends on which other policies were listed first.
 */
export function resourceNames(policies: readonly NamedPolicy[]): Map<string, string> {
    const bySlug = new Map<string, NamedPolicy[]>();
    for (const policy of policies) {
        const slug = slugOf(policy.displayName);
        bySlug.set(slug, [...(bySlug.get(slug) ?? []), policy]);
    }
    const names = new Map<string, string>();
    for (const [slug, group] of bySlug) {
        for (const policy of group) {
            names.set(policy.id, group.length === 1 ? slug : withIdSuffix(slug, policy.id, ID_SUFFIX_LENGTH));
        }
    }
    // A suffixed name can still meet another policy's plain slug ("a-1234abcd"); the whole id settles it.
    const taken = new Map<string, number>();
    for (const name of names.values()) {
        taken.set(name, (taken.get(name) ?? 0) + 1);
    }
    for (const policy of policies) {
        const name = names.get(policy.id) as string;
        if ((taken.get(name) ?? 0) > 1) {
            names.set(policy.id, withIdSuffix(slugOf(policy.displayName), policy.id, Number.POSITIVE_INFINITY));
        }
    }
    return names;
}

/**
 * Returns `list` typed as `T[]`, failing to compile unless it names every member of the union `T` (and, by its
 * type, nothing else): the runtime list and the type that documents the members cannot drift apart.
 */
export function everyMember<T extends string>() {
    return <const L extends readonly T[]>(
        list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
    ): readonly T[] => list;
}

/** Compiles only when `Missing`, the members some list leaves out, is `never`; the error names the ones missing. */
export type NoneMissing<Missing extends never> = Missing;

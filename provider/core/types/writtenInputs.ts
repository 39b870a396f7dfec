/**
 * The policy as a program may write it: check accepts every `@odata.type` with or without `#` and in any letter case,
 * so the written type accepts the spellings of that TypeScript can list. The canonical types (`PolicyInputs`, the
 * outputs, the Graph body) keep Graph's own spelling.
 */
import type { PolicyInputs } from "./policy";
import type { CustomExtensionReference } from "./policySettings";

/** A type name in the letter cases TypeScript can spell: as Graph writes it, all lower-case, or capitalised. */
type LetterCases<Name extends string> = Name | Lowercase<Name> | Capitalize<Name>;

/** Graph's namespace before a type name, as Graph writes it or capitalised. */
type Namespace = "microsoft.graph." | "Microsoft.Graph.";

/**
 * The spellings of the tag `#microsoft.graph.<Name>` a program may write, e.g. for `singleUser`:
 * `#microsoft.graph.singleUser`, `microsoft.graph.singleUser`, `singleuser`, `#Microsoft.Graph.SingleUser`. Check
 * accepts other letter cases too (it compares the name case-insensitively), but TypeScript cannot list them all.
 */
export type ODataTypeSpelling<Name extends string> = `${"#" | ""}${Namespace | ""}${LetterCases<Name>}`;

/** The spellings of a tag that check reads only with its namespace (a custom extension's type). */
type NamespacedSpelling<Name extends string> = `${"#" | ""}${Namespace}${LetterCases<Name>}`;

/** The spellings of one `@odata.type` value of a canonical type. */
type SpellingsOf<Tag> = Tag extends `#microsoft.graph.${infer Name}`
    ? Tag extends CustomExtensionReference["@odata.type"]
        ? NamespacedSpelling<Name>
        : ODataTypeSpelling<Name>
    : Tag;

/** `T` with every `@odata.type`, at any depth, in any spelling {@link ODataTypeSpelling} lists. Distributes over unions. */
export type WithTagSpellings<T> = T extends string | number | boolean | null | undefined
    ? T
    : T extends readonly (infer E)[]
      ? WithTagSpellings<E>[]
      : { [K in keyof T]: K extends "@odata.type" ? SpellingsOf<T[K]> : WithTagSpellings<T[K]> };

/** {@link PolicyInputs} as a program may write them: each `@odata.type` in any spelling {@link ODataTypeSpelling} lists. */
export type WrittenPolicyInputs = WithTagSpellings<PolicyInputs>;

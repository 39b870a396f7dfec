/**
 * The policy as a program may write it: check accepts every `@odata.type` with or without `#` and in any letter case,
 * so the written type accepts those of its spellings TypeScript can list. The canonical types (`PolicyInputs`, the
 * outputs, the Graph body) keep Graph's own spelling.
 */
import type { PolicyInputs } from "./policy";
import type { CustomExtensionReference } from "./policySettings";

/**
 * The spellings of the tag `#microsoft.graph.<Name>` a program may write, e.g. for `singleUser`:
 * `#microsoft.graph.singleUser`, `microsoft.graph.singleUser`, `singleuser`, `#Microsoft.Graph.SingleUser`: with or
 * without `#`, with or without the namespace (unless `Namespace` says it is required), the name as Graph writes it,
 * all lower-case or capitalised. Check accepts other letter cases too (it compares the name case-insensitively), but
 * TypeScript cannot list them all.
 */
export type ODataTypeSpelling<
    Name extends string,
    Namespace extends string = "microsoft.graph." | "Microsoft.Graph." | "",
> = `${"#" | ""}${Namespace}${Name | Lowercase<Name> | Capitalize<Name>}`;

/**
 * The spellings of one `@odata.type` value of a canonical type. A custom extension's type is read only with its
 * namespace, so it keeps it.
 */
export type TagSpellings<Tag> = Tag extends `#microsoft.graph.${infer Name}`
    ? Tag extends CustomExtensionReference["@odata.type"]
        ? ODataTypeSpelling<Name, "microsoft.graph." | "Microsoft.Graph.">
        : ODataTypeSpelling<Name>
    : Tag;

/** `T` with every `@odata.type`, at any depth, in any spelling {@link ODataTypeSpelling} lists. Distributes over unions. */
export type WithTagSpellings<T> = T extends string | number | boolean | null | undefined
    ? T
    : T extends readonly (infer E)[]
      ? WithTagSpellings<E>[]
      : { [K in keyof T]: K extends "@odata.type" ? TagSpellings<T[K]> : WithTagSpellings<T[K]> };

/** {@link PolicyInputs} as a program may write them: each `@odata.type` in any spelling {@link ODataTypeSpelling} lists. */
export type WrittenPolicyInputs = WithTagSpellings<PolicyInputs>;

/**
 * Names in the .NET SDK that no schema property carries: enum members, which Pulumi's .NET generator derives from
 * each member's name (`makeSafeEnumName`), and the program's own constants.
 */

// isReservedWord of Pulumi's .NET generator: C#'s keywords and contextual keywords, which it prefixes with `@`.
const RESERVED = new Set(
    [
        "abstract as base bool break byte case catch char checked class const continue decimal default delegate do double",
        "else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface internal",
        "is lock long namespace new null object operator out override params private protected public readonly ref return",
        "sbyte sealed short sizeof stackalloc static string struct switch this throw true try typeof uint ulong unchecked",
        "unsafe ushort using virtual void volatile while add alias ascending async await by descending dynamic equals from",
        "get global group into join let nameof on orderby partial remove select set unmanaged value var when where yield",
    ]
        .join(" ")
        .split(" "),
);

/** `makeValidIdentifier`: each character no identifier may hold becomes `_`, a keyword gets `@`. */
function validIdentifier(name: string): string {
    const valid = [...name]
        .map((char, i) => {
            if (!/[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\p{Cf}]/u.test(char) && !(i === 0 && char === "@")) {
                return "_";
            }
            return i === 0 && !/[_@\p{L}\p{Nl}]/u.test(char) ? `_${char}` : char;
        })
        .join("");
    return RESERVED.has(valid) ? `@${valid}` : valid;
}

/**
 * The member of the SDK's enum struct `typeName` for the schema's member name `name`, as `makeSafeEnumName` spells
 * it: a valid identifier, title-cased by Go's `strings.Title` (in an identifier only `@` separates words, so only
 * the first letter changes: `default` is `@Default`), runs of `_` collapsed, the type's name before a leading `_`,
 * and `Equals` (a method of the struct) renamed. (Its spelled-out names for one-character members such as `*` are
 * left out: the schema's members are words.)
 */
export function csharpEnumMember(name: string, typeName: string): string {
    const titled = validIdentifier(name)
        .replace(/^(@?)(\p{Ll})/u, (_, at: string, letter: string) => `${at}${letter.toUpperCase()}`)
        .replace(/_+/g, "_");
    const member = titled.startsWith("_") ? `${typeName}${titled}` : titled;
    return member === "Equals" ? "EqualsValue" : member;
}

/** The program's constant for a camelCase constant name: .NET's PascalCase, `accessPackageFoo` → `AccessPackageFoo`. */
export function csharpConstant(name: string): string {
    return name.charAt(0).toUpperCase() + name.slice(1);
}

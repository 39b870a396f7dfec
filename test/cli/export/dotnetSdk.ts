/**
 * The generated .NET SDK's own names, read from its sources rather than derived: each Args class's properties (the
 * C# name, the schema name of its `[Input]` attribute and its declared type) and each enum struct's members.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** A property of an Args class. */
export interface SdkProperty {
    /** The schema's name for it, from `[Input("...")]`. */
    wireName: string;
    /** Its declared type, without the SDK's namespace (`Input<Inputs.RequestorSettingsArgs>?`, `InputList<object>`). */
    type: string;
}

/** What a program on the SDK may name. */
export interface DotnetSdk {
    /** Args class name (`RequestorSettingsArgs`, `AccessPackageAssignmentPolicyArgs`) to C# property name to property. */
    classes: Map<string, Map<string, SdkProperty>>;
    /** Enum struct name to member name (without `@`) to the value it stands for. */
    enums: Map<string, Map<string, string>>;
}

/** Drops the SDK's namespace from a type as a source file spells it. */
export function bareType(type: string): string {
    return type.replace(/\b(?:PulumiEntra\.)?Entra\./g, "");
}

function argsClasses(source: string, classes: DotnetSdk["classes"]): void {
    for (const [, name, body] of source.matchAll(/public sealed class (\w+Args) : global::Pulumi\.ResourceArgs\s*\{([\s\S]*?)\n {4}\}/g)) {
        // A list property is a private field under the attribute and a public property that wraps it.
        const wrappers = new Map(
            [...body.matchAll(/public ([^\n]+?) (\w+)\s*\{\s*get => (_\w+)/g)].map(([, type, csharp, field]) => [field, { type, csharp }]),
        );
        const properties = new Map<string, SdkProperty>();
        for (const [, wireName, type, member] of body.matchAll(
            /\[Input\("([^"]+)"[^\]]*\)\]\s*(?:public|private) (\S+(?: \S+)*?) (_?\w+)(?: \{|;)/g,
        )) {
            const wrapper = wrappers.get(member);
            const csharp = wrapper?.csharp ?? member;
            properties.set(csharp, { wireName, type: bareType(wrapper?.type ?? type) });
        }
        classes.set(name, properties);
    }
}

function enumStructs(source: string, enums: DotnetSdk["enums"]): void {
    for (const [, name, body] of source.matchAll(/public readonly struct (\w+) : IEquatable<\w+>\s*\{([\s\S]*?)\n {4}\}/g)) {
        const members = [...body.matchAll(/public static \w+ @?(\w+) \{ get; \} = new \w+\("([^"]*)"\);/g)];
        enums.set(name, new Map(members.map(([, member, value]) => [member, value])));
    }
}

/** Reads the SDK `pulumi package gen-sdk --language dotnet` wrote to `directory`. */
export function readDotnetSdk(directory: string): DotnetSdk {
    const sdk: DotnetSdk = { classes: new Map(), enums: new Map() };
    const inputs = path.join(directory, "Inputs");
    for (const file of [
        path.join(directory, "AccessPackageAssignmentPolicy.cs"),
        ...fs.readdirSync(inputs).map((name) => path.join(inputs, name)),
    ]) {
        argsClasses(fs.readFileSync(file, "utf8"), sdk.classes);
    }
    enumStructs(fs.readFileSync(path.join(directory, "Enums.cs"), "utf8"), sdk.enums);
    return sdk;
}

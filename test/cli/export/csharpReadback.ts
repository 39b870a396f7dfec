/**
 * Reads an exported `Program.cs` back into the data it declares, through the generated .NET SDK's own names and
 * types: each property must be one the SDK's Args class has (its `[Input]` name is the key read back), each value
 * must have the property's declared type (an Args class, an enum member the SDK defines, a list in a form its
 * `InputList` takes, a scalar), each constant must be declared. The strongest check there is without a compiler.
 */
import * as assert from "node:assert/strict";
import type { Node, Parser } from "web-tree-sitter";
import { bareType, type DotnetSdk } from "./dotnetSdk";

/** A JSON value. */
export type Declared = null | boolean | number | string | Declared[] | { [key: string]: Declared };

/** One `new Entra.AccessPackageAssignmentPolicy(name, new() { ... })`. */
export interface DeclaredResource {
    name: string;
    /** Under the schema's names. */
    properties: { [key: string]: Declared };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
    "'": "'",
    '"': '"',
    "\\": "\\",
    "0": "\0",
    a: "\x07",
    b: "\b",
    f: "\f",
    n: "\n",
    r: "\r",
    t: "\t",
    v: "\v",
};

/** The value of a C# regular string literal. */
function stringValue(node: Node): string {
    assert.equal(node.type, "string_literal", `a string, not ${node.text}`);
    return node.namedChildren
        .map((part) => {
            if (part?.type !== "escape_sequence") return part?.text ?? "";
            const escape = part.text.slice(1);
            const hex = /^[uUx]([0-9a-fA-F]+)$/.exec(escape);
            return hex ? String.fromCodePoint(parseInt(hex[1], 16)) : SIMPLE_ESCAPES[escape];
        })
        .join("");
}

function children(node: Node): Node[] {
    return node.namedChildren.filter((child): child is Node => child !== null && child.type !== "comment");
}

/** `T` of `Input<T>`, `InputList<T>`... and which wrapper it was. */
function unwrap(type: string): { wrapper: string; element: string } {
    const match = /^(Input|InputList|InputUnion)<(.+)>\??$/.exec(type);
    return match ? { wrapper: match[1], element: match[2] } : { wrapper: "", element: type };
}

class Reader {
    constructor(
        private readonly sdk: DotnetSdk,
        private readonly constants: ReadonlyMap<string, string>,
    ) {}

    /** The properties of an object initializer of the Args class `className`. */
    object(initializer: Node | null, className: string): { [key: string]: Declared } {
        const properties = this.sdk.classes.get(className);
        assert.ok(properties, `the SDK has no class ${className}`);
        const read: { [key: string]: Declared } = {};
        for (const assignment of initializer ? children(initializer) : []) {
            assert.equal(assignment.type, "assignment_expression", `${className}: ${assignment.text}`);
            const name = assignment.childForFieldName("left")?.text ?? "";
            const property = properties.get(name);
            assert.ok(property, `the SDK's ${className} has no property ${name}`);
            read[property.wireName] = this.value(assignment.childForFieldName("right") as Node, property.type);
        }
        return read;
    }

    /** The value of `node`, which must be of the SDK's declared type `type`. */
    value(node: Node, type: string): Declared {
        const { wrapper, element } = unwrap(type);
        if (wrapper === "InputList") return this.list(node, element);
        if (wrapper === "InputUnion") return this.union(node, element.split(", "));
        return this.single(node, element);
    }

    private list(node: Node, element: string): Declared[] {
        if (node.type === "initializer_expression") {
            // InputList<object>'s Add overloads are ambiguous for an element: such a list cannot be initialized so.
            assert.ok(element !== "object", `a collection initializer of InputList<object> does not compile: ${node.text}`);
            return children(node).map((child) => this.value(child, element));
        }
        assert.equal(node.type, "array_creation_expression", `a list, not ${node.text}`);
        const arrayType = node.childForFieldName("type")?.childForFieldName("type")?.text ?? "";
        assert.equal(bareType(arrayType), element, `an array of the list's element type ${element}`);
        const initializer = children(node).find((child) => child.type === "initializer_expression");
        return initializer ? children(initializer).map((child) => this.value(child, element)) : [];
    }

    private union(node: Node, members: string[]): Declared {
        const errors: string[] = [];
        for (const member of members) {
            try {
                return this.single(node, member);
            } catch (error) {
                errors.push((error as Error).message);
            }
        }
        assert.fail(`none of ${members.join(", ")}: ${errors.join("; ")}`);
    }

    private single(node: Node, type: string): Declared {
        const union = /^Union<(.+)>$/.exec(type);
        if (union) return this.union(node, union[1].split(", "));
        if (type === "object" || type.startsWith("Inputs.")) return this.args(node, type);
        switch (type) {
            case "string":
                return node.type === "identifier" ? this.constant(node) : stringValue(node);
            case "bool":
                assert.equal(node.type, "boolean_literal", `a bool, not ${node.text}`);
                return node.text === "true";
            case "double":
            case "int":
                assert.ok(
                    node.type === "integer_literal" || (type === "double" && node.type === "real_literal"),
                    `${type}, not ${node.text}`,
                );
                return Number(node.text);
        }
        return this.enumMember(node, type);
    }

    private constant(node: Node): string {
        const value = this.constants.get(node.text);
        assert.ok(value !== undefined, `${node.text} is no constant the program declares`);
        return value;
    }

    /** `new Entra.Inputs.XArgs { ... }` where the SDK expects `expected` (`Inputs.XArgs`, or any Args for `object`). */
    private args(node: Node, expected: string): Declared {
        assert.equal(node.type, "object_creation_expression", `an Args object, not ${node.text}`);
        const type = bareType(node.childForFieldName("type")?.text ?? "");
        assert.ok(expected === "object" ? type.startsWith("Inputs.") : type === expected, `${expected}, not ${type}`);
        return this.object(node.childForFieldName("initializer"), type.slice("Inputs.".length));
    }

    /** `Entra.E.Member`, a member of the SDK's enum struct `E`: read back as the value the SDK gives it. */
    private enumMember(node: Node, type: string): string {
        const members = this.sdk.enums.get(type);
        assert.ok(members, `the SDK has no type ${type}`);
        assert.equal(node.type, "member_access_expression", `a member of ${type}, not ${node.text}`);
        assert.equal(bareType(node.childForFieldName("expression")?.text ?? ""), type);
        const member = (node.childForFieldName("name")?.text ?? "").replace(/^@/, "");
        const value = members.get(member);
        assert.ok(value !== undefined, `the SDK's ${type} has no member ${member}`);
        return value;
    }
}

function descendants(node: Node, type: string): Node[] {
    return node.type === type ? [node] : children(node).flatMap((child) => descendants(child, type));
}

/** Every policy `source` declares, read through `sdk`; fails on anything the SDK would not take. */
export function readCsharpProgram(parser: Parser, source: string, sdk: DotnetSdk): DeclaredResource[] {
    const tree = parser.parse(source);
    assert.ok(tree, "tree-sitter parsed nothing");
    const constants = new Map(
        descendants(tree.rootNode, "local_declaration_statement").map((statement) => {
            assert.match(statement.text, /^const string /, "only constants are declared");
            const [declarator] = descendants(statement, "variable_declarator");
            return [declarator.childForFieldName("name")?.text ?? "", stringValue(children(declarator)[1])] as const;
        }),
    );
    const reader = new Reader(sdk, constants);
    const resources = descendants(tree.rootNode, "object_creation_expression").filter(
        (creation) => creation.childForFieldName("type")?.text === "Entra.AccessPackageAssignmentPolicy",
    );
    const declared = resources.map((creation) => {
        const [name, args] = children(creation.childForFieldName("arguments") as Node).map((argument) => children(argument)[0]);
        assert.equal(args.type, "implicit_object_creation_expression", "the Args are `new() { ... }`");
        const initializer = children(args).find((child) => child.type === "initializer_expression") ?? null;
        return { name: stringValue(name), properties: reader.object(initializer, "AccessPackageAssignmentPolicyArgs") };
    });
    tree.delete();
    return declared;
}

/**
 * A syntax check of C#, for the .NET SDK and the C# `pulumi import` prints: no C# compiler exists here, so this is what
 * can be checked, not that the code compiles.
 */
import * as fs from "node:fs";
import { Language, Parser, type Node } from "web-tree-sitter";

/**
 * The C# grammar as VS Code ships it, built to WebAssembly, which web-tree-sitter runs: no C# compiler exists here,
 * so the .NET SDK is checked for syntax only, not that it compiles.
 */
const CSHARP_GRAMMAR = require.resolve("@vscode/tree-sitter-wasm/wasm/tree-sitter-c-sharp.wasm");

/** A tree-sitter parser for C#. */
export async function csharpParser(): Promise<Parser> {
    await Parser.init();
    const parser = new Parser();
    parser.setLanguage(await Language.load(CSHARP_GRAMMAR));
    return parser;
}

/** Each ERROR or MISSING node tree-sitter's parse of the C# file `file` holds, as `file:line:column: kind type`. */
export function syntaxErrors(parser: Parser, file: string): string[] {
    const tree = parser.parse(fs.readFileSync(file, "utf8"));
    if (!tree) throw new Error(`tree-sitter did not parse ${file}`);
    const found: string[] = [];
    const visit = (node: Node): void => {
        if (node.isError || node.isMissing) {
            const { row, column } = node.startPosition;
            found.push(`${file}:${row + 1}:${column + 1}: ${node.isMissing ? "MISSING" : "ERROR"} ${node.type}`);
        }
        node.children.forEach(visit);
    };
    visit(tree.rootNode);
    tree.delete();
    return found;
}

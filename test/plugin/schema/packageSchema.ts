/**
 * The `entra` package schema (provider/plugin/schema.json), generated from provider/core/types and their TSDoc with
 * the TypeScript compiler, so that the plugin's schema and the dynamic provider's types cannot drift:
 * `npx ts-node test/plugin/schema/packageSchema.ts --write` rewrites it, and test/plugin/schema.test.ts fails
 * while the committed file differs from what this generates.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { configVariables } from "./configVariables";
import { languageSections, type LanguageSections } from "./languageSections";
import { SchemaTypeReader, typeToken, type ComplexTypeSpec, type PropertySpec } from "./schemaTypes";

const TYPES_INDEX = path.resolve(__dirname, "../../../provider/core/types/index.ts");
/** Where the plugin reads its schema from. */
export const SCHEMA_FILE = path.resolve(__dirname, "../../../provider/plugin/schema.json");
/** The resource's token: the package, its only module, and the resource's name. */
export const RESOURCE_TOKEN = typeToken("AccessPackageAssignmentPolicy");

/** The Graph-generated id is the resource's own id, which Pulumi schemas do not list among the properties. */
const RESOURCE_ID = "id";

export interface PackageSchema {
    name: string;
    /** The plugin's version (package.json's), which GetPluginInfo answers too. */
    version: string;
    displayName: string;
    description: string;
    keywords: string[];
    homepage: string;
    repository: string;
    license: string;
    meta: { moduleFormat: string };
    language: LanguageSections;
    config: { variables: Record<string, PropertySpec> };
    provider: { description: string; inputProperties: Record<string, PropertySpec> };
    resources: Record<string, unknown>;
    types: Record<string, ComplexTypeSpec>;
}

function without<T>(record: Record<string, T>, name: string): Record<string, T> {
    return Object.fromEntries(Object.entries(record).filter(([key]) => key !== name));
}

/** The schema, read from provider/core/types. */
export function packageSchema(): PackageSchema {
    const program = ts.createProgram([TYPES_INDEX], {
        strict: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        skipLibCheck: true,
    });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(TYPES_INDEX);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`cannot read ${TYPES_INDEX}`);
    const exported = new Map(checker.getExportsOfModule(moduleSymbol).map((symbol) => [symbol.name, symbol]));
    const declared = (name: string): ts.Symbol => {
        const symbol = exported.get(name);
        if (!symbol) throw new Error(`provider/core/types does not export ${name}`);
        return symbol;
    };
    const reader = new SchemaTypeReader(checker, exported);
    const inputs = reader.objectProperties(checker.getDeclaredTypeOfSymbol(declared("PolicyInputs")));
    const outputs = reader.objectProperties(checker.getDeclaredTypeOfSymbol(declared("PolicyOutputs")));
    const manifest = require("../../../package.json") as {
        homepage: string;
        repository: { url: string };
        license: string;
        version: string;
        devDependencies: Record<string, string>;
    };
    const variables = configVariables();
    const description = "Microsoft Entra entitlement-management access package assignment policies, on Microsoft Graph v1.0.";
    const repository = manifest.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
    return {
        name: "entra",
        version: manifest.version,
        displayName: "Microsoft Entra access package assignment policies",
        description,
        keywords: ["pulumi", "entra", "entitlement-management", "microsoft-graph", "category/cloud"],
        homepage: manifest.homepage,
        repository,
        license: manifest.license,
        meta: { moduleFormat: "(.*)" },
        language: languageSections(repository, description, manifest.devDependencies["@pulumi/pulumi"]),
        config: { variables },
        provider: {
            description: "The entra provider: how to reach Microsoft Graph and how long to try.",
            inputProperties: variables,
        },
        resources: {
            [RESOURCE_TOKEN]: {
                description: reader.description(declared("PolicyInputs")),
                inputProperties: inputs.properties,
                requiredInputs: inputs.required,
                properties: without(outputs.properties, RESOURCE_ID),
                required: outputs.required.filter((name) => name !== RESOURCE_ID),
            },
        },
        types: Object.fromEntries(Object.entries(reader.types).sort(([a], [b]) => a.localeCompare(b))),
    };
}

/** The schema as committed: JSON, two-space indented, as Prettier leaves it. */
export async function schemaText(schema: PackageSchema = packageSchema()): Promise<string> {
    const prettier = await import("prettier");
    const options = await prettier.resolveConfig(SCHEMA_FILE);
    return prettier.format(JSON.stringify(schema), { ...options, filepath: SCHEMA_FILE });
}

if (require.main === module) {
    void schemaText().then((text) => {
        if (process.argv.includes("--write")) {
            fs.writeFileSync(SCHEMA_FILE, text);
        } else {
            process.stdout.write(text);
        }
    });
}

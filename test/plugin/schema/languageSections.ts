/**
 * The schema's package-level `language` sections: what `pulumi package gen-sdk` needs from each language to name,
 * place and pin the generated SDK (Pulumi's codegen reads these keys: pkg/v3/codegen/{nodejs,python,go,dotnet}/importer.go).
 */

/** The `language` sections this package sets. */
export interface LanguageSections {
    nodejs: { packageName: string; packageDescription: string; dependencies: Record<string, string>; respectSchemaVersion: boolean };
    python: {
        packageName: string;
        pythonRequires: string;
        requires: Record<string, string>;
        pyproject: { enabled: boolean };
        respectSchemaVersion: boolean;
    };
    go: { importBasePath: string; generateResourceContainerTypes: boolean; respectSchemaVersion: boolean };
    csharp: { rootNamespace: string; packageReferences: Record<string, string>; respectSchemaVersion: boolean };
}

/**
 * Each SDK takes the schema's version, which is the plugin's, as its own and as the plugin version its resources ask
 * the engine for; without it the Node.js package.json says `${VERSION}` and Python's package 0.0.0.
 */
const respectSchemaVersion = true;

/**
 * The sections for a package whose repository is `repository` (an https URL) and whose SDKs build on the Pulumi SDK
 * `pulumiVersion`, the version the plugin is tested with: the SDKs accept any later 3.x.
 */
export function languageSections(repository: string, description: string, pulumiVersion: string): LanguageSections {
    const [major] = pulumiVersion.split(".");
    return {
        nodejs: {
            packageName: "@pulumi-entra/entra",
            packageDescription: description,
            dependencies: { "@pulumi/pulumi": `^${pulumiVersion}` },
            respectSchemaVersion,
        },
        python: {
            packageName: "pulumi_entra",
            pythonRequires: ">=3.9",
            requires: { pulumi: `>=${pulumiVersion},<${Number(major) + 1}.0.0` },
            pyproject: { enabled: true },
            respectSchemaVersion,
        },
        go: {
            // The Go SDK's module lives in the repository's sdk/go, as Pulumi's own providers lay theirs out.
            importBasePath: `${repository.replace(/^https:\/\//, "")}/sdk/go/entra`,
            generateResourceContainerTypes: true,
            respectSchemaVersion,
        },
        csharp: {
            // The NuGet package and namespace are PulumiEntra.Entra, in the Node.js scope's name: the default root
            // namespace, Pulumi, is the prefix NuGet reserves for Pulumi's own packages.
            rootNamespace: "PulumiEntra",
            // Pulumi's .NET SDK is versioned apart from the CLI: this is the range pkg v3.163.0's codegen/dotnet (which
            // tools/pulumi-language-dotnet runs) writes when a schema names none, stated where the SDK's pins live.
            packageReferences: { Pulumi: "[3.76.1,4)" },
            respectSchemaVersion,
        },
    };
}

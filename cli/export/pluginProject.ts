/**
 * The project files every program on the plugin has: `Pulumi.yaml` pointing at the plugin that npm installs, and
 * the `package.json` that installs it.
 */
import type { PackageVersions } from "./programFiles";
import { yamlString } from "./yamlLiteral";

/** Where `npm install` puts `pulumi-resource-entra`, relative to the project. */
export const PLUGIN_PATH = "./node_modules/.bin";

/** `Pulumi.yaml`'s header: name, `runtime` (YAML lines), description and the plugin's path. */
export function pluginProjectHeader(projectName: string, runtime: readonly string[]): string[] {
    return [
        // A JSON string is a YAML double-quoted scalar: a name like "2024" stays a string.
        `name: ${JSON.stringify(projectName)}`,
        ...runtime,
        "description: Microsoft Entra access package assignment policies exported from Microsoft Graph",
        "plugins:",
        "  providers:",
        "    - name: entra",
        `      path: ${yamlString(PLUGIN_PATH)}`,
    ];
}

/** The `package.json` that installs the plugin (and nothing else) into the project. */
export function pluginPackageJson(projectName: string, versions: PackageVersions): string {
    const manifest = { name: projectName, private: true, dependencies: { [versions.name]: versions.providerRange } };
    return `${JSON.stringify(manifest, null, 4)}\n`;
}

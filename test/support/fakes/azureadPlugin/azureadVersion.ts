/** The azuread plugin version a program's @pulumi/azuread asks the engine for: its `pulumi.version`, else its own. */
export function azureadVersion(from: string = __dirname): string {
    const manifest = require(require.resolve("@pulumi/azuread/package.json", { paths: [from] })) as {
        version: string;
        pulumi?: { version?: string };
    };
    return (manifest.pulumi?.version ?? manifest.version).replace(/^v/, "");
}

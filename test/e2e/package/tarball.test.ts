import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { builtinModules } from "node:module";
import * as path from "node:path";
import * as semver from "semver";
import { packRepository, REPO_ROOT, type PackResult } from "./npmPack";

/** The package.json fields this suite checks. */
interface Manifest {
    name: string;
    license: string;
    repository: { type: string; url: string };
    homepage: string;
    bugs: { url: string };
    engines: Record<string, string>;
    keywords: string[];
    main: string;
    types: string;
    bin: Record<string, string>;
    exports: Record<string, string | Record<string, string>>;
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
    devDependencies: Record<string, string>;
}

/** What users need and nothing else: compiled JS and declarations of the shipped folders, plus the manifest files. */
const ALLOWED = [
    /^package\.json$/,
    /^README\.md$/,
    /^LICENSE$/,
    /^dist\/(provider|emulator|cli)\/[\w./-]+(?<!\.d)\.js$/,
    /^dist\/(provider|emulator|cli)\/[\w./-]+(?<!\.d)\.js\.map$/,
    /^dist\/(provider|emulator|cli)\/[\w./-]+\.d\.ts$/,
    // The plugin's package schema, which tsc copies from provider/plugin/schema.json because the plugin imports it.
    /^dist\/provider\/plugin\/schema\.json$/,
    // The ready-to-use policy pack: `pulumi preview --policy-pack node_modules/pulumi-entra-assignment-policy/policy-pack`.
    /^policy-pack\/(PulumiPolicy\.yaml|package\.json|index\.js)$/,
];
const SHIPPED_SOURCE_DIRS = ["provider", "emulator", "cli"];

/** Module specifiers of `require("…")` calls (TypeScript compiles imports and dynamic imports to these). */
function requires(js: string): string[] {
    return [...js.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
}

/** Module specifiers a declaration file imports: `import … from "…"`, `export … from "…"`, `import("…")`. */
function declarationImports(dts: string): string[] {
    return [...dts.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\/\/\/\s*<reference\s+types=)"([^"]+)"/g)].map((match) => match[1]);
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
    const parts = specifier.split("/");
    return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function sourcesUnder(dir: string): string[] {
    return fs
        .readdirSync(path.join(REPO_ROOT, dir), { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
        .map((file) => path.posix.join(dir, file.split(path.sep).join("/")));
}

describe("npm pack: the published tarball", () => {
    let pack: PackResult;
    let shipped: Set<string>;
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as Manifest;
    const read = (file: string): string => fs.readFileSync(path.join(REPO_ROOT, file), "utf8");

    before(async () => {
        pack = await packRepository();
        shipped = new Set(pack.files.map((file) => file.path));
    });

    it("holds only compiled code, source maps, declarations and the manifest files: no sources, tests, fixtures, state or credentials", () => {
        const unexpected = [...shipped].filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
        assert.deepEqual(unexpected, []);
        for (const required of ["package.json", "README.md", "LICENSE"]) assert.ok(shipped.has(required), `${required} is not shipped`);
    });

    it("ships the JS, source map and declarations of every provider, emulator and CLI source, and no stale output without a source", () => {
        const sources = SHIPPED_SOURCE_DIRS.flatMap(sourcesUnder);
        const expected = [
            ...sources.flatMap((source) => [".js", ".js.map", ".d.ts"].map((extension) => `dist/${source.replace(/\.ts$/, extension)}`)),
            "dist/provider/plugin/schema.json",
        ];
        assert.deepEqual(
            expected.filter((file) => !shipped.has(file)),
            [],
            "compiled output missing: run npm run build",
        );
        const compiled = [...shipped].filter((file) => file.startsWith("dist/"));
        assert.deepEqual(
            compiled.filter((file) => !expected.includes(file)),
            [],
            "stale build output: delete dist/ and rebuild before packing",
        );
    });

    it("ships source maps that carry their TypeScript sources, so the Pulumi host's stack traces point at real lines", () => {
        const maps = [...shipped].filter((file) => file.endsWith(".js.map"));
        for (const map of maps) {
            const { sources, sourcesContent } = JSON.parse(read(map)) as { sources: string[]; sourcesContent?: (string | null)[] };
            assert.equal(sourcesContent?.length, sources.length, `${map} does not inline its sources`);
            assert.ok(
                sourcesContent.every((content) => typeof content === "string" && content.length > 0),
                `${map} has an empty source`,
            );
        }
    });

    it("ships the files that main, types, exports and bin name, and the bin starts with a node shebang", () => {
        const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin)];
        for (const target of Object.values(manifest.exports))
            targets.push(...(typeof target === "string" ? [target] : Object.values(target)));
        for (const target of targets)
            assert.ok(shipped.has(path.posix.normalize(target)), `${target} is named in package.json but not shipped`);
        assert.ok(manifest.exports["./implementation"], "the serialized provider requires pulumi-entra-assignment-policy/implementation");
        for (const bin of Object.values(manifest.bin)) assert.match(read(bin), /^#!\/usr\/bin\/env node\n/);
    });

    it("resolves every runtime require of the shipped code to a shipped file, a Node built-in, a dependency or the peer @pulumi/pulumi", () => {
        const runtimePackages = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)]);
        const problems: string[] = [];
        for (const file of [...shipped].filter((name) => name.endsWith(".js"))) {
            for (const specifier of requires(read(file))) {
                if (specifier.startsWith(".")) {
                    const base = path.posix.join(path.posix.dirname(file), specifier);
                    if (![base, `${base}.js`, `${base}/index.js`].some((candidate) => shipped.has(candidate)))
                        problems.push(`${file}: ${specifier} is not shipped`);
                } else if (specifier.startsWith("node:") || builtinModules.includes(specifier)) {
                    continue;
                } else if (packageName(specifier) === manifest.name) {
                    const target = manifest.exports[`.${specifier.slice(manifest.name.length)}`];
                    const file = typeof target === "string" ? target : target?.default;
                    if (!file || !shipped.has(path.posix.normalize(file)))
                        problems.push(`${file}: self-reference ${specifier} is not exported and shipped`);
                } else if (!runtimePackages.has(packageName(specifier))) {
                    problems.push(`${file}: ${specifier} is neither a dependency nor a peer dependency`);
                }
            }
        }
        assert.deepEqual(problems, []);
    });

    it("declares only packages users install: declarations import dependencies, the peer and Node types", () => {
        const typePackages = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies), "node"]);
        const problems = [...shipped]
            .filter((file) => file.endsWith(".d.ts"))
            .flatMap((file) =>
                declarationImports(read(file))
                    .filter(
                        (specifier) => !specifier.startsWith(".") && !specifier.startsWith("node:") && !builtinModules.includes(specifier),
                    )
                    .filter((specifier) => !typePackages.has(packageName(specifier)))
                    .map((specifier) => `${file}: ${specifier}`),
            );
        assert.deepEqual(problems, []);
    });

    it("tells the registry where it comes from, under which licence, for which Node, and how to find it", () => {
        assert.equal(manifest.license, "Apache-2.0");
        assert.equal(manifest.repository.type, "git");
        const repository = /^git\+(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\.git$/.exec(manifest.repository.url)?.[1];
        assert.ok(repository, `repository.url ${manifest.repository.url} is not a git+https GitHub URL`);
        assert.equal(manifest.homepage, `${repository}#readme`);
        assert.equal(manifest.bugs.url, `${repository}/issues`);
        assert.equal(manifest.engines.node, ">=20");
        for (const keyword of ["pulumi", "entra", "entitlement-management", "microsoft-graph"])
            assert.ok(manifest.keywords.includes(keyword), `keyword ${keyword} is missing`);
        assert.ok(manifest.peerDependencies["@pulumi/pulumi"], "@pulumi/pulumi is not a peer dependency");
    });

    it("installs on every Node.js its engines admit: no runtime dependency in the lock file asks for a later one", () => {
        // npm only warns about a dependency's engines, so without this a bump could quietly drop the oldest Node.js
        // that `engines.node` still promises (as @azure/identity 4.13.2 did with Node.js 20).
        const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package-lock.json"), "utf8")) as {
            packages: Record<string, { dev?: boolean; engines?: { node?: string } }>;
        };
        const oldest = semver.minVersion(manifest.engines.node)?.version as string;
        const refusing = Object.entries(lock.packages)
            .filter(
                ([location, entry]) =>
                    location !== "" && !entry.dev && entry.engines?.node !== undefined && !semver.satisfies(oldest, entry.engines.node),
            )
            .map(([location, entry]) => `${location} (node ${entry.engines?.node})`);
        assert.deepEqual(refusing, [], `runtime dependencies that do not run on Node.js ${oldest}`);
    });

    it("makes @pulumi/pulumi a peer dependency from 3.139.0 (dynamic-provider configure) through the tested version", () => {
        assert.equal(manifest.dependencies["@pulumi/pulumi"], undefined);
        assert.equal(manifest.peerDependencies["@pulumi/pulumi"], ">=3.139.0 <4");
        const tested = manifest.devDependencies["@pulumi/pulumi"].split(".").map(Number);
        assert.ok(tested[0] === 3 && tested[1] >= 139, `tested @pulumi/pulumi ${tested.join(".")} is outside the peer range`);
    });
});

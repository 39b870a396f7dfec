/**
 * The documented Graph bodies of `test/fixtures/graph-docs/` as provider inputs, and the tenant objects they refer to, so
 * that tests against the emulator can create every documented policy shape exactly as written in the docs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { RunningGraphEmulator } from "../../emulator";
import { workflowExtension } from "../emulator/support";

const FIXTURES = path.join(__dirname, "..", "fixtures", "graph-docs");

/** Fixture files holding v1.0 bodies (the beta-shaped seed example is not a v1.0 policy). */
export const DOCUMENTED_POLICY_FIXTURES: readonly string[] = fs
    .readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".json") && !name.includes("beta-shaped"))
    .sort();

/** A fixture's Graph body, parsed. */
export function documentedBody(name: string): Record<string, unknown> {
    return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8"));
}

/**
 * A documented body as a user declares it: `accessPackageId` for `accessPackage: { id }`, and no `id` (the seed
 * bodies carry the id of the page's example policy, which Graph generates and a program never declares).
 */
export function documentedInputs(name: string): Record<string, unknown> {
    const { accessPackage, id: _generated, ...rest } = documentedBody(name);
    return { ...rest, accessPackageId: (accessPackage as { id: string }).id };
}

/** Catalog holding every access package and custom extension the documented bodies refer to. */
export const DOCUMENTED_CATALOG_ID = "c0c0c0c0-0000-4000-8000-00000000d0c5";

function referencedIds(): { accessPackageIds: string[]; extensionIds: string[] } {
    const accessPackageIds = new Set<string>();
    const extensionIds = new Set<string>();
    for (const name of DOCUMENTED_POLICY_FIXTURES) {
        const body = documentedBody(name) as {
            accessPackage: { id: string };
            customExtensionStageSettings?: { customExtension: { id: string } }[];
        };
        accessPackageIds.add(body.accessPackage.id);
        for (const setting of body.customExtensionStageSettings ?? []) extensionIds.add(setting.customExtension.id);
    }
    return { accessPackageIds: [...accessPackageIds], extensionIds: [...extensionIds] };
}

/**
 * Seeds, through the emulator's validation, one catalog with the access packages and the request-stage custom
 * extensions (at their documented ids) that the documented bodies name.
 */
export async function seedDocumentedTenant(
    emulator: RunningGraphEmulator,
): Promise<{ accessPackageIds: string[]; extensionIds: string[] }> {
    const ids = referencedIds();
    await emulator.admin.seed("catalogs", { id: DOCUMENTED_CATALOG_ID, displayName: "documented examples" });
    for (const id of ids.accessPackageIds) {
        await emulator.admin.seed("accessPackages", { id, displayName: `package ${id}`, catalog: { id: DOCUMENTED_CATALOG_ID } });
    }
    for (const id of ids.extensionIds) {
        await emulator.admin.seed("customWorkflowExtensions", {
            ...workflowExtension("request", `extension ${id}`),
            id,
            catalogId: DOCUMENTED_CATALOG_ID,
        });
    }
    return ids;
}

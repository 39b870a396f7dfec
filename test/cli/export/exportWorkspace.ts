/**
 * The brownfield tenant the adoption tests export from, and the directories exported programs are written to.
 *
 * An exported program must resolve `pulumi-entra-assignment-policy` and `@pulumi/pulumi` the way an installed
 * project would. Rather than run `npm install`, each export goes to a fresh directory under the OS temp dir whose
 * `node_modules` is a symlink to this repository's `node_modules` (where `scripts/link-self.js` links the package
 * to the repository root, and its `exports` point at the compiled `dist/`).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RunningGraphEmulator } from "../../../emulator";
import { resolveGraphSettings } from "../../../provider/core/graph";
import { createPolicyApi } from "../../../provider/core/operations";
import { inputsFromOutputs, outputsFromGraph, type PolicyInputs } from "../../../provider/core/model";
import { workflowExtension } from "../../emulator/support";
import { minimalInputs } from "../../support/providerOnEmulator";
import { policyShapes, type ShapeTenant } from "./policyShapes";

const REPO_NODE_MODULES = path.resolve(__dirname, "../../../node_modules");

/** What {@link seedBrownfieldTenant} made. */
export interface BrownfieldTenant extends ShapeTenant {
    /** Catalog of `accessPackageId` and `secondAccessPackageId`. */
    catalogId: string;
    /** Ids of the policies of every shape, in `policyShapes` order. */
    shapePolicyIds: string[];
    /** A package in another catalog, with one policy. */
    otherAccessPackageId: string;
    /** The policy of `otherAccessPackageId`. */
    otherPolicyId: string;
}

/**
 * Fills the emulator, through Graph's validation, as a tenant configured in the portal before Pulumi: a catalog
 * with two packages, both kinds of custom extension and a policy of every shape, and a second catalog.
 */
export async function seedBrownfieldTenant(emulator: RunningGraphEmulator): Promise<BrownfieldTenant> {
    const { admin } = emulator;
    const catalog = await admin.seed("catalogs", { displayName: "Brownfield" });
    const inCatalog = { catalog: { id: catalog.id } };
    const first = await admin.seed("accessPackages", { displayName: "Brownfield apps", ...inCatalog });
    const second = await admin.seed("accessPackages", { displayName: "Brownfield auto", ...inCatalog });
    const requestExtension = await admin.seed("customWorkflowExtensions", {
        ...workflowExtension("request", "on request"),
        catalogId: catalog.id,
    });
    const assignmentExtension = await admin.seed("customWorkflowExtensions", {
        ...workflowExtension("assignment", "before expiry"),
        catalogId: catalog.id,
    });
    const tenant: ShapeTenant = {
        accessPackageId: first.id,
        secondAccessPackageId: second.id,
        requestExtensionId: requestExtension.id,
        assignmentExtensionId: assignmentExtension.id,
    };
    const shapePolicyIds: string[] = [];
    for (const { body } of policyShapes(tenant)) {
        shapePolicyIds.push((await admin.seed("assignmentPolicies", body)).id);
    }
    const otherCatalog = await admin.seed("catalogs", { displayName: "Elsewhere" });
    const other = await admin.seed("accessPackages", { displayName: "Elsewhere", catalog: { id: otherCatalog.id } });
    const { accessPackageId: _id, ...otherInputs } = minimalInputs(other.id, "Elsewhere policy");
    const otherPolicy = await admin.seed("assignmentPolicies", { ...otherInputs, accessPackage: { id: other.id } });
    return { ...tenant, catalogId: catalog.id, shapePolicyIds, otherAccessPackageId: other.id, otherPolicyId: otherPolicy.id };
}

/** Every policy of the tenant by id, as the canonical inputs the provider reads from Graph (its substance). */
export async function tenantPolicies(emulator: RunningGraphEmulator): Promise<Map<string, PolicyInputs>> {
    const settings = resolveGraphSettings(undefined, { ENTRA_GRAPH_ENDPOINT: emulator.url, ENTRA_GRAPH_TOKEN: emulator.token });
    const policies = await createPolicyApi(settings).list({}, { deadline: Date.now() + settings.operationTimeoutMs });
    return new Map(policies.map((policy) => [policy.id as string, inputsFromOutputs(outputsFromGraph(policy))]));
}

/** A temp directory for exports; `programDir(name)` is where one export goes. */
export class ExportWorkspace {
    /** The temp directory. */
    readonly root = fs.mkdtempSync(path.join(os.tmpdir(), "entra-export-"));

    /** A not-yet-existing directory for an export. */
    programDir(name: string): string {
        return path.join(this.root, name);
    }

    /** Makes an exported program resolvable (see the module comment); call after the export wrote it. */
    linkNodeModules(programDir: string): void {
        fs.symlinkSync(REPO_NODE_MODULES, path.join(programDir, "node_modules"), "dir");
    }

    /** Removes everything exported. */
    dispose(): void {
        fs.rmSync(this.root, { recursive: true, force: true });
    }
}

/** The ids an exported `index.ts` adopts, in file order. */
export function adoptedIds(indexTs: string): string[] {
    return [...indexTs.matchAll(/^ {4}adopt: "([0-9a-f-]{36})",$/gm)].map((match) => match[1]);
}

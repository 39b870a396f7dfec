/**
 * Answers the examples' @pulumi/azuread resources while the harness captures a program. Catalogs and access packages
 * are made for real in the emulator (found again by display name on the next capture), so the policies reference
 * objects Graph knows; groups, users and resource associations get fake ids that are stable per resource name.
 * In preview nothing is made and every output stays unknown, as for a new stack.
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { EmulatorGraph } from "../../e2e/examples/emulatorGraph";
import { AZUREAD } from "./azureadPlugin/azureadTokens";

export { AZUREAD };

/** The fake object id the mocks give the azuread resource `name` of `type` (a GUID derived from both). */
export function fakeObjectId(type: string, name: string): string {
    const hex = createHash("sha256").update(`${type}::${name}`).digest("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The mocks passed to the harness as `<this file>#mocks`. */
export const mocks: pulumi.runtime.Mocks = {
    async newResource({ type, name, inputs }) {
        if (pulumi.runtime.isDryRun()) {
            return { id: undefined, state: {} };
        }
        switch (type) {
            case AZUREAD.catalog: {
                const catalog = await EmulatorGraph.fromEnvironment().catalog(inputs.displayName, inputs.description);
                return { id: catalog.id, state: inputs };
            }
            case AZUREAD.accessPackage: {
                const accessPackage = await EmulatorGraph.fromEnvironment().accessPackage(
                    inputs.catalogId,
                    inputs.displayName,
                    inputs.description,
                );
                return { id: accessPackage.id, state: inputs };
            }
            case AZUREAD.group:
            case AZUREAD.user: {
                const objectId = fakeObjectId(type, name);
                return { id: objectId, state: { ...inputs, objectId } };
            }
            case AZUREAD.catalogAssociation:
            case AZUREAD.packageAssociation:
                return { id: fakeObjectId(type, name), state: inputs };
            default:
                throw new Error(`the example mocks do not know ${type}`);
        }
    },
    call({ token }) {
        throw new Error(`the example mocks do not answer ${token}`);
    },
};

/** The policies of every shape as `export` reads them from Graph, for tests that render programs in process. */
import * as assert from "node:assert/strict";
import type * as Graph from "@microsoft/microsoft-graph-types";
import { exportedPolicy, type ExportedPolicy } from "../../../cli/export";
import { checkPolicy, toGraphBody, type CanonicalPolicy } from "../../../provider/core/model";
import { graphEcho } from "../../support/fakes/graphEcho";
import { EXTENSION_ID, PACKAGE_ID } from "../../support/policies";
import { policyShapes, type ShapeTenant } from "./policyShapes";

/** The tenant objects the shapes refer to. */
export const SHAPE_TENANT: ShapeTenant = {
    accessPackageId: PACKAGE_ID,
    secondAccessPackageId: "5e0a5d04-6b8a-4b55-9d42-1d7d0a3c9f10",
    requestExtensionId: EXTENSION_ID,
    assignmentExtensionId: "d1c0a7e2-2f4b-4c59-8a61-7b0e5f3a9c22",
};

/** What Graph's GET returns for a shape once created, with an id of its own and its package's name. */
function storedInGraph(body: Record<string, unknown>, index: number): Graph.AccessPackageAssignmentPolicy {
    const { accessPackage, ...rest } = body;
    const { inputs, failures } = checkPolicy({}, { ...rest, accessPackageId: (accessPackage as { id: string }).id });
    assert.deepEqual(failures, []);
    return {
        ...graphEcho(toGraphBody(inputs as CanonicalPolicy)),
        id: `0000000${index}-aaaa-4bbb-8ccc-dddddddddddd`,
        accessPackage: { ...(accessPackage as object), displayName: `Package ${index % 2}` },
    };
}

/** Each shape of {@link policyShapes}, exported, with the shape's name. */
export function exportedShapes(): { shape: string; policy: ExportedPolicy }[] {
    return policyShapes(SHAPE_TENANT).map(({ shape, body }, i) => ({ shape, policy: exportedPolicy(storedInGraph(body, i)) }));
}

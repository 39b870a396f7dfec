/**
 * From a policy as Graph returns it to the inputs an exported program declares for it: the provider's own
 * canonical inputs, adopting the policy by id, checked and diffed by the provider before anything is written.
 */
import type * as Graph from "@microsoft/microsoft-graph-types";
import {
    checkPolicy,
    declaredInputs,
    diffPolicy,
    inputsFromOutputs,
    outputsFromGraph,
    type CanonicalPolicy,
    type PolicyInputs,
} from "../../provider/core/model";

/** A policy ready to be written as a resource declaration. */
export interface ExportedPolicy {
    /** Graph id of the policy, also the value of `adopt`. */
    id: string;
    /** Canonical inputs with `adopt` first: what the provider's `check` returns for them, key for key. */
    inputs: PolicyInputs & { adopt: string };
    /**
     * What the program declares: {@link ExportedPolicy.inputs} without the properties the provider's `check` fills
     * in by itself (Graph's defaults), so the program states only the choices made for this policy.
     */
    declared: Record<string, unknown>;
    /** The access package's display name, when Graph returned it with the policy. */
    accessPackageName?: string;
}

/** The provider cannot express a policy losslessly; the message names the policy and what is wrong. */
export class PolicyExportError extends Error {
    override readonly name = "PolicyExportError";
}

function describe(policy: Graph.AccessPackageAssignmentPolicy): string {
    return `policy ${JSON.stringify(policy.displayName ?? "")} (${policy.id ?? "no id"})`;
}

/**
 * The inputs that adopt `policy` and declare every v1.0 property it has. Refuses (rather than writing a program
 * whose first `up` would change the policy) when the provider's check rejects them or its diff against the
 * policy's outputs is not empty.
 */
export function exportedPolicy(policy: Graph.AccessPackageAssignmentPolicy): ExportedPolicy {
    if (typeof policy.id !== "string" || policy.id === "") {
        throw new PolicyExportError(`${describe(policy)}: Graph returned it without an id.`);
    }
    const outputs = outputsFromGraph(policy);
    const { adopt: _adopt, ...properties } = inputsFromOutputs(outputs);
    const { inputs, failures } = checkPolicy({}, { adopt: policy.id, ...properties });
    if (failures.length > 0) {
        const reasons = failures.map((failure) => `${failure.property}: ${failure.reason}`).join("; ");
        throw new PolicyExportError(`${describe(policy)} cannot be declared with this provider: ${reasons}`);
    }
    const { diffs } = diffPolicy(outputs, inputs as CanonicalPolicy);
    if (diffs.length > 0) {
        throw new PolicyExportError(
            `${describe(policy)} would not round-trip: the provider would change ${diffs.join(", ")} on the first update.`,
        );
    }
    const { adopt, ...rest } = inputs as PolicyInputs & { adopt: string };
    const canonical = { adopt, ...rest };
    const accessPackageName = policy.accessPackage?.displayName ?? undefined;
    return { id: policy.id, inputs: canonical, declared: declaredInputs(canonical), ...(accessPackageName ? { accessPackageName } : {}) };
}

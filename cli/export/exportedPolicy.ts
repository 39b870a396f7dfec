/**
 * From a policy as Graph returns it to the inputs an exported program declares for it: the provider's own
 * canonical inputs, adopting the policy by id, checked and diffed by the provider before anything is written.
 */
import type * as Graph from "@microsoft/microsoft-graph-types";
import { checkPolicy, diffPolicy, inputsFromOutputs, outputsFromGraph, type PolicyInputs } from "../../provider/model";

/** A policy ready to be written as a resource declaration. */
export interface ExportedPolicy {
    /** Graph id of the policy, also the value of `adopt`. */
    id: string;
    /** Canonical inputs with `adopt` first: what the provider's `check` returns for them, key for key. */
    inputs: PolicyInputs & { adopt: string };
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
    const { diffs } = diffPolicy(outputs, inputs);
    if (diffs.length > 0) {
        throw new PolicyExportError(`${describe(policy)} would not round-trip: the provider would change ${diffs.join(", ")} on the first update.`);
    }
    const { adopt, ...declared } = inputs as PolicyInputs & { adopt: string };
    return { id: policy.id, inputs: { adopt, ...declared } };
}

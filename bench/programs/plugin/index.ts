/**
 * The policies of ../benchPolicies.ts through the `entra` plugin (found by Pulumi.yaml's `plugins.providers`): the
 * same language host, program runtime and inputs as ../policies, so what differs between the two stacks is the
 * provider. The class is the least a generated SDK would give: the type token and the inputs.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccessPackageAssignmentPolicyArgs } from "pulumi-entra-assignment-policy";
import { benchPolicies } from "../benchPolicies";

class AccessPackageAssignmentPolicy extends pulumi.CustomResource {
    constructor(name: string, args: AccessPackageAssignmentPolicyArgs) {
        super("entra:index:AccessPackageAssignmentPolicy", name, { ...args });
    }
}

for (const { name, args } of benchPolicies()) {
    new AccessPackageAssignmentPolicy(name, args);
}

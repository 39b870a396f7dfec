/** The benchmark program: the policies of ../benchPolicies.ts through the dynamic provider. */
import { AccessPackageAssignmentPolicy } from "pulumi-entra-assignment-policy";
import { benchPolicies } from "../benchPolicies";

for (const { name, args } of benchPolicies()) {
    new AccessPackageAssignmentPolicy(name, args);
}

// The adoption tests declare different policies per scenario; the program takes them from the environment so that
// one project serves every scenario. It resolves the package through the repository's node_modules link.
import { AccessPackageAssignmentPolicy, type AccessPackageAssignmentPolicyArgs } from "pulumi-entra-assignment-policy";

const declared = JSON.parse(process.env.DECLARED_POLICIES ?? "{}") as Record<string, AccessPackageAssignmentPolicyArgs>;
for (const [name, args] of Object.entries(declared)) {
    new AccessPackageAssignmentPolicy(name, args);
}

import type * as pulumi from "@pulumi/pulumi";

/**
 * The module that holds the provider's real implementation, named by package so that the Pulumi host resolves it
 * from the program's own `node_modules` at run time. State therefore records only this name: upgrading the package
 * upgrades every resource already in state, and no client, credential or setting is ever serialized.
 */
const IMPLEMENTATION_MODULE = "pulumi-entra-assignment-policy/implementation";

/** The operations the implementation module binds onto the provider when the host configures it. */
type Operations = Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>;

/**
 * The dynamic provider that every `AccessPackageAssignmentPolicy` serializes into its `__provider` state field.
 *
 * It holds a single method. Pulumi's dynamic-provider host always calls `configure` on a freshly deserialized
 * provider before any other operation, and it does so synchronously after caching it, so binding the operations
 * there (before the first `await`) leaves no window in which a concurrent request could see a half-configured
 * provider. Keeping `check`, `diff` and the CRUD operations out of the serialized text keeps `__provider` under
 * 2 KB per resource.
 */
class PolicyProvider implements pulumi.dynamic.ResourceProvider {
    declare readonly check: Operations["check"];
    declare readonly diff: Operations["diff"];
    declare readonly create: Operations["create"];
    declare readonly read: Operations["read"];
    declare readonly update: Operations["update"];
    declare readonly delete: Operations["delete"];

    /**
     * Loads the implementation and binds its operations onto this provider. If loading fails, every operation fails
     * with that error: the host keeps serving a provider whose configure threw, and its default for a missing
     * `delete` would silently drop a resource from state while it still exists in the tenant.
     */
    async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
        let operations: Operations;
        try {
            operations = require(IMPLEMENTATION_MODULE).bindOperations(req.config);
        } catch (error) {
            const fail = async (): Promise<never> => {
                throw error;
            };
            operations = { check: fail, diff: fail, create: fail, read: fail, update: fail, delete: fail };
        }
        Object.assign(this, operations);
    }
}

/** The `pulumi.dynamic.ResourceProvider` used by {@link AccessPackageAssignmentPolicy}. */
export const policyProvider: pulumi.dynamic.ResourceProvider = new PolicyProvider();

/**
 * The one place the plugin reaches the provider's operations. They live in the dynamic provider's implementation
 * today and are moving to a Pulumi-free module of the core; when they do, only the import below changes.
 */
import type { ConfigSource } from "../core/graph";
import { bindOperations } from "../dynamic/implementation";

/** Check, diff, create, read, update and delete of one policy, bound to one provider configuration. */
export type PolicyOperations = ReturnType<typeof bindOperations>;

/** The operations the plugin serves, reading their settings from `config` and the process environment. */
export function policyOperations(config: ConfigSource): PolicyOperations {
    return bindOperations(config);
}

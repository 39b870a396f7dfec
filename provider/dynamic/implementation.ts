/**
 * The provider's implementation, loaded by package name inside Pulumi's dynamic-provider host (see
 * `policyProvider.ts`). Nothing here is serialized into state. The operations are the core's
 * (`createPolicyOperations`); this module only gives them the shapes `pulumi.dynamic.ResourceProvider` has.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ConfigSource } from "../core/graph";
import { asChecked, type PolicyInputs, type PolicyOutputs } from "../core/model";
import { checkWarningLine } from "../core/governance";
import { createPolicyOperations, PartialCreateError } from "../core/operations";

type Operations = Required<Omit<pulumi.dynamic.ResourceProvider<PolicyInputs, PolicyOutputs>, "configure">>;

/**
 * A create that left a policy in Graph, as the host reports it: carrying its id makes the host report a partial
 * failure (`ErrorResourceInitFailed`), so the engine keeps the policy in state (and updates it on the next `up`).
 */
class ResourceInitError extends Error {
    /** Read by Pulumi's dynamic-provider host to report `ErrorResourceInitFailed`. */
    readonly properties: Record<string, unknown>;
    readonly reasons: string[];
    readonly id: string;

    constructor(partial: PartialCreateError) {
        super(partial.message);
        this.id = partial.id;
        // The host does not add __provider to these properties; the inputs carry it, and without it the engine
        // could not load the provider to update or delete this policy later.
        this.properties = protobufSafe({ ...partial.inputs, id: partial.id });
        this.reasons = [partial.message];
    }
}

/** The engine serializes properties through protobuf Structs, which reject `undefined` anywhere. */
function protobufSafe<T>(value: T): T {
    return JSON.parse(JSON.stringify(value));
}

/**
 * Binds the provider operations to the stack configuration the host received in `Configure`. The configuration
 * object stays in this closure, inside the host process: it is read by the first operation, and credentials and the
 * Graph client are created only when Graph is first needed.
 */
export function bindOperations(config?: ConfigSource): Operations {
    const operations = createPolicyOperations(config, process.env);
    return {
        async check(olds, news) {
            const { inputs, failures, warnings } = operations.check(olds, news);
            // Pulumi's engine shows a provider's standard error with the preview; a check answer has no warnings.
            warnings.forEach((warning) => process.stderr.write(checkWarningLine(inputs.displayName, warning)));
            return { inputs: inputs as PolicyInputs, failures };
        },

        async diff(_id, olds, news) {
            const { changes, replaces } = operations.diff(olds, asChecked(news));
            return { changes, replaces, deleteBeforeReplace: false };
        },

        async create(inputs) {
            try {
                const { id, outputs } = await operations.create(asChecked(inputs));
                return { id, outs: protobufSafe(outputs) };
            } catch (error) {
                throw error instanceof PartialCreateError ? new ResourceInitError(error) : error;
            }
        },

        async read(id, props) {
            const read = await operations.read(id, props);
            if (read === undefined) {
                // A blank id tells the engine the policy is gone, so refresh removes it from state.
                return {};
            }
            // ReadResult types the inputs a refresh stores with the outputs' type.
            return {
                id,
                props: protobufSafe<PolicyOutputs>(read.outputs),
                inputs: protobufSafe<PolicyInputs>(read.inputs),
            } as pulumi.dynamic.ReadResult<PolicyOutputs>;
        },

        async update(id, olds, news) {
            return { outs: protobufSafe(await operations.update(id, olds, asChecked(news))) };
        },

        async delete(id, props) {
            await operations.delete(id, props);
        },
    };
}

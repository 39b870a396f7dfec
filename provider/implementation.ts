/**
 * The provider's implementation, loaded by package name inside Pulumi's dynamic-provider host (see
 * `policyProvider.ts`). Nothing here is serialized into state. Settings are read (and validated) by the first
 * operation; the Graph client and credentials are created by the first operation that talks to Graph, so `check`,
 * `diff` and every preview make no Graph request at all.
 */
import type * as pulumi from "@pulumi/pulumi";
import { createPolicyApi, DisplayNameTakenError, resolveGraphSettings, type ConfigSource, type GraphSettings, type PolicyApi, type OperationContext } from "./graph";
import {
    checkPolicy,
    diffPolicy,
    inputsFromOutputs,
    outputsFromGraph,
    toGraphBody,
    type PolicyInputs,
    type PolicyOutputs,
} from "./model";
import { adoptionTarget, nameTakenError } from "./adoption";

type Operations = Required<Omit<pulumi.dynamic.ResourceProvider<PolicyInputs, PolicyOutputs>, "configure">>;


/**
 * The policy exists in Graph but could not be read back. Carrying its id makes the host report a partial failure,
 * so the engine keeps the policy in state (and updates it on the next `up`) instead of forgetting it and leaving an
 * orphan that the next `up` would duplicate.
 */
class PartialCreateError extends Error {
    /** Read by Pulumi's dynamic-provider host to report `ErrorResourceInitFailed`. */
    readonly properties: Record<string, unknown>;
    readonly reasons: string[];

    constructor(
        readonly id: string,
        inputs: PolicyInputs,
        cause: unknown,
    ) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        super(`created access package assignment policy "${inputs.displayName}" (${id}) but could not read it back: ${reason}`);
        // The host does not add __provider to these properties; the inputs carry it, and without it the engine
        // could not load the provider to update or delete this policy later.
        this.properties = plain({ ...inputs, id });
        this.reasons = [reason];
    }
}

/** The engine serializes properties through protobuf Structs, which reject `undefined` anywhere. */
function plain<T>(value: T): T {
    return JSON.parse(JSON.stringify(value));
}

/** Outputs as stored in state: Graph's canonical view of the policy plus the inputs Graph does not hold. */
function stateOf(policy: Parameters<typeof outputsFromGraph>[0], declared: { adopt?: PolicyInputs["adopt"] }): PolicyOutputs {
    const outputs = outputsFromGraph(policy);
    return plain(declared.adopt === undefined ? outputs : { ...outputs, adopt: declared.adopt });
}

/**
 * Binds the provider operations to the stack configuration the host received in `Configure`. The configuration
 * object stays in this closure, inside the host process: it is read by the first operation, and credentials and the
 * Graph client are created only when Graph is first needed.
 */
export function bindOperations(config?: ConfigSource): Operations {
    let settings: GraphSettings | undefined;
    let api: PolicyApi | undefined;
    // Reading settings is pure (no credential is created, nothing is sent), so check does it too: a misconfigured
    // stack fails at preview, naming the key, instead of at the first create.
    const graphSettings = (): GraphSettings => (settings ??= resolveGraphSettings(config, process.env));
    const context = (policy: { displayName?: string }): OperationContext & { api: PolicyApi } => {
        const current = graphSettings();
        api ??= createPolicyApi(current);
        return { api, deadline: Date.now() + current.operationTimeoutMs, displayName: policy.displayName };
    };

    return {
        async check(olds, news) {
            graphSettings();
            const { inputs, failures } = checkPolicy(olds, news);
            return { inputs: inputs as PolicyInputs, failures };
        },

        async diff(_id, olds, news) {
            const { changes, replaces } = diffPolicy(olds, news);
            return { changes, replaces, deleteBeforeReplace: false };
        },

        async create(inputs) {
            const { api, ...ctx } = context(inputs);
            const body = toGraphBody(inputs);
            let id: string;
            const adopted = await adoptionTarget(api, inputs, ctx);
            if (adopted) {
                id = adopted;
                await api.replace(id, body, { ...ctx, id });
            } else {
                const created = await api.create(body, ctx).catch((error: unknown) => {
                    throw error instanceof DisplayNameTakenError ? nameTakenError(error) : error;
                });
                id = created.id as string;
            }
            try {
                const policy = await api.getAfterWrite(id, { ...ctx, id });
                return { id, outs: stateOf(policy, inputs) };
            } catch (error) {
                throw new PartialCreateError(id, inputs, error);
            }
        },

        async read(id, props) {
            const { api, ...ctx } = context(props ?? {});
            const policy = await api.get(id, { ...ctx, id });
            if (!policy) {
                // A blank id tells the engine the policy is gone, so refresh removes it from state.
                return {};
            }
            const outs = stateOf(policy, props ?? {});
            return { id, props: outs, inputs: plain(inputsFromOutputs(outs, props)) } as pulumi.dynamic.ReadResult<PolicyOutputs>;
        },

        async update(id, _olds, news) {
            const { api, ...ctx } = context(news);
            await api.replace(id, toGraphBody(news), { ...ctx, id });
            const policy = await api.getAfterWrite(id, { ...ctx, id });
            return { outs: stateOf(policy, news) };
        },

        async delete(id, props) {
            const { api, ...ctx } = context(props);
            await api.remove(id, { ...ctx, id });
        },
    };
}

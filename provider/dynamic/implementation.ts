/**
 * The provider's implementation, loaded by package name inside Pulumi's dynamic-provider host (see
 * `policyProvider.ts`). Nothing here is serialized into state. Settings are read (and validated) by the first
 * operation; the Graph client and credentials are created by the first operation that talks to Graph, so `check`,
 * `diff` and every preview make no Graph request at all.
 */
import type * as pulumi from "@pulumi/pulumi";
import {
    DisplayNameTakenError,
    GraphRequestError,
    resolveGraphSettings,
    WriteAppliedError,
    type ConfigSource,
    type GraphSettings,
} from "../core/graph";
import { createPolicyApi, type OperationContext, type PolicyApi, type Reflects } from "../core/operations";
import {
    checkPolicy,
    diffPolicy,
    inputsFromOutputs,
    outputsFromGraph,
    toGraphBody,
    type GraphPolicy,
    type PolicyInputs,
    type PolicyOutputs,
} from "../core/model";
import { adoptionTarget, nameTakenError } from "../core/operations/adoption";
import { withHint } from "../core/graph/transport/withHint";

type Operations = Required<Omit<pulumi.dynamic.ResourceProvider<PolicyInputs, PolicyOutputs>, "configure">>;

type Policy = Parameters<typeof outputsFromGraph>[0];

/**
 * A create that left a policy in Graph but failed afterwards (it could not be read back, or duplicates that POSTs
 * with an unknown outcome made could not be removed). Carrying its id makes the host report a partial failure, so
 * the engine keeps the policy in state (and updates it on the next `up`) instead of forgetting it and leaving an
 * orphan that the next `up` would duplicate.
 */
class PartialCreateError extends Error {
    /** Read by Pulumi's dynamic-provider host to report `ErrorResourceInitFailed`. */
    readonly properties: Record<string, unknown>;
    readonly reasons: string[];

    constructor(
        readonly id: string,
        inputs: PolicyInputs,
        cause: WriteAppliedError,
    ) {
        super(cause.message);
        // The host does not add __provider to these properties; the inputs carry it, and without it the engine
        // could not load the provider to update or delete this policy later.
        this.properties = plain({ ...inputs, id });
        this.reasons = [cause.message];
    }
}

/** The engine serializes properties through protobuf Structs, which reject `undefined` anywhere. */
function plain<T>(value: T): T {
    return JSON.parse(JSON.stringify(value));
}

/** What state already knows about a policy and Graph's answer may leave out. */
interface Known {
    /** Not a Graph property: kept from the inputs. */
    adopt?: PolicyInputs["adopt"];
    /** Immutable, so the declared or stored value holds when Graph's answer does not expand `accessPackage`. */
    accessPackageId?: string;
    /** The access package's catalog, for when Graph's answer does not expand `catalog`. */
    catalogId?: string;
}

/**
 * Outputs as stored in state: Graph's canonical view of the policy plus what Graph's answer did not carry. Without
 * the carried `accessPackageId` an answer lacking `accessPackage` would make the next diff replace the policy.
 */
function stateOf(policy: Policy, known: Known): PolicyOutputs {
    const outputs = outputsFromGraph(policy);
    return plain({
        ...outputs,
        accessPackageId: outputs.accessPackageId ?? known.accessPackageId,
        catalogId: outputs.catalogId ?? known.catalogId,
        ...(known.adopt === undefined ? {} : { adopt: known.adopt }),
    });
}

/** Whether Graph's view of a policy already is what `inputs` declare (compared canonically, as diff does). */
function reflecting(inputs: PolicyInputs, known: Known): Reflects {
    return (policy) =>
        !diffPolicy(stateOf(policy, known) as unknown as Record<string, unknown>, inputs as unknown as Record<string, unknown>).changes;
}

/**
 * The body as `@microsoft/microsoft-graph-types` 2.43.1 types it; those typings predate members the provider sends
 * (the oracle test holds the body to Graph's current v1.0 models instead).
 */
function asGraph(body: GraphPolicy): Policy {
    return body as unknown as Policy;
}

/**
 * A PUT of `body`, which carries properties Graph returned that this version does not know. If Graph refuses the
 * PUT, the error names them: one of them may be what Graph refuses.
 */
async function replaceCarrying(
    api: PolicyApi,
    id: string,
    body: GraphPolicy,
    carried: PolicyOutputs["carriedGraphProperties"],
    ctx: Parameters<PolicyApi["replace"]>[2],
): Promise<Policy> {
    try {
        return await api.replace(id, asGraph(body), ctx);
    } catch (error) {
        const names = Object.keys(carried ?? {});
        if (names.length === 0 || !(error instanceof GraphRequestError) || error.statusCode !== 400) {
            throw error;
        }
        throw withHint(
            error,
            `The update sent back properties Graph holds that this version of pulumi-entra-assignment-policy does not know (${names.join(", ")}), ` +
                "so that it would not reset them. If Graph refuses one of them, upgrade pulumi-entra-assignment-policy to a version that knows it, " +
                "or clear it in the Entra admin center and run `pulumi refresh` before `pulumi up`.",
        );
    }
}

function catalogIdOf(policy: Policy): string | undefined {
    return policy.catalog?.id ?? policy.accessPackage?.catalog?.id ?? undefined;
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
            try {
                const adopted = await adoptionTarget(api, inputs, ctx);
                const known: Known = {
                    adopt: inputs.adopt,
                    accessPackageId: inputs.accessPackageId,
                    catalogId: adopted && catalogIdOf(adopted),
                };
                if (adopted?.id) {
                    const { id } = adopted;
                    const lastKnown = { modifiedDateTime: adopted.modifiedDateTime ?? undefined };
                    const carried = outputsFromGraph(adopted).carriedGraphProperties;
                    const written = await replaceCarrying(api, id, toGraphBody(inputs, carried), carried, {
                        ...ctx,
                        id,
                        reflects: reflecting(inputs, known),
                        lastKnown,
                    });
                    return { id, outs: stateOf(written, known) };
                }
                const policy = await api.create(asGraph(toGraphBody(inputs)), ctx);
                return { id: policy.id as string, outs: stateOf(policy, known) };
            } catch (error) {
                if (error instanceof DisplayNameTakenError) {
                    throw nameTakenError(error);
                }
                throw error instanceof WriteAppliedError ? new PartialCreateError(error.policy.id, inputs, error) : error;
            }
        },

        async read(id, props) {
            const { api, ...ctx } = context(props ?? {});
            const lastKnown = props && { createdDateTime: props.createdDateTime, modifiedDateTime: props.modifiedDateTime };
            const policy = await api.get(id, { ...ctx, id, lastKnown });
            if (!policy) {
                // A blank id tells the engine the policy is gone, so refresh removes it from state.
                return {};
            }
            const outs = stateOf(policy, props ?? {});
            return { id, props: outs, inputs: plain(inputsFromOutputs(outs, props)) } as pulumi.dynamic.ReadResult<PolicyOutputs>;
        },

        async update(id, olds, news) {
            const { api, ...ctx } = context(news);
            const known: Known = { adopt: news.adopt, accessPackageId: news.accessPackageId, catalogId: olds.catalogId };
            const lastKnown = { modifiedDateTime: olds.modifiedDateTime };
            const carried = olds.carriedGraphProperties;
            const policy = await replaceCarrying(api, id, toGraphBody(news, carried), carried, {
                ...ctx,
                id,
                reflects: reflecting(news, known),
                lastKnown,
            });
            return { outs: stateOf(policy, known) };
        },

        async delete(id, props) {
            const { api, ...ctx } = context(props);
            await api.remove(id, {
                ...ctx,
                id,
                lastKnown: { createdDateTime: props.createdDateTime, modifiedDateTime: props.modifiedDateTime },
            });
        },
    };
}

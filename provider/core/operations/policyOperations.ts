/**
 * The provider's operations on a policy, as every front door serves them (the dynamic provider today, a provider
 * plugin next): check, diff, create with adoption, read, update and delete. Settings are read (and validated) by the
 * first operation; the Graph client and credentials are created by the first operation that talks to Graph, so
 * `check`, `diff` and every preview make no Graph request at all.
 */
import type * as Graph from "@microsoft/microsoft-graph-types";
import { resolveGraphSettings, type ConfigSource, type GraphSettings } from "../graph";
import { checkWarnings, type CheckWarning } from "../governance/checkWarnings";
import { DisplayNameTakenError } from "./displayNameTakenError";
import { WriteAppliedError } from "./writeAppliedError";
import {
    asSdkPolicy,
    checkPolicy,
    diffPolicy,
    declaredInputs,
    inputsFromOutputs,
    outputsFromGraph,
    toGraphBody,
    type CanonicalOutputs,
    type CanonicalPolicy,
    type CheckResult,
    type PolicyDiff,
    type PolicyInputs,
    type PolicyOutputs,
} from "../model";
import { adoptionTarget, nameTakenError } from "./adoption";
import { createPolicyApi, type OperationContext, type PolicyApi } from "./policyApi";
import { reflecting, replaceCarrying, stateOf, type KnownState } from "./policyOperationsState";

/**
 * A policy as read: its outputs for state, and the inputs a refresh stores; for an import (nothing stored yet), the
 * inputs a program declaring it would state, which is what `pulumi import` writes its code from.
 */
export interface ReadPolicy {
    outputs: CanonicalOutputs;
    inputs: PolicyInputs;
}

/**
 * The operations on one policy. Inputs given to `diff`, `create` and `update` are what `check` returned (the engine
 * checks every registration first); outputs given back are what these operations returned, possibly by an earlier
 * version of the provider. The writes take an optional `timeoutMs`, the engine's custom timeout for this one operation
 * (a resource's `customTimeouts`, which reach a plugin but not a dynamic provider), in place of `entra:operationTimeout`.
 */
export interface PolicyOperations {
    /** Validates and canonicalises the declared inputs; reads the settings but sends nothing. */
    check(olds: Record<string, unknown>, news: Record<string, unknown>): CheckResult & { warnings: CheckWarning[] };
    /** Compares the old outputs with the checked inputs; sends nothing. */
    diff(olds: Record<string, unknown>, news: CanonicalPolicy): PolicyDiff;
    /**
     * Creates the policy, or takes over the one `adopt` names with one PUT. Fails with {@link PartialCreateError}
     * when a policy was made (or taken over) but a later step failed.
     */
    create(inputs: CanonicalPolicy, timeoutMs?: number): Promise<{ id: string; outputs: CanonicalOutputs }>;
    /** The policy as Graph holds it, or `undefined` when it is gone. */
    read(id: string, stored?: PolicyOutputs): Promise<ReadPolicy | undefined>;
    /** Replaces the policy with what the inputs declare, carrying the properties this version does not know. */
    update(id: string, olds: PolicyOutputs, news: CanonicalPolicy, timeoutMs?: number): Promise<CanonicalOutputs>;
    /** Deletes the policy; one already gone counts as deleted. */
    delete(id: string, stored: PolicyOutputs, timeoutMs?: number): Promise<void>;
}

/**
 * A create that left a policy in Graph but failed afterwards (it could not be read back, or duplicates that POSTs
 * with an unknown outcome made could not be removed). It carries what state needs to keep the policy, so that the
 * next update finishes it instead of an orphan being left that the next create would duplicate.
 */
export class PartialCreateError extends Error {
    override readonly name = "PartialCreateError";

    constructor(
        /** The id of the policy the create made or took over. */
        readonly id: string,
        /** The inputs of the create, as given (a front door's own keys included). */
        readonly inputs: CanonicalPolicy,
        override readonly cause: WriteAppliedError,
    ) {
        super(cause.message);
    }
}

function passed(result: CheckResult): result is Extract<CheckResult, { failures: [] }> {
    return result.failures.length === 0;
}

function catalogIdOf(policy: Graph.AccessPackageAssignmentPolicy): string | undefined {
    return policy.catalog?.id ?? policy.accessPackage?.catalog?.id ?? undefined;
}

/** The Graph client (made on first use) and the context of one operation, which ends after `timeoutMs` if given. */
type Connect = (policy: { displayName?: string }, timeoutMs?: number) => { api: PolicyApi; call: OperationContext };

/** Create: adoption (one PUT that carries what Graph holds) or a POST. */
async function createOrAdopt(
    connect: Connect,
    inputs: CanonicalPolicy,
    timeoutMs: number | undefined,
): Promise<{ id: string; outputs: CanonicalOutputs }> {
    const { api, call } = connect(inputs, timeoutMs);
    const adopted = await adoptionTarget(api, inputs, call);
    const known: KnownState = {
        adopt: inputs.adopt,
        accessPackageId: inputs.accessPackageId,
        catalogId: adopted && catalogIdOf(adopted),
    };
    if (adopted?.id) {
        const { id } = adopted;
        const lastKnown = { modifiedDateTime: adopted.modifiedDateTime ?? undefined };
        const held = outputsFromGraph(adopted);
        const carried = held.carriedGraphProperties;
        const written = await replaceCarrying(api, id, toGraphBody(inputs, carried, held), carried, {
            ...call,
            id,
            reflects: reflecting(inputs, known),
            lastKnown,
        });
        return { id, outputs: stateOf(written, known) };
    }
    const policy = await api.create(asSdkPolicy(toGraphBody(inputs)), call);
    return { id: policy.id as string, outputs: stateOf(policy, known) };
}

/**
 * Binds the operations to a stack's configuration. `config` and `env` are read by the first operation; credentials
 * and the Graph client are created only when Graph is first needed.
 */
export function createPolicyOperations(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): PolicyOperations {
    let settings: GraphSettings | undefined;
    let api: PolicyApi | undefined;
    // Reading settings is pure (no credential is created, nothing is sent), so check does it too: a misconfigured
    // stack fails at preview, naming the key, instead of at the first create.
    const graphSettings = (): GraphSettings => (settings ??= resolveGraphSettings(config, env));
    const connect: Connect = (policy, timeoutMs) => {
        const current = graphSettings();
        api ??= createPolicyApi(current);
        return { api, call: { deadline: Date.now() + (timeoutMs ?? current.operationTimeoutMs), displayName: policy.displayName } };
    };

    return {
        check(olds, news) {
            graphSettings();
            const result = checkPolicy(olds, news);
            return { ...result, warnings: passed(result) ? checkWarnings(result.inputs) : [] };
        },

        diff: diffPolicy,

        async create(inputs, timeoutMs) {
            try {
                return await createOrAdopt(connect, inputs, timeoutMs);
            } catch (error) {
                if (error instanceof DisplayNameTakenError) {
                    throw nameTakenError(error);
                }
                throw error instanceof WriteAppliedError ? new PartialCreateError(error.policy.id, inputs, error) : error;
            }
        },

        async read(id, stored) {
            const { api, call } = connect(stored ?? {});
            const lastKnown = stored && { createdDateTime: stored.createdDateTime, modifiedDateTime: stored.modifiedDateTime };
            const policy = await api.get(id, { ...call, id, lastKnown });
            if (!policy) {
                return undefined;
            }
            const outputs = stateOf(policy, stored ?? {});
            const inputs = inputsFromOutputs(outputs, stored);
            return { outputs, inputs: stored ? inputs : declaredInputs(inputs) };
        },

        async update(id, olds, news, timeoutMs) {
            const { api, call } = connect(news, timeoutMs);
            const known: KnownState = { adopt: news.adopt, accessPackageId: news.accessPackageId, catalogId: olds.catalogId };
            const carried = olds.carriedGraphProperties;
            const policy = await replaceCarrying(api, id, toGraphBody(news, carried, olds), carried, {
                ...call,
                id,
                reflects: reflecting(news, known),
                lastKnown: { modifiedDateTime: olds.modifiedDateTime },
            });
            return stateOf(policy, known);
        },

        async delete(id, stored, timeoutMs) {
            const { api, call } = connect(stored, timeoutMs);
            await api.remove(id, {
                ...call,
                id,
                lastKnown: { createdDateTime: stored.createdDateTime, modifiedDateTime: stored.modifiedDateTime },
            });
        },
    };
}

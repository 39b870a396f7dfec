/**
 * The resource calls of the ResourceProvider protocol, each a translation between the wire and the provider's
 * operations: the same check, the same diff decision, the same Graph requests as the dynamic provider's.
 */
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { asChecked, diffPolicy, type PolicyOutputs } from "../core/model";
import { checkWarningLine } from "../core/governance";
import type { PolicyOperations } from "../core/operations";
import { detailedDiff, type PathDiff } from "./detailedDiff";
import { fromStruct, toStruct } from "./properties";

const Kind = provproto.PropertyDiff.Kind;

/**
 * A write's `customTimeouts` entry, in milliseconds: the engine sends it in seconds, 0 when the program sets none
 * (then `entra:operationTimeout` applies).
 */
function customTimeoutMs(request: { getTimeout(): number }): number | undefined {
    const seconds = request.getTimeout();
    return seconds > 0 ? seconds * 1000 : undefined;
}

const KINDS: Record<PathDiff["kind"], [provproto.PropertyDiff.Kind, provproto.PropertyDiff.Kind]> = {
    add: [Kind.ADD, Kind.ADD_REPLACE],
    delete: [Kind.DELETE, Kind.DELETE_REPLACE],
    update: [Kind.UPDATE, Kind.UPDATE_REPLACE],
};

export async function check(ops: PolicyOperations, request: provproto.CheckRequest): Promise<provproto.CheckResponse> {
    const { inputs, failures, warnings } = ops.check(fromStruct(request.getOlds()), fromStruct(request.getNews()));
    // The engine shows a plugin's standard error with the preview; CheckResponse has no warnings.
    warnings.forEach((warning) => process.stderr.write(checkWarningLine(inputs.displayName, warning)));
    const response = new provproto.CheckResponse();
    response.setInputs(await toStruct("inputs", inputs ?? {}));
    response.setFailuresList(
        (failures ?? []).map(({ property, reason }) => {
            const failure = new provproto.CheckFailure();
            failure.setProperty(property);
            failure.setReason(reason);
            return failure;
        }),
    );
    return response;
}

/**
 * The core's diff of the state against the new inputs decides; the inputs last applied (the state itself where the
 * engine has none) name the paths.
 */
export function diff(request: provproto.DiffRequest): provproto.DiffResponse {
    const olds = fromStruct(request.getOlds());
    const news = fromStruct(request.getNews());
    const { changes, replaces, diffs } = diffPolicy(olds, asChecked(news));
    const oldInputs = request.hasOldInputs() ? fromStruct(request.getOldInputs()) : olds;
    const response = new provproto.DiffResponse();
    response.setChanges(changes ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE);
    response.setReplacesList(replaces);
    response.setDiffsList(diffs);
    response.setDeletebeforereplace(false);
    response.setHasdetaileddiff(true);
    const detailed = response.getDetaileddiffMap();
    for (const { path, kind, replace } of detailedDiff(oldInputs, news, diffs, replaces)) {
        const property = new provproto.PropertyDiff();
        property.setKind(KINDS[kind][replace ? 1 : 0]);
        property.setInputdiff(true);
        detailed.set(path, property);
    }
    return response;
}

export async function create(ops: PolicyOperations, request: provproto.CreateRequest): Promise<provproto.CreateResponse> {
    const { id, outputs } = await ops.create(asChecked(fromStruct(request.getProperties())), customTimeoutMs(request));
    const response = new provproto.CreateResponse();
    response.setId(id);
    response.setProperties(await toStruct("outputs", outputs));
    return response;
}

/**
 * A read with no properties is an import: the policy is read by id alone, and the inputs returned are the ones
 * that then diff clean against it. A policy gone from Graph answers with no id, which removes it from state.
 */
export async function read(ops: PolicyOperations, request: provproto.ReadRequest): Promise<provproto.ReadResponse> {
    const known = fromStruct<PolicyOutputs>(request.getProperties());
    const result = await ops.read(request.getId(), Object.keys(known).length > 0 ? known : undefined);
    const response = new provproto.ReadResponse();
    if (!result) {
        return response;
    }
    response.setId(request.getId());
    response.setProperties(await toStruct("outputs", result.outputs));
    response.setInputs(await toStruct("inputs", result.inputs));
    return response;
}

export async function update(ops: PolicyOperations, request: provproto.UpdateRequest): Promise<provproto.UpdateResponse> {
    const olds = fromStruct<PolicyOutputs>(request.getOlds());
    const outputs = await ops.update(request.getId(), olds, asChecked(fromStruct(request.getNews())), customTimeoutMs(request));
    const response = new provproto.UpdateResponse();
    response.setProperties(await toStruct("outputs", outputs));
    return response;
}

export async function remove(ops: PolicyOperations, request: provproto.DeleteRequest): Promise<void> {
    await ops.delete(request.getId(), fromStruct<PolicyOutputs>(request.getProperties()), customTimeoutMs(request));
}

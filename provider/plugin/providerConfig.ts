/**
 * The provider's own configuration calls: CheckConfig validates the settings as the first operation would (so a
 * misconfigured stack fails at preview, naming the key), DiffConfig reports changed settings without ever replacing
 * the provider (settings say how to reach Graph, not what the policies are), and Configure binds the operations.
 */
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { GraphSettingsError, resolveGraphSettings } from "../core/graph";
import { configSourceOf } from "./configSource";
import { createPolicyOperations, type PolicyOperations } from "../core/operations";
import { fromStruct } from "./properties";

/** CheckConfig: the settings as given, with one failure if they cannot be resolved. */
export function checkConfig(request: provproto.CheckRequest): provproto.CheckResponse {
    const response = new provproto.CheckResponse();
    const news = request.getNews();
    if (news) {
        response.setInputs(news);
    }
    try {
        resolveGraphSettings(configSourceOf(news), process.env);
    } catch (error) {
        if (!(error instanceof GraphSettingsError)) {
            throw error;
        }
        const failure = new provproto.CheckFailure();
        failure.setReason(error.message);
        response.setFailuresList([failure]);
    }
    return response;
}

/** DiffConfig: which settings changed; none of them replaces the provider or its resources. */
export function diffConfig(request: provproto.DiffRequest): provproto.DiffResponse {
    const olds = fromStruct(request.getOlds());
    const news = fromStruct(request.getNews());
    const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter(
        (key) => JSON.stringify(olds[key]) !== JSON.stringify(news[key]),
    );
    const response = new provproto.DiffResponse();
    response.setChanges(changed.length > 0 ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE);
    response.setDiffsList(changed);
    return response;
}

/**
 * Configure: the operations bound to these settings. Secrets are not accepted, as by the dynamic provider's host:
 * the engine then sends plain inputs and keeps outputs secret wherever the inputs of the same name were. No preview
 * support either, so the engine never calls create or update during a preview and a preview sends nothing to Graph.
 */
export function configure(request: provproto.ConfigureRequest): { operations: PolicyOperations; response: provproto.ConfigureResponse } {
    const response = new provproto.ConfigureResponse();
    response.setAcceptsecrets(false);
    response.setAcceptresources(false);
    response.setSupportspreview(false);
    return { operations: createPolicyOperations(configSourceOf(request.getArgs()), process.env), response };
}

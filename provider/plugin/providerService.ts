/**
 * The ResourceProvider gRPC service of the `entra` plugin. Calls the plugin does not serve (Invoke, Construct, Call,
 * Parameterize, Attach, mappings) are left to grpc-js, which answers UNIMPLEMENTED, as the engine expects.
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as plugproto from "@pulumi/pulumi/proto/plugin_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { failure, writeFailure } from "./grpcErrors";
import { checkConfig, configure, diffConfig } from "./providerConfig";
import type { PolicyOperations } from "../core/operations";
import * as calls from "./resourceCalls";
import schema from "./schema.json";

type Handler<Req, Res> = (call: grpc.ServerUnaryCall<Req, Res>, callback: grpc.sendUnaryData<Res>) => void;

/** A handler answering with `answer`'s result, or with the status `onError` makes of what it threw. */
function unary<Req, Res>(
    answer: (request: Req) => Res | Promise<Res>,
    onError: (error: unknown) => Partial<grpc.StatusObject> | Promise<Partial<grpc.StatusObject>> = failure,
): Handler<Req, Res> {
    return (call, callback) => {
        Promise.resolve()
            .then(() => answer(call.request))
            .then(
                (response) => callback(null, response),
                async (error: unknown) => callback(await onError(error), null),
            );
    };
}

function pluginVersion(): string {
    return (require("pulumi-entra-assignment-policy/package.json") as { version: string }).version;
}

/** The service's handlers, holding the operations Configure binds. */
export function providerService(): grpc.UntypedServiceImplementation {
    let operations: PolicyOperations | undefined;
    const configured = (): PolicyOperations => {
        if (!operations) {
            throw new Error("the entra provider was called before Configure");
        }
        return operations;
    };
    const schemaText = JSON.stringify(schema);
    return {
        getPluginInfo: unary<Empty, plugproto.PluginInfo>(() => new plugproto.PluginInfo().setVersion(pluginVersion())),
        getSchema: unary<provproto.GetSchemaRequest, provproto.GetSchemaResponse>(() =>
            new provproto.GetSchemaResponse().setSchema(schemaText),
        ),
        checkConfig: unary(checkConfig),
        diffConfig: unary(diffConfig),
        configure: unary<provproto.ConfigureRequest, provproto.ConfigureResponse>((request) => {
            const bound = configure(request);
            operations = bound.operations;
            return bound.response;
        }),
        check: unary((request: provproto.CheckRequest) => calls.check(configured(), request)),
        diff: unary(calls.diff),
        create: unary((request: provproto.CreateRequest) => calls.create(configured(), request), writeFailure),
        read: unary((request: provproto.ReadRequest) => calls.read(configured(), request)),
        update: unary((request: provproto.UpdateRequest) => calls.update(configured(), request), writeFailure),
        delete: unary(async (request: provproto.DeleteRequest) => {
            await calls.remove(configured(), request);
            return new Empty();
        }),
        // Nothing to stop early: every operation already ends at its deadline (entra:operationTimeout), and cutting one
        // off between a Graph write and its answer would make the half-finished create the provider otherwise avoids.
        cancel: unary(() => new Empty()),
    };
}

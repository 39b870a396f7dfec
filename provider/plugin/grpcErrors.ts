/**
 * Operation errors as gRPC statuses. A create that left a policy in Graph but failed afterwards throws an error
 * carrying the policy's id; the engine must hear of it as `ErrorResourceInitFailed`, so that it keeps the policy in
 * state instead of forgetting it and leaving an orphan that the next `up` would duplicate.
 */
import * as grpc from "@grpc/grpc-js";
import { Any } from "google-protobuf/google/protobuf/any_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import { PartialCreateError } from "../core/operations";
import { toStruct } from "./properties";

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/** The status a failed create or update answers with; a policy left behind is packed into its details. */
export async function writeFailure(error: unknown): Promise<Partial<grpc.StatusObject>> {
    const message = messageOf(error);
    const metadata = new grpc.Metadata();
    if (error instanceof PartialCreateError) {
        const detail = new provproto.ErrorResourceInitFailed();
        detail.setId(error.id);
        // The inputs and the id are what state needs to update or delete the policy on the next run.
        detail.setProperties(await toStruct("properties", { ...error.inputs, id: error.id }));
        detail.setReasonsList([message]);
        const details = new Any();
        details.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
        const status = new statusproto.Status();
        status.setCode(grpc.status.UNKNOWN);
        status.setMessage(message);
        status.addDetails(details);
        // gRPC's well-known trailer for structured error details, which the engine's Go client decodes.
        metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
    }
    return { code: grpc.status.UNKNOWN, details: message, metadata };
}

/** The status any other failed call answers with: the operation's own message, unchanged. */
export function failure(error: unknown): Partial<grpc.StatusObject> {
    return { code: grpc.status.UNKNOWN, details: messageOf(error) };
}

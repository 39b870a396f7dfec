/**
 * Resource properties across the wire. The plugin tells the engine it does not accept secrets (as the dynamic
 * provider's host does), so inputs arrive as plain values with Pulumi's unknown sentinel where a preview does not know
 * a value yet, which is the form the core's model reads; the engine then marks outputs secret wherever the inputs of
 * the same name were.
 */
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { withGraphNames, withSchemaNames } from "./wireNames";

/** The properties of a request, with Graph's names; a missing struct is an empty one. */
export function fromStruct<T = Record<string, unknown>>(struct: Struct | undefined): T {
    return withGraphNames(struct?.toJavaScript() ?? {}) as T;
}

/**
 * The properties of a response with the schema's names, serialized by the Pulumi SDK (which drops `undefined`, which
 * protobuf refuses).
 */
export async function toStruct(label: string, properties: object): Promise<Struct> {
    return Struct.fromJavaScript(await rpc.serializeProperties(label, withSchemaNames(properties as Record<string, unknown>)));
}

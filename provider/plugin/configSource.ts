/**
 * The provider's settings as the engine sends them to a plugin: only the provider's own namespace, as `args` keyed
 * without the `entra:` prefix. Keys of other namespaces (`azuread:*`) never reach a plugin, so they read as unset.
 */
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { ConfigSource } from "../core/graph";

/** The config namespace, which is the package name. */
export const CONFIG_NAMESPACE = "entra";

/** Reads `entra:<key>` from the `args` of a Configure or CheckConfig request. */
export function configSourceOf(args: Struct | undefined): ConfigSource {
    const values = args?.toJavaScript() ?? {};
    const prefix = `${CONFIG_NAMESPACE}:`;
    return {
        get(key) {
            if (!key.startsWith(prefix) || !Object.hasOwn(values, key.slice(prefix.length))) {
                return undefined;
            }
            // The engine keeps config secrets wrapped even for a provider that does not accept secrets.
            const value: unknown = rpc.unwrapRpcSecret(values[key.slice(prefix.length)]);
            if (value === undefined || value === null || value === rpc.unknownValue) {
                return undefined;
            }
            return typeof value === "string" ? value : JSON.stringify(value);
        },
    };
}

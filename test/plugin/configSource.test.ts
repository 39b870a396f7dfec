import assert from "node:assert/strict";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { configSourceOf } from "../../provider/plugin/configSource";

describe("plugin: provider configuration from the engine", function () {
    const config = configSourceOf(
        Struct.fromJavaScript({
            graphEndpoint: "http://127.0.0.1:4010",
            token: { [specialSigKey]: specialSecretSig, value: "sentinel-token" },
            maxRetries: 3,
            useOidc: false,
        }),
    );

    it("reads the provider's own namespace, secrets unwrapped and non-strings as their JSON text", () => {
        assert.equal(config.get("entra:graphEndpoint"), "http://127.0.0.1:4010");
        assert.equal(config.get("entra:token"), "sentinel-token");
        assert.equal(config.get("entra:maxRetries"), "3");
        assert.equal(config.get("entra:useOidc"), "false");
    });

    it("finds nothing under another namespace or an unset key: the engine sends a plugin only its own", () => {
        assert.equal(config.get("azuread:graphEndpoint"), undefined);
        assert.equal(config.get("graphEndpoint"), undefined);
        assert.equal(config.get("entra:clientSecret"), undefined);
        assert.equal(config.get("entra:constructor"), undefined);
    });

    it("reads no args as no settings", () => {
        assert.equal(configSourceOf(undefined).get("entra:graphEndpoint"), undefined);
    });
});

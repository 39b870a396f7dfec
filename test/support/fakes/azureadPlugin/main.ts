/**
 * `pulumi-resource-azuread`, the TEST DOUBLE: it stands in for the @pulumi/azuread provider plugin, which cannot be
 * downloaded or built on this project's machines, so that the with-azuread example runs through the real Pulumi CLI.
 * It serves the ResourceProvider protocol for exactly the azuread resources and inputs that example declares, and makes
 * their objects in the Graph emulator (ENTRA_GRAPH_ENDPOINT, ENTRA_GRAPH_TOKEN), so the policies reference objects the
 * tenant knows. It is not azuread and does not behave like it beyond that: no tests here test azuread's behaviour.
 * Started by the engine like any plugin: it prints the port of its gRPC server and serves until the engine ends it.
 */
import * as grpc from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import { azureadProviderService } from "./azureadProviderService";
import { azureadVersion } from "./azureadVersion";

async function serve(): Promise<void> {
    const server = new grpc.Server();
    server.addService(provrpc.ResourceProviderService, azureadProviderService(azureadVersion()));
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
            error ? reject(error) : resolve(bound),
        ),
    );
    process.stdout.write(`${port}\n`);
}

serve().catch((error: unknown) => {
    process.stderr.write(
        `pulumi-resource-azuread (test double): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
});

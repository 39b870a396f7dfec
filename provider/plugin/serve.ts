/**
 * Starts the plugin's gRPC server on a free loopback port and prints the port, which is how the Pulumi engine
 * learns where to connect; the engine ends the process when it is done with it.
 */
import * as grpc from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import { providerService } from "./providerService";

export async function serve(): Promise<number> {
    const server = new grpc.Server();
    server.addService(provrpc.ResourceProviderService, providerService());
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
            error ? reject(error) : resolve(bound),
        ),
    );
    process.stdout.write(`${port}\n`);
    return port;
}

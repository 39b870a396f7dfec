/**
 * The compiled plugin started as the engine starts it (a child process that prints its port), with a typed gRPC
 * client for the calls the tests make.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import { PLUGIN_MAIN } from "./pluginProject";

/** A running plugin and a client connected to it. */
export interface RunningPlugin {
    client: provrpc.ResourceProviderClient;
    stop(): void;
}

/** Starts dist/provider/plugin/main.js (run `npm run build` first) with `env` added to this process's environment. */
export async function startPlugin(env: NodeJS.ProcessEnv = {}): Promise<RunningPlugin> {
    const child: ChildProcess = spawn(process.execPath, [PLUGIN_MAIN], {
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "inherit"],
    });
    const port = await new Promise<string>((resolve, reject) => {
        child.once("error", reject);
        child.once("exit", (code) => reject(new Error(`the plugin exited (${code}) before printing its port`)));
        child.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    });
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return {
        client,
        stop() {
            client.close();
            child.kill();
        },
    };
}

/** The callback of a unary call. */
export type Done<Res> = (error: grpc.ServiceError | null, response: Res) => void;

/** The response of one unary call, made by `invoke` with the callback it is given. */
export function call<Res>(invoke: (done: Done<Res>) => unknown): Promise<Res> {
    return new Promise((resolve, reject) => invoke((error, response) => (error ? reject(error) : resolve(response))));
}

/** A protobuf Struct of plain properties. */
export function struct(properties: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(properties as Parameters<typeof Struct.fromJavaScript>[0]);
}

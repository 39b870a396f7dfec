/**
 * The real dynamic-provider host of `@pulumi/pulumi` (`cmd/dynamic-provider`), started and spoken to over gRPC the
 * way the engine's provider plugin does it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as provpbTypes from "@pulumi/pulumi/proto/provider_pb";
import type * as structpbTypes from "google-protobuf/google/protobuf/struct_pb";
import type { CheckFailure, PropertyMap, StackConfig } from "./types";
import { dropUndefined, wrapSecret } from "./wire-values";

const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
// The generated serializers check `instanceof` against their own copies of these modules.
const fromPulumi = <T>(id: string): T => require(require.resolve(id, { paths: [pulumiDir] })) as T;
const grpc = fromPulumi<typeof grpcTypes>("@grpc/grpc-js");
const structpb = fromPulumi<typeof structpbTypes>("google-protobuf/google/protobuf/struct_pb");
const provpb = require("@pulumi/pulumi/proto/provider_pb") as typeof provpbTypes;
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const statuspb = require("@pulumi/pulumi/proto/status_pb");

/** Where the default provider of package `pulumi-nodejs` runs and what the engine hands it. */
export interface ProviderHostOptions {
    /** The Pulumi program's directory: the host's cwd, from which the serialized provider resolves packages. */
    projectDir: string;
    /** Project name. */
    project: string;
    /** Stack name. */
    stack: string;
    /** The whole stack config, sent to `Configure` as the engine does for the default provider. */
    config: StackConfig;
    /** Extra environment for the host process (the CLI's environment, in real life). */
    env?: NodeJS.ProcessEnv;
}

/** Details of a partial failure: the resource was created but did not initialize (`ErrorResourceInitFailed`). */
export interface InitFailure {
    /** Id of the created resource. */
    id: string;
    /** Its outputs. */
    outputs: PropertyMap;
    /** Why initialization failed. */
    reasons: string[];
}

/** A failed RPC, carrying the host's message. */
export class HostError extends Error {
    /**
     * @param message the host's error message
     * @param code the gRPC status code
     * @param initFailure present when `Create`/`Update` failed after the resource came to exist
     */
    constructor(
        message: string,
        readonly code: number,
        readonly initFailure?: InitFailure,
    ) {
        super(message);
        this.name = "HostError";
    }
}

/** The host's answer to `Diff`. */
export interface HostDiff {
    /** `DiffResponse.changes`. */
    changes: "unknown" | "none" | "some";
    /** Properties that force replacement. */
    replaces: string[];
    /** Whether the provider asked for delete-before-replace. */
    deleteBeforeReplace: boolean;
}

/** The host's answer to `Read`. */
export interface HostRead {
    /** Blank when the resource is gone. */
    id: string;
    /** Refreshed outputs. */
    outputs: PropertyMap;
    /** Refreshed inputs, when the provider returned them. */
    inputs?: PropertyMap;
}

type Struct = structpbTypes.Struct;
type Unary = (request: unknown, callback: (error: grpcTypes.ServiceError | null, response: unknown) => void) => void;
type ProviderMethod = "configure" | "check" | "diff" | "create" | "read" | "update" | "delete";
/** The provider service's client (grpc-js makes it at run time), by what the harness calls. */
type ProviderClient = Pick<grpcTypes.Client, "close"> & Record<ProviderMethod, Unary>;

const DEFAULT_PROVIDER_TYPE = "pulumi:providers:pulumi-nodejs";
const CHANGES = ["unknown", "none", "some"] as const;

/** One running host process. Start one per engine operation, like the CLI does per command. */
export class ProviderHost {
    private readonly exited: Promise<void>;

    private constructor(
        private readonly process: ChildProcess,
        private readonly client: ProviderClient,
        private readonly opts: ProviderHostOptions,
        private readonly log: { stderr: string },
    ) {
        this.exited = new Promise((resolve) => process.once("exit", () => resolve()));
    }

    /** Spawns the host, waits for its port, connects and sends `Configure`. */
    static async start(opts: ProviderHostOptions): Promise<ProviderHost> {
        const child = spawn(process.execPath, [dynamicProviderHostModule(opts.projectDir), "127.0.0.1:1"], {
            cwd: opts.projectDir,
            env: {
                ...process.env,
                ...opts.env,
                PULUMI_NODEJS_PROJECT: opts.project,
                PULUMI_PROJECT: opts.project,
                PULUMI_NODEJS_STACK: opts.stack,
                PULUMI_STACK: opts.stack,
                PULUMI_CONFIG: JSON.stringify(pulumiNodejsConfig(opts.config)),
            },
            stdio: ["ignore", "pipe", "pipe"],
        });
        const log = { stderr: "" };
        child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (log.stderr += chunk));
        // Keep draining stdout after the port line: provider code may log, and a full pipe would block the host.
        child.stdout!.setEncoding("utf8").on("data", () => undefined);
        let port: string;
        try {
            port = await firstLine(child, log);
        } catch (error) {
            child.kill("SIGKILL");
            throw error;
        }
        const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        const host = new ProviderHost(child, client, opts, log);
        try {
            await host.configure();
        } catch (error) {
            await host.stop();
            throw error;
        }
        return host;
    }

    /** Everything the host wrote to stderr so far. */
    get stderr(): string {
        return this.log.stderr;
    }

    /** `Check(olds, news)`: the checked inputs and any failures. */
    async check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<{ inputs: PropertyMap; failures: CheckFailure[] }> {
        const req = addressed(new provpb.CheckRequest(), urn).setOlds(toStruct(olds)).setNews(toStruct(news));
        const res: provpbTypes.CheckResponse = await this.call("check", req);
        return {
            inputs: fromStruct(res.getInputs()),
            failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
        };
    }

    /** `Diff(id, olds = old outputs, news = checked inputs, oldInputs)`. */
    async diff(urn: string, id: string, oldOutputs: PropertyMap, news: PropertyMap, oldInputs: PropertyMap): Promise<HostDiff> {
        const req = addressed(new provpb.DiffRequest(), urn)
            .setId(id)
            .setOlds(toStruct(oldOutputs))
            .setNews(toStruct(news))
            .setOldInputs(toStruct(oldInputs));
        const res: provpbTypes.DiffResponse = await this.call("diff", req);
        return { changes: CHANGES[res.getChanges()], replaces: res.getReplacesList(), deleteBeforeReplace: res.getDeletebeforereplace() };
    }

    /** `Create(properties = checked inputs)`. Never sent in preview: the host would really create. */
    async create(urn: string, inputs: PropertyMap): Promise<{ id: string; outputs: PropertyMap }> {
        const req = addressed(new provpb.CreateRequest(), urn).setProperties(toStruct(inputs));
        const res: provpbTypes.CreateResponse = await this.call("create", req);
        return { id: res.getId(), outputs: fromStruct(res.getProperties()) };
    }

    /** `Read(id, properties = old outputs, inputs = old inputs)`, as a refresh sends it. */
    async read(urn: string, id: string, oldOutputs: PropertyMap, oldInputs: PropertyMap): Promise<HostRead> {
        const req = addressed(new provpb.ReadRequest(), urn).setId(id).setProperties(toStruct(oldOutputs)).setInputs(toStruct(oldInputs));
        const res: provpbTypes.ReadResponse = await this.call("read", req);
        const inputs = res.getInputs();
        return { id: res.getId(), outputs: fromStruct(res.getProperties()), ...(inputs ? { inputs: fromStruct(inputs) } : {}) };
    }

    /** `Update(id, olds = old outputs, news = checked inputs, oldInputs)`: the new outputs. */
    async update(urn: string, id: string, oldOutputs: PropertyMap, news: PropertyMap, oldInputs: PropertyMap): Promise<PropertyMap> {
        const req = addressed(new provpb.UpdateRequest(), urn)
            .setId(id)
            .setOlds(toStruct(oldOutputs))
            .setNews(toStruct(news))
            .setOldInputs(toStruct(oldInputs));
        const res: provpbTypes.UpdateResponse = await this.call("update", req);
        return fromStruct(res.getProperties());
    }

    /** `Delete(id, properties = outputs, oldInputs = inputs)`. */
    async delete(urn: string, id: string, outputs: PropertyMap, inputs: PropertyMap): Promise<void> {
        const req = addressed(new provpb.DeleteRequest(), urn).setId(id).setProperties(toStruct(outputs)).setOldInputs(toStruct(inputs));
        await this.call("delete", req);
    }

    /** Closes the channel and kills the process; the host never exits by itself. */
    async stop(): Promise<void> {
        this.client.close();
        if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill("SIGTERM");
        await this.exited;
    }

    private async configure(): Promise<void> {
        const args: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(this.opts.config)) {
            args[key] = typeof value === "string" ? value : wrapSecret(value.secret);
        }
        const req = new provpb.ConfigureRequest()
            .setArgs(toStruct(args as PropertyMap))
            .setType(DEFAULT_PROVIDER_TYPE)
            .setName("default")
            .setUrn(`urn:pulumi:${this.opts.stack}::${this.opts.project}::${DEFAULT_PROVIDER_TYPE}::default`)
            .setAcceptsecrets(true)
            .setAcceptresources(true)
            .setSendsOldInputs(true)
            .setSendsOldInputsToDelete(true);
        await this.call("configure", req);
    }

    private call<T>(method: ProviderMethod, request: unknown): Promise<T> {
        return new Promise((resolve, reject) => {
            this.client[method].call(this.client, request, (error, response) => {
                if (error) reject(toHostError(error));
                else resolve(response as T);
            });
        });
    }
}

/**
 * The host the engine's plugin shim (`pulumi-resource-pulumi-nodejs`) starts: it resolves
 * `@pulumi/pulumi/cmd/dynamic-provider` from the program's directory, so a user's project runs its own copy, the one
 * its program registered resources with. Where the project has none, the shim fails to start, and so does this.
 */
function dynamicProviderHostModule(projectDir: string): string {
    try {
        return require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [projectDir] });
    } catch {
        throw new Error(
            `cannot start the dynamic-provider host: @pulumi/pulumi is not installed in ${projectDir} or a folder above it (npm install @pulumi/pulumi there)`,
        );
    }
}

function pulumiNodejsConfig(config: StackConfig): Record<string, string> {
    const prefix = "pulumi-nodejs:";
    return Object.fromEntries(
        Object.entries(config)
            .filter(([key]) => key.startsWith(prefix))
            .map(([key, value]) => [key.slice(prefix.length), typeof value === "string" ? value : value.secret]),
    );
}

function firstLine(child: ChildProcess, log: { stderr: string }): Promise<string> {
    return new Promise((resolve, reject) => {
        let out = "";
        const onData = (chunk: string) => {
            out += chunk;
            const newline = out.indexOf("\n");
            if (newline < 0) return;
            child.stdout!.off("data", onData);
            child.off("exit", onExit);
            resolve(out.slice(0, newline).trim());
        };
        const onExit = (code: number | null) => reject(new Error(`dynamic provider host exited (${code}) before listening: ${log.stderr}`));
        child.stdout!.on("data", onData);
        child.once("exit", onExit);
    });
}

function toStruct(map: PropertyMap): Struct {
    return structpb.Struct.fromJavaScript(dropUndefined(map) as Record<string, structpbTypes.JavaScriptValue>);
}

function fromStruct(struct: Struct | undefined): PropertyMap {
    return (struct?.toJavaScript() ?? {}) as PropertyMap;
}

function nameOf(urn: string): string {
    return urn.split("::").slice(3).join("::");
}

function typeOf(urn: string): string {
    return urn.split("::")[2].split("$").pop()!;
}

/** What every resource request carries about its resource, as the engine fills it in: the URN and its name and type. */
function addressed<T extends { setUrn(urn: string): T; setName(name: string): T; setType(type: string): T }>(request: T, urn: string): T {
    return request.setUrn(urn).setName(nameOf(urn)).setType(typeOf(urn));
}

function toHostError(error: grpcTypes.ServiceError): HostError {
    return new HostError(error.details || error.message, error.code, initFailureOf(error.metadata));
}

/** Unpacks `pulumirpc.ErrorResourceInitFailed` from `grpc-status-details-bin`, where the host puts partial failures. */
function initFailureOf(metadata: grpcTypes.Metadata | undefined): InitFailure | undefined {
    const [bin] = metadata?.get("grpc-status-details-bin") ?? [];
    if (!bin) return undefined;
    const status = statuspb.Status.deserializeBinary(typeof bin === "string" ? Buffer.from(bin, "base64") : bin);
    for (const any of status.getDetailsList()) {
        if (any.getTypeName() !== "pulumirpc.ErrorResourceInitFailed") continue;
        const detail = provpb.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
        return { id: detail.getId(), outputs: fromStruct(detail.getProperties()), reasons: detail.getReasonsList() };
    }
    return undefined;
}

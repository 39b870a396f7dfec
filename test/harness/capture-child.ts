/**
 * Child-process entry point: runs a Pulumi program under `pulumi.runtime.setMocks` and records every registration
 * as the engine would receive it. A separate process because mocks, config and program modules are process-global.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CAPTURE_REQUEST_ENV, type CaptureRequest } from "./capture-protocol";
import type { CapturedOptions, CapturedProgram, CapturedResource, PropertyMap } from "./types";
import { revealMapSecrets } from "./wire-values";

type Mocks = import("@pulumi/pulumi").runtime.Mocks;
type MockResourceArgs = import("@pulumi/pulumi").runtime.MockResourceArgs;
type RegisterResourceRequest = import("@pulumi/pulumi/proto/resource_pb").RegisterResourceRequest;
type Monitor = { registerResource(req: RegisterResourceRequest, callback: unknown): unknown };

const DYNAMIC_TYPE = /^pulumi-nodejs:dynamic(\/[^:]*)?:/;

async function main(): Promise<void> {
    const request = JSON.parse(process.env[CAPTURE_REQUEST_ENV]!) as CaptureRequest;
    const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [request.projectDir] }));
    const pulumi = require(pulumiDir) as typeof import("@pulumi/pulumi");
    const settings = require(path.join(pulumiDir, "runtime/settings"));
    const rpc = require(path.join(pulumiDir, "runtime/rpc"));

    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(request.config)) {
        config[key] = typeof value === "string" ? value : value.secret;
        if (typeof value !== "string") secretKeys.push(key);
    }
    pulumi.runtime.setAllConfig(config, secretKeys);

    const userMocks = request.mocks ? loadMocks(request.mocks) : undefined;
    const mocks: Mocks = {
        newResource: (args: MockResourceArgs) => {
            // Without an engine a dynamic resource's outputs are not available; hand dependants its inputs, which is
            // what a preview of a new resource gives them, with an id that is unknown.
            if (DYNAMIC_TYPE.test(args.type)) return { id: undefined, state: args.inputs };
            if (userMocks) return userMocks.newResource(args);
            return { id: request.preview ? undefined : `${args.name}-id`, state: args.inputs };
        },
        call: (args) => {
            if (!userMocks) throw new Error(`no mock for function ${args.token}`);
            return userMocks.call(args);
        },
    };
    await pulumi.runtime.setMocks(mocks, request.project, request.stack, request.preview);

    const resources: CapturedResource[] = [];
    const monitor = settings.getMonitor() as Monitor;
    const registerResource = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
        resources.push(describe(req, request));
        return registerResource(req, callback);
    };

    const program = require(request.program);
    const entry = request.exportName ? program[request.exportName] : typeof program === "function" ? program : undefined;
    const exported = entry ? await entry() : program;
    const wire = (await rpc.serializeProperties("outputs", Object(exported))) as PropertyMap;
    await settings.waitForRPCs();

    const outputs = revealMapSecrets(JSON.parse(JSON.stringify(wire)));
    const result: CapturedProgram = { preview: request.preview, resources, outputs: outputs.value, outputSecretPaths: outputs.secretPaths };
    fs.writeFileSync(request.outFile, JSON.stringify(result));
}

function loadMocks(spec: string): Mocks {
    const [file, exportName] = spec.split("#");
    const mod = require(path.resolve(file));
    const mocks = exportName ? mod[exportName] : (mod.mocks ?? mod.default ?? mod);
    if (typeof mocks?.newResource !== "function") throw new Error(`${spec} does not export pulumi.runtime.Mocks`);
    return mocks as Mocks;
}

function describe(req: RegisterResourceRequest, request: CaptureRequest): CapturedResource {
    const type = req.getType();
    const name = req.getName();
    const { value, secretPaths } = revealMapSecrets((req.getObject()?.toJavaScript() ?? {}) as PropertyMap);
    const timeouts = req.getCustomtimeouts();
    const options: CapturedOptions = {
        parent: req.getParent(),
        dependencies: req.getDependenciesList(),
        provider: req.getProvider(),
        ...(req.getDeletebeforereplacedefined() ? { deleteBeforeReplace: req.getDeletebeforereplace() } : {}),
        protect: req.getProtect() ?? false,
        retainOnDelete: req.getRetainondelete() ?? false,
        ignoreChanges: req.getIgnorechangesList(),
        replaceOnChanges: req.getReplaceonchangesList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        ...(timeouts && (timeouts.getCreate() || timeouts.getUpdate() || timeouts.getDelete())
            ? { customTimeouts: { create: timeouts.getCreate(), update: timeouts.getUpdate(), delete: timeouts.getDelete() } }
            : {}),
    };
    return {
        type,
        name,
        urn: urnOf(request, options.parent, type, name),
        custom: req.getCustom(),
        dynamic: DYNAMIC_TYPE.test(type),
        inputs: value,
        secretPaths,
        options,
    };
}

/** The engine's URN: a child's type is qualified by its parent's type chain. */
function urnOf(request: CaptureRequest, parent: string, type: string, name: string): string {
    const qualified = parent ? `${parent.split("::")[2]}$${type}` : type;
    return `urn:pulumi:${request.stack}::${request.project}::${qualified}::${name}`;
}

process.on("unhandledRejection", (error) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
});
main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
});

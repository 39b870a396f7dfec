/**
 * Plays the Pulumi engine for `pulumi-nodejs:dynamic*` resources: preview, up, refresh and destroy against the real
 * dynamic-provider host, with a persistent stack state.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkFailureMessage, stepErrorMessage } from "./engine-messages";
import { captureProgram } from "./program-capture";
import { HostError, ProviderHost } from "./provider-host";
import { resolveDiff, stepFor } from "./resource-diff";
import { runScheduled } from "./scheduler";
import { SecretSealer } from "./secret-sealer";
import { StackState } from "./stack-state";
import type {
    CapturedProgram,
    CapturedResource,
    CheckFailure,
    DiffDetails,
    OperationResult,
    Plan,
    PlannedStep,
    PropertyMap,
    PropertyPath,
    StackConfig,
    StateResource,
    StepOp,
} from "./types";

/** Everything that stays the same across the operations of one stack. */
export interface HarnessOptions {
    /** The Pulumi project directory: cwd of the program and of the provider host. */
    projectDir: string;
    /** Project name; defaults to `name:` in `<projectDir>/Pulumi.yaml`. */
    project?: string;
    /** Stack name; defaults to `dev`. */
    stack?: string;
    /** Stack config with namespaced keys; `{ secret }` values are secret config. Mutable later via `engine.config`. */
    config?: StackConfig;
    /** Environment for the program child and the provider host (what the CLI would inherit). */
    env?: NodeJS.ProcessEnv;
    /** Mocks for other packages' resources: a module path exporting `pulumi.runtime.Mocks`, or `<path>#<export>`. */
    mocks?: string;
    /** Program module; defaults to `<projectDir>/index.ts`. */
    program?: string;
    /** A named export of the program module to call as the program. */
    exportName?: string;
    /** How many independent steps may run at once, like `pulumi up --parallel`; defaults to 1 (registration order). */
    parallel?: number;
    /** Persist state to this file after every operation, and start from it when it exists. */
    stateFile?: string;
    /** Passphrase sealing secrets in state; defaults to a fixed test passphrase. */
    passphrase?: string;
}

/** An operation that failed: check failures or step errors. `result` says which steps ran. */
export class EngineError extends Error {
    /** @param result the steps that ran and every error message */
    constructor(readonly result: OperationResult) {
        super(result.errors.join("\n"));
        this.name = "EngineError";
    }
}

/** A program resource with its checked inputs and the step it needs. */
interface PlannedResource {
    resource: CapturedResource;
    old?: StateResource;
    checked: PropertyMap;
    failures: CheckFailure[];
    op: StepOp;
    diff?: DiffDetails;
    deleteBeforeReplace: boolean;
}

/** The engine. One instance is one stack; every operation starts a fresh provider host, like each CLI command. */
export class Engine {
    /** The stack's state after the last operation. */
    state: StackState;
    /** Stack config used by the next operation. */
    config: StackConfig;
    /** Everything every provider host of this engine wrote to stderr. */
    hostStderr = "";
    private readonly project: string;
    private readonly stack: string;
    private readonly sealer: SecretSealer;

    constructor(private readonly opts: HarnessOptions) {
        this.project = opts.project ?? projectName(opts.projectDir);
        this.stack = opts.stack ?? "dev";
        this.config = { ...opts.config };
        this.sealer = new SecretSealer(opts.passphrase ?? "pulumi-engine-harness");
        this.state = opts.stateFile ? StackState.load(opts.stateFile) : new StackState();
    }

    /** Runs the program under mocks (in a child process) and returns what it registered. */
    capture(options: { preview?: boolean } = {}): Promise<CapturedProgram> {
        return captureProgram({
            projectDir: this.opts.projectDir,
            program: this.opts.program,
            exportName: this.opts.exportName,
            project: this.project,
            stack: this.stack,
            preview: options.preview ?? false,
            config: this.config,
            mocks: this.opts.mocks,
            env: this.opts.env,
        });
    }

    /** Reads state values back in the clear, with the paths that were secret. */
    reveal(values: PropertyMap): { value: PropertyMap; secretPaths: PropertyPath[] } {
        return this.sealer.open(values);
    }

    /** `pulumi preview`: Check (and Diff for existing resources) only. Never calls Create and never changes state. */
    async preview(program?: CapturedProgram): Promise<Plan> {
        const captured = program ?? (await this.capture({ preview: true }));
        return this.withHost(async (host) => {
            const planned = await this.plan(host, captured);
            const steps: PlannedStep[] = planned.map((p) => ({
                urn: p.resource.urn,
                type: p.resource.type,
                op: p.op,
                failures: p.failures,
                ...(p.diff ? { diff: p.diff } : {}),
            }));
            for (const gone of this.deletions(captured)) steps.push({ urn: gone.urn, type: gone.type, op: "delete", failures: [] });
            return { steps, errors: checkErrors(planned) };
        });
    }

    /**
     * `pulumi up`: checks everything first (a check failure fails the operation before any change), then creates,
     * updates and replaces in dependency order, then deletes replaced and removed resources, dependants first.
     * Rejects with `EngineError` when anything failed; state keeps what did happen.
     */
    async up(program?: CapturedProgram): Promise<OperationResult> {
        const captured = program ?? (await this.capture({ preview: false }));
        return this.withHost(async (host) => {
            const result: OperationResult = { steps: [], errors: [] };
            // Replaced resources whose delete failed last time are retried first, as the engine does.
            await this.deleteAll(
                host,
                this.state.resources.filter((r) => r.pendingDelete),
                result,
            );
            if (result.errors.length > 0) return finish(result);
            const planned = await this.plan(host, captured);
            result.errors.push(...checkErrors(planned));
            if (result.errors.length > 0) return finish(result);
            await runScheduled(
                planned.map((p) => ({
                    key: p.resource.urn,
                    after: p.resource.options.dependencies,
                    run: () => this.execute(host, p, result),
                })),
                this.parallel,
            );
            if (result.errors.length === 0) await this.deleteAll(host, this.deletions(captured), result);
            return finish(result);
        });
    }

    /** `pulumi refresh`: Read every resource; a blank id drops it, otherwise outputs (and returned inputs) replace state. */
    async refresh(): Promise<OperationResult> {
        return this.withHost(async (host) => {
            const result: OperationResult = { steps: [], errors: [] };
            await runScheduled(
                this.state.resources.map((entry, i) => ({
                    key: String(i),
                    after: [],
                    run: () => this.step(result, entry.type, entry.urn, "refresh", () => this.refreshOne(host, entry)),
                })),
                this.parallel,
            );
            return finish(result);
        });
    }

    /** `pulumi destroy`: Delete everything, dependants first; a failed delete keeps its resource in state. */
    async destroy(): Promise<OperationResult> {
        return this.withHost(async (host) => {
            const result: OperationResult = { steps: [], errors: [] };
            await this.deleteAll(host, [...this.state.resources], result);
            return finish(result);
        });
    }

    private get parallel(): number {
        return Math.max(1, this.opts.parallel ?? 1);
    }

    private async withHost<T>(operation: (host: ProviderHost) => Promise<T>): Promise<T> {
        const host = await ProviderHost.start({
            projectDir: this.opts.projectDir,
            project: this.project,
            stack: this.stack,
            config: this.config,
            env: this.opts.env,
        });
        try {
            return await operation(host);
        } finally {
            await host.stop();
            this.hostStderr += host.stderr;
            if (this.opts.stateFile) this.state.save(this.opts.stateFile);
        }
    }

    /** Check and Diff every dynamic resource of the program, as the step generator does on registration. */
    private async plan(host: ProviderHost, program: CapturedProgram): Promise<PlannedResource[]> {
        const planned: PlannedResource[] = [];
        for (const resource of program.resources.filter((r) => r.dynamic)) {
            const old = this.state.get(resource.urn);
            const dbrOption = resource.options.deleteBeforeReplace;
            if (!old) {
                const { inputs, failures } = await host.check(resource.urn, {}, resource.inputs);
                planned.push({ resource, checked: inputs, failures, op: "create", deleteBeforeReplace: false });
                continue;
            }
            const oldInputs = this.sealer.open(old.inputs).value;
            const oldOutputs = this.sealer.open(old.outputs).value;
            let { inputs, failures } = await host.check(resource.urn, oldInputs, resource.inputs);
            if (failures.length > 0) {
                planned.push({ resource, old, checked: inputs, failures, op: "same", deleteBeforeReplace: false });
                continue;
            }
            const diff = resolveDiff(await host.diff(resource.urn, old.id, oldOutputs, inputs, oldInputs), oldInputs, inputs);
            // Like the engine, a resource left with initialisation errors is updated even when the provider sees no diff.
            const op = old.initErrors?.length && stepFor(diff) === "same" ? "update" : stepFor(diff);
            if (op === "replace") {
                // The replacement is a new resource, so the engine checks the inputs again without olds.
                ({ inputs, failures } = await host.check(resource.urn, {}, resource.inputs));
            }
            planned.push({
                resource,
                old,
                checked: inputs,
                failures,
                op,
                diff,
                deleteBeforeReplace: dbrOption ?? diff.deleteBeforeReplace,
            });
        }
        return planned;
    }

    /** State entries the program no longer registers, plus replaced resources awaiting delete. */
    private deletions(program: CapturedProgram): StateResource[] {
        const registered = new Set(program.resources.map((r) => r.urn));
        return this.state.resources.filter((r) => r.pendingDelete || !registered.has(r.urn));
    }

    private execute(host: ProviderHost, p: PlannedResource, result: OperationResult): Promise<void> {
        const { resource, old, checked } = p;
        return this.step(result, resource.type, resource.urn, p.op, async () => {
            if (p.op === "create") return this.create(host, resource, checked);
            if (!old) throw new Error(`no state for ${resource.urn}`);
            const oldInputs = this.sealer.open(old.inputs).value;
            const oldOutputs = this.sealer.open(old.outputs).value;
            if (p.op === "same") {
                // A same step still records the new inputs and dependencies.
                this.state.put({
                    ...old,
                    inputs: this.sealer.seal(checked, resource.secretPaths),
                    dependencies: resource.options.dependencies,
                });
            } else if (p.op === "update") {
                const outputs = await host.update(resource.urn, old.id, oldOutputs, checked, oldInputs);
                this.state.put(this.entry(resource, old.id, checked, outputs));
            } else if (p.deleteBeforeReplace) {
                await host.delete(resource.urn, old.id, oldOutputs, oldInputs);
                this.state.remove(old);
                await this.create(host, resource, checked);
            } else {
                old.pendingDelete = true;
                try {
                    await this.create(host, resource, checked);
                } catch (error) {
                    delete old.pendingDelete;
                    throw error;
                }
            }
        });
    }

    private async create(host: ProviderHost, resource: CapturedResource, checked: PropertyMap): Promise<void> {
        try {
            const { id, outputs } = await host.create(resource.urn, checked);
            this.state.put(this.entry(resource, id, checked, outputs));
        } catch (error) {
            // A partial failure means the resource exists: keep it, with what the provider reported.
            if (error instanceof HostError && error.initFailure) {
                this.state.put({
                    ...this.entry(resource, error.initFailure.id, checked, error.initFailure.outputs),
                    initErrors: error.initFailure.reasons,
                });
            }
            throw error;
        }
    }

    private async refreshOne(host: ProviderHost, entry: StateResource): Promise<void> {
        const inputs = this.sealer.open(entry.inputs);
        const outputs = this.sealer.open(entry.outputs);
        const read = await host.read(entry.urn, entry.id, outputs.value, inputs.value);
        if (!read.id) {
            this.state.remove(entry);
            return;
        }
        // The engine re-marks refreshed values secret where the old ones were.
        entry.id = read.id;
        entry.outputs = this.sealer.seal(read.outputs, outputs.secretPaths);
        if (read.inputs) entry.inputs = this.sealer.seal(read.inputs, inputs.secretPaths);
    }

    /** Deletes entries with dependants before their dependencies, each only after its dependants are gone. */
    private async deleteAll(host: ProviderHost, entries: StateResource[], result: OperationResult): Promise<void> {
        const ordered = [...entries].reverse();
        await runScheduled(
            ordered.map((entry, i) => ({
                key: String(i),
                after: ordered.flatMap((other, j) => (other.dependencies.includes(entry.urn) ? [String(j)] : [])),
                run: () =>
                    this.step(result, entry.type, entry.urn, "delete", async () => {
                        await host.delete(entry.urn, entry.id, this.sealer.open(entry.outputs).value, this.sealer.open(entry.inputs).value);
                        this.state.remove(entry);
                    }),
            })),
            this.parallel,
        );
    }

    private async step(result: OperationResult, type: string, urn: string, op: StepOp, work: () => Promise<void>): Promise<void> {
        try {
            await work();
            result.steps.push({ urn, op, status: "ok" });
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            result.steps.push({ urn, op, status: "failed", error: message });
            result.errors.push(stepErrorMessage(type, urn, message));
            throw error;
        }
    }

    /** A state entry with secrets sealed: outputs are secret where inputs were, plus `additionalSecretOutputs`. */
    private entry(resource: CapturedResource, id: string, inputs: PropertyMap, outputs: PropertyMap): StateResource {
        const outputSecrets = [...resource.secretPaths, ...resource.options.additionalSecretOutputs.map((key) => [key])];
        return {
            urn: resource.urn,
            type: resource.type,
            id,
            inputs: this.sealer.seal(inputs, resource.secretPaths),
            outputs: this.sealer.seal(outputs, outputSecrets),
            dependencies: resource.options.dependencies,
        };
    }
}

function checkErrors(planned: PlannedResource[]): string[] {
    return planned.flatMap((p) => p.failures.map((f) => checkFailureMessage(p.resource, f)));
}

function finish(result: OperationResult): OperationResult {
    if (result.errors.length > 0) throw new EngineError(result);
    return result;
}

function projectName(projectDir: string): string {
    const yaml = fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8");
    const match = /^name:\s*["']?([^"'\s]+)/m.exec(yaml);
    if (!match) throw new Error(`no project name in ${projectDir}/Pulumi.yaml`);
    return match[1];
}

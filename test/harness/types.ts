/**
 * Plain data shared by the harness modules. Everything here is JSON-serializable so that captured programs can
 * cross a process boundary and stack state can be saved to disk and scanned for leaked secrets.
 */

/** A JSON value as it travels in a protobuf `Struct`. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A property bag: resource inputs or outputs. */
export type PropertyMap = { [key: string]: JsonValue };

/** A path into a property bag: object keys and array indexes, outermost first. */
export type PropertyPath = (string | number)[];

/** A stack config value: plain text, or a secret that the engine would keep encrypted. */
export type ConfigValue = string | { secret: string };

/** Stack config keyed by namespaced key (`project:key`, `pulumi-nodejs:key`). */
export type StackConfig = Record<string, ConfigValue>;

/** Custom timeouts as the program declared them (Go duration strings, empty when unset). */
export interface CustomTimeouts {
    /** Timeout for create. */
    create: string;
    /** Timeout for update. */
    update: string;
    /** Timeout for delete. */
    delete: string;
}

/** One resource registration observed while running the program under mocks. */
export interface CapturedResource {
    /** Type token, e.g. `pulumi-nodejs:dynamic:Resource`. */
    type: string;
    /** Resource name as passed to the constructor. */
    name: string;
    /** `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. */
    urn: string;
    /** True for custom resources, false for components. */
    custom: boolean;
    /** True for `pulumi-nodejs:dynamic*` resources, the ones the harness drives on the host. */
    dynamic: boolean;
    /**
     * Inputs as the engine's provider plugin would send them: secret wrappers removed (see `secretPaths`),
     * unknowns replaced by the unknown sentinel, `__provider` kept as the real serialized provider text.
     */
    inputs: PropertyMap;
    /** Paths of input values the program marked secret. */
    secretPaths: PropertyPath[];
    /** Resource options the SDK sent on the wire. */
    options: CapturedOptions;
}

/** The resource options observable in a `RegisterResourceRequest`. */
export interface CapturedOptions {
    /** Parent URN, empty for top-level resources. */
    parent: string;
    /** URNs this resource depends on, explicit `dependsOn` plus those implied by its inputs. */
    dependencies: string[];
    /** Explicit provider reference (`urn::id`), empty for the default provider. */
    provider: string;
    /** The `deleteBeforeReplace` option; absent when the program left it unset, so the provider's diff decides. */
    deleteBeforeReplace?: boolean;
    /** The `protect` option. */
    protect: boolean;
    /** The `retainOnDelete` option. */
    retainOnDelete: boolean;
    /** The `ignoreChanges` option. */
    ignoreChanges: string[];
    /** The `replaceOnChanges` option. */
    replaceOnChanges: string[];
    /** The `additionalSecretOutputs` option. */
    additionalSecretOutputs: string[];
    /** The `customTimeouts` option, when given. */
    customTimeouts?: CustomTimeouts;
}

/** What one run of the program registered, in registration order. */
export interface CapturedProgram {
    /** Whether the program ran as a preview (`pulumi.runtime.isDryRun()`). */
    preview: boolean;
    /** Every registration, in order. */
    resources: CapturedResource[];
    /** Stack outputs: the program module's exports, unknowns as the sentinel, secrets unwrapped. */
    outputs: PropertyMap;
    /** Paths of stack outputs that are secret. */
    outputSecretPaths: PropertyPath[];
}

/** One resource in stack state. */
export interface StateResource {
    /** Resource URN. */
    urn: string;
    /** Type token. */
    type: string;
    /** Provider-assigned id. */
    id: string;
    /** Checked inputs, secrets sealed. */
    inputs: PropertyMap;
    /** Provider outputs, secrets sealed. */
    outputs: PropertyMap;
    /** URNs this resource depends on, to order deletes. */
    dependencies: string[];
    /** A replaced resource whose delete has not succeeded yet; the next `up` retries it first. */
    pendingDelete?: boolean;
    /** Why a create that made the resource failed to initialise it; the next `up` updates it even without a diff. */
    initErrors?: string[];
}

/** The shape `StackState` saves to disk. */
export interface StackStateFile {
    /** Resources in registration order. */
    resources: StateResource[];
}

/** A check failure as the host reported it. */
export interface CheckFailure {
    /** Top-level property path, empty when the failure is about the whole resource. */
    property: string;
    /** Why the value was rejected. */
    reason: string;
}

/** The planned or executed operation for one resource (`refresh` only in `refresh()` results). */
export type StepOp = "create" | "update" | "replace" | "delete" | "same" | "refresh";

/** What the provider's diff said, after the engine's own input diff for `DIFF_UNKNOWN`. */
export interface DiffDetails {
    /** The raw answer of the host: `unknown`, `none` or `some`. */
    providerChanges: "unknown" | "none" | "some";
    /** Properties that force replacement. */
    replaces: string[];
    /** Whether the provider asked for delete-before-replace. */
    deleteBeforeReplace: boolean;
    /** Top-level input keys that differ, when the engine diffed inputs itself. */
    changedKeys: string[];
}

/** One entry in a preview plan. */
export interface PlannedStep {
    /** Resource URN. */
    urn: string;
    /** Type token. */
    type: string;
    /** The planned operation. With check failures no diff is taken: `create` for new resources, else `same`. */
    op: StepOp;
    /** Check failures; a non-empty list means the preview fails for this resource. */
    failures: CheckFailure[];
    /** Diff details for existing resources. */
    diff?: DiffDetails;
}

/** A preview's answer. */
export interface Plan {
    /** Planned steps: program resources in registration order, then deletes. */
    steps: PlannedStep[];
    /** CLI-style messages for every check failure. */
    errors: string[];
}

/** The outcome of one executed step. */
export interface StepResult {
    /** Resource URN. */
    urn: string;
    /** The operation. */
    op: StepOp;
    /** `failed` when the provider rejected it; the message is in `error`. */
    status: "ok" | "failed";
    /** The host's error message. */
    error?: string;
}

/** The answer of `up`, `refresh` or `destroy`. */
export interface OperationResult {
    /** Executed steps, in completion order. */
    steps: StepResult[];
    /** Check failures and step errors, formatted like the CLI. Empty on success. */
    errors: string[];
}

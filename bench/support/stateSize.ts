/** What one resource costs in a stack's state, from `pulumi stack export`. */

/** A resource as `pulumi stack export` lists it (the fields sized here). */
export interface ExportedResource {
    type: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
}

/** Mean bytes per resource of one stack, as compact JSON: the size every checkpoint of a file backend rewrites. */
export interface ResourceStateSize {
    /** Resources measured. */
    resources: number;
    /** The whole resource entry (URN, type, id, inputs, outputs, provider reference and the rest). */
    bytes: number;
    /** Its inputs. */
    inputBytes: number;
    /** Its outputs. */
    outputBytes: number;
    /** `__provider` in inputs and in outputs together (0 for a plugin, which has none). */
    providerBytes: number;
}

const jsonBytes = (value: unknown): number => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value)));

/** The mean sizes of `resources`; all 0 without any. */
export function stateSizeOf(resources: ExportedResource[]): ResourceStateSize {
    const mean = (size: (resource: ExportedResource) => number): number =>
        resources.length === 0 ? 0 : Math.round(resources.reduce((sum, resource) => sum + size(resource), 0) / resources.length);
    return {
        resources: resources.length,
        bytes: mean(jsonBytes),
        inputBytes: mean((r) => jsonBytes(r.inputs)),
        outputBytes: mean((r) => jsonBytes(r.outputs)),
        providerBytes: mean((r) => jsonBytes(r.inputs?.__provider) + jsonBytes(r.outputs?.__provider)),
    };
}

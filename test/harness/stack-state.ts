/** The engine's checkpoint: the resources it manages, in registration order, with secrets sealed. */
import * as fs from "node:fs";
import type { StackStateFile, StateResource } from "./types";

/** Ordered stack resources, JSON-serializable, optionally persisted to a file. */
export class StackState {
    /** Resources in registration order; a replaced resource awaiting delete keeps its URN with `pendingDelete`. */
    resources: StateResource[];

    constructor(resources: StateResource[] = []) {
        this.resources = resources;
    }

    /** Reads a state file written by `save`; a missing file is an empty stack. */
    static load(file: string): StackState {
        if (!fs.existsSync(file)) return new StackState();
        return new StackState((JSON.parse(fs.readFileSync(file, "utf8")) as StackStateFile).resources);
    }

    /** Writes the state as JSON. */
    save(file: string): void {
        fs.writeFileSync(file, this.serialize());
    }

    /** The live (not pending-delete) resource with this URN. */
    get(urn: string): StateResource | undefined {
        return this.resources.find((r) => r.urn === urn && !r.pendingDelete);
    }

    /** Adds or replaces the live entry for `resource.urn`, keeping its position when it exists. */
    put(resource: StateResource): void {
        const index = this.resources.findIndex((r) => r.urn === resource.urn && !r.pendingDelete);
        if (index >= 0) this.resources[index] = resource;
        else this.resources.push(resource);
    }

    /** Removes exactly this entry (identity), so a pending delete and its replacement stay distinct. */
    remove(resource: StateResource): void {
        this.resources = this.resources.filter((r) => r !== resource);
    }

    /** The JSON a test scans for leaked secrets. */
    serialize(): string {
        const file: StackStateFile = { resources: this.resources };
        return JSON.stringify(file, null, 2);
    }
}

/** A toy stack for the harness self-tests: an Engine on the toy fixture with its object store in a temp dir. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Engine, type HarnessOptions } from "..";

/** Fixture project directory. */
export const TOY_PROJECT = path.resolve(__dirname, "../../fixtures/toy-provider");

/** The secret label every toy stack carries in config and passes to `alpha`. */
export const LABEL_SECRET = "label-7f3e-plaintext-must-not-leak";

/** The secret API token the toy provider reads in `configure`. */
export const TOKEN_SECRET = "tok-91c2-plaintext-must-not-leak";

/** What the toy provider keeps in its JSON file. */
export interface ToyStore {
    objects: Record<string, { content: string; kind: string; label?: string; revision: number; locked?: boolean }>;
    log: { op: "create" | "update" | "delete"; id: string; kind?: string }[];
    configured: { tokenSha256: string }[];
}

/** A toy stack and its store. */
export class ToyStack {
    readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "toy-stack-"));
    readonly storeFile = path.join(this.dir, "store.json");
    readonly stateFile = path.join(this.dir, "state.json");
    readonly engine: Engine;

    constructor(overrides: Partial<HarnessOptions> = {}) {
        this.engine = this.newEngine(overrides);
    }

    /** Another engine on the same stack and state file, as a later CLI run would be. */
    newEngine(overrides: Partial<HarnessOptions> = {}): Engine {
        return new Engine({
            projectDir: TOY_PROJECT,
            stack: "dev",
            config: { "toy:label": { secret: LABEL_SECRET }, "toy:apiToken": { secret: TOKEN_SECRET } },
            env: { TOY_STORE_FILE: this.storeFile },
            mocks: `${path.join(TOY_PROJECT, "mocks.ts")}#mocks`,
            stateFile: this.stateFile,
            ...overrides,
        });
    }

    /** The store as the provider left it; empty before the provider first wrote it. */
    store(): ToyStore {
        if (!fs.existsSync(this.storeFile)) return { objects: {}, log: [], configured: [] };
        return JSON.parse(fs.readFileSync(this.storeFile, "utf8")) as ToyStore;
    }

    /** Changes the store behind the provider's back (drift, locks, out-of-band deletes). */
    editStore(edit: (store: ToyStore) => void): void {
        const store = this.store();
        edit(store);
        fs.writeFileSync(this.storeFile, JSON.stringify(store));
    }

    /** The id of a resource in state. */
    idOf(name: string): string {
        const entry = this.engine.state.resources.find((r) => r.urn.endsWith(`::${name}`) && !r.pendingDelete);
        if (!entry) throw new Error(`${name} is not in state`);
        return entry.id;
    }

    /** Removes the temp dir. */
    dispose(): void {
        fs.rmSync(this.dir, { recursive: true, force: true });
    }
}

/** The URN of a toy object. */
export function toyUrn(name: string): string {
    return `urn:pulumi:dev::toy::pulumi-nodejs:dynamic/toy:Object::${name}`;
}

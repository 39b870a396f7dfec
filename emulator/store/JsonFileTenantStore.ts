import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import { MemoryTenantStore } from "./MemoryTenantStore";
import { COLLECTION_NAMES, type TenantState } from "./TenantState";

/**
 * Asserts that each collection `state` holds is a list of records with an id and properties, naming the first that is
 * not through `refuse`. Those are what the store reads itself; the rest of a record (its catalog, questions...) is
 * trusted as the emulator that wrote the file stored it.
 */
function assertTenantState(state: JsonObject, refuse: (problem: string) => Error): asserts state is JsonObject & Partial<TenantState> {
    for (const name of COLLECTION_NAMES) {
        const records = state[name];
        const valid =
            records === undefined ||
            (Array.isArray(records) &&
                records.every((record) => isJsonObject(record) && typeof record.id === "string" && isJsonObject(record.properties)));
        if (!valid) throw refuse(`its '${name}' is not a list of records with an id and properties`);
    }
}

/**
 * An in-memory tenant mirrored to a JSON file: loaded at construction, rewritten after every
 * transaction that changed it. Writes go to a temporary file that is then renamed over the
 * target, so a crash mid-write never leaves a truncated state file behind; a write that fails
 * rolls the transaction back, so memory never holds what the file does not.
 *
 * The file is held with a lock file beside it (`FILE.lock`, holding the process id) until
 * {@link JsonFileTenantStore.release}: two emulators on one file would each keep their own
 * tenant in memory and overwrite the other's writes.
 */
export class JsonFileTenantStore extends MemoryTenantStore {
    /**
     * @param path The state file; created on first change when missing.
     * @throws Error naming the file and the problem when its directory cannot be written, another
     *   emulator holds it, or it cannot be read as a tenant state: a misconfigured path fails at
     *   start, not at the first write.
     */
    constructor(private readonly path: string) {
        super(JsonFileTenantStore.open(path));
    }

    /** Gives the file up for another emulator; the tenant stays readable in memory. */
    release(): void {
        rmSync(JsonFileTenantStore.lockOf(this.path), { force: true });
    }

    protected override changed(): void {
        const temporary = JsonFileTenantStore.temporaryOf(this.path);
        writeFileSync(temporary, JSON.stringify(this.snapshot(), null, 2));
        renameSync(temporary, this.path);
    }

    private static temporaryOf(path: string): string {
        return `${path}.${process.pid}.tmp`;
    }

    private static lockOf(path: string): string {
        return `${path}.lock`;
    }

    private static open(path: string): Partial<TenantState> | undefined {
        // A real write, not access(2): root passes permission checks that a read-only mount still fails.
        const probe = JsonFileTenantStore.temporaryOf(path);
        try {
            writeFileSync(probe, "");
            rmSync(probe);
        } catch (error) {
            throw new Error(
                `Cannot use '${path}' as the emulator's state file: its directory '${dirname(path)}' is not writable (${(error as Error).message}).`,
                { cause: error },
            );
        }
        JsonFileTenantStore.lock(path);
        try {
            return existsSync(path) ? JsonFileTenantStore.read(path) : undefined;
        } catch (error) {
            rmSync(JsonFileTenantStore.lockOf(path), { force: true });
            throw error;
        }
    }

    private static lock(path: string): void {
        const lock = JsonFileTenantStore.lockOf(path);
        for (;;) {
            try {
                closeSync(openSync(lock, "wx"));
                writeFileSync(lock, String(process.pid));
                return;
            } catch (error) {
                if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
                    throw new Error(
                        `Cannot use '${path}' as the emulator's state file: its lock file '${lock}' cannot be created (${(error as Error).message}).`,
                        { cause: error },
                    );
                }
            }
            const holder = Number(readFileSync(lock, "utf8").trim());
            if (JsonFileTenantStore.isRunning(holder)) {
                throw new Error(
                    `Cannot use '${path}' as the emulator's state file: another emulator (process ${holder}) holds it (lock file '${lock}'). ` +
                        "Stop that emulator or use another file.",
                );
            }
            // The holder ended without releasing it (killed); the file is free.
            rmSync(lock, { force: true });
        }
    }

    private static isRunning(pid: number): boolean {
        if (!Number.isInteger(pid) || pid <= 0) return false;
        try {
            process.kill(pid, 0);
            return true;
        } catch (error) {
            return (error as NodeJS.ErrnoException).code === "EPERM";
        }
    }

    private static read(path: string): Partial<TenantState> {
        const refuse = (problem: string, cause?: unknown): Error =>
            new Error(`Cannot use '${path}' as the emulator's state file: ${problem}.`, { cause });
        let text: string;
        try {
            text = readFileSync(path, "utf8");
        } catch (error) {
            throw refuse(`it cannot be read (${(error as Error).message})`, error);
        }
        if (text.trim() === "") throw refuse("it is empty (delete it to start from an empty tenant)");
        let state: JsonValue;
        try {
            state = JSON.parse(text) as JsonValue;
        } catch (error) {
            throw refuse(`it is not valid JSON (${(error as Error).message})`, error);
        }
        if (!isJsonObject(state)) throw refuse("it holds no tenant state (expected a JSON object of collections)");
        assertTenantState(state, refuse);
        return state;
    }
}

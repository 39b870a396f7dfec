import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { MemoryTenantStore } from "./MemoryTenantStore";
import type { TenantState } from "./TenantState";

/**
 * An in-memory tenant mirrored to a JSON file: loaded at construction, rewritten after every
 * transaction that changed it. Writes go to a temporary file that is then renamed over the
 * target, so a crash mid-write never leaves a truncated state file behind; a write that fails
 * rolls the transaction back, so memory never holds what the file does not.
 */
export class JsonFileTenantStore extends MemoryTenantStore {
  /**
   * @param path The state file; created on first change when missing.
   * @throws Error when the file's directory cannot be written, so a misconfigured path fails at start, not at the first write.
   */
  constructor(private readonly path: string) {
    super(JsonFileTenantStore.open(path));
  }

  protected override changed(): void {
    const temporary = JsonFileTenantStore.temporaryOf(this.path);
    writeFileSync(temporary, JSON.stringify(this.snapshot(), null, 2));
    renameSync(temporary, this.path);
  }

  private static temporaryOf(path: string): string {
    return `${path}.${process.pid}.tmp`;
  }

  private static open(path: string): TenantState | undefined {
    // A real write, not access(2): root passes permission checks that a read-only mount still fails.
    const probe = JsonFileTenantStore.temporaryOf(path);
    try {
      writeFileSync(probe, "");
      rmSync(probe);
    } catch (error) {
      throw new Error(`Cannot use '${path}' as the emulator's state file: its directory '${dirname(path)}' is not writable (${(error as Error).message}).`);
    }
    if (!existsSync(path)) return undefined;
    return JSON.parse(readFileSync(path, "utf8")) as TenantState;
  }
}

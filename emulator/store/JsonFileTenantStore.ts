import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { MemoryTenantStore } from "./MemoryTenantStore";
import type { TenantState } from "./TenantState";

/**
 * An in-memory tenant mirrored to a JSON file: loaded at construction, rewritten after every
 * mutation. Writes go to a temporary file that is then renamed over the target, so a crash
 * mid-write never leaves a truncated state file behind.
 */
export class JsonFileTenantStore extends MemoryTenantStore {
  /** @param path The state file; created on first mutation when missing. */
  constructor(private readonly path: string) {
    super(JsonFileTenantStore.read(path));
  }

  protected override changed(): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.snapshot(), null, 2));
    renameSync(temporary, this.path);
  }

  private static read(path: string): TenantState | undefined {
    if (!existsSync(path)) return undefined;
    return JSON.parse(readFileSync(path, "utf8")) as TenantState;
  }
}

import {
  COLLECTION_NAMES,
  type CollectionName,
  type TenantRecords,
  type TenantState,
  type TenantStore,
} from "./TenantState";

type Collections = { [C in CollectionName]: Map<string, TenantRecords[C]> };

/** The default tenant store: everything in memory, gone when the process ends. */
export class MemoryTenantStore implements TenantStore {
  private collections: Collections = MemoryTenantStore.emptyCollections();

  /** @param initial Optional state to start from (e.g. loaded from disk). */
  constructor(initial?: TenantState) {
    if (initial) this.load(initial);
  }

  list<C extends CollectionName>(collection: C): TenantRecords[C][] {
    return [...this.collections[collection].values()].map((record) => structuredClone(record));
  }

  get<C extends CollectionName>(collection: C, id: string): TenantRecords[C] | undefined {
    const record = this.collections[collection].get(id);
    return record === undefined ? undefined : structuredClone(record);
  }

  put<C extends CollectionName>(collection: C, record: TenantRecords[C]): void {
    this.collections[collection].set(record.id, structuredClone(record));
    this.changed();
  }

  remove(collection: CollectionName, id: string): boolean {
    const removed = this.collections[collection].delete(id);
    if (removed) this.changed();
    return removed;
  }

  reset(): void {
    this.collections = MemoryTenantStore.emptyCollections();
    this.changed();
  }

  snapshot(): TenantState {
    const state = {} as { [C in CollectionName]: TenantRecords[C][] };
    for (const name of COLLECTION_NAMES) {
      (state as Record<CollectionName, unknown>)[name] = this.list(name);
    }
    return state;
  }

  /** Hook for subclasses that persist; called after every mutation. */
  protected changed(): void {}

  private load(state: TenantState): void {
    for (const name of COLLECTION_NAMES) {
      const map = this.collections[name] as Map<string, TenantRecords[CollectionName]>;
      for (const record of state[name] ?? []) map.set(record.id, structuredClone(record));
    }
  }

  private static emptyCollections(): Collections {
    return {
      catalogs: new Map(),
      accessPackages: new Map(),
      customWorkflowExtensions: new Map(),
      assignmentPolicies: new Map(),
      assignments: new Map(),
      assignmentRequests: new Map(),
    };
  }
}

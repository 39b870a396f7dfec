import { COLLECTION_NAMES, type CollectionName, type TenantRecords, type TenantState, type TenantStore } from "./TenantState";

type Collections = { [C in CollectionName]: Map<string, TenantRecords[C]> };

/**
 * The default tenant store: everything in memory, gone when the process ends. Every change
 * belongs to a transaction (one of its own when none is open) that is persisted once at its end
 * and rolled back whole when its work throws or the persisting fails.
 */
export class MemoryTenantStore implements TenantStore {
    private collections: Collections = MemoryTenantStore.emptyCollections();
    /** The collections as the open transaction found them; set by its first change. */
    private beforeTransaction: Collections | undefined;
    private depth = 0;

    /** @param initial Optional state to start from (e.g. loaded from disk, where a collection may be missing). */
    constructor(initial?: Partial<TenantState>) {
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
        this.transaction(() => {
            this.willChange();
            this.collections[collection].set(record.id, structuredClone(record));
        });
    }

    remove(collection: CollectionName, id: string): boolean {
        return this.transaction(() => {
            if (!this.collections[collection].has(id)) return false;
            this.willChange();
            return this.collections[collection].delete(id);
        });
    }

    reset(): void {
        this.transaction(() => {
            this.willChange();
            this.collections = MemoryTenantStore.emptyCollections();
        });
    }

    transaction<T>(work: () => T): T {
        const outermost = this.depth === 0;
        this.depth++;
        try {
            const result = work();
            if (outermost && this.beforeTransaction !== undefined) this.changed();
            return result;
        } catch (error) {
            if (outermost && this.beforeTransaction !== undefined) this.collections = this.beforeTransaction;
            throw error;
        } finally {
            this.depth--;
            if (outermost) this.beforeTransaction = undefined;
        }
    }

    snapshot(): TenantState {
        const state = {} as { [C in CollectionName]: TenantRecords[C][] };
        for (const name of COLLECTION_NAMES) {
            (state as Record<CollectionName, unknown>)[name] = this.list(name);
        }
        return state;
    }

    /** Hook for subclasses that persist: called once per transaction that changed something; throwing rolls it back. */
    protected changed(): void {}

    /** Keeps the state to roll back to; records are immutable once stored, so copying the maps suffices. */
    private willChange(): void {
        if (this.beforeTransaction !== undefined) return;
        const copy = {} as Record<CollectionName, unknown>;
        for (const name of COLLECTION_NAMES) copy[name] = new Map(this.collections[name]);
        this.beforeTransaction = copy as Collections;
    }

    private load(state: Partial<TenantState>): void {
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
            users: new Map(),
            groups: new Map(),
        };
    }
}

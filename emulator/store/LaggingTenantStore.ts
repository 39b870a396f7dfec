import type { VisibilityWindow } from "../faults/FaultRule";
import { OpenWindow } from "../faults/OpenWindow";
import {
    COLLECTION_NAMES,
    type CollectionName,
    type EntityRecord,
    type TenantRecords,
    type TenantState,
    type TenantStore,
} from "./TenantState";

/** One stored object with the collection it is in. */
export interface StoredObject {
    /** The collection. */
    collection: CollectionName;
    /** The record as stored. */
    record: EntityRecord;
}

/** One object a read replica has not caught up with. */
interface Lag {
    window: OpenWindow;
    /** Whether lists and expansions lag too, not only a GET of the object's own URL. */
    hideFromLists: boolean;
    /** The version a replace made obsolete, served instead of the current one; absent: the object is not served at all. */
    previous?: StoredObject;
}

/** One GET being served: the id its URL names, and the lagging objects it ran into. */
interface ReadSession {
    target: string | undefined;
    met: Set<string>;
}

/**
 * The tenant as Graph's eventually consistent read side serves it. Outside {@link read} it is
 * the store it wraps; inside, objects with an open lag window are missing (after a create) or
 * in their old version (after a replace): on a GET of their own URL always, in lists and
 * expansions only when the window says `hideFromLists`. Writes and the admin API always see
 * the truth. Each window counts one GET per request that ran into it, however often.
 */
export class LaggingTenantStore implements TenantStore {
    private readonly lags = new Map<string, Lag>();
    private session: ReadSession | undefined;

    /** @param inner The consistent store. */
    constructor(private readonly inner: TenantStore) {}

    /** The newly created object `id` is not served while `window` lasts. */
    hideNew(id: string, window: VisibilityWindow, hideFromLists: boolean): void {
        this.arm(id.toLowerCase(), { window: new OpenWindow(window), hideFromLists });
    }

    /** The version found by {@link find} before a replace is served instead of the current one while `window` lasts. */
    serveStale(previous: StoredObject, window: VisibilityWindow, hideFromLists: boolean): void {
        this.arm(previous.record.id, { window: new OpenWindow(window), hideFromLists, previous });
    }

    /** The current version of the object `id` and its collection (ids are GUIDs, unique across collections). */
    find(id: string): StoredObject | undefined {
        for (const collection of COLLECTION_NAMES) {
            const record = this.inner.get(collection, id.toLowerCase());
            if (record !== undefined) return { collection, record };
        }
        return undefined;
    }

    /** Closes every lag window. */
    clear(): void {
        this.lags.clear();
    }

    /**
     * Runs the work of one GET against the lagging read side. Handlers are synchronous, so no
     * other request can read while the session is open.
     * @param target The id the request's URL names (`{id}` of its route), if any.
     */
    read<T>(target: string | undefined, work: () => T): T {
        const session: ReadSession = { target: target?.toLowerCase(), met: new Set() };
        this.session = session;
        try {
            return work();
        } finally {
            this.session = undefined;
            for (const id of session.met) {
                const lag = this.lags.get(id);
                lag?.window.count();
                if (lag !== undefined && !lag.window.open) this.lags.delete(id);
            }
        }
    }

    get<C extends CollectionName>(collection: C, id: string): TenantRecords[C] | undefined {
        const record = this.inner.get(collection, id);
        if (record === undefined) return undefined;
        const lag = this.lagOf(record.id, this.session?.target === record.id);
        return lag === undefined ? record : this.served(collection, record, lag);
    }

    list<C extends CollectionName>(collection: C): TenantRecords[C][] {
        const records = this.inner.list(collection);
        if (this.session === undefined || this.lags.size === 0) return records;
        return records.flatMap((record) => {
            const lag = this.lagOf(record.id, false);
            if (lag === undefined) return [record];
            const served = this.served(collection, record, lag);
            return served === undefined ? [] : [served];
        });
    }

    put<C extends CollectionName>(collection: C, record: TenantRecords[C]): void {
        this.inner.put(collection, record);
    }

    remove(collection: CollectionName, id: string): boolean {
        return this.inner.remove(collection, id);
    }

    reset(): void {
        this.inner.reset();
    }

    snapshot(): TenantState {
        return this.inner.snapshot();
    }

    transaction<T>(work: () => T): T {
        return this.inner.transaction(work);
    }

    /**
     * Opens a window for `id`, first forgetting those no GET can run into any more (over, or
     * about an object since deleted), which would otherwise stay until a GET met them.
     */
    private arm(id: string, lag: Lag): void {
        for (const [key, { window }] of this.lags) if (!window.open || this.find(key) === undefined) this.lags.delete(key);
        this.lags.set(id, lag);
    }

    /** The open window the current GET runs into for `id`, if any. */
    private lagOf(id: string, ownUrl: boolean): Lag | undefined {
        if (this.session === undefined) return undefined;
        const lag = this.lags.get(id);
        if (lag === undefined) return undefined;
        if (!lag.window.open) {
            this.lags.delete(id);
            return undefined;
        }
        if (!ownUrl && !lag.hideFromLists) return undefined;
        this.session.met.add(id);
        return lag;
    }

    private served<C extends CollectionName>(collection: C, current: TenantRecords[C], lag: Lag): TenantRecords[C] | undefined {
        if (lag.previous === undefined) return undefined;
        return lag.previous.collection === collection ? (structuredClone(lag.previous.record) as TenantRecords[C]) : current;
    }
}

import { graphInstant } from "./graphTime";

// How long after a write Graph's replicas may still answer from before it (users report seconds, rarely a minute).
// A refresh this close to the last write state knows of does not believe a 404 or an older body at once...
const REPLICATION_LAG_MS = 2 * 60_000;

// ...but reads again, this many times in all, before it does: Graph usually catches up within the backoff they span
// (some 7-14 s with the default timing), and a policy really deleted or changed elsewhere costs no longer than that.
export const READS_WHILE_BEHIND = 4;

/** Whether `at` (a Graph timestamp) lies less than the replication lag before `now` (Graph's clock). */
export function withinReplicationLag(at: string | undefined, now: number): boolean {
    const instantAt = graphInstant(at);
    return instantAt !== undefined && now - instantAt < REPLICATION_LAG_MS;
}

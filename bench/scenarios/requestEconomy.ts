/**
 * Graph requests per policy for each engine operation, counted from the emulator's request log while the real
 * host runs the operation for a few policies (and divided by their number).
 */
import type { RunningGraphEmulator } from "../../emulator";
import type { Engine } from "../../test/harness";
import { policiesConfig, policiesEngine } from "../support/benchPrograms";
import { seedAccessPackages } from "../support/benchTenant";
import { expectSteps } from "../support/expectSteps";
import { withGraphTraffic } from "../support/graphTraffic";

/** Requests one operation made, per policy. */
export interface OperationRequests {
    /** Engine operation. */
    operation: "create" | "update" | "replace" | "refresh (read)" | "delete" | "preview" | "no-op up";
    /** The target, as text. */
    target: string;
    /** Graph requests per policy. */
    perPolicy: number;
    /** Requests per policy by route (`METHOD /template`). */
    byRoute: Record<string, number>;
}

/** Result of the request-economy scenario. */
export interface RequestEconomy {
    /** Policies each operation ran on. */
    policies: number;
    /** Requests per operation. */
    operations: OperationRequests[];
    /** The `__provider` text of a policy as stored in state outputs after create. */
    stateProvider: string;
}

/** Runs create, no-op up, refresh, preview of an update, update, replace and delete on `count` policies. */
export async function measureRequestEconomy(emulator: RunningGraphEmulator, count: number): Promise<RequestEconomy> {
    const packages = await seedAccessPackages(emulator.admin, 4, "economy");
    const [original, moved] = [packages.slice(0, 2), packages.slice(2)];
    const engine = policiesEngine(emulator, policiesConfig(count, original));
    const operations: OperationRequests[] = [];

    const measure = async <T>(
        operation: OperationRequests["operation"],
        target: string,
        work: (engine: Engine) => Promise<T>,
        check: (result: T) => void,
    ): Promise<void> => {
        const { result, traffic } = await withGraphTraffic(emulator.admin, () => work(engine));
        check(result);
        const perPolicy = (n: number): number => n / count;
        operations.push({
            operation,
            target,
            perPolicy: perPolicy(traffic.total),
            byRoute: Object.fromEntries(Object.entries(traffic.byRoute).map(([route, n]) => [route, perPolicy(n)])),
        });
    };

    await measure(
        "create",
        "≤ 3",
        (e) => e.up(),
        (r) => expectSteps("create", r.steps, { create: count }),
    );
    const stateProvider = engine.state.resources[0]?.outputs.__provider;
    if (typeof stateProvider !== "string") throw new Error("no __provider in state outputs after create");
    await measure(
        "no-op up",
        "0",
        (e) => e.up(),
        (r) => expectSteps("no-op up", r.steps, { same: count }),
    );
    await measure(
        "refresh (read)",
        "1",
        (e) => e.refresh(),
        (r) => expectSteps("refresh", r.steps, { refresh: count }),
    );
    engine.config = policiesConfig(count, original, "Benchmark policy, changed.");
    await measure(
        "preview",
        "0",
        (e) => e.preview(),
        (plan) => expectSteps("preview", plan.steps, { update: count }),
    );
    await measure(
        "update",
        "≤ 2",
        (e) => e.up(),
        (r) => expectSteps("update", r.steps, { update: count }),
    );
    engine.config = policiesConfig(count, moved, "Benchmark policy, changed.");
    await measure(
        "replace",
        "— (create + delete)",
        (e) => e.up(),
        (r) => expectSteps("replace", r.steps, { replace: count, delete: count }),
    );
    await measure(
        "delete",
        "≤ 2",
        (e) => e.destroy(),
        (r) => expectSteps("delete", r.steps, { delete: count }),
    );
    return { policies: count, operations, stateProvider };
}

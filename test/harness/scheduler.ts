/** Runs engine steps in dependency order with bounded parallelism, stopping new work after the first failure. */

/** One unit of work. */
export interface ScheduledTask {
    /** Unique key; other tasks name it in `after`. */
    key: string;
    /** Keys that must finish successfully first; keys not in the batch are ignored. */
    after: string[];
    /** The work. */
    run: () => Promise<void>;
}

/** How a task ended: `skipped` when an earlier failure stopped the batch before it started. */
export type TaskOutcome = "ok" | "failed" | "skipped";

/**
 * Starts tasks in list order as soon as their predecessors succeeded, at most `parallel` at a time. Like the engine,
 * a failure lets running tasks finish but starts nothing new.
 */
export async function runScheduled(tasks: ScheduledTask[], parallel: number): Promise<Map<string, TaskOutcome>> {
    const outcomes = new Map<string, TaskOutcome>();
    const keys = new Set(tasks.map((t) => t.key));
    const waiting = [...tasks];
    let running = 0;
    let failed = false;
    return new Promise((resolve) => {
        const pump = (): void => {
            while (!failed && running < parallel) {
                const index = waiting.findIndex((t) => t.after.every((k) => !keys.has(k) || outcomes.get(k) === "ok"));
                if (index < 0) break;
                const [task] = waiting.splice(index, 1);
                running++;
                task.run()
                    .then(
                        () => outcomes.set(task.key, "ok"),
                        () => {
                            outcomes.set(task.key, "failed");
                            failed = true;
                        },
                    )
                    .finally(() => {
                        running--;
                        pump();
                    });
            }
            if (running === 0) {
                for (const task of waiting) outcomes.set(task.key, "skipped");
                resolve(outcomes);
            }
        };
        pump();
    });
}

/**
 * Runs tasks that share a key one after another, in call order; tasks with different keys run concurrently.
 * Used to serialise creates in one access package, which Graph answers with 409 when they race.
 */
export class KeyedMutex {
    private readonly tails = new Map<string, Promise<void>>();
    private readonly queued = new Map<string, number>();

    /**
     * Runs `task` once every task queued before it with this key has finished. With `maxWaitMs`, gives up waiting
     * after `maxWaitMs(ahead)` milliseconds (`ahead`: the tasks queued before it) and rejects with `onGiveUp(ahead)`
     * without running `task`; the tasks after it still wait for those before it.
     */
    async run<T>(
        key: string,
        task: () => Promise<T>,
        maxWaitMs?: (ahead: number) => number,
        onGiveUp?: (ahead: number) => Error,
    ): Promise<T> {
        const previous = this.tails.get(key) ?? Promise.resolve();
        const ahead = this.queued.get(key) ?? 0;
        this.queued.set(key, ahead + 1);
        let release!: () => void;
        const done = new Promise<void>((resolve) => (release = resolve));
        const tail = previous.then(() => done);
        this.tails.set(key, tail);
        let timer: NodeJS.Timeout | undefined;
        try {
            const turn = previous.then(() => true);
            const acquired =
                maxWaitMs === undefined || ahead === 0
                    ? await turn
                    : await Promise.race([
                          turn,
                          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), maxWaitMs(ahead)))),
                      ]);
            if (!acquired) {
                throw onGiveUp?.(ahead) ?? new Error(`gave up waiting for ${ahead} tasks queued before this one`);
            }
            return await task();
        } finally {
            clearTimeout(timer);
            release();
            const left = (this.queued.get(key) ?? 1) - 1;
            if (left > 0) this.queued.set(key, left);
            else this.queued.delete(key);
            if (this.tails.get(key) === tail) {
                this.tails.delete(key);
            }
        }
    }
}

/**
 * Runs tasks that share a key one after another, in call order; tasks with different keys run concurrently.
 * Used to serialise creates in one access package, which Graph answers with 409 when they race.
 */
export class KeyedMutex {
    private readonly tails = new Map<string, Promise<void>>();

    async run<T>(key: string, task: () => Promise<T>): Promise<T> {
        const previous = this.tails.get(key) ?? Promise.resolve();
        let release!: () => void;
        const done = new Promise<void>((resolve) => (release = resolve));
        const tail = previous.then(() => done);
        this.tails.set(key, tail);
        await previous;
        try {
            return await task();
        } finally {
            release();
            if (this.tails.get(key) === tail) {
                this.tails.delete(key);
            }
        }
    }
}

/** A token bucket: `ratePerSecond` sustained, `capacity` burst. */
export class TokenBucket {
    private tokens: number;
    private last: number;

    constructor(
        private readonly ratePerSecond: number,
        private readonly capacity: number,
        private readonly clock: () => number = Date.now,
    ) {
        this.tokens = capacity;
        this.last = clock();
    }

    /** Takes a token; when none is left, answers the seconds until one is (at least 1). */
    take(): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
        const now = this.clock();
        this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
        this.last = now;
        if (this.tokens >= 1) {
            this.tokens -= 1;
            return { allowed: true };
        }
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.ratePerSecond)) };
    }
}

import type { VisibilityWindow } from "./FaultRule";

/** A visibility window once armed: it ends at a time, after a number of GETs, or whichever comes first. */
export class OpenWindow {
    private readonly until: number | undefined;
    private remaining: number | undefined;

    /** @param spec The rule's window; neither `ms` nor `requests` means one GET. */
    constructor(spec: VisibilityWindow) {
        const unbounded = spec.ms === undefined && spec.requests === undefined;
        this.until = spec.ms === undefined ? undefined : Date.now() + spec.ms;
        this.remaining = unbounded ? 1 : spec.requests;
    }

    /** Whether the window still lasts. */
    get open(): boolean {
        return (this.until === undefined || Date.now() < this.until) && (this.remaining === undefined || this.remaining > 0);
    }

    /** Counts one GET the window answered. */
    count(): void {
        if (this.remaining !== undefined) this.remaining--;
    }
}

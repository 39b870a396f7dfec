/** Guards a measurement: the operation must have done exactly what the figure claims to measure. */
import type { StepOp } from "../../test/harness";

/** Throws unless `steps` holds exactly `expected` operations (by kind), all of them successful when they report it. */
export function expectSteps(
    label: string,
    steps: { op: StepOp; status?: "ok" | "failed" }[],
    expected: Partial<Record<StepOp, number>>,
): void {
    const seen: Partial<Record<StepOp, number>> = {};
    for (const step of steps) {
        if (step.status === "failed") throw new Error(`${label}: a ${step.op} step failed`);
        seen[step.op] = (seen[step.op] ?? 0) + 1;
    }
    const keys = new Set([...Object.keys(seen), ...Object.keys(expected)] as StepOp[]);
    for (const op of keys) {
        if ((seen[op] ?? 0) !== (expected[op] ?? 0)) {
            throw new Error(`${label}: expected steps ${JSON.stringify(expected)}, got ${JSON.stringify(seen)}`);
        }
    }
}

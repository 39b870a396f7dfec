import { runMarkedCreate, type CreateDeps } from "./createStateMachine";
import { KeyedMutex } from "./keyedMutex";
import type { OperationContext, Policy } from "./operationContext";

// Creates in one access package race into 409 Conflict on the service side; one process never sends two at once.
const createsByAccessPackage = new KeyedMutex();

/** {@link PolicyApi.create}: the marked create, queued behind the other creates of this process in the access package. */
export async function createPolicy(deps: CreateDeps, body: Policy, call: OperationContext): Promise<Policy> {
    const displayName = body.displayName ?? call.displayName;
    const accessPackageId = body.accessPackage?.id;
    if (!accessPackageId || !displayName) {
        throw new Error(`creating access package assignment policy: the body needs accessPackage.id and displayName.`);
    }
    // The operation timeout is this create's budget for its own requests: creates queued before it in the package
    // (engine parallelism) must not use it up. Their wait is bounded apart: each of them ends within its own
    // budget, so the wait ends within one budget per create ahead (and one more for slack).
    const budget = Math.max(0, call.deadline - deps.now());
    const queueFull = (ahead: number): Error =>
        new Error(
            `creating access package assignment policy "${displayName}": the ${ahead} create(s) queued before it in access package ` +
                `${accessPackageId} did not finish within ${ahead + 1} times the operation timeout; nothing was sent. ` +
                "Run `pulumi up` again, or lower the parallelism (`pulumi up --parallel 4`).",
        );
    return createsByAccessPackage.run(
        accessPackageId.toLowerCase(),
        () => runMarkedCreate(deps, body, accessPackageId, displayName, { ...call, deadline: deps.now() + budget }),
        (ahead) => (ahead + 1) * budget,
        queueFull,
    );
}

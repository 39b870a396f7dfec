/** Bytes of `__provider` per resource: ours from state, next to the conventional provider serialized by Pulumi. */
import * as pulumi from "@pulumi/pulumi";
import { BaselinePolicyProvider } from "../baseline/BaselinePolicyProvider";

/** One provider's serialized size. */
export interface SerializedSize {
    /** Which provider. */
    provider: string;
    /** UTF-8 bytes of `__provider`. */
    bytes: number;
}

/** The target from the issue. */
export const SERIALIZED_SIZE_TARGET_BYTES = 2048;

/** Ours (as found in state) and the baseline (serialized here exactly as `pulumi.dynamic.Resource` does it). */
export async function measureSerializedSize(stateProvider: string): Promise<SerializedSize[]> {
    const baseline = new BaselinePolicyProvider();
    const { text } = await pulumi.runtime.serializeFunction(() => baseline, { allowSecrets: true });
    return [
        { provider: "AccessPackageAssignmentPolicy (state)", bytes: Buffer.byteLength(stateProvider) },
        { provider: "baseline: class + module-level Graph client", bytes: Buffer.byteLength(text) },
    ];
}

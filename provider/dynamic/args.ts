/** The user-facing argument type of the resource: the plain inputs with every level accepting Pulumi inputs. */
import type * as pulumi from "@pulumi/pulumi";
import type { WrittenPolicyInputs } from "../core/types/writtenInputs";

/**
 * `T` with every property, array element and nested field accepting a `pulumi.Input`. Distributes over unions, so
 * discriminated unions (subject sets, questions) keep their `@odata.type` literals. An optional property also takes
 * `null`, as Graph's documented bodies write it (`"endDateTime": null`): `check` reads `null` as "not set".
 */
export type DeepInput<T> = T extends string | number | boolean | null | undefined
    ? T
    : T extends readonly (infer E)[]
      ? pulumi.Input<DeepInput<E>>[]
      : { [K in keyof T]: pulumi.Input<DeepInput<T[K]>> | (undefined extends T[K] ? null : never) };

/** Arguments of `AccessPackageAssignmentPolicy`: {@link WrittenPolicyInputs}, each value at any depth a `pulumi.Input`. */
export type AccessPackageAssignmentPolicyArgs = DeepInput<WrittenPolicyInputs>;

/**
 * What every exported program holds, whatever its language: the id constants, then the policies grouped by access
 * package in a stable order, each with its resource name. Languages differ only in how they spell it.
 */
import type { ExportedPolicy } from "./exportedPolicy";
import { idConstants, type IdConstant } from "./idConstants";
import { resourceNames } from "./resourceNames";

/** One resource of the program. */
export interface PlannedResource {
    /** The Pulumi resource name. */
    name: string;
    policy: ExportedPolicy;
}

/** The policies of one access package. */
export interface PlannedPackage {
    accessPackageId: string;
    /** The constant that holds the access package's id, when there is one. */
    constant?: string;
    resources: PlannedResource[];
}

/** A whole program. */
export interface ProgramPlan {
    constants: IdConstant[];
    /** Id to the name of the constant that holds it. */
    constantOf: ReadonlyMap<string, string>;
    packages: PlannedPackage[];
}

/** Access package first, then display name, then id: the same tenant always exports the same file. */
function byPackageThenName(a: ExportedPolicy, b: ExportedPolicy): number {
    const key = (policy: ExportedPolicy): string[] => [policy.inputs.accessPackageId, policy.inputs.displayName, policy.id];
    const [left, right] = [key(a), key(b)];
    for (let i = 0; i < left.length; i++) {
        if (left[i] !== right[i]) {
            return left[i] < right[i] ? -1 : 1;
        }
    }
    return 0;
}

/** The plan of the program that adopts `policies`, independent of the order they were listed in. */
export function programPlan(policies: readonly ExportedPolicy[]): ProgramPlan {
    const sorted = [...policies].sort(byPackageThenName);
    const names = resourceNames(sorted.map((policy) => ({ id: policy.id, displayName: policy.inputs.displayName })));
    const constants = idConstants(sorted);
    const constantOf = new Map(constants.map((constant) => [constant.id, constant.name]));
    const packages: PlannedPackage[] = [];
    for (const policy of sorted) {
        const { accessPackageId } = policy.inputs;
        if (packages.at(-1)?.accessPackageId !== accessPackageId) {
            const constant = constantOf.get(accessPackageId);
            packages.push({ accessPackageId, ...(constant === undefined ? {} : { constant }), resources: [] });
        }
        (packages.at(-1) as PlannedPackage).resources.push({ name: names.get(policy.id) as string, policy });
    }
    return { constants, constantOf, packages };
}

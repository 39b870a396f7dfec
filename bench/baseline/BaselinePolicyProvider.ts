/**
 * The size baseline: an assignment policy provider written the way most dynamic providers are, as a class whose
 * methods call the Graph SDK imported at module level. Serializing it captures every method by value and the SDK as
 * a `require` of its resolved file, which is what `__provider` would carry for each resource without our indirection.
 * It is only serialized, never run by the benchmark.
 */
import type * as pulumi from "@pulumi/pulumi";
import { Client, GraphError } from "@microsoft/microsoft-graph-client";

const POLICIES = "/identityGovernance/entitlementManagement/assignmentPolicies";

/** The inputs the baseline accepts: Graph's policy body with `accessPackageId` in place of `accessPackage`. */
export interface BaselinePolicyInputs {
    /** Access package the policy belongs to; changing it replaces the policy. */
    accessPackageId: string;
    /** Policy display name. */
    displayName: string;
    /** Any other Graph property, passed through as is. */
    [property: string]: unknown;
}

/** A conventional dynamic provider for `accessPackageAssignmentPolicy`, Graph client at module level. */
export class BaselinePolicyProvider implements pulumi.dynamic.ResourceProvider<BaselinePolicyInputs, BaselinePolicyInputs> {
    private client(): Client {
        return Client.init({
            baseUrl: process.env.ENTRA_GRAPH_ENDPOINT ?? "https://graph.microsoft.com",
            defaultVersion: "v1.0",
            authProvider: (done) => done(null, process.env.ENTRA_GRAPH_TOKEN ?? ""),
        });
    }

    private body(inputs: BaselinePolicyInputs): Record<string, unknown> {
        const { accessPackageId, ...rest } = inputs;
        return { ...rest, accessPackage: { id: accessPackageId } };
    }

    async check(_olds: BaselinePolicyInputs, news: BaselinePolicyInputs): Promise<pulumi.dynamic.CheckResult<BaselinePolicyInputs>> {
        const failures = ["accessPackageId", "displayName"]
            .filter((property) => typeof news[property] !== "string")
            .map((property) => ({ property, reason: `${property} is required` }));
        return { inputs: news, failures };
    }

    async diff(_id: string, olds: BaselinePolicyInputs, news: BaselinePolicyInputs): Promise<pulumi.dynamic.DiffResult> {
        const changed = Object.keys({ ...olds, ...news }).filter((key) => JSON.stringify(olds[key]) !== JSON.stringify(news[key]));
        return { changes: changed.length > 0, replaces: changed.filter((key) => key === "accessPackageId") };
    }

    async create(inputs: BaselinePolicyInputs): Promise<pulumi.dynamic.CreateResult<BaselinePolicyInputs>> {
        const created = await this.client().api(POLICIES).post(this.body(inputs));
        return { id: created.id, outs: inputs };
    }

    async read(id: string, props?: BaselinePolicyInputs): Promise<pulumi.dynamic.ReadResult<BaselinePolicyInputs>> {
        try {
            const policy = await this.client().api(`${POLICIES}/${id}`).expand("accessPackage").get();
            return { id, props: { ...props, ...policy, accessPackageId: policy.accessPackage.id } };
        } catch (error) {
            if (error instanceof GraphError && error.statusCode === 404) return {};
            throw error;
        }
    }

    async update(
        id: string,
        _olds: BaselinePolicyInputs,
        news: BaselinePolicyInputs,
    ): Promise<pulumi.dynamic.UpdateResult<BaselinePolicyInputs>> {
        await this.client().api(`${POLICIES}/${id}`).put(this.body(news));
        return { outs: news };
    }

    async delete(id: string): Promise<void> {
        await this.client().api(`${POLICIES}/${id}`).delete();
    }
}

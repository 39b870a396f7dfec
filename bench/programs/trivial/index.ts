/**
 * `bench:count` resources (2 when unset) of a dynamic provider that does no I/O: what the engine and the host cost
 * before any provider code of ours runs. The host start-up scenario takes two, so that it can tell the first
 * `Create` (cold) from the second (warm); the CLI scale scenario takes as many as it has policies.
 */
import * as pulumi from "@pulumi/pulumi";

const provider: pulumi.dynamic.ResourceProvider = {
    async check(_olds, news) {
        return { inputs: news };
    },
    async create(inputs) {
        return { id: `trivial-${inputs.value}`, outs: inputs };
    },
};

class Trivial extends pulumi.dynamic.Resource {
    constructor(name: string, value: string) {
        super(provider, name, { value }, undefined, "bench", "Trivial");
    }
}

const count = new pulumi.Config("bench").getNumber("count") ?? 2;
for (let i = 0; i < count; i++) {
    new Trivial(`trivial-${i}`, String(i));
}

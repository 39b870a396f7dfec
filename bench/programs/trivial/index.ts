/**
 * Two resources of a dynamic provider that does no I/O: what a host costs before any provider code of ours runs.
 * Two, so that the benchmark can tell the first `Create` (cold) from the second (warm).
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

for (const value of ["a", "b"]) {
    new Trivial(`trivial-${value}`, value);
}

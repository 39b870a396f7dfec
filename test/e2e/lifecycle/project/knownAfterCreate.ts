/**
 * A dynamic resource that hands its `source` on as `value`, an output that, like an azuread object's id, stays
 * unknown in a preview until the resource exists. Under the real CLI there is no azuread plugin, so this is how the
 * program still previews with an unknown access package id there.
 */
import * as pulumi from "@pulumi/pulumi";

const provider: pulumi.dynamic.ResourceProvider = {
    async create(inputs: { source: string }) {
        return { id: inputs.source, outs: { source: inputs.source, value: inputs.source } };
    },
    async update(_id: string, _olds: unknown, news: { source: string }) {
        return { outs: { source: news.source, value: news.source } };
    },
};

export class KnownAfterCreate extends pulumi.dynamic.Resource {
    declare readonly value: pulumi.Output<string>;

    constructor(name: string, source: pulumi.Input<string>) {
        super(provider, name, { source, value: undefined }, {}, "lifecycle");
    }
}

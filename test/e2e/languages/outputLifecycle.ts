/**
 * The lifecycle every language's program goes through in this suite: a program with no resources that exports one
 * stack output from its config, so what is tested is the language host (starting the program, passing config and
 * the engine's settings), not any provider.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import type { PulumiCli } from "../../harness/pulumi-cli";

/** The programs and the package schema the suite runs. */
export const PROGRAMS = path.join(__dirname, "programs");

interface ExportedState {
    deployment: { resources?: { type: string; outputs?: Record<string, unknown> }[] };
}

interface PreviewJson {
    changeSummary?: Record<string, number>;
}

/** The stack's outputs, read from its state as the engine stored them. */
export async function stackOutputs(cli: PulumiCli): Promise<Record<string, unknown> | undefined> {
    const state = (await cli.exportState()) as ExportedState;
    return state.deployment.resources?.find((resource) => resource.type === "pulumi:pulumi:Stack")?.outputs;
}

/**
 * preview (the stack would be created), up (the output is `greeting`), destroy (nothing left). Run on a stack whose
 * config sets `who`, which the program puts into its greeting.
 */
export async function assertOutputLifecycle(cli: PulumiCli, greeting: string): Promise<void> {
    const preview = (await cli.preview()) as PreviewJson;
    assert.deepEqual(preview.changeSummary, { create: 1 });
    const up = await cli.up();
    assert.match(up, /greeting/);
    assert.deepEqual(await stackOutputs(cli), { greeting });
    await cli.destroy();
    assert.equal(await stackOutputs(cli), undefined);
}

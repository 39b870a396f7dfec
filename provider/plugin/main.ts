#!/usr/bin/env node
/** `pulumi-resource-entra`: the executable the Pulumi engine starts for the `entra` package. */
import { serve } from "./serve";

serve().catch((error: unknown) => {
    process.stderr.write(`pulumi-resource-entra: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});

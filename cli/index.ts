#!/usr/bin/env node
/** Entry point of the `pulumi-entra-assignment-policy` binary (`bin` in package.json). */
import { runCli } from "./runCli";

runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
}).then((outcome) => {
    if (outcome !== "serving") process.exitCode = outcome;
});

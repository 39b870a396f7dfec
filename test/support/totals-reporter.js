"use strict";
// Mocha's spec output, closed by the plain totals line that CI reads, exactly "N passed, N failed"; the skipped
// count goes on the line before it so that the last line keeps that form.
const Mocha = require("mocha");

class TotalsReporter extends Mocha.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const { passes, failures, pending } = runner.stats;
            process.stdout.write(`${pending} skipped\n${passes} passed, ${failures} failed\n`);
        });
    }
}

module.exports = TotalsReporter;

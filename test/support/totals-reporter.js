"use strict";
// Mocha's spec output, closed by the plain totals line that CI reads: "N passed, N failed, N skipped".
const Mocha = require("mocha");

class TotalsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      process.stdout.write(`${passes} passed, ${failures} failed, ${pending} skipped\n`);
    });
  }
}

module.exports = TotalsReporter;

"""A Pulumi program in Python that exports its stack's config, for test/e2e/languages/python.test.ts."""

import pulumi

pulumi.export("greeting", f"hello from python, {pulumi.Config().require('who')}")

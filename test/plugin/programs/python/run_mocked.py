"""Runs the Python program at argv[1] under Pulumi's mocks, for test/plugin/sdkLanguage.ts.

Running it, rather than compiling it, proves it against the installed SDK: every module, class, Args class, enum
member and keyword argument the program names must exist. Each resource the program registers is printed as a
`type name` line.
"""
import runpy
import sys

import pulumi


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args):
        print(args.typ, args.name)
        return [f"{args.name}-id", args.inputs]

    def call(self, args):
        return {}


pulumi.runtime.set_mocks(Mocks(), preview=False)


@pulumi.runtime.test
def run_program():
    runpy.run_path(sys.argv[1], run_name="__main__")


run_program()

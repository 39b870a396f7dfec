# Runs a Pulumi Python program for tools/pulumi-language-python, as the `pulumi` package's own
# pulumi-language-python-exec does for Pulumi's host (which the module proxy here does not serve).
# Arguments: the runtime settings as JSON, the program (a file or a directory with __main__.py), its arguments.
# The stack's config comes in PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS, which the SDK reads itself.
import asyncio
import json
import runpy
import sys
import traceback

try:
    import pulumi
    import pulumi.runtime
except ImportError:
    print(traceback.format_exc(), file=sys.stderr)
    print(
        "It looks like the Pulumi SDK has not been installed: run pip install -r requirements.txt "
        "in the project's virtualenv.",
        file=sys.stderr,
    )
    sys.exit(1)

# Tells the host that the error is already in front of the user, so that the engine does not report it twice.
EXITED_AFTER_REPORTING_ERROR = 32


def main() -> int:
    settings, program, program_args = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3:]
    pulumi.runtime.set_all_config(
        pulumi.runtime.get_config_env(), pulumi.runtime.get_config_secret_keys_env()
    )
    pulumi.runtime.configure(pulumi.runtime.Settings(**settings))
    sys.argv = [program, *program_args]
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(
            pulumi.runtime.run_in_stack(
                lambda: runpy.run_path(program, run_name="__main__")
            )
        )
        return 0
    except pulumi.RunError as error:
        pulumi.log.error(str(error))
        return 1
    except Exception:  # noqa: BLE001 -- any failure of the user's program is reported the same way
        pulumi.log.error(
            "Program failed with an unhandled exception:\n" + traceback.format_exc()
        )
        return EXITED_AFTER_REPORTING_ERROR
    finally:
        loop.close()
        sys.stdout.flush()
        sys.stderr.flush()


sys.exit(main())

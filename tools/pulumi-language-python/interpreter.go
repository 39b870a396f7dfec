package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// interpreter is the Python a program runs on, and what its environment needs so that the program's own
// subprocesses find the same one.
type interpreter struct {
	executable  string
	environment []string
}

// pythonInterpreter reads Pulumi.yaml's runtime options as Pulumi's Python host does: `virtualenv` (relative to the
// project's root directory) names the venv to run in; without it, python3 on $PATH runs the program. Only the pip
// toolchain (the default) is supported: uv and poetry would need their own tools to find the environment.
func pythonInterpreter(info *pulumirpc.ProgramInfo) (interpreter, error) {
	options := info.GetOptions().AsMap()
	if toolchain, ok := options["toolchain"].(string); ok && toolchain != "" && toolchain != "pip" {
		return interpreter{}, fmt.Errorf("this Python language host supports only the pip toolchain, not %q", toolchain)
	}
	virtualenv := virtualenvPath(info)
	if virtualenv == "" {
		return interpreter{executable: "python3"}, nil
	}
	bin := filepath.Join(virtualenv, "bin")
	executable := filepath.Join(bin, "python")
	if _, err := os.Stat(executable); err != nil {
		return interpreter{}, fmt.Errorf("the virtual environment %s has no Python: create it with "+
			"`python3 -m venv %s` and install the program's requirements in it (%w)", virtualenv, virtualenv, err)
	}
	path := bin + string(os.PathListSeparator) + os.Getenv("PATH")
	return interpreter{
		executable:  executable,
		environment: []string{"VIRTUAL_ENV=" + virtualenv, "PATH=" + path},
	}, nil
}

// virtualenvPath is the `virtualenv` runtime option, relative to the project's root directory, or "" without one.
func virtualenvPath(info *pulumirpc.ProgramInfo) string {
	virtualenv, _ := info.GetOptions().AsMap()["virtualenv"].(string)
	if virtualenv == "" || filepath.IsAbs(virtualenv) {
		return virtualenv
	}
	return filepath.Join(info.GetRootDirectory(), virtualenv)
}

// programPath is what the launcher runs: the program directory (its __main__.py), or the `main` entry point in it.
func programPath(info *pulumirpc.ProgramInfo) string {
	program := info.GetProgramDirectory()
	if entry := info.GetEntryPoint(); entry != "" && entry != "." {
		program = filepath.Join(program, entry)
	}
	return strings.TrimSuffix(program, string(filepath.Separator))
}

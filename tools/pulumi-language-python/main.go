// Command pulumi-language-python is a Python language host for the Pulumi CLI built from source here.
//
// Pulumi's own Python host (github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3) is not served by the
// Go module proxy this project builds from. This one runs a program with the project's Python (its `virtualenv`
// runtime option, else python3 on $PATH) through launcher.py, which configures the `pulumi` package from PyPI the
// way that package's own exec script does, and generates Python SDKs and programs (the code `pulumi import` prints)
// with pkg/v3's codegen. For `pulumi package add` it links a generated SDK into requirements.txt and installs
// requirements.txt with pip. The uv and poetry toolchains, plugins written in Python and `pulumi new` templates are
// not supported.
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"os"
	"os/exec"

	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-entra-assignment-policy/tools/languagehost"
)

// version is set with -ldflags by scripts/build-pulumi-cli.sh to the CLI version it is built beside.
var version = "3.248.0"

//go:embed launcher.py
var launcher string

func main() {
	languagehost.Serve("pulumi-language-python", func(engineAddress string) pulumirpc.LanguageRuntimeServer {
		return &pythonLanguageHost{Base: languagehost.Base{EngineAddress: engineAddress, Version: version}}
	})
}

type pythonLanguageHost struct {
	languagehost.Base
}

func (host *pythonLanguageHost) About(
	_ context.Context, req *pulumirpc.AboutRequest,
) (*pulumirpc.AboutResponse, error) {
	interpreter, err := pythonInterpreter(req.GetInfo())
	if err != nil {
		return nil, err
	}
	return languagehost.About(interpreter.executable, "--version")
}

func (host *pythonLanguageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	interpreter, err := pythonInterpreter(req.GetInfo())
	if err != nil {
		return nil, err
	}
	settings, err := json.Marshal(map[string]any{
		"monitor":        req.GetMonitorAddress(),
		"engine":         host.EngineAddress,
		"organization":   req.GetOrganization(),
		"project":        req.GetProject(),
		"stack":          req.GetStack(),
		"root_directory": req.GetInfo().GetRootDirectory(),
		"parallel":       req.GetParallel(),
		"dry_run":        req.GetDryRun(),
	})
	if err != nil {
		return nil, err
	}
	config, err := languagehost.ConfigEnvironment(req)
	if err != nil {
		return nil, err
	}
	args := append([]string{"-u", "-c", launcher, string(settings), programPath(req.GetInfo())}, req.GetArgs()...)
	cmd := exec.CommandContext(ctx, interpreter.executable, args...)
	cmd.Dir = req.GetPwd()
	cmd.Env = append(append(os.Environ(), interpreter.environment...), config...)
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	return languagehost.RunResponse(cmd.Run()), nil
}

// GeneratePackage writes a Python SDK for a schema, as Pulumi's Python host does for `pulumi package gen-sdk`.
func (host *pythonLanguageHost) GeneratePackage(
	_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return languagehost.GeneratePackage(req, func(
		pkg *schema.Package, loader schema.ReferenceLoader, req *pulumirpc.GeneratePackageRequest,
	) (map[string][]byte, error) {
		return python.GeneratePackage("pulumi-language-python", pkg, req.GetExtraFiles(), loader)
	})
}

// GenerateProgram writes a Python program from PCL, as Pulumi's Python host does for `pulumi import` and
// `pulumi convert`.
func (host *pythonLanguageHost) GenerateProgram(
	_ context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	return languagehost.GenerateProgram(req, python.GenerateProgram)
}

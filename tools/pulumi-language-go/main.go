// Command pulumi-language-go is a Go language host for the Pulumi CLI built from source here.
//
// Pulumi's own Go host (github.com/pulumi/pulumi/sdk/go/pulumi-language-go/v3) is not served by the Go module proxy
// this project builds from. This one builds the program with `go build` (or runs the prebuilt `binary` runtime
// option), runs it with the settings github.com/pulumi/pulumi/sdk/v3/go/pulumi reads from the environment, and
// generates Go SDKs and programs (the code `pulumi import` prints) with pkg/v3's codegen. For `pulumi package add` it
// links a generated SDK into go.mod and tidies the module. Plugins written in Go and `pulumi new` templates are not
// supported.
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"

	gen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-entra-assignment-policy/tools/languagehost"
)

// version is set with -ldflags by scripts/build-pulumi-cli.sh to the CLI version it is built beside.
var version = "3.248.0"

func main() {
	languagehost.Serve("pulumi-language-go", func(engineAddress string) pulumirpc.LanguageRuntimeServer {
		return &goLanguageHost{Base: languagehost.Base{EngineAddress: engineAddress, Version: version}}
	})
}

type goLanguageHost struct {
	languagehost.Base
}

func (host *goLanguageHost) About(context.Context, *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	return languagehost.About("go", "version")
}

func (host *goLanguageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	program, cleanup, err := programBinary(ctx, req.GetInfo())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	defer cleanup()
	env, err := host.runEnvironment(req)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, program, req.GetArgs()...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	return languagehost.RunResponse(cmd.Run()), nil
}

// runEnvironment holds what the Go SDK's pulumi.Run reads at startup (sdk/v3/go/pulumi/run.go's Env* names).
func (host *goLanguageHost) runEnvironment(req *pulumirpc.RunRequest) ([]string, error) {
	config, err := languagehost.ConfigEnvironment(req)
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(), config...)
	for name, value := range map[string]string{
		"PULUMI_MONITOR":        req.GetMonitorAddress(),
		"PULUMI_ENGINE":         host.EngineAddress,
		"PULUMI_ORGANIZATION":   req.GetOrganization(),
		"PULUMI_PROJECT":        req.GetProject(),
		"PULUMI_STACK":          req.GetStack(),
		"PULUMI_ROOT_DIRECTORY": req.GetInfo().GetRootDirectory(),
	} {
		env = append(env, name+"="+value)
	}
	if req.GetDryRun() {
		env = append(env, "PULUMI_DRY_RUN=true")
	}
	if parallel := req.GetParallel(); parallel > 0 {
		env = append(env, "PULUMI_PARALLEL="+fmt.Sprint(parallel))
	}
	return env, nil
}

// GeneratePackage writes a Go SDK for a schema, as Pulumi's Go host does for `pulumi package gen-sdk`.
func (host *goLanguageHost) GeneratePackage(
	_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return languagehost.GeneratePackage(req, func(
		pkg *schema.Package, _ schema.ReferenceLoader, req *pulumirpc.GeneratePackageRequest,
	) (map[string][]byte, error) {
		return gen.GeneratePackage("pulumi-language-go", pkg, req.GetLocalDependencies())
	})
}

// GenerateProgram writes a Go program from PCL, as Pulumi's Go host does for `pulumi import` and `pulumi convert`.
func (host *goLanguageHost) GenerateProgram(
	_ context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	return languagehost.GenerateProgram(req, gen.GenerateProgram)
}

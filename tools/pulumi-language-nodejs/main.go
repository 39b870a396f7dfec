// Command pulumi-language-nodejs is a Node.js language host for the Pulumi CLI built from source here.
//
// Why it exists: the CLI (github.com/pulumi/pulumi/pkg/v3) is served by the Go module proxy this project builds
// from, but Pulumi's own language host module (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3)
// is not, so the engine would have no way to run a TypeScript program. This host does what the engine needs from
// one for `preview`, `up`, `refresh`, `destroy` and `import`: it launches `@pulumi/pulumi/cmd/run` (the program
// runner that ships in the user's own node_modules, the same one Pulumi's host launches) with the monitor address,
// config and runtime options the engine hands over. It also runs Node.js policy packs (`--policy-pack`), because
// with a language host present the engine starts analyzers only through this host's RunPlugin, and generates
// TypeScript with pkg/v3's codegen: SDKs (`pulumi package gen-sdk --language nodejs`) and the program `pulumi import`
// prints. For `pulumi package add` it links a generated SDK into package.json and installs with npm. `pulumi new`
// templates are left to the engine's "unimplemented" fallbacks.
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-entra-assignment-policy/tools/languagehost"
)

// version is set with -ldflags by scripts/build-pulumi-cli.sh to the CLI version it is built beside.
var version = "3.248.0"

func main() {
	languagehost.Serve("pulumi-language-nodejs", func(engineAddress string) pulumirpc.LanguageRuntimeServer {
		return &nodeLanguageHost{Base: languagehost.Base{EngineAddress: engineAddress, Version: version}}
	})
}

type nodeLanguageHost struct {
	languagehost.Base
}

func (host *nodeLanguageHost) GetRequiredPlugins(
	_ context.Context, req *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	packages, err := resourcePackages(req.GetInfo().GetProgramDirectory())
	if err != nil {
		return nil, err
	}
	plugins := make([]*pulumirpc.PluginDependency, len(packages))
	for i, p := range packages {
		plugins[i] = &pulumirpc.PluginDependency{Name: p.Name, Kind: p.Kind, Version: p.Version, Server: p.Server}
	}
	return &pulumirpc.GetRequiredPluginsResponse{Plugins: plugins}, nil
}

func (host *nodeLanguageHost) GetRequiredPackages(
	_ context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	packages, err := resourcePackages(req.GetInfo().GetProgramDirectory())
	if err != nil {
		return nil, err
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

func (host *nodeLanguageHost) About(context.Context, *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	return languagehost.About("node", "--version")
}

func (host *nodeLanguageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	runner, err := findProgramRunner(info.GetProgramDirectory())
	if err != nil {
		return nil, err
	}
	env, err := runEnvironment(req)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "node", append([]string{runner}, host.runArguments(req)...)...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	return languagehost.RunResponse(cmd.Run()), nil
}

// runArguments are the flags @pulumi/pulumi/cmd/run parses (minimist), then the program and its arguments.
func (host *nodeLanguageHost) runArguments(req *pulumirpc.RunRequest) []string {
	info := req.GetInfo()
	var args []string
	flag := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	flag("monitor", req.GetMonitorAddress())
	flag("engine", host.EngineAddress)
	flag("organization", req.GetOrganization())
	flag("project", req.GetProject())
	flag("stack", req.GetStack())
	flag("pwd", req.GetPwd())
	flag("root-directory", info.GetRootDirectory())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	flag("parallel", fmt.Sprint(req.GetParallel()))
	program := info.GetProgramDirectory()
	if entry := info.GetEntryPoint(); entry != "" && entry != "." {
		program = filepath.Join(program, entry)
	}
	return append(append(args, program), req.GetArgs()...)
}

// runEnvironment passes config the way @pulumi/pulumi's runtime reads it, and the project's runtime options.
func runEnvironment(req *pulumirpc.RunRequest) ([]string, error) {
	config, err := languagehost.ConfigEnvironment(req)
	if err != nil {
		return nil, err
	}
	return withRuntimeOptions(append(os.Environ(), config...), req.GetInfo()), nil
}

// withRuntimeOptions maps `runtime.options` (typescript, tsconfig, nodeargs) of Pulumi.yaml or PulumiPolicy.yaml
// onto the environment variables @pulumi/pulumi's runners read.
func withRuntimeOptions(env []string, info *pulumirpc.ProgramInfo) []string {
	options := info.GetOptions().AsMap()
	typescript := true
	if value, ok := options["typescript"].(bool); ok {
		typescript = value
	}
	env = append(env, fmt.Sprintf("PULUMI_NODEJS_TYPESCRIPT=%t", typescript))
	if tsconfig, ok := options["tsconfig"].(string); ok && tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}
	if nodeArgs, ok := options["nodeargs"].(string); ok && nodeArgs != "" {
		env = append(env, "NODE_OPTIONS="+strings.TrimSpace(os.Getenv("NODE_OPTIONS")+" "+nodeArgs))
	}
	return env
}

// findProgramRunner finds @pulumi/pulumi's program runner for a program directory.
func findProgramRunner(programDirectory string) (string, error) {
	return findSDKCommand(programDirectory, "run")
}

// findSDKCommand looks for one of @pulumi/pulumi's runners (cmd/run, cmd/run-policy-pack) in node_modules from the
// program directory up, as Node's own module resolution would, so the program runs on the SDK version it installed.
func findSDKCommand(programDirectory, command string) (string, error) {
	for dir := programDirectory; ; dir = filepath.Dir(dir) {
		runner := filepath.Join(dir, "node_modules", "@pulumi", "pulumi", "cmd", command)
		if _, err := os.Stat(filepath.Join(runner, "index.js")); err == nil {
			return runner, nil
		}
		if parent := filepath.Dir(dir); parent == dir {
			return "", fmt.Errorf("it looks like the Pulumi SDK has not been installed in %s: "+
				"run `npm install` there (Cannot find module '@pulumi/pulumi/cmd/%s')", programDirectory, command)
		}
	}
}

// GeneratePackage writes a TypeScript SDK for a schema, as Pulumi's Node.js host does for `pulumi package gen-sdk`.
func (host *nodeLanguageHost) GeneratePackage(
	_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return languagehost.GeneratePackage(req, func(
		pkg *schema.Package, loader schema.ReferenceLoader, req *pulumirpc.GeneratePackageRequest,
	) (map[string][]byte, error) {
		return nodejs.GeneratePackage(
			"pulumi-language-nodejs", pkg, req.GetExtraFiles(), req.GetLocalDependencies(), req.GetLocal(), loader)
	})
}

// GenerateProgram writes a TypeScript program from PCL, as Pulumi's Node.js host does for `pulumi import` and
// `pulumi convert`.
func (host *nodeLanguageHost) GenerateProgram(
	_ context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	return languagehost.GenerateProgram(req, nodejs.GenerateProgram)
}

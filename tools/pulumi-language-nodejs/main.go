// Command pulumi-language-nodejs is a Node.js language host for the Pulumi CLI built from source here.
//
// Why it exists: the CLI (github.com/pulumi/pulumi/pkg/v3) is served by the Go module proxy this project builds
// from, but Pulumi's own language host module (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3)
// is not, so the engine would have no way to run a TypeScript program. This host does what the engine needs from
// one for `preview`, `up`, `refresh`, `destroy` and `import`: it launches `@pulumi/pulumi/cmd/run` (the program
// runner that ships in the user's own node_modules, the same one Pulumi's host launches) with the monitor address,
// config and runtime options the engine hands over. It also runs Node.js policy packs (`--policy-pack`), because
// with a language host present the engine starts analyzers only through this host's RunPlugin. Code generation and
// `pulumi new` templates are left to the engine's "unimplemented" fallbacks.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	pbempty "google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// version is set with -ldflags by scripts/build-pulumi-cli.sh to the CLI version it is built beside.
var version = "3.248.0"

func main() {
	engineAddress, err := engineAddressFromArgs(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	host := &nodeLanguageHost{engineAddress: engineAddress}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "could not start the language host's gRPC server: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "language host stopped serving: %v\n", err)
		os.Exit(1)
	}
}

// engineAddressFromArgs takes the engine's address, the last positional argument, and skips the logging and
// tracing flags the engine adds in front of it (`--logtostderr`, `-v=N`, `--tracing <url>`).
func engineAddressFromArgs(args []string) (string, error) {
	var positional []string
	for i := 0; i < len(args); i++ {
		switch arg := args[i]; {
		case arg == "--tracing" || arg == "-tracing":
			i++
		case strings.HasPrefix(arg, "-"):
		default:
			positional = append(positional, arg)
		}
	}
	if len(positional) == 0 {
		return "", errors.New("usage: pulumi-language-nodejs [--logtostderr] [-v=N] [--tracing URL] ENGINE_ADDRESS")
	}
	return positional[len(positional)-1], nil
}

type nodeLanguageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func (host *nodeLanguageHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	host.engineAddress = req.GetEngineAddress()
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (host *nodeLanguageHost) GetPluginInfo(context.Context, *pbempty.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
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
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("could not find node on the $PATH: %w", err)
	}
	out, err := exec.Command(node, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("node --version: %w", err)
	}
	return &pulumirpc.AboutResponse{Executable: node, Version: strings.TrimSpace(string(out))}, nil
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
	err = cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}, nil
	case errors.As(err, &exitErr) && exitErr.ExitCode() == exitedAfterReportingError:
		return &pulumirpc.RunResponse{Bail: true}, nil
	case errors.As(err, &exitErr):
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode())}, nil
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Problem executing program (could not run language executor): %v", err)}, nil
	}
}

// exitedAfterReportingError is the exit code @pulumi/pulumi's runner uses once it has shown the user the error
// (`nodeJSProcessExitedAfterLoggingUserActionableMessage`): the engine must then bail without a second message.
const exitedAfterReportingError = 32

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
	flag("engine", host.engineAddress)
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
	config, err := json.Marshal(req.GetConfig())
	if err != nil {
		return nil, err
	}
	secretKeys, err := json.Marshal(req.GetConfigSecretKeys())
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(), "PULUMI_CONFIG="+string(config), "PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys))
	return withRuntimeOptions(env, req.GetInfo()), nil
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

// RunPlugin runs a plugin written in Node.js. The engine calls it for a Node.js policy pack (kind "analyzer") and
// expects what a plugin process would give it: the gRPC port as the first line of stdout, the output as it comes,
// then the exit code. Resource plugins in Node.js are not needed here and are refused.
func (host *nodeLanguageHost) RunPlugin(
	req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer,
) error {
	if req.GetKind() != "analyzer" {
		return status.Errorf(codes.Unimplemented, "this language host runs only analyzer plugins, not %q", req.GetKind())
	}
	info := req.GetInfo()
	runner, err := findSDKCommand(info.GetProgramDirectory(), "run-policy-pack")
	if err != nil {
		// Reported as the plugin's own stderr and exit code: the engine reads "Cannot find module
		// '@pulumi/pulumi/cmd/run-policy-pack'" there and tells the user to run npm install in the policy pack.
		if sendErr := server.Send(&pulumirpc.RunPluginResponse{
			Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: []byte(err.Error() + "\n")},
		}); sendErr != nil {
			return sendErr
		}
		return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: 1}})
	}
	// run-policy-pack takes <engine-address> <policy-pack directory>; the engine's args hold the address.
	args := append(append([]string{runner}, req.GetArgs()...), info.GetProgramDirectory())
	// The engine's cancellation (it kills analyzers when the update ends) must stop the node process too.
	cmd := exec.CommandContext(server.Context(), "node", args...)
	// The engine passes the program's directory as pwd, but @pulumi/policy reads the pack's version from
	// ./package.json, so a pack runs in its own directory, as Pulumi's older pulumi-analyzer-policy shim ran it.
	cmd.Dir = info.GetProgramDirectory()
	cmd.Env = withRuntimeOptions(append(os.Environ(), req.GetEnv()...), info)
	var sending sync.Mutex
	cmd.Stdout = &streamWriter{mu: &sending, send: func(b []byte) error {
		return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: b}})
	}}
	cmd.Stderr = &streamWriter{mu: &sending, send: func(b []byte) error {
		return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: b}})
	}}
	err = cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: 0}})
	case errors.As(err, &exitErr):
		return server.Send(&pulumirpc.RunPluginResponse{
			Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: int32(exitErr.ExitCode())},
		})
	default:
		return fmt.Errorf("could not run %s: %w", runner, err)
	}
}

// streamWriter forwards a child's output to the gRPC stream. os/exec copies stdout and stderr from two goroutines,
// and a stream's Send must not be called concurrently, hence the shared mutex. The bytes are copied because grpc-go
// forbids changing a message after Send (stats handlers may read it later) and exec reuses its buffer.
type streamWriter struct {
	mu   *sync.Mutex
	send func([]byte) error
}

func (w *streamWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.send(append([]byte(nil), p...)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// resourcePackages lists the program's direct dependencies that declare a resource plugin (`"pulumi":
// {"resource": true}` in their package.json), so the engine can tell which plugins the program will need.
func resourcePackages(programDirectory string) ([]*pulumirpc.PackageDependency, error) {
	manifest, err := readPackageJSON(filepath.Join(programDirectory, "package.json"))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var packages []*pulumirpc.PackageDependency
	for name := range manifest.Dependencies {
		dependency, err := readPackageJSON(filepath.Join(programDirectory, "node_modules", name, "package.json"))
		if err != nil || !dependency.Pulumi.Resource {
			continue
		}
		plugin := dependency.Pulumi.Name
		if plugin == "" {
			plugin = strings.TrimPrefix(strings.TrimPrefix(name, "@pulumi/"), "@")
		}
		version := dependency.Pulumi.Version
		if version == "" {
			version = dependency.Version
		}
		packages = append(packages, &pulumirpc.PackageDependency{
			Name: plugin, Kind: "resource", Version: "v" + strings.TrimPrefix(version, "v"), Server: dependency.Pulumi.Server,
		})
	}
	return packages, nil
}

type packageJSON struct {
	Version      string            `json:"version"`
	Dependencies map[string]string `json:"dependencies"`
	Pulumi       struct {
		Resource bool   `json:"resource"`
		Name     string `json:"name"`
		Version  string `json:"version"`
		Server   string `json:"server"`
	} `json:"pulumi"`
}

func readPackageJSON(path string) (packageJSON, error) {
	var manifest packageJSON
	data, err := os.ReadFile(path)
	if err != nil {
		return manifest, err
	}
	if err := json.Unmarshal(data, &manifest); err != nil {
		return manifest, fmt.Errorf("%s: %w", path, err)
	}
	return manifest, nil
}

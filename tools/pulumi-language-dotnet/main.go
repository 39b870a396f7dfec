// Command pulumi-language-dotnet is a .NET language host that only generates code: the C# SDK for
// `pulumi package gen-sdk --language dotnet` and the C# program `pulumi import` prints.
//
// Why it exists: Pulumi's own .NET host lives in github.com/pulumi/pulumi-dotnet, which the module proxy this project
// builds from does not serve, and pkg/v3 dropped codegen/dotnet after v3.163.0, so tools/languagehost (on the
// CLI's pkg v3.248.0) cannot generate C#. This module pins pkg v3.163.0, the last release that still carries that
// codegen, and so cannot share tools/languagehost's code: Go would resolve both onto one pkg version.
//
// What it cannot do: run programs (Run answers "unimplemented"; there is no dotnet SDK here), name required plugins
// or packages, install dependencies, or generate the `local` SDK layout the engine may ask for (a field newer than
// sdk v3.163.0). The v3.248.0 engine talks to it over the LanguageRuntime protocol of sdk v3.163.0: fields added
// since are unknown to it and ignored by protobuf, an unimplemented Handshake is one the engine expects from older
// hosts, and schema references resolve through the engine's loader (the GetSchema RPC both versions share).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	"github.com/pulumi/pulumi/pkg/v3/codegen/hcl2/syntax"
	"github.com/pulumi/pulumi/pkg/v3/codegen/pcl"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	pbempty "google.golang.org/protobuf/types/known/emptypb"
)

// version is set with -ldflags by scripts/build-pulumi-cli.sh to the CLI version it is built beside.
var version = "3.248.0"

const name = "pulumi-language-dotnet"

func main() {
	// The engine starts a host as `[--logtostderr] [-v=N] [--tracing URL] ENGINE_ADDRESS`; glog, which the sdk's
	// logging package imports, registers the first two on the default flag set.
	flag.String("tracing", "", "tracing endpoint (unused: this host emits no traces)")
	flag.Parse()
	logging.InitLogging(false, 0, false)
	http.DefaultTransport = offlineDefaultLogo{next: http.DefaultTransport}
	if flag.NArg() == 0 {
		fail(fmt.Errorf("usage: %s [--logtostderr] [-v=N] [--tracing URL] ENGINE_ADDRESS", name))
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &dotnetLanguageHost{})
			return nil
		},
	})
	if err != nil {
		fail(fmt.Errorf("could not start the language host's gRPC server: %w", err))
	}
	// The engine reads the port from the first line of stdout, and stops the host by hanging up.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fail(fmt.Errorf("language host stopped serving: %w", err))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

type dotnetLanguageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
}

func (host *dotnetLanguageHost) GetPluginInfo(context.Context, *pbempty.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

// GeneratePackage writes a C# SDK for a schema, as Pulumi's .NET host does for `pulumi package gen-sdk`. Schema
// errors go back as diagnostics, which the engine prints and fails on.
func (host *dotnetLanguageHost) GeneratePackage(
	_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	loader, err := schema.NewLoaderClient(req.GetLoaderTarget())
	if err != nil {
		return nil, err
	}
	defer loader.Close()
	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.GetSchema()), &spec); err != nil {
		return nil, fmt.Errorf("the engine sent a schema that is not valid JSON: %w", err)
	}
	pkg, diags, err := schema.BindSpec(spec, loader)
	if err != nil {
		return nil, err
	}
	response := &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}
	if diags.HasErrors() {
		return response, nil
	}
	files, err := dotnet.GeneratePackage(name, pkg, req.GetExtraFiles(), req.GetLocalDependencies())
	if err != nil {
		return nil, err
	}
	for path, contents := range files {
		path = filepath.Join(req.GetDirectory(), path)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, contents, 0o600); err != nil {
			return nil, err
		}
	}
	return response, nil
}

// GenerateProgram writes a C# program from PCL, which `pulumi import` prints. It binds leniently unless asked to be
// strict, since the program `pulumi import` sends may name parents and providers it does not declare.
func (host *dotnetLanguageHost) GenerateProgram(
	_ context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	loader, err := schema.NewLoaderClient(req.GetLoaderTarget())
	if err != nil {
		return nil, err
	}
	defer loader.Close()
	parser := syntax.NewParser()
	for file, source := range req.GetSource() {
		if err := parser.ParseFile(strings.NewReader(source), file); err != nil {
			return nil, err
		}
	}
	if parser.Diagnostics.HasErrors() {
		return &pulumirpc.GenerateProgramResponse{
			Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(parser.Diagnostics),
		}, nil
	}
	options := []pcl.BindOption{pcl.Loader(schema.NewCachedLoader(loader)), pcl.PreferOutputVersionedInvokes}
	if !req.GetStrict() {
		options = append(options, pcl.NonStrictBindOptions()...)
	}
	program, diags, err := pcl.BindProgram(parser.Files, options...)
	if err != nil {
		return nil, err
	}
	response := &pulumirpc.GenerateProgramResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}
	if diags.HasErrors() {
		return response, nil
	}
	files, diags, err := dotnet.GenerateProgram(program)
	if err != nil {
		return nil, err
	}
	response.Source = files
	response.Diagnostics = append(response.Diagnostics, plugin.HclDiagnosticsToRPCDiagnostics(diags)...)
	return response, nil
}

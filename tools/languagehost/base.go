package languagehost

import (
	"context"
	"fmt"
	"os/exec"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	pbempty "google.golang.org/protobuf/types/known/emptypb"
)

// Base answers the RPCs that are the same for every language. A host embeds it and adds Run, About and
// GeneratePackage; GetRequiredPlugins and GetRequiredPackages answer "none", which a host overrides when its
// programs can name resource plugins.
type Base struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	// EngineAddress is the engine's gRPC address: from the command line, then from Handshake.
	EngineAddress string
	// Version is what GetPluginInfo reports: the CLI version the host is built beside.
	Version string
}

func (host *Base) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	host.EngineAddress = req.GetEngineAddress()
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (host *Base) GetPluginInfo(context.Context, *pbempty.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: host.Version}, nil
}

func (host *Base) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (host *Base) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

// About reports a language's executable (found on $PATH unless absolute) and the first line that
// `<executable> <versionArgs...>` prints.
func About(executable string, versionArgs ...string) (*pulumirpc.AboutResponse, error) {
	path, err := exec.LookPath(executable)
	if err != nil {
		return nil, fmt.Errorf("could not find %s on the $PATH: %w", executable, err)
	}
	out, err := exec.Command(path, versionArgs...).Output()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", executable, strings.Join(versionArgs, " "), err)
	}
	version, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return &pulumirpc.AboutResponse{Executable: path, Version: version}, nil
}

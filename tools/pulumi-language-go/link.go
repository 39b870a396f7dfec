package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"golang.org/x/mod/modfile"

	"pulumi-entra-assignment-policy/tools/languagehost"
)

// linkedVersion is the version the program's go.mod requires a linked SDK at: the `replace` that goes with it
// points at the SDK's directory, so Go never looks the version up.
const linkedVersion = "v0.0.0"

// Link makes the program's go.mod take each SDK `pulumi package add` generated from its directory, as Pulumi's Go
// host does: a `require` of the SDK's module and a `replace` of it by the SDK's path. InstallDependencies then
// tidies go.mod and go.sum.
func (host *goLanguageHost) Link(ctx context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	return languagehost.Link(req, "Go", func(linked languagehost.LinkedPackage) (string, error) {
		module, err := modulePath(filepath.Join(linked.Absolute, "go.mod"))
		if err != nil {
			return "", err
		}
		cmd := exec.CommandContext(ctx, "go", "mod", "edit",
			"-require="+module+"@"+linkedVersion, "-replace="+module+"="+linked.Relative)
		cmd.Dir = req.GetInfo().GetProgramDirectory()
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("could not link %s into go.mod: %w: %s", module, err, out)
		}
		return fmt.Sprintf("import %q", module+"/"+linked.Package.GetName()), nil
	})
}

// InstallDependencies tidies the program's module, which fetches what a linked SDK needs and records it in go.sum.
func (host *goLanguageHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, stream pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	return languagehost.RunInstallCommand(stream, req.GetInfo().GetProgramDirectory(), "go", "mod", "tidy")
}

// modulePath reads the module path a generated SDK's go.mod declares.
func modulePath(goMod string) (string, error) {
	data, err := os.ReadFile(goMod)
	if err != nil {
		return "", fmt.Errorf("the SDK to link has no go.mod: %w", err)
	}
	module := modfile.ModulePath(data)
	if module == "" {
		return "", fmt.Errorf("%s declares no module", goMod)
	}
	return module, nil
}

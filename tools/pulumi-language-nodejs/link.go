package main

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-entra-assignment-policy/tools/languagehost"
)

// Link makes each SDK `pulumi package add` generated a dependency of the program, as Pulumi's Node.js host does: a
// `file:` entry in package.json under the SDK's own package name. `npm pkg set` edits package.json the way npm
// would, keeping the rest of it as the user wrote it. InstallDependencies then installs it.
func (host *nodeLanguageHost) Link(ctx context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	return languagehost.Link(req, "TypeScript", func(linked languagehost.LinkedPackage) (string, error) {
		manifest, err := readPackageJSON(filepath.Join(linked.Absolute, "package.json"))
		if err != nil {
			return "", fmt.Errorf("the SDK to link has no package.json: %w", err)
		}
		if manifest.Name == "" {
			return "", fmt.Errorf("the SDK in %s has no package name", linked.Absolute)
		}
		cmd := exec.CommandContext(ctx, "npm", "pkg", "set", "dependencies."+manifest.Name+"=file:"+linked.Relative)
		cmd.Dir = req.GetInfo().GetProgramDirectory()
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("could not add %s to package.json: %w: %s", manifest.Name, err, out)
		}
		return fmt.Sprintf("import * as %s from %q;", linked.Package.GetName(), manifest.Name), nil
	})
}

// InstallDependencies installs the program's package.json with npm, which builds a linked SDK in its postinstall.
func (host *nodeLanguageHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, stream pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	return languagehost.RunInstallCommand(stream, req.GetInfo().GetProgramDirectory(), "npm", "install")
}

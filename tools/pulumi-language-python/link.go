package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-entra-assignment-policy/tools/languagehost"
)

// Link adds each SDK `pulumi package add` generated to the project's requirements.txt, by its path, as Pulumi's
// Python host does for the pip toolchain. InstallDependencies then installs it into the project's virtualenv.
func (host *pythonLanguageHost) Link(_ context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	requirements := filepath.Join(req.GetInfo().GetRootDirectory(), "requirements.txt")
	return languagehost.Link(req, "Python", func(linked languagehost.LinkedPackage) (string, error) {
		module, err := importName(linked.Absolute)
		if err != nil {
			return "", err
		}
		if err := addRequirement(requirements, linked.Relative); err != nil {
			return "", err
		}
		return fmt.Sprintf("import %s as %s", module, linked.Package.GetName()), nil
	})
}

// importName is the Python package a generated SDK holds: its one top-level directory with an __init__.py.
func importName(sdk string) (string, error) {
	inits, err := filepath.Glob(filepath.Join(sdk, "*", "__init__.py"))
	if err != nil {
		return "", err
	}
	if len(inits) != 1 {
		return "", fmt.Errorf("the SDK in %s should hold one Python package, not %d", sdk, len(inits))
	}
	return filepath.Base(filepath.Dir(inits[0])), nil
}

// addRequirement appends `requirement` to a requirements file unless a line already says it, creating the file
// when the project has none.
func addRequirement(file, requirement string) error {
	data, err := os.ReadFile(file)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	text := string(data)
	if slices.Contains(strings.Split(text, "\n"), requirement) {
		return nil
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return os.WriteFile(file, []byte(text+requirement+"\n"), 0o600)
}

// InstallDependencies installs requirements.txt with pip, into the project's `virtualenv` (created when it does not
// exist yet) or else into python3 on $PATH, as Pulumi's Python host does for the pip toolchain.
func (host *pythonLanguageHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, stream pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	info := req.GetInfo()
	if virtualenv := virtualenvPath(info); virtualenv != "" {
		if _, err := os.Stat(virtualenv); errors.Is(err, os.ErrNotExist) {
			err := languagehost.RunInstallCommand(stream, info.GetRootDirectory(), "python3", "-m", "venv", virtualenv)
			if err != nil {
				return err
			}
		}
	}
	interpreter, err := pythonInterpreter(info)
	if err != nil {
		return err
	}
	return languagehost.RunInstallCommand(stream, info.GetRootDirectory(),
		interpreter.executable, "-m", "pip", "install", "--disable-pip-version-check", "-r", "requirements.txt")
}

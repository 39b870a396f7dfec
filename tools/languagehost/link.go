package languagehost

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// LinkedPackage is one SDK `pulumi package add` (or `pulumi install`) generated into the project: the package it is
// for, and its directory, absolute and as the project names it (relative to the project's root, with a leading
// "./" so that every tool reads it as a path).
type LinkedPackage struct {
	Package  *pulumirpc.PackageDependency
	Absolute string
	Relative string
}

// LinkedPackages resolves a LinkRequest's SDK directories, which the engine gives relative to the project's root.
func LinkedPackages(req *pulumirpc.LinkRequest) ([]LinkedPackage, error) {
	root := req.GetInfo().GetRootDirectory()
	if root == "" {
		return nil, errors.New("the engine sent a Link request without the project's root directory")
	}
	packages := make([]LinkedPackage, len(req.GetPackages()))
	for i, dependency := range req.GetPackages() {
		relative := filepath.ToSlash(filepath.Clean(dependency.GetPath()))
		if filepath.IsAbs(relative) {
			return nil, fmt.Errorf("the engine sent an absolute SDK path to link: %s", relative)
		}
		packages[i] = LinkedPackage{
			Package:  dependency.GetPackage(),
			Absolute: filepath.Join(root, relative),
			Relative: "./" + relative,
		}
	}
	return packages, nil
}

// Link answers a LinkRequest: `link` makes one SDK a dependency of the program and gives the line that imports it
// in `language`, and the answer's instructions list those lines, as Pulumi's hosts print them.
func Link(req *pulumirpc.LinkRequest, language string, link func(LinkedPackage) (string, error)) (*pulumirpc.LinkResponse, error) {
	packages, err := LinkedPackages(req)
	if err != nil {
		return nil, err
	}
	var instructions strings.Builder
	fmt.Fprintf(&instructions, "You can then import the SDK in your %s code with:\n", language)
	for _, linked := range packages {
		line, err := link(linked)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&instructions, "\n  %s\n", line)
	}
	return &pulumirpc.LinkResponse{ImportInstructions: instructions.String()}, nil
}

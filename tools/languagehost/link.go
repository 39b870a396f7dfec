package languagehost

import (
	"errors"
	"fmt"
	"path/filepath"

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

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

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
	Name         string            `json:"name"`
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

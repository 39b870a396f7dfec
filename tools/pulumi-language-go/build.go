package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// programBinary gives the program to run: the `binary` runtime option of Pulumi.yaml (relative to the program
// directory) as it is, or else the package in the program directory built into a temporary directory that cleanup
// removes. The build's own output goes to stderr, where the engine shows it as the program's.
func programBinary(ctx context.Context, info *pulumirpc.ProgramInfo) (string, func(), error) {
	directory := info.GetProgramDirectory()
	if binary, ok := info.GetOptions().AsMap()["binary"].(string); ok && binary != "" {
		if !filepath.IsAbs(binary) {
			binary = filepath.Join(directory, binary)
		}
		return binary, func() {}, nil
	}
	out, err := os.MkdirTemp("", "pulumi-go-program-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { _ = os.RemoveAll(out) }
	program := filepath.Join(out, "program")
	build := exec.CommandContext(ctx, "go", "build", "-o", program, ".")
	if entry := info.GetEntryPoint(); entry != "" && entry != "." {
		build.Args[len(build.Args)-1] = "./" + filepath.ToSlash(entry)
	}
	build.Dir = directory
	build.Stdout = os.Stderr
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("unable to build the Go program in %s: %w", directory, err)
	}
	return program, cleanup, nil
}

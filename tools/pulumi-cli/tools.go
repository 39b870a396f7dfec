//go:build tools

// Package tools pins the Pulumi CLI that the real-engine tests run, so that `go install` inside this module builds
// it from the Go module proxy at exactly this version (pkg/v3's own go.mod has `replace` lines, which
// `go install pkg@version` refuses). scripts/build-pulumi-cli.sh drives it.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)

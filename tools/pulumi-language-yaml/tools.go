//go:build tools

// Package tools pins Pulumi's YAML language host, so that `go build` inside this module builds it from the Go module
// proxy at exactly this version (pulumi-yaml's own go.mod leans on pkg/v3, whose `replace` lines `go install
// pkg@version` refuses). scripts/build-pulumi-cli.sh drives it.
package tools

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
)

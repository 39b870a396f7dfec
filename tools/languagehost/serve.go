// Package languagehost holds what this project's language hosts (tools/pulumi-language-{nodejs,python,go}) share:
// the process protocol the engine starts a host with, the RPCs that do not depend on the language, the mapping of a
// program's exit onto the engine's RunResponse, and SDK generation through pkg/v3's codegen. Pulumi's own hosts are
// not served by the module proxy this project builds from, so these stand in for them.
package languagehost

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// Serve runs a language host the way the engine starts one: the engine's address is the last argument, the gRPC
// port goes to the first line of stdout, and the process lives until the engine hangs up. It never returns.
func Serve(name string, newHost func(engineAddress string) pulumirpc.LanguageRuntimeServer) {
	engineAddress, err := engineAddressFromArgs(name, os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	host := newHost(engineAddress)
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "could not start the language host's gRPC server: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "language host stopped serving: %v\n", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// engineAddressFromArgs takes the engine's address, the last positional argument, and skips the logging and
// tracing flags the engine adds in front of it (`--logtostderr`, `-v=N`, `--tracing <url>`).
func engineAddressFromArgs(name string, args []string) (string, error) {
	var positional []string
	for i := 0; i < len(args); i++ {
		switch arg := args[i]; {
		case arg == "--tracing" || arg == "-tracing":
			i++
		case strings.HasPrefix(arg, "-"):
		default:
			positional = append(positional, arg)
		}
	}
	if len(positional) == 0 {
		return "", errors.New("usage: " + name + " [--logtostderr] [-v=N] [--tracing URL] ENGINE_ADDRESS")
	}
	return positional[len(positional)-1], nil
}

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// RunPlugin runs a plugin written in Node.js. The engine calls it for a Node.js policy pack (kind "analyzer") and
// expects what a plugin process would give it: the gRPC port as the first line of stdout, the output as it comes,
// then the exit code. Resource plugins in Node.js are not needed here and are refused.
func (host *nodeLanguageHost) RunPlugin(
	req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer,
) error {
	if req.GetKind() != "analyzer" {
		return status.Errorf(codes.Unimplemented, "this language host runs only analyzer plugins, not %q", req.GetKind())
	}
	info := req.GetInfo()
	runner, err := findSDKCommand(info.GetProgramDirectory(), "run-policy-pack")
	if err != nil {
		// Reported as the plugin's own stderr and exit code: the engine reads "Cannot find module
		// '@pulumi/pulumi/cmd/run-policy-pack'" there and tells the user to run npm install in the policy pack.
		if sendErr := server.Send(&pulumirpc.RunPluginResponse{
			Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: []byte(err.Error() + "\n")},
		}); sendErr != nil {
			return sendErr
		}
		return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: 1}})
	}
	// run-policy-pack takes <engine-address> <policy-pack directory>; the engine's args hold the address.
	args := append(append([]string{runner}, req.GetArgs()...), info.GetProgramDirectory())
	// The engine's cancellation (it kills analyzers when the update ends) must stop the node process too.
	cmd := exec.CommandContext(server.Context(), "node", args...)
	// The engine passes the program's directory as pwd, but @pulumi/policy reads the pack's version from
	// ./package.json, so a pack runs in its own directory, as Pulumi's older pulumi-analyzer-policy shim ran it.
	cmd.Dir = info.GetProgramDirectory()
	cmd.Env = withRuntimeOptions(append(os.Environ(), req.GetEnv()...), info)
	var sending sync.Mutex
	cmd.Stdout = &streamWriter{mu: &sending, send: func(b []byte) error {
		return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: b}})
	}}
	cmd.Stderr = &streamWriter{mu: &sending, send: func(b []byte) error {
		return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: b}})
	}}
	err = cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: 0}})
	case errors.As(err, &exitErr):
		return server.Send(&pulumirpc.RunPluginResponse{
			Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: int32(exitErr.ExitCode())},
		})
	default:
		return fmt.Errorf("could not run %s: %w", runner, err)
	}
}

// streamWriter forwards a child's output to the gRPC stream. os/exec copies stdout and stderr from two goroutines,
// and a stream's Send must not be called concurrently, hence the shared mutex. The bytes are copied because grpc-go
// forbids changing a message after Send (stats handlers may read it later) and exec reuses its buffer.
type streamWriter struct {
	mu   *sync.Mutex
	send func([]byte) error
}

func (w *streamWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.send(append([]byte(nil), p...)); err != nil {
		return 0, err
	}
	return len(p), nil
}

package languagehost

import (
	"fmt"
	"os/exec"
	"strings"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// InstallStream is the engine's end of InstallDependencies: what a host sends there, the CLI prints.
type InstallStream = pulumirpc.LanguageRuntime_InstallDependenciesServer

// RunInstallCommand runs one step of InstallDependencies in `dir` and relays its output to the engine as it comes.
// The engine prints what it gets and reports a failed step by the error this returns.
func RunInstallCommand(stream InstallStream, dir, name string, args ...string) error {
	relay := &streamRelay{stream: stream}
	cmd := exec.CommandContext(stream.Context(), name, args...)
	cmd.Dir = dir
	cmd.Stdout = relayWriter{relay: relay}
	cmd.Stderr = relayWriter{relay: relay, stderr: true}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("`%s %s` failed in %s: %w", name, strings.Join(args, " "), dir, err)
	}
	return relay.err
}

// streamRelay serializes the sends of a command's two pipes: a gRPC stream takes one sender at a time.
type streamRelay struct {
	mu     sync.Mutex
	stream InstallStream
	err    error
}

type relayWriter struct {
	relay  *streamRelay
	stderr bool
}

func (w relayWriter) Write(p []byte) (int, error) {
	w.relay.mu.Lock()
	defer w.relay.mu.Unlock()
	chunk := append([]byte(nil), p...)
	response := &pulumirpc.InstallDependenciesResponse{Stdout: chunk}
	if w.stderr {
		response = &pulumirpc.InstallDependenciesResponse{Stderr: chunk}
	}
	if err := w.relay.stream.Send(response); err != nil && w.relay.err == nil {
		w.relay.err = err
	}
	return len(p), nil
}

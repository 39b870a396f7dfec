package languagehost

import (
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// ExitedAfterReportingError is the exit code Pulumi's program runners use once they have shown the user the error
// (Node.js's and Python's): the engine must then bail without a second message.
const ExitedAfterReportingError = 32

// RunResponse maps how a program process ended onto what the engine expects from Run.
func RunResponse(err error) *pulumirpc.RunResponse {
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}
	case errors.As(err, &exitErr) && exitErr.ExitCode() == ExitedAfterReportingError:
		return &pulumirpc.RunResponse{Bail: true}
	case errors.As(err, &exitErr):
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode())}
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Problem executing program (could not run language executor): %v", err)}
	}
}

// ConfigEnvironment passes the stack's config the way every Pulumi SDK reads it at startup. A stack without config
// still gets an empty object and list: Python's SDK iterates them without a check for null.
func ConfigEnvironment(req *pulumirpc.RunRequest) ([]string, error) {
	values, keys := req.GetConfig(), req.GetConfigSecretKeys()
	if values == nil {
		values = map[string]string{}
	}
	if keys == nil {
		keys = []string{}
	}
	config, err := json.Marshal(values)
	if err != nil {
		return nil, err
	}
	secretKeys, err := json.Marshal(keys)
	if err != nil {
		return nil, err
	}
	return []string{"PULUMI_CONFIG=" + string(config), "PULUMI_CONFIG_SECRET_KEYS=" + string(secretKeys)}, nil
}

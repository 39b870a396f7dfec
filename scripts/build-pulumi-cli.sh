#!/usr/bin/env bash
# Builds the Pulumi CLI that the real-engine tests run, from the Go module proxy, and prints the directory that holds
# it on stdout (everything else goes to stderr), so that callers can do:
#
#   export PATH="$(scripts/build-pulumi-cli.sh):$PATH"
#
# What it builds, into a cache outside the work tree keyed by version and by the sources below:
#   pulumi                         github.com/pulumi/pulumi/pkg/v3/cmd/pulumi at the version pinned in
#                                  tools/pulumi-cli/go.mod (the same as the @pulumi/pulumi devDependency)
#   pulumi-language-<language>     tools/pulumi-language-<language> for each of $own_hosts, on tools/languagehost:
#                                  Pulumi's own language host modules are not served by the module proxy here, so
#                                  this project carries small ones of its own
#   pulumi-language-dotnet         tools/pulumi-language-dotnet, a module of its own on pkg v3.163.0, the last pkg/v3
#                                  release with codegen/dotnet: it generates C# SDKs and programs, and runs nothing
#   pulumi-language-yaml           github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml at the version pinned in
#                                  tools/pulumi-language-yaml/go.mod (Pulumi's own, served by the module proxy)
#   pulumi-resource-pulumi-nodejs  the dynamic-provider plugin shim, copied from the installed @pulumi/pulumi package,
#                                  where Pulumi's release archives take it from too
#
# Idempotent: a second run finds the cache and only prints. PULUMI_CLI_CACHE overrides the cache root.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cli_module="$root/tools/pulumi-cli"
own_hosts="nodejs python go"
shared_module="$root/tools/languagehost"
dotnet_module="$root/tools/pulumi-language-dotnet"
yaml_module="$root/tools/pulumi-language-yaml"
shim="$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"

log() { printf '%s\n' "$*" >&2; }

command -v go >/dev/null || { log "build-pulumi-cli: Go is not installed (the CLI is built from Go modules)"; exit 1; }
[ -f "$shim" ] || { log "build-pulumi-cli: $shim is missing: run npm ci first"; exit 1; }

version="$(sed -n 's|^require github.com/pulumi/pulumi/pkg/v3 v\(.*\)$|\1|p' "$cli_module/go.mod")"
yaml_version="$(sed -n 's|^require github.com/pulumi/pulumi-yaml v\(.*\)$|\1|p' "$yaml_module/go.mod")"
[ -n "$version" ] && [ -n "$yaml_version" ] || { log "build-pulumi-cli: no version pinned in $cli_module or $yaml_module"; exit 1; }
sdk_version="$(node -p "require('$root/package.json').devDependencies['@pulumi/pulumi']")"
if [ "$version" != "$sdk_version" ]; then
  log "build-pulumi-cli: tools/pulumi-cli pins the CLI at $version but @pulumi/pulumi is $sdk_version; keep them equal"
  exit 1
fi

# The key covers every input of the build, so changing the host or the pins rebuilds instead of reusing a stale copy.
module_sources() { find "$1" -type f -print0 | sort -z | xargs -0 cat; }
key="$(
  {
    module_sources "$cli_module"
    module_sources "$yaml_module"
    module_sources "$shared_module"
    module_sources "$dotnet_module"
    for language in $own_hosts; do module_sources "$root/tools/pulumi-language-$language"; done
    cat "$shim"
  } | sha256sum | cut -c1-12
)"
cache_root="${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-entra-assignment-policy/pulumi-cli}"
bin="$cache_root/v$version-$key/bin"

if [ ! -x "$bin/pulumi" ]; then
  log "build-pulumi-cli: building Pulumi CLI v$version into $bin (several minutes on a cold Go cache)"
  started=$SECONDS
  mkdir -p "$(dirname "$bin")"
  staging="$(mktemp -d "$(dirname "$bin")/staging.XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
  # -mod=readonly: the committed go.sum pins every module; -buildvcs=false: the checkout's git state (another owner,
  # a shallow clone) must not fail a build that stamps nothing from it.
  export GOFLAGS="-mod=readonly -buildvcs=false"
  # Each binary's own time goes to the log, so that a slow CI build shows which one it was.
  timed() {
    local name="$1" step_started=$SECONDS
    shift
    "$@"
    log "build-pulumi-cli: $name in $((SECONDS - step_started)) s"
  }
  timed pulumi env GOBIN="$staging" go -C "$cli_module" install \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
    github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
  for language in $own_hosts; do
    timed "pulumi-language-$language" go -C "$root/tools/pulumi-language-$language" build \
      -o "$staging/pulumi-language-$language" -ldflags "-X main.version=$version" .
  done
  timed pulumi-language-dotnet go -C "$dotnet_module" build -o "$staging/pulumi-language-dotnet" \
    -ldflags "-X main.version=$version" .
  timed pulumi-language-yaml go -C "$yaml_module" build -o "$staging/pulumi-language-yaml" \
    -ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=v$yaml_version" \
    github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
  cp "$shim" "$staging/pulumi-resource-pulumi-nodejs"
  chmod +x "$staging/pulumi-resource-pulumi-nodejs"
  # A rename is atomic: a concurrent or interrupted run never leaves a half-filled bin directory behind.
  mv -T "$staging" "$bin" 2>/dev/null || rm -rf "$staging"
  trap - EXIT
  log "build-pulumi-cli: built in $((SECONDS - started)) s"
fi

log "build-pulumi-cli: $bin"
log "build-pulumi-cli: pulumi version $("$bin/pulumi" version)"
printf '%s\n' "$bin"

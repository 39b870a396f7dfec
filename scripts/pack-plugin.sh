#!/usr/bin/env bash
# Builds the release tarball of the `entra` resource plugin, for
#   pulumi plugin install resource entra <version> --file pulumi-resource-entra-v<version>-<os>-<arch>.tar.gz
# The engine unpacks it into $PULUMI_HOME/plugins/resource-entra-v<version>/ and, with no PulumiPlugin.yaml there,
# starts the executable `pulumi-resource-entra` at its root. That is a shell launcher of the package as npm installs it
# for a user (production dependencies only), so the tarball runs wherever `node` (20 or later) and `sh` are: Linux and
# macOS on any architecture. <os>-<arch> names the machine that packed it, as the engine's download URLs expect.
#
# Usage: scripts/pack-plugin.sh <outdir>   (prints the tarball's path on its last line)
set -euo pipefail

if [ "$#" -ne 1 ]; then
    echo "usage: $0 <outdir>" >&2
    exit 2
fi
mkdir -p "$1"
outdir="$(cd "$1" && pwd)"
root="$(cd "$(dirname "$0")/.." && pwd)"

version="$(node -p "require('$root/package.json').version")"
# A peer dependency, so npm leaves the choice of version to the user's program; the plugin is its own program and takes
# the version it is built and tested with.
pulumi_sdk="@pulumi/pulumi@$(node -p "require('$root/package.json').devDependencies['@pulumi/pulumi']")"

case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) echo "$0: unsupported OS $(uname -s)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "$0: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# `npm pack` builds dist/ (prepack), so the tarball holds this checkout's code, not whatever dist/ held before.
package="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -1)"

stage="$work/plugin"
mkdir "$stage"
(cd "$stage" && npm install --omit=dev --no-audit --no-fund --silent "$work/$package" "$pulumi_sdk")
# The staging manifest names the package by its temporary tarball path, which means nothing once installed.
rm "$stage/package.json" "$stage/package-lock.json"

main="node_modules/$(node -p "require('$root/package.json').name")/$(node -p "require('$root/package.json').bin['pulumi-resource-entra']")"
test -f "$stage/$main"
cat >"$stage/pulumi-resource-entra" <<EOF
#!/bin/sh
# Beside this launcher, wherever PULUMI_HOME puts the plugin's directory.
exec node "\$(dirname "\$0")/$main" "\$@"
EOF
chmod 755 "$stage/pulumi-resource-entra"

tarball="$outdir/pulumi-resource-entra-v$version-$os-$arch.tar.gz"
tar -C "$stage" -czf "$tarball" pulumi-resource-entra node_modules
echo "$tarball"

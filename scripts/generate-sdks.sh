#!/usr/bin/env bash
# Generates the entra SDKs for Node.js, Python, Go and .NET from provider/plugin/schema.json into
# <outdir>/{nodejs,python,go,dotnet} with the real `pulumi package gen-sdk` (the CLI and language hosts that
# scripts/build-pulumi-cli.sh puts on PATH).
# Nothing generated is committed: the schema is, and it is generated and checked itself (test/plugin/schema.test.ts).
# The Go SDK gets a go.mod, since gen-sdk writes only the package: its module is the schema's Go import base less the
# package directory, and it requires the Pulumi Go SDK at the version of the tested @pulumi/pulumi. The .NET SDK needs
# nothing added: the version.txt and logo.png its project file embeds and packs come from gen-sdk itself.
# Prints <outdir>; gen-sdk's messages go to stderr.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 <outdir>" >&2
    exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$1"
schema="$root/provider/plugin/schema.json"
mkdir -p "$out"

export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
for language in nodejs python go dotnet; do
    rm -rf "${out:?}/$language"
    pulumi package gen-sdk "$schema" --language "$language" --out "$out" >&2
done

# pyproject.toml names a README.md beside it, which gen-sdk writes into the package directory only.
cp "$out/python/pulumi_entra/README.md" "$out/python/README.md"

version="$(node -p 'require(process.argv[1]).devDependencies["@pulumi/pulumi"]' "$root/package.json")"
import_base="$(node -p 'require(process.argv[1]).language.go.importBasePath' "$schema")"
cat >"$out/go/go.mod" <<GOMOD
module $(dirname "$import_base")

go 1.25

require github.com/pulumi/pulumi/sdk/v3 v$version
GOMOD
(cd "$out/go" && go mod tidy >&2)
echo "$out"

#!/bin/sh
# Re-extract Shopify's published Admin GraphQL schema (introspection JSON) for one
# API version from the npm package @shopify/dev-mcp (ISC licence), which ships the
# schemas Shopify publishes. Usage: scripts/vendor-schema.sh 2026-10
set -eu
version="${1:?usage: vendor-schema.sh <api-version, e.g. 2026-10>}"
pkg="@shopify/dev-mcp@${DEV_MCP_VERSION:-1.16.0}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack "$pkg" >/dev/null
tar xzf ./*.tgz "package/dist/data/admin_${version}.json.gz"
cp "package/dist/data/admin_${version}.json.gz" "$here/schema/admin_${version}.json.gz"
echo "vendored $here/schema/admin_${version}.json.gz from $pkg"

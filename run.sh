#!/usr/bin/env bash
# Runs the reference application: PostgreSQL, Redis and the Api as local processes, health-gated, in dependency order.
# Installs redis-server/postgresql when missing. Extra arguments go to the AppHost (e.g. ./run.sh publish manifest).
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
source "$root/eng/prerequisites.sh"
ensure_infrastructure
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project "$root/AppHost" -- "$@"

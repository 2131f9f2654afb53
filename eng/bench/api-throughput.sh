#!/usr/bin/env bash
# Api throughput benchmark: requests/s and latency percentiles (wrk, 2 threads, 32 connections, 10 s) for the cached
# GET /documents/{id} and for GET /search, with telemetry on (dashboard hosted, OTLP export every second) and off.
# Usage: eng/bench/api-throughput.sh     (needs wrk: apt-get install wrk; builds the AppHost in Release)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
dotnet build "$root/AppHost" -c Release -nologo -clp:ErrorsOnly >/dev/null
state="$(mktemp -d)"; chmod 711 "$state"; log="$state/apphost.log"
trap 'rm -rf "$state"' EXIT
key="$(python3 -c 'import json;print(json.load(open("'"$root"'/AppHost/appsettings.Development.json"))["Parameters"]["api-key"])' 2>/dev/null || echo dev-only-api-key-not-a-secret)"

measure() { # $1 = label, $2.. = AppHost arguments
  local label="$1"; shift
  DEPLOY_STATE_DIR="$state" dotnet "$root/AppHost/bin/Release/net10.0/AppHost.dll" "$@" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do grep -q "All resources are ready" "$log" && break; sleep 0.2; done
  local api; api=$(grep -oE " api: Running \(Healthy\) (\S+)" "$log" | head -1 | awk '{print $4}')
  curl -sf -X POST "$api/documents" -H 'content-type: application/json' -H "X-Api-Key: $key" \
    -d '{"title":"Backups","text":"How to restore a database from a nightly backup"}' >/dev/null
  sleep 3; curl -sf "$api/documents/1" >/dev/null
  for path in "/documents/1" "/search?q=restore+backup&k=3"; do
    wrk -t2 -c32 -d10s --latency "$api$path" | awk -v l="$label" -v p="$path" \
      '/Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +90%/ {p90=$2} /^ +99%/ {p99=$2} END {printf "%-14s GET %-28s %8s req/s  p50 %s  p90 %s  p99 %s\n", l, p, r, p50, p90, p99}'
  done
  kill -TERM "$pid"; wait "$pid" || true
}

measure "telemetry on"
measure "telemetry off" --Dashboard:Enabled=false
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (wrk shares the cores with the app)"

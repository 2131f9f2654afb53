#!/usr/bin/env bash
# Startup benchmark: time from AppHost process start to "All resources are ready", and the AppHost's resident
# memory then. Prints the median of N warm runs (data directory already initialised) and of N first runs (initdb).
# Usage: eng/bench/startup.sh [runs=5]     (builds the AppHost in Release first)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-5}"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/AppHost" -c Release -nologo -clp:ErrorsOnly >/dev/null
apphost="$root/AppHost/bin/Release/net10.0/AppHost.dll"
work="$(mktemp -d)"; chmod 711 "$work"
trap 'rm -rf "$work"' EXIT

run_once() { # $1 = state dir; prints "<seconds> <rss kB>"
  local log="$work/run.log" pid secs rss
  # What the AppHost's http launch profile sets, as ./run.sh gets it through 'dotnet run'.
  env Deploy__Runtime=native Deploy__StateDirectory="$1" DOTNET_ENVIRONMENT=Development \
    ASPNETCORE_URLS=http://localhost:18888 ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:18889 \
    ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:18890 ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
    dotnet "$apphost" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 900); do grep -q "resources are ready" "$log" && break; sleep 0.1; done
  secs=$(grep -oE "ready, [0-9.]+ s" "$log" | grep -oE "[0-9.]+" || echo "nan")
  rss=$(awk '/VmRSS/{print $2}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" || true
  echo "$secs $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

mkdir -p "$work/warm"; chmod 711 "$work/warm"
run_once "$work/warm" >/dev/null   # initialise the data directory once
warm=(); first=(); rss=()
for i in $(seq 1 "$runs"); do
  read -r s r < <(run_once "$work/warm"); warm+=("$s"); rss+=("$r")
  rm -rf "$work/first"; mkdir -p "$work/first"; chmod 711 "$work/first"
  read -r s _ < <(run_once "$work/first"); first+=("$s")
done
echo "warm start to all ready (median of $runs): $(printf '%s\n' "${warm[@]}" | median) s   [${warm[*]}]"
echo "first run (initdb) to all ready (median of $runs): $(printf '%s\n' "${first[@]}" | median) s   [${first[*]}]"
echo "AppHost resident memory when ready (median): $(( $(printf '%s\n' "${rss[@]}" | median | cut -d. -f1) / 1024 )) MiB"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

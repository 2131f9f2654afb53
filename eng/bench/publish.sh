#!/usr/bin/env bash
# Publish figures: every declared target of the reference app from the built AppHost (median of N runs), then the
# size of each target's output tree.
# Usage: eng/bench/publish.sh [runs=5]   (builds the AppHost in Release first)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-5}"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/AppHost" -c Release -nologo -clp:ErrorsOnly >/dev/null
apphost="$root/AppHost/bin/Release/net10.0/AppHost.dll"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }

times=()
for _ in $(seq 1 "$runs"); do
  rm -rf "$work/publish"; t0=$(now)
  # A per-run ASPIRE_HOME: Aspire keeps deployment state there, which must not carry over between runs.
  ASPIRE_HOME="$work/aspire-home" dotnet "$apphost" --operation publish --step publish --output-path "$work/publish" >"$work/log" 2>&1 \
    || { cat "$work/log"; exit 1; }
  times+=("$(echo "$(now) $t0" | awk '{printf "%.2f\n", $1 - $2}')")
done

echo "publish every target from the built AppHost (median of $runs): $(printf '%s\n' "${times[@]}" | median) s   [${times[*]}]"
for target in "$work/publish"/*/; do
  name="$(basename "$target")"
  files=$(find "$target" -type f | wc -l)
  bytes=$(find "$target" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
  printf '  %-8s %3d files, %7d bytes\n' "$name/" "$files" "$bytes"
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

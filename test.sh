#!/usr/bin/env bash
# Runs every test (unit, publisher golden files + validators, end-to-end on real PostgreSQL/Redis, dashboard in
# headless Chromium). Installs what the tests need when missing. Ends with one line: "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
source "$root/eng/prerequisites.sh"
ensure_infrastructure || exit 1
ensure_test_tools "$root" || exit 1

# MSBuild worker nodes that outlive a build keep test output pipes open; tests that run 'dotnet' must not leave any.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log="$(mktemp)"
# Everything the tests and the processes they start put in the temp folder (Aspire's and DCP's folders, .NET's
# diagnostic pipes of killed processes) goes into one folder removed at the end. Traversable by other accounts:
# PostgreSQL runs as 'postgres' under root.
tests_tmp="$(mktemp -d)"; chmod 711 "$tests_tmp"
trap 'rm -f "$log"; rm -rf "$tests_tmp"' EXIT
export TMPDIR="$tests_tmp"
if ! dotnet build Deploy.sln -nologo -clp:ErrorsOnly 2>&1 | tee "$log"; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

# One test project at a time: the end-to-end tests start real servers, and this machine has 2 cores.
status=0
dotnet test Deploy.sln --no-build -nologo -m:1 "$@" 2>&1 | tee "$log" || status=$?

passed=$(grep -E '^(Passed|Failed)! ' "$log" | sed -E 's/.*Passed: *([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
failed=$(grep -E '^(Passed|Failed)! ' "$log" | sed -E 's/.*Failed: *([0-9]+),.*/\1/' | awk '{s+=$1} END {print s+0}')
projects=$(find Tests -name '*.Tests.csproj' | wc -l)
reported=$(grep -cE '^(Passed|Failed)! ' "$log")
if [ "$reported" -lt "$projects" ]; then
  echo "Only $reported of $projects test projects reported results (a test host crashed or hung)."
  failed=$((failed + projects - reported))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

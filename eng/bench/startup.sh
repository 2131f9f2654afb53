#!/usr/bin/env bash
# Start-up, memory and publish figures for Deploy on Aspire 13.6, medians of N warm runs, all in one run:
#   1. the reference app with Deploy (native PostgreSQL/Redis): AppHost start -> all healthy
#   2. its projects alone on bare Aspire, then with Deploy (servers started by this script)
#   3. the floor: the same built processes started by this script in dependency order
#   4. idle RSS and PSS per process kind of the reference app
#   5. publishing every target from the built AppHost, and the size of each output tree (eng/bench/publish.sh)
# Usage: eng/bench/startup.sh [runs=5]   (builds in Release first; needs postgresql and redis-server)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-5}"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/AppHost" -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build "$root/eng/bench/BenchAppHost" -c Release -nologo -clp:ErrorsOnly >/dev/null
bin="net10.0"
apphost="$root/AppHost/bin/Release/$bin/AppHost.dll"
bench="$root/eng/bench/BenchAppHost/bin/Release/$bin/BenchAppHost.dll"
samples="$root/Samples"
work="$(mktemp -d)"; chmod 711 "$work"
mkdir -p "$work/tmp"; chmod 711 "$work/tmp"; export TMPDIR="$work/tmp"   # what killed processes leave behind goes with $work
servers=()
cleanup() { for p in "${servers[@]}"; do kill -INT "$p" 2>/dev/null || true; done; sleep 1; rm -rf "$work"; }
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
free_port() { local p; while :; do p=$(shuf -i 20000-60000 -n 1); ss -ltn "( sport = :$p )" | grep -q ":$p" || { echo "$p"; return; }; done; }
wait_http() { for _ in $(seq 1 1200); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.05; done; return 1; }
now() { date +%s.%N; }

# Runs an AppHost (args...) until its console matches $pattern; prints the seconds it reports. Leaves it running
# when $keep is set (its pid in $last_pid), else stops it with SIGTERM.
run_apphost() {
  local pattern="$1"; shift
  local log="$work/apphost.log"
  : >"$log"
  env DOTNET_ENVIRONMENT=Development ASPNETCORE_URLS="http://localhost:$(free_port)" \
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$(free_port)" ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$(free_port)" \
    ASPIRE_ALLOW_UNSECURED_TRANSPORT=true Parameters__api-key=bench "$@" >"$log" 2>&1 &
  last_pid=$!
  for _ in $(seq 1 2400); do grep -qE "$pattern" "$log" && break; sleep 0.05; done
  grep -oE "$pattern" "$log" | grep -oE "[0-9]+\.[0-9]+" | head -1 || echo nan
  if [ -z "${keep:-}" ]; then kill -TERM "$last_pid"; wait "$last_pid" 2>/dev/null || true; fi
}

# 1. Reference app with Deploy.
state="$work/state"; mkdir -p "$state"; chmod 711 "$state"
ref=(env Deploy__Runtime=native Deploy__StateDirectory="$state" dotnet "$apphost")
run_apphost "resources are ready, [0-9.]+ s" "${ref[@]}" >/dev/null   # first run: initdb, builds nothing
reference=(); for _ in $(seq 1 "$runs"); do reference+=("$(run_apphost "resources are ready, [0-9.]+ s" "${ref[@]}")"); done

# 4. Idle memory per process kind, from one more run of the reference app.
keep=1 run_apphost "resources are ready, [0-9.]+ s" "${ref[@]}" >/dev/null; ref_pid=$last_pid; unset keep
sleep 5
memory() { # $1 = label, $2 = pattern for the command line
  local rss=0 pss=0 n=0
  for pid in $(pgrep -f -- "$2" || true); do
    r=$(awk '/^VmRSS/{print $2}' "/proc/$pid/status" 2>/dev/null || echo 0); p=$(awk '/^Pss:/{print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    rss=$((rss + ${r:-0})); pss=$((pss + ${p:-0})); n=$((n + 1))
  done
  printf '  %-26s %2d processes  RSS %5d MiB  PSS %5d MiB\n' "$1" "$n" $((rss / 1024)) $((pss / 1024))
}
mem_report="$(
  memory "AppHost" "AppHost.dll"
  memory "DCP API server" "dcp start-apiserver"
  memory "DCP controllers" "dcp run-controllers"
  memory "DCP child monitors" "dcp monitor-process"
  memory "Aspire dashboard" "Aspire.Dashboard"
  memory "api" "Samples/Api/bin"
  memory "embedder (2 replicas)" "Samples/GpuWorker/bin"
  memory "web" "Samples/Web/bin"
  memory "PostgreSQL (all processes)" "postgres -D $state|postgres: "
  memory "Redis" "redis-server 127.0.0.1"
)"
kill -TERM "$ref_pid"; wait "$ref_pid" 2>/dev/null || true

# 2. Servers of our own for the projects-alone runs.
pg="$work/pg"; pgport=$(free_port); redisport=$(free_port); pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg=(); [ "$(id -u)" -eq 0 ] && as_pg=(setpriv --reuid=postgres --regid=postgres --clear-groups --)
mkdir -p "$pg"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg"
printf bench >"$work/pw"; [ "$(id -u)" -eq 0 ] && chown postgres "$work/pw"
"${as_pg[@]}" "$pgbin/initdb" -D "$pg/data" -U postgres --pwfile "$work/pw" --auth=scram-sha-256 --no-sync >/dev/null
"${as_pg[@]}" "$pgbin/postgres" -D "$pg/data" -p "$pgport" -c listen_addresses=127.0.0.1 -c unix_socket_directories= >"$work/pg.log" 2>&1 &
servers+=($!)
redis-server --port "$redisport" --bind 127.0.0.1 --requirepass bench --save '' >"$work/redis.log" 2>&1 &
servers+=($!)
for _ in $(seq 1 200); do PGPASSWORD=bench "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -c 'CREATE DATABASE docs' >/dev/null 2>&1 && break; sleep 0.1; done
export ConnectionStrings__docs="Host=127.0.0.1;Port=$pgport;Username=postgres;Password=bench;Database=docs"
export ConnectionStrings__cache="127.0.0.1:$redisport,password=bench"

bare=(); with=()
run_apphost "BENCH ready [0-9.]+" env Bench__Deploy=false dotnet "$bench" >/dev/null   # first run: migrations
for _ in $(seq 1 "$runs"); do
  bare+=("$(run_apphost "BENCH ready [0-9.]+" env Bench__Deploy=false dotnet "$bench")")
  with+=("$(run_apphost "BENCH ready [0-9.]+" env Bench__Deploy=true dotnet "$bench")")
done

# 3. The floor: the built processes in dependency order, each level waiting for /health.
floor_once() {
  local t0 a e1 e2 w pids=()
  t0=$(now)
  "$samples/MigrationService/bin/Release/$bin/MigrationService" >/dev/null 2>&1
  a=$(free_port); e1=$(free_port); e2=$(free_port); w=$(free_port)
  ASPNETCORE_URLS="http://127.0.0.1:$a" ApiKey=bench "$samples/Api/bin/Release/$bin/Api" >/dev/null 2>&1 & pids+=($!)
  ASPNETCORE_URLS="http://127.0.0.1:$e1" DEPLOY_GPU=none "$samples/GpuWorker/bin/Release/$bin/GpuWorker" >/dev/null 2>&1 & pids+=($!)
  ASPNETCORE_URLS="http://127.0.0.1:$e2" DEPLOY_GPU=none "$samples/GpuWorker/bin/Release/$bin/GpuWorker" >/dev/null 2>&1 & pids+=($!)
  wait_http "http://127.0.0.1:$a/health"; wait_http "http://127.0.0.1:$e1/health"; wait_http "http://127.0.0.1:$e2/health"
  ASPNETCORE_URLS="http://127.0.0.1:$w" services__api__http__0="http://127.0.0.1:$a" "$samples/Web/bin/Release/$bin/Web" >/dev/null 2>&1 & pids+=($!)
  wait_http "http://127.0.0.1:$w/health"
  echo "$(now) $t0" | awk '{printf "%.2f\n", $1 - $2}'
  kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
}
floor=(); for _ in $(seq 1 "$runs"); do floor+=("$(floor_once)"); done

echo "reference app with Deploy, start -> all healthy (median of $runs): $(printf '%s\n' "${reference[@]}" | median) s   [${reference[*]}]"
echo "projects alone, bare Aspire (median of $runs):                   $(printf '%s\n' "${bare[@]}" | median) s   [${bare[*]}]"
echo "projects alone, Aspire + Deploy (median of $runs):               $(printf '%s\n' "${with[@]}" | median) s   [${with[*]}]"
echo "floor, built processes in dependency order (median of $runs):    $(printf '%s\n' "${floor[@]}" | median) s   [${floor[*]}]"
echo "idle memory of the reference app, per process kind:"
echo "$mem_report"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/eng/bench/publish.sh" "$runs"

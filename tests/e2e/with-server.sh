#!/usr/bin/env bash
# Runs the browser test against a real `kechuang serve`: a fresh SQLite database with one admin,
# the built front end from web/dist, a free loopback port; stops the server afterwards.
#   tests/e2e/with-server.sh            (KC_BIN overrides build/kechuang)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${KC_BIN:-$root/build/kechuang}
web="$root/web/dist"
[[ -x "$bin" ]] || { echo "with-server.sh: no server binary at $bin (build it first)" >&2; exit 1; }
[[ -f "$web/index.html" ]] || { echo "with-server.sh: $web/index.html missing (run: cd web && npm run build)" >&2; exit 1; }
[[ -d "$root/tests/e2e/node_modules/playwright-core" ]] || { echo "with-server.sh: run npm ci in tests/e2e first" >&2; exit 1; }

work=$(mktemp -d /tmp/kc-e2e.XXXXXX)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

export KC_ADMIN_USER=admin
# Neither common nor containing the username (both refused); set by automation, so
# --no-password-change.
export KC_ADMIN_PASSWORD="E2e-Root-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')!"
db="$work/kechuang.db"
printf '%s\n' "$KC_ADMIN_PASSWORD" | "$bin" user add --db "$db" --name "$KC_ADMIN_USER" --role admin \
  --display-name "E2E Admin" --no-password-change >/dev/null

"$bin" serve --db "$db" --listen 127.0.0.1:0 --web "$web" >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -oE 'Listening on http://[^/[:space:]]+' "$work/stdout" | head -n 1 | sed 's/^Listening on //' || true)
  [[ -n "$url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "with-server.sh: server exited:" >&2; cat "$work/stderr" >&2; exit 1; }
  sleep 0.2
done
[[ -n "$url" ]] || { echo "with-server.sh: server did not report its address in 20 s" >&2; cat "$work/stderr" >&2; exit 1; }
echo "kechuang serve on $url"

status=0
KC_BASE_URL="$url" node --test ${KC_E2E_PATTERN:+--test-name-pattern="$KC_E2E_PATTERN"} "$root/tests/e2e/run.mjs" || status=$?
if ((status != 0)); then
  echo "--- server log ---" >&2
  tail -n 50 "$work/stderr" >&2
fi
exit $status

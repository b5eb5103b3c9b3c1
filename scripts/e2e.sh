#!/usr/bin/env bash
# Browser tests: a fresh database with a known admin, `kechuang serve` with the built front end on
# a free loopback port, then the playwright-core suite in tests/e2e driving Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/kc-e2e.XXXXXX)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export KC_ADMIN_USER=admin
export KC_ADMIN_PASSWORD='E2e-Admin-Pass-2024'
echo "$KC_ADMIN_PASSWORD" | build/kechuang user add --db "$work/e2e.db" --name "$KC_ADMIN_USER" --role admin >/dev/null
build/kechuang serve --db "$work/e2e.db" --listen 127.0.0.1:0 --web web/dist >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/stdout" || true)
  [[ -n "$url" ]] && break
  sleep 0.1
done
[[ -n "$url" ]] || { echo "server did not start:"; cat "$work/stderr"; exit 1; }
export KC_BASE_URL=$url
(cd tests/e2e && node --test run.mjs)

#!/usr/bin/env bash
# `make run`: creates the database on first start (the admin password is printed once) and serves.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-var/kechuang.db}
listen=${2:-127.0.0.1:8080}
if [[ "$db" != postgres* && ! -f "$db" ]]; then
  mkdir -p "$(dirname "$db")"
  echo "Creating $db with the demo city (the seed district and five peers, 2009–2014)…"
  build/kechuang demo --db "$db"
fi
echo "Database: $db"
echo "Sign in at http://$listen/ (stop with Ctrl-C)."
exec build/kechuang serve --db "$db" --listen "$listen" --web web/dist

#!/usr/bin/env bash
# HTTP throughput of `kechuang serve` beside nginx serving the same bytes, in one run on the same
# cores (see docs/benchmarks.md). Each figure is reported with nginx's as a ratio, never asserted.
#
#   bench/http_bench.sh                       # 10 s per endpoint, 64 connections, 2 wrk threads
#   KC_BENCH_SECONDS=30 KC_BENCH_CONNECTIONS=128 bench/http_bench.sh
#
# Endpoints, with the targets they are read against:
#   GET /api/v1/health           kechuang ≥ 50 % of nginx (a static copy of the same JSON), p99 ≤ 10 ms
#   GET /index.html              kechuang ≥ 50 % of nginx (the same file), p99 ≤ 10 ms
#   GET /api/v1/registry/enterprises?page=1&page_size=20, signed in, demo district (2,400
#                                enterprises): ≥ 10,000 req/s (nginx has no equivalent; its health
#                                figure is printed beside it as the ceiling)
#
# Installs wrk and nginx with apt-get when missing (root or sudo); the distribution's nginx service
# is not started: the script runs its own nginx with a configuration in the temporary directory.
# Loopback only; every run is bounded by KC_BENCH_SECONDS. Exits non-zero only when something
# fails to run, never for a missed target.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/serve_lib.sh
. "$root/bench/serve_lib.sh"
bin=${KC_BIN:-$root/build/kechuang}
seconds=${KC_BENCH_SECONDS:-10}
connections=${KC_BENCH_CONNECTIONS:-64}
threads=${KC_BENCH_THREADS:-2}
password='Load-Http-Pass-2024!'  # must not contain the username "bench"
[ -x "$bin" ] || { echo "http_bench: no kechuang binary at $bin (set KC_BIN)" >&2; exit 2; }
((seconds >= 1 && seconds <= 300)) || { echo "http_bench: KC_BENCH_SECONDS must be 1–300" >&2; exit 2; }

missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "== installing ${missing[*]}"
  # Keep the package from starting the system-wide nginx on port 80 while it installs.
  printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
  $sudo chmod 755 /usr/sbin/policy-rc.d
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  $sudo rm -f /usr/sbin/policy-rc.d
fi

dir=$(mktemp -d /tmp/kc-http-bench.XXXXXX)
chmod 755 "$dir"  # nginx's workers run as an unprivileged user and read health.json here
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  [ "${KC_BENCH_KEEP:-0}" = 1 ] || rm -rf "$dir"
}
trap cleanup EXIT

# The same static bytes for both servers: the built front end, or a stand-in page.
web="$root/web/dist"
if [ ! -f "$web/index.html" ]; then
  web="$dir/web"
  mkdir -p "$web"
  head -c 2000 /dev/zero | tr '\0' 'x' | sed 's/^/<!doctype html><title>bench<\/title><p>/' >"$web/index.html"
fi

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

echo "== setup: the demo district and a signed-in session"
"$bin" demo --db "$dir/bench.db" --districts 0 >"$dir/demo.out" 2>&1 || { cat "$dir/demo.out" >&2; exit 1; }
# Automation sets this password, so it need not be changed (older binaries have no such flag).
no_change=()
if "$bin" user add --help 2>&1 | grep -q -- '--no-password-change'; then no_change=(--no-password-change); fi
printf '%s\n' "$password" | "$bin" user add --db "$dir/bench.db" --name bench --role admin "${no_change[@]}" >/dev/null
serve_args=(--db "$dir/bench.db" --listen 127.0.0.1:0 --web "$web")
# A per-address connection cap, where the server has one, would refuse the load generator's
# connections (all from 127.0.0.1); raise it above the connection count for this measurement.
if "$bin" serve --help 2>&1 | grep -q -- '--max-connections-per-ip'; then
  serve_args+=(--max-connections-per-ip $((connections * 2)))
fi
# KC_BENCH_SERVE_ARGS: more `serve` options, e.g. "--io-threads 1" to compare thread counts.
read -r -a extra_args <<<"${KC_BENCH_SERVE_ARGS:-}"
start_server serve "${serve_args[@]}" "${extra_args[@]}"

login=$(curl -sS -c "$dir/cookies" -H 'content-type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$password\"}" "$url/api/v1/auth/login")
csrf=$(node -e 'console.log(JSON.parse(process.argv[1]).csrf_token ?? "")' "$login")
[ -n "$csrf" ] || { echo "http_bench: sign-in failed: $login" >&2; exit 1; }
cookie="kc_session=$(awk '$6 == "kc_session" { print $7 }' "$dir/cookies")"
if node -e 'process.exit(JSON.parse(process.argv[1]).user?.must_change_password ? 0 : 1)' "$login"; then
  curl -sS -o /dev/null -H "cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'content-type: application/json' \
    -d "{\"current_password\":\"$password\",\"new_password\":\"$password-2\"}" "$url/api/v1/auth/password"
fi
list="$url/api/v1/registry/enterprises?page=1&page_size=20"
status=$(curl -sS -o /dev/null -w '%{http_code}' -H "cookie: $cookie" "$list")
[ "$status" = 200 ] || { echo "http_bench: the signed-in list answered $status" >&2; exit 1; }
curl -sS "$url/api/v1/health" >"$dir/health.json"

nginx_port=$(free_port)
mkdir -p "$dir/nginx"
cat >"$dir/nginx.conf" <<EOF
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/nginx/error.log;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  access_log $dir/nginx/access.log;
  client_body_temp_path $dir/nginx/body;
  proxy_temp_path $dir/nginx/proxy;
  fastcgi_temp_path $dir/nginx/fastcgi;
  uwsgi_temp_path $dir/nginx/uwsgi;
  scgi_temp_path $dir/nginx/scgi;
  sendfile on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $web;
    location = /api/v1/health { default_type application/json; alias $dir/health.json; }
    location / { try_files \$uri /index.html; }
  }
}
EOF
/usr/sbin/nginx -c "$dir/nginx.conf"
nginx_url="http://127.0.0.1:$nginx_port"
curl -sSf -o /dev/null "$nginx_url/api/v1/health" || { echo "http_bench: nginx did not answer" >&2; exit 1; }

# wrk → "requests_per_second p99_ms"
measure() {
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@" 2>&1)
  echo "$out" >>"$dir/wrk.log"
  echo "$out" | awk '
    /Requests\/sec:/ { rps = $2 }
    $1 == "99%" { v = $2; ms = v + 0
      if (v ~ /us$/) ms = ms / 1000; else if (v ~ /ms$/) ms = ms; else if (v ~ /s$/) ms = ms * 1000
      p99 = ms }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    END { printf "%.0f %.2f %d\n", rps, p99, bad }'
}

results=()
row() { results+=("$1|$2|$3|$4|$5|$6|$7"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else print "n/a" }'; }
meets() { awk -v r="$1" -v n="$2" -v p="$3" -v share="$4" -v p99="$5" 'BEGIN { exit !(r >= share * n && p <= p99) }'; }

for endpoint in /api/v1/health /index.html; do
  echo "== $endpoint: kechuang, then nginx (${seconds} s each, $connections connections)"
  read -r k_rps k_p99 k_bad < <(measure "$url$endpoint")
  read -r n_rps n_p99 n_bad < <(measure "$nginx_url$endpoint")
  echo "   kechuang $k_rps req/s, p99 $k_p99 ms ($k_bad non-2xx); nginx $n_rps req/s, p99 $n_p99 ms ($n_bad non-2xx)"
  met=$(meets "$k_rps" "$n_rps" "$k_p99" 0.5 10 && echo yes || echo NO)
  row "GET $endpoint" "$k_rps" "$k_p99" "$n_rps" "$n_p99" "$(ratio "$k_rps" "$n_rps")" "≥ 50 %, p99 ≤ 10 ms: $met"
done

echo "== signed-in enterprise list (2,400 enterprises), kechuang only"
read -r l_rps l_p99 l_bad < <(measure -H "cookie: $cookie" "$list")
echo "   kechuang $l_rps req/s, p99 $l_p99 ms ($l_bad non-2xx)"
met=$(awk -v r="$l_rps" 'BEGIN { exit !(r >= 10000) }' && echo yes || echo NO)
row "GET /registry/enterprises (signed in)" "$l_rps" "$l_p99" "—" "—" "—" "≥ 10,000 req/s: $met"

echo
echo "| endpoint | kechuang req/s | p99 ms | nginx req/s | p99 ms | kechuang / nginx | target |"
echo "|---|---|---|---|---|---|---|"
for r in "${results[@]}"; do
  IFS='|' read -r a b c d e f g <<<"$r"
  echo "| $a | $b | $c | $d | $e | $f | $g |"
done
echo
echo "$(nproc) cores, load before the run: $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$threads -c$connections -d${seconds}s"

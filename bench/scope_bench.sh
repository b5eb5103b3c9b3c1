#!/usr/bin/env bash
# Region-scope benchmark (issue 12: "a scoped list stays within 10 % of the unscoped latency at
# 100,000 enterprises"). Each scoped figure is measured beside the unscoped one in the same run,
# interleaved request by request, and reported as a ratio. See docs/benchmarks.md.
#
#   bench/scope_bench.sh                      # SQLite
#   bench/scope_bench.sh sqlite postgres      # both (PostgreSQL: a temporary server, scripts/pg-temp.sh)
#   KC_BENCH_REQUESTS=100 bench/scope_bench.sh postgres
#
# Data: `kechuang demo --scale KC_BENCH_ENTERPRISES` (100,000 enterprises in district 330205, with
# their 2009–2014 years), then a second district: the first KC_BENCH_SECOND (20,000) enterprises
# copied by SQL with region_code 330206 (credit code with 330206 in place of 330205) and their
# years. Users: admin (no scope), `district` (staff, region 330205), `city` (staff, region 330200,
# the city: prefix 3302).
#
# Routes (page_size=20, pages rotating), each for four scopes — unscoped admin, district 330205,
# city 330200 (prefix 3302), the city narrowed by `X-Kechuang-Region: 330206`:
#   enterprises               ?page=1…50
#   enterprise_years          ?page=1…50           (scoped through the enterprise)
#   enterprises town=T        ?town=T&page=1…10    (a filtered list)
#   enterprise_years year=Y   ?year=Y&page=1…10
# bench/scope_latency.mjs sends them: p50/p95 of KC_BENCH_REQUESTS (200) sequential requests per
# scope, then req/s with KC_BENCH_CONCURRENCY (4) requests in flight.
#
# Prints a table with each scope's ratio to the unscoped figure (p50 and p95 latency, and
# unscoped req/s ÷ scoped req/s). Exit status: 1 when a p50 ratio exceeds KC_BENCH_MAX_RATIO
# (1.10) — the issue's target —, 2 when something fails to run, 0 otherwise. This is a
# benchmark, not a test: no test runs it.
#
# Data goes to a new temporary directory (KC_BENCH_DIR to choose it, KC_BENCH_KEEP=1 to keep it);
# with KC_BENCH_DIR, a SQLite base database already there (scope-base.db) is reused.
# KC_BENCH_PG_URL=postgresql://… runs the PostgreSQL part on that database instead of a temporary
# server (it is filled as above unless it already has enterprises in 330206, which are reused);
# its audit keyring is KECHUANG_AUDIT_KEY_FILE ($dir/pg-audit-key by default).
set -Eeuo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/serve_lib.sh
. "$root/bench/serve_lib.sh"
bin=${KC_BIN:-$root/build/kechuang}
enterprises=${KC_BENCH_ENTERPRISES:-100000}
second=${KC_BENCH_SECOND:-20000}
requests=${KC_BENCH_REQUESTS:-200}
concurrency=${KC_BENCH_CONCURRENCY:-4}
max_ratio=${KC_BENCH_MAX_RATIO:-1.10}
password='Scope-Bench-Pass-2024!'

backends=("$@")
[ ${#backends[@]} -eq 0 ] && backends=(sqlite)
for b in "${backends[@]}"; do
  case $b in sqlite|postgres) ;; *) echo "unknown database $b (sqlite | postgres)" >&2; exit 2 ;; esac
done
for tool in sqlite3 node awk column; do
  command -v "$tool" >/dev/null || { echo "scope_bench: $tool is required" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "scope_bench: no kechuang binary at $bin (set KC_BIN)" >&2; exit 2; }
((second >= 1 && second < enterprises)) || { echo "scope_bench: KC_BENCH_SECOND must be 1…KC_BENCH_ENTERPRISES-1" >&2; exit 2; }

dir=${KC_BENCH_DIR:-$(mktemp -d /tmp/kc-scope-bench.XXXXXX)}
mkdir -p "$dir"
chmod 755 "$dir"  # the temporary PostgreSQL server runs as the postgres user
server_pid=
pg_started=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  if [ -n "$pg_started" ]; then "$root/scripts/pg-temp.sh" stop "$dir/pg" || true; fi
  [ "${KC_BENCH_KEEP:-0}" = 1 ] || rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 2' ERR

echo "scope_bench: $(date -u +%FT%TZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); data in $dir"
echo "binary: $bin"

# The second district, by SQL that both databases run: the first $second enterprises of 330205
# again, as 330206, and their years. $1: the column list of reg_enterprises without id,
# region_code and credit_code; $2: that of reg_enterprise_years without id, enterprise_id and
# scope_district (the district the store copies from the enterprise; $3 names it when the schema
# has it, as since migration 12, and the copies get 330206 there).
second_district_sql() {
  local ent_cols=$1 year_cols=$2 district_col=${3:-}
  cat <<SQL
INSERT INTO reg_enterprises (credit_code, region_code, $ent_cols)
  SELECT substr(credit_code, 1, 2) || '330206' || substr(credit_code, 9), '330206', $ent_cols
  FROM reg_enterprises WHERE region_code = '330205' AND id IN
    (SELECT id FROM reg_enterprises WHERE region_code = '330205' ORDER BY id LIMIT $second);
INSERT INTO reg_enterprise_years (enterprise_id, ${district_col:+$district_col, }$year_cols)
  SELECT n.id, ${district_col:+n.region_code, }$(sed 's/\([a-z_][a-z0-9_]*\)/y.\1/g' <<<"$year_cols")
  FROM reg_enterprise_years y
  JOIN reg_enterprises o ON o.id = y.enterprise_id
  JOIN reg_enterprises n ON n.credit_code = substr(o.credit_code, 1, 2) || '330206' || substr(o.credit_code, 9)
  WHERE n.region_code = '330206';
ANALYZE;
SQL
}
# Column lists from sqlite3 (the schema is the same on PostgreSQL: the registry schema sync).
columns_except() {  # DB TABLE EXCLUDED...
  local db=$1 table=$2; shift 2
  local excluded
  excluded=$(printf "'%s'," "$@")
  sqlite3 "$db" "SELECT group_concat(name, ', ') FROM pragma_table_info('$table') WHERE name NOT IN (${excluded%,})"
}
district_column() {  # DB: scope_district if the enterprise years have it
  sqlite3 "$1" "SELECT name FROM pragma_table_info('reg_enterprise_years') WHERE name = 'scope_district'"
}

add_users() {  # DB
  local db=$1 no_change=()
  if "$bin" user add --help 2>&1 | grep -q -- '--no-password-change'; then no_change=(--no-password-change); fi
  echo "$password" | "$bin" user add --db "$db" --name admin --role admin "${no_change[@]}" >/dev/null
  echo "$password" | "$bin" user add --db "$db" --name district --role staff --region 330205 "${no_change[@]}" >/dev/null
  echo "$password" | "$bin" user add --db "$db" --name city --role staff --region 330200 "${no_change[@]}" >/dev/null
}

# The SQLite base: made once per KC_BENCH_DIR.
sqlite_base() {
  local base=$dir/scope-base.db
  if [ -f "$base" ]; then echo "== setup: reusing $base"; return; fi
  echo "== setup: kechuang demo --scale $enterprises, then $second enterprises copied to 330206"
  local t0=$SECONDS
  rm -f "$dir"/setup.db*
  "$bin" demo --db "$dir/setup.db" --scale "$enterprises" --districts 0 >"$dir/demo.out" 2>"$dir/demo.err" ||
    { cat "$dir/demo.err" >&2; exit 2; }
  second_district_sql "$(columns_except "$dir/setup.db" reg_enterprises id region_code credit_code)" \
    "$(columns_except "$dir/setup.db" reg_enterprise_years id enterprise_id scope_district)" \
    "$(district_column "$dir/setup.db")" | sqlite3 "$dir/setup.db"
  add_users "$dir/setup.db"
  for f in "$dir"/setup.*; do mv "$f" "${f/setup./scope-base.}"; done  # with the audit keyring
  echo "   $((SECONDS - t0)) s"
}

# Prints the database's counts: enterprises and years per district.
describe() {  # SQL-RUNNER...
  "$@" "SELECT 'enterprises ' || region_code || ': ' || COUNT(*) FROM reg_enterprises GROUP BY region_code ORDER BY region_code"
  "$@" "SELECT 'enterprise years ' || e.region_code || ': ' || COUNT(*) FROM reg_enterprise_years y JOIN reg_enterprises e ON e.id = y.enterprise_id GROUP BY e.region_code ORDER BY e.region_code"
}

failed=0
report() {  # BACKEND JSONL
  local backend=$1 jsonl=$2
  echo
  echo "== $backend: ratio = scoped ÷ unscoped (p50, p95), unscoped req/s ÷ scoped req/s; target p50 ratio ≤ $max_ratio"
  node -e '
    const [file, max, backend] = process.argv.slice(1);
    const rows = require("fs").readFileSync(file, "utf8").split("\n").filter(Boolean).map(JSON.parse);
    const out = [["route", "scope", "total", "p50 ms", "p95 ms", "req/s", "p50 ratio", "p95 ratio", "req/s ratio", "met"]];
    let bad = 0;
    for (const r of rows) {
      const u = rows.find((x) => x.route === r.route && x.scope === "unscoped");
      const f = (x) => x.toFixed(2);
      const scoped = r.scope !== "unscoped";
      const p50 = r.p50_ms / u.p50_ms, ok = !scoped || p50 <= Number(max);
      if (!ok) ++bad;
      out.push([r.route, r.scope, r.total, f(r.p50_ms), f(r.p95_ms), r.rps,
        scoped ? f(p50) : "—", scoped ? f(r.p95_ms / u.p95_ms) : "—", scoped ? f(u.rps / r.rps) : "—",
        scoped ? (ok ? "yes" : "NO") : "—"]);
    }
    console.log(out.map((c) => c.join("|")).join("\n"));
    process.exitCode = bad ? 1 : 0;' "$jsonl" "$max_ratio" "$backend" >"$dir/result-$backend.table" || failed=1
  column -t -s '|' "$dir/result-$backend.table"
}

run_bench() {  # BACKEND DB
  local backend=$1 db=$2
  mkdir -p "$dir/web"
  echo '<!doctype html><title>bench</title>' >"$dir/web/index.html"
  rm -f "$dir/serve-$backend.out"  # start_server reads the address from it: not last run's
  start_server "serve-$backend" --db "$db" --listen 127.0.0.1:0 --web "$dir/web"
  echo "== $backend: $requests requests per route and scope, then req/s at $concurrency in flight; load $(cut -d' ' -f1-3 /proc/loadavg)"
  local t0=$SECONDS
  node "$root/bench/scope_latency.mjs" --url "$url" --password "$password" --requests "$requests" \
    --concurrency "$concurrency" --max-seconds 1800 --towns "$towns" --years "$years" \
    ${KC_BENCH_ROUTES:+--routes "$KC_BENCH_ROUTES"} >"$dir/result-$backend.jsonl" || exit 2
  echo "   $((SECONDS - t0)) s; load after $(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
  report "$backend" "$dir/result-$backend.jsonl"
}

sqlite_base
towns=$(sqlite3 "$dir/scope-base.db" "SELECT group_concat(town) FROM (SELECT DISTINCT town FROM reg_enterprises WHERE town IS NOT NULL ORDER BY town)")
years=$(sqlite3 "$dir/scope-base.db" "SELECT group_concat(year) FROM (SELECT DISTINCT year FROM reg_enterprise_years ORDER BY year)")

for backend in "${backends[@]}"; do
  if [ "$backend" = sqlite ]; then
    rm -f "$dir"/sqlite.*
    for f in "$dir"/scope-base.*; do cp "$f" "${f/scope-base./sqlite.}"; done
    describe sqlite3 "$dir/sqlite.db" | sed 's/^/   /'
    run_bench sqlite "$dir/sqlite.db"
    rm -f "$dir"/sqlite.*
  else
    pg_bin=${KC_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
    [ -x "$pg_bin/createdb" ] || { echo "scope_bench: no PostgreSQL binaries (set KC_PG_BIN)" >&2; exit 2; }
    command -v psql >/dev/null || { echo "scope_bench: psql is required" >&2; exit 2; }
    psql_run() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$pg_url" -c "$1"; }
    export KECHUANG_AUDIT_KEY_FILE=${KECHUANG_AUDIT_KEY_FILE:-$dir/pg-audit-key}
    if [ -n "${KC_BENCH_PG_URL:-}" ]; then
      pg_url=$KC_BENCH_PG_URL
    else
      echo "== postgres: temporary server (scripts/pg-temp.sh)"
      pg_port=$("$root/scripts/pg-temp.sh" start "$dir/pg")
      pg_started=1
      "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U kechuang kc_scope
      pg_url="postgresql://kechuang@127.0.0.1:$pg_port/kc_scope"
    fi
    if [ "$(psql_run "SELECT to_regclass('reg_enterprises') IS NOT NULL")" = t ] &&
       [ "$(psql_run "SELECT COUNT(*) FROM reg_enterprises WHERE region_code = '330206'")" -gt 0 ]; then
      echo "== postgres: reusing the data in $pg_url"
    else
      echo "== postgres: demo --scale $enterprises, then $second enterprises copied to 330206"
      t0=$SECONDS
      "$bin" demo --db "$pg_url" --scale "$enterprises" --districts 0 >"$dir/pg-demo.out" 2>"$dir/pg-demo.err" ||
        { cat "$dir/pg-demo.err" >&2; exit 2; }
      second_district_sql "$(columns_except "$dir/scope-base.db" reg_enterprises id region_code credit_code)" \
        "$(columns_except "$dir/scope-base.db" reg_enterprise_years id enterprise_id scope_district)" \
        "$(district_column "$dir/scope-base.db")" |
        psql -X -q -v ON_ERROR_STOP=1 "$pg_url" >/dev/null
      add_users "$pg_url"
      # As autovacuum would leave it after a while: the visibility map set (index-only scans
      # for the counts) and statistics for the planner.
      psql_run "VACUUM ANALYZE" >/dev/null
      echo "   $((SECONDS - t0)) s"
    fi
    describe psql_run | sed 's/^/   /'
    run_bench postgres "$pg_url"
  fi
done

echo
if ((failed)); then echo "scope_bench: a scoped list is more than ${max_ratio}× the unscoped one (see NO above)"; exit 1; fi
echo "scope_bench: every scoped list within ${max_ratio}× of the unscoped one"

#!/usr/bin/env bash
# Registry benchmarks (the registry issue): each figure is measured beside a reference run in this
# same script and reported as a ratio, never asserted. See docs/benchmarks.md.
#
#   bench/registry_bench.sh                   # all three: import, list, export
#   bench/registry_bench.sh import            # only some of them (import | list | export)
#   KC_BENCH_ROWS=100000 bench/registry_bench.sh import
#
# 1. import:  `kechuang import enterprise_years FILE` of KC_BENCH_ROWS (1,000,000) rows that
#             reference KC_BENCH_ENTERPRISES (100,000) enterprises written by `kechuang demo`,
#             against sqlite3's `.import` of the same file into a bare table (target ≤ 3×).
# 2. list:    GET /api/v1/registry/enterprises with filter, sort and page at 100,000 enterprises,
#             p50/p99 of KC_BENCH_REQUESTS (300) sequential requests per query shape (target
#             p99 ≤ 20 ms for "filter+sort+page"), against GET /api/v1/health as the reference.
# 3. export:  `kechuang export enterprises --out x.xlsx` of the 100,000 enterprises, peak RSS by
#             /usr/bin/time -v (target ≤ 200 MB), against the CSV export of the same rows.
#
# Data goes to a new temporary directory (KC_BENCH_DIR to choose it, KC_BENCH_KEEP=1 to keep it).
# Exits non-zero only when something fails to run, never for a missed target.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/serve_lib.sh
. "$root/bench/serve_lib.sh"
bin=${KC_BIN:-$root/build/kechuang}
enterprises=${KC_BENCH_ENTERPRISES:-100000}
rows=${KC_BENCH_ROWS:-1000000}
requests=${KC_BENCH_REQUESTS:-300}
import_timeout=${KC_BENCH_IMPORT_TIMEOUT:-900}  # seconds; the 1M-row import is stopped after this
password='Bench-Pass-2024!'

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(import list export)
for p in "${parts[@]}"; do
  case $p in import|list|export) ;; *) echo "unknown benchmark $p (import | list | export)" >&2; exit 2 ;; esac
done
want() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

for tool in sqlite3 node awk; do
  command -v "$tool" >/dev/null || { echo "registry_bench: $tool is required" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "registry_bench: /usr/bin/time is required (apt-get install time)" >&2; exit 2; }
[ -x "$bin" ] || { echo "registry_bench: no kechuang binary at $bin (set KC_BIN)" >&2; exit 2; }

dir=${KC_BENCH_DIR:-$(mktemp -d /tmp/kc-bench.XXXXXX)}
mkdir -p "$dir"
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  [ "${KC_BENCH_KEEP:-0}" = 1 ] || rm -rf "$dir"
}
trap cleanup EXIT

results=()  # "benchmark|figure|reference|ratio|target|met"
add_result() { results+=("$1|$2|$3|$4|$5|$6"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
# Runs a command under /usr/bin/time -v; sets t_wall (s), t_rss (MB), t_status. Output to $dir/$name.*
timed() {
  local name=$1; shift
  set +e
  /usr/bin/time -v -o "$dir/$name.time" "$@" >"$dir/$name.out" 2>"$dir/$name.err"
  t_status=$?
  set -e
  t_wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + p[i]; printf "%.2f", s }' "$dir/$name.time")
  t_rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$dir/$name.time")
}

echo "registry_bench: $(date -u +%FT%TZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); data in $dir"
echo "binary: $bin"

# The registry every benchmark starts from: the demo district at KC_BENCH_ENTERPRISES enterprises
# (with their 2009–2014 years) and one administrator.
echo "== setup: kechuang demo --scale $enterprises"
timed demo "$bin" demo --db "$dir/base.db" --scale "$enterprises" --districts 0
[ "$t_status" -eq 0 ] || { cat "$dir/demo.err" >&2; exit 1; }
echo "   ${t_wall} s, peak ${t_rss} MB"
# Automation sets this password, so it need not be changed (older binaries have no such flag).
no_change=()
if "$bin" user add --help 2>&1 | grep -q -- '--no-password-change'; then no_change=(--no-password-change); fi
echo "$password" | "$bin" user add --db "$dir/base.db" --name admin --role admin "${no_change[@]}" >/dev/null

if want import; then
  # KC_BENCH_ROWS enterprise years for the years after the demo's (2015 on), referencing the
  # enterprises by credit code. Four value columns, as in the figures recorded since the first run
  # (docs/benchmarks.md), so they stay comparable; the CLI streams the file from disk and accepts
  # up to 1 GiB (--max-bytes), so all 27 columns (~190 MB at 1M rows) would be accepted too.
  per=$(( (rows + enterprises - 1) / enterprises ))
  echo "== import: generating $rows enterprise-year rows ($per years for each enterprise)"
  sqlite3 "$dir/base.db" "SELECT credit_code FROM reg_enterprises ORDER BY id" |
    awk -v rows="$rows" -v per="$per" 'BEGIN {
        srand(7); print "enterprise_id,year,sales_revenue,rd_total,total_assets,employees"; n = 0 }
      { codes[NR] = $0 }
      END {
        for (y = 0; y < per && n < rows; ++y)
          for (i = 1; i <= NR && n < rows; ++i) {
            printf "%s,%d,%.1f,%.1f,%.1f,%d\n", codes[i], 2015 + y, rand() * 90000, rand() * 4000, rand() * 120000, int(rand() * 900)
            ++n
          }
      }' >"$dir/years.csv"
  size_mb=$(awk -v b="$(stat -c %s "$dir/years.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')
  echo "   years.csv: $(($(wc -l <"$dir/years.csv") - 1)) rows, ${size_mb} MiB"

  # Reference: sqlite3's own CSV import into a bare table (no indexes, no constraints).
  cp "$dir/base.db" "$dir/ref.db"
  sqlite3 "$dir/ref.db" "CREATE TABLE bare_years (enterprise_id TEXT, year INTEGER, sales_revenue REAL, rd_total REAL, total_assets REAL, employees INTEGER)"
  timed sqlite_import sqlite3 "$dir/ref.db" ".import --csv --skip 1 $dir/years.csv bare_years"
  [ "$t_status" -eq 0 ] || { cat "$dir/sqlite_import.err" >&2; exit 1; }
  ref_wall=$t_wall ref_rss=$t_rss
  ref_rows=$(sqlite3 "$dir/ref.db" "SELECT COUNT(*) FROM bare_years")
  echo "   sqlite3 .import: ${ref_wall} s, peak ${ref_rss} MB, $ref_rows rows"
  rm -f "$dir/ref.db"

  cp "$dir/base.db" "$dir/import.db"
  before=$(sqlite3 "$dir/import.db" "SELECT COUNT(*) FROM reg_enterprise_years")
  timed kc_import timeout "$import_timeout" "$bin" import --db "$dir/import.db" enterprise_years "$dir/years.csv"
  if [ "$t_status" -eq 124 ]; then
    echo "   kechuang import: stopped after ${import_timeout} s"
    add_result "import ${rows} rows (wall)" ">${import_timeout} s (stopped)" "${ref_wall} s sqlite3 .import" \
      ">$(ratio "$import_timeout" "$ref_wall")×" "≤ 3×" no
  elif [ "$t_status" -ne 0 ]; then
    echo "registry_bench: kechuang import failed ($t_status):" >&2
    head -20 "$dir/kc_import.out" "$dir/kc_import.err" >&2
    exit 1
  else
    after=$(sqlite3 "$dir/import.db" "SELECT COUNT(*) FROM reg_enterprise_years")
    echo "   kechuang import: ${t_wall} s, peak ${t_rss} MB, $((after - before)) rows written"
    r=$(ratio "$t_wall" "$ref_wall")
    add_result "import ${rows} rows (wall)" "${t_wall} s" "${ref_wall} s sqlite3 .import" "${r}×" "≤ 3×" \
      "$(le "$r" 3 && echo yes || echo NO)"
    add_result "import ${rows} rows (peak RSS)" "${t_rss} MB" "${ref_rss} MB sqlite3 .import" \
      "$(ratio "$t_rss" "$ref_rss")×" "—" "—"
  fi
  rm -f "$dir/import.db" "$dir/import.db-wal" "$dir/import.db-shm"
fi

if want list; then
  echo "== list: kechuang serve on $enterprises enterprises, $requests requests per query shape"
  mkdir -p "$dir/web"
  echo '<!doctype html><title>bench</title>' >"$dir/web/index.html"
  start_server serve --db "$dir/base.db" --listen 127.0.0.1:0 --web "$dir/web"
  towns=$(sqlite3 "$dir/base.db" "SELECT group_concat(town) FROM (SELECT DISTINCT town FROM reg_enterprises WHERE town IS NOT NULL ORDER BY town)")
  industries=$(sqlite3 "$dir/base.db" "SELECT group_concat(industry_code) FROM (SELECT industry_code FROM reg_enterprises WHERE industry_code IS NOT NULL GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 12)")
  # Reference: the cheapest route, GET /api/v1/health, the same number of times.
  ref_json=$(node -e '
    const url = process.argv[1], n = Number(process.argv[2]); const t = [];
    (async () => {
      for (let i = 0; i < 10; ++i) await (await fetch(url + "/api/v1/health")).text();
      for (let i = 0; i < n; ++i) { const t0 = performance.now(); const r = await fetch(url + "/api/v1/health"); await r.text();
        if (r.status !== 200) { console.error("health " + r.status); process.exit(1); } t.push(performance.now() - t0); }
      t.sort((a, b) => a - b); const q = (p) => t[Math.min(t.length - 1, Math.ceil(p * t.length) - 1)];
      console.log(JSON.stringify({ p50_ms: q(0.5).toFixed(2), p99_ms: q(0.99).toFixed(2) }));
    })();' "$url" "$requests")
  ref_p50=$(node -e 'console.log(JSON.parse(process.argv[1]).p50_ms)' "$ref_json")
  ref_p99=$(node -e 'console.log(JSON.parse(process.argv[1]).p99_ms)' "$ref_json")
  echo "   GET /api/v1/health: p50 ${ref_p50} ms, p99 ${ref_p99} ms"
  node "$root/bench/registry_latency.mjs" --url "$url" --user admin --password "$password" \
    --requests "$requests" --max-seconds 300 --towns "$towns" --industries "$industries" >"$dir/latency.jsonl"
  # One tab-separated line per shape: shape, n, p50, p99, mean matches.
  tsv=$(node -e 'for (const line of require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean)) {
      const r = JSON.parse(line); console.log([r.shape, r.n, r.p50_ms, r.p99_ms, r.total_mean].join("\t")); }' "$dir/latency.jsonl")
  while IFS=$'\t' read -r l_shape l_n l_p50_ms l_p99_ms l_total_mean; do
    echo "   ${l_shape}: n=${l_n}, p50 ${l_p50_ms} ms, p99 ${l_p99_ms} ms (~${l_total_mean} matches)"
    target="—" met="—"
    if [ "$l_shape" = "filter+sort+page" ]; then
      target="p99 ≤ 20 ms"
      met=$(le "$l_p99_ms" 20 && echo yes || echo NO)
    fi
    add_result "list ${l_shape} p50" "${l_p50_ms} ms" "${ref_p50} ms /health" "$(ratio "$l_p50_ms" "$ref_p50")×" "—" "—"
    add_result "list ${l_shape} p99" "${l_p99_ms} ms" "${ref_p99} ms /health" "$(ratio "$l_p99_ms" "$ref_p99")×" "$target" "$met"
  done <<<"$tsv"
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
fi

if want export; then
  n=$(sqlite3 "$dir/base.db" "SELECT COUNT(*) FROM reg_enterprises")
  echo "== export: $n enterprises to XLSX and, as the reference, to CSV"
  timed export_csv "$bin" export --db "$dir/base.db" enterprises --out "$dir/x.csv"
  [ "$t_status" -eq 0 ] || { cat "$dir/export_csv.err" >&2; exit 1; }
  csv_wall=$t_wall csv_rss=$t_rss
  echo "   csv: ${csv_wall} s, peak ${csv_rss} MB, $(($(stat -c %s "$dir/x.csv") / 1048576)) MiB"
  timed export_xlsx "$bin" export --db "$dir/base.db" enterprises --out "$dir/x.xlsx"
  [ "$t_status" -eq 0 ] || { cat "$dir/export_xlsx.err" >&2; exit 1; }
  echo "   xlsx: ${t_wall} s, peak ${t_rss} MB, $(($(stat -c %s "$dir/x.xlsx") / 1048576)) MiB"
  add_result "export ${n} rows xlsx (peak RSS)" "${t_rss} MB" "${csv_rss} MB csv export" "$(ratio "$t_rss" "$csv_rss")×" \
    "≤ 200 MB" "$(le "$t_rss" 200 && echo yes || echo NO)"
  add_result "export ${n} rows xlsx (wall)" "${t_wall} s" "${csv_wall} s csv export" "$(ratio "$t_wall" "$csv_wall")×" "—" "—"
fi

echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "benchmark|figure|reference|ratio|target|met"
  for r in "${results[@]}"; do echo "$r"; done
} | column -t -s '|'

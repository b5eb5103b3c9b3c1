#!/usr/bin/env bash
# `make test`: every suite. C++ unit tests, the fuzz targets (10 s each), the HTTP integration
# suite against SQLite and against a PostgreSQL server started here, the web unit tests, and the
# browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export KC_BIN="$root/build/kechuang"
status=0
step() { echo; echo "=== $* ==="; }

step "C++ unit tests"
(cd build && ctest --output-on-failure -j2 -L unit) || status=1

# Every libFuzzer target (AddressSanitizer, -rss_limit_mb=2048) for a bounded time; a crash, leak
# or runaway allocation fails the suite. Longer runs by hand: see tests/fuzz/run.sh.
step "Fuzz targets (${KC_FUZZ_SECONDS:-10} s each)"
KC_FUZZ_SECONDS=${KC_FUZZ_SECONDS:-10} tests/fuzz/run.sh || status=1

pgdir=$(mktemp -d /tmp/kc-pg.XXXXXX)
chmod 755 "$pgdir"
cleanup() { scripts/pg-temp.sh stop "$pgdir"; rm -rf "$pgdir"; }
trap cleanup EXIT
step "Starting a temporary PostgreSQL server"
export KC_PG_PORT=$(scripts/pg-temp.sh start "$pgdir")
export KC_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
echo "PostgreSQL on 127.0.0.1:$KC_PG_PORT"

step "HTTP integration tests on SQLite"
KC_TEST_DB=sqlite node --test --test-concurrency=2 tests/integration/ || status=1
step "HTTP integration tests on PostgreSQL"
KC_TEST_DB=postgres node --test --test-concurrency=2 tests/integration/ || status=1

if [[ -f web/package.json ]]; then
  step "Web unit tests"
  (cd web && npm test --silent) || status=1
fi

if [[ -f tests/e2e/package.json ]]; then
  step "Browser tests"
  tests/e2e/with-server.sh || status=1
  # Pages whose data the mock serves for several districts (a city user, a district user).
  step "Browser tests against the mock server"
  node --test tests/e2e/districts.test.mjs tests/e2e/district-figures.test.mjs tests/e2e/indicators.test.mjs || status=1
fi

echo
if ((status == 0)); then echo "All suites passed."; else echo "Some suites FAILED."; fi
exit $status

#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: `pg-temp.sh start DIR` initialises a cluster in DIR,
# starts it on a free loopback port and prints `PORT`; `pg-temp.sh stop DIR` stops it.
# As root the server runs as the postgres user (initdb refuses root).
set -euo pipefail
cmd=$1 dir=$2
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    as_pg "$pgbin/initdb" -D "$dir/data" -U kechuang -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    echo "$port"
    ;;
  stop)
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: pg-temp.sh start|stop DIR" >&2
    exit 64
    ;;
esac

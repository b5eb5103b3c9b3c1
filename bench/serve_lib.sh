# Sourced by the whole-system benchmarks: starts `kechuang serve` in the background and waits for
# the address it prints.
#   start_server NAME ARGS...   # ARGS after `serve`; output in $dir/NAME.out and $dir/NAME.err
# Sets server_pid and url; exits the script with the server's stderr when it does not start.
start_server() {
  local name=$1; shift
  "$bin" serve "$@" >"$dir/$name.out" 2>"$dir/$name.err" &
  server_pid=$!
  url=
  for _ in $(seq 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$dir/$name.out" | head -1 || true)
    [ -n "$url" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "$(basename "$0"): the server did not start" >&2
  cat "$dir/$name.err" >&2
  exit 1
}

#!/usr/bin/env bash
# Prints the directory of the project's shared reference data (spec/, data/, seed/), which the
# tests and benchmarks read: $KC_SHARED_DIR when set; else `shared` next to this checkout; else,
# for a clone of a local checkout (`git clone . /tmp/x`), `shared` next to the checkout it was
# cloned from. Exits 1 with a message when none holds data/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
candidates=()
[[ -n "${KC_SHARED_DIR:-}" ]] && candidates+=("$KC_SHARED_DIR")
candidates+=("$root/../shared")
origin=$(git -C "$root" config --get remote.origin.url 2>/dev/null || true)
origin=${origin#file://}
[[ -n "$origin" && -d "$origin" ]] && candidates+=("$origin/../shared")
for dir in "${candidates[@]}"; do
  if [[ -d "$dir/data" ]]; then
    (cd "$dir" && pwd)
    exit 0
  fi
done
echo "shared-dir.sh: the shared reference data (a directory with data/, spec/, seed/) was not found;" \
  "looked in: ${candidates[*]}. Set KC_SHARED_DIR to it." >&2
exit 1

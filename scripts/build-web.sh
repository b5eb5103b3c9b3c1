#!/usr/bin/env bash
# Builds the front end into web/dist unless it is newer than every source file.
set -euo pipefail
cd "$(dirname "$0")/../web"
if [[ -f dist/index.html ]] && [[ -z $(find src public index.html package.json package-lock.json vite.config.* tsconfig*.json \
      -newer dist/index.html 2>/dev/null | head -n 1) ]]; then
  exit 0
fi
echo "Building the web front end"
npm run build --silent

#!/usr/bin/env bash
# Startup time of `qstar run scripts/hello.py`, measured with hyperfine
# (apt-get install hyperfine). Prints hyperfine's table.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
CGO_ENABLED=0 go build -o bench/out/qstar ./cmd/qstar   # static, as shipped
hyperfine --warmup 5 --runs "${RUNS:-50}" -N \
  'bench/out/qstar run scripts/hello.py' \
  'bench/out/qstar run scripts/device_info.star' \
  'bench/out/qstar version'

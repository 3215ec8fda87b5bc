#!/usr/bin/env bash
# Build release binaries: static (CGO_ENABLED=0), stripped (-s -w), with no
# build paths (-trimpath), one per target, into dist/ with SHA256SUMS.
#
#   scripts/release.sh                 # every target
#   scripts/release.sh amd64 arm64     # some of them
#   DIST=/tmp/out VERSION=v1.2.0 scripts/release.sh
#
# Targets: amd64 arm64 armv7 mipsle 386 (all linux). mipsle uses soft float,
# as the FPU-less MIPS routers that run OpenWrt need.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(amd64 arm64 armv7 mipsle 386)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
dist=${DIST:-dist}
version=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
mkdir -p "$dist"

# target_env prints the GOARCH and friends for a target name.
target_env() {
  case $1 in
    amd64) echo "GOARCH=amd64" ;;
    arm64) echo "GOARCH=arm64" ;;
    armv7) echo "GOARCH=arm GOARM=7" ;;
    mipsle) echo "GOARCH=mipsle GOMIPS=softfloat" ;;
    386) echo "GOARCH=386 GO386=softfloat" ;;
    *) echo "release: unknown target $1 (want: ${all_targets[*]})" >&2; return 1 ;;
  esac
}

for t in "${targets[@]}"; do
  vars=$(target_env "$t")
  out="$dist/qstar-linux-$t"
  echo "release: $out ($vars, version $version)"
  # GOFLAGS is cleared so a machine-wide -buildvcs=false cannot drop the
  # revision that `qstar version` reports.
  env GOFLAGS= CGO_ENABLED=0 GOOS=linux $vars \
    go build -trimpath -ldflags "-s -w -X main.version=$version" -o "$out" ./cmd/qstar
done

# Checksums of every binary in dist/, so earlier runs' files are covered too.
(cd "$dist" && sha256sum qstar-linux-* > SHA256SUMS)
echo "release: $dist/SHA256SUMS"
cat "$dist/SHA256SUMS"

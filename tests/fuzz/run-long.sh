#!/usr/bin/env bash
# The long fuzz run (the CI runs each target for only ~10 s; see README.md here).
#
#   tests/fuzz/run-long.sh [BUILD_DIR] [HOURS] [JOBS]
#
# BUILD_DIR  a clang tree configured with -DTESSERA_SANITIZE=ON -DTESSERA_FUZZ=ON
#            (default: build-clang/ in the clone); the targets are built first.
# HOURS      wall time per target (default 1; fractions allowed, e.g. 0.25)
# JOBS       libFuzzer jobs per target, i.e. processes in parallel (default: cores / 2, at least 1)
#
# FUZZ_TARGETS="fuzz_pages fuzz_merge" limits the run to those targets.
#
# Every target runs in turn, nice'd, with its corpus in BUILD_DIR/tests/fuzz/corpus/TARGET
# (grown in place; seeded from tests/fuzz/corpus and tests/data). Crashes, leaks, timeouts and
# out-of-memory inputs go to BUILD_DIR/fuzz-findings/TARGET/ (crash-*, leak-*, timeout-*, oom-*),
# logs to BUILD_DIR/fuzz-findings/TARGET/fuzz-*.log. A finding is fixed at its root, and its input
# copied to tests/fuzz/regressions/TARGET/ so that CTest runs it from then on. The script's exit
# status is 1 if any target left a finding.
set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${1:-$source_dir/build-clang}
hours=${2:-1}
cores=$(nproc 2>/dev/null || echo 2)
jobs=${3:-$(( cores / 2 > 0 ? cores / 2 : 1 ))}
seconds=$(awk -v h="$hours" 'BEGIN { printf "%d", h * 3600 }')

[[ -f $build_dir/CMakeCache.txt ]] ||
  { echo "error: $build_dir is not a configured build folder (see tests/fuzz/README.md)" >&2; exit 2; }
grep -q '^TESSERA_FUZZ:BOOL=ON' "$build_dir/CMakeCache.txt" ||
  { echo "error: $build_dir was not configured with -DTESSERA_FUZZ=ON" >&2; exit 2; }

targets=${FUZZ_TARGETS:-$(cd "$build_dir" && ctest -N -L fuzz | sed -n 's/^ *Test *#[0-9]*: \(fuzz_[a-z0-9_]*\)$/\1/p' | grep -v '_regressions$')}
# shellcheck disable=SC2086
nice -n 10 cmake --build "$build_dir" --target $targets

found=0
for target in $targets; do
  corpus=$build_dir/tests/fuzz/corpus/$target
  findings=$build_dir/fuzz-findings/$target
  mkdir -p "$corpus" "$findings"
  echo "==> $target: ${seconds}s, $jobs job(s), corpus $corpus"
  # -fork keeps going after a finding (each one saved) instead of stopping at the first.
  (cd "$findings" &&
    nice -n 10 "$build_dir/tests/fuzz/$target" "$corpus" \
      -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
      -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
      -artifact_prefix="$findings/" -print_final_stats=1 \
      >"$findings/fuzz-$(date +%Y%m%d-%H%M%S).log" 2>&1) || true
  if compgen -G "$findings/crash-*" >/dev/null || compgen -G "$findings/leak-*" >/dev/null ||
     compgen -G "$findings/timeout-*" >/dev/null || compgen -G "$findings/oom-*" >/dev/null; then
    echo "    FINDINGS in $findings" >&2
    found=1
  fi
  tail -n 3 "$(ls -t "$findings"/fuzz-*.log | head -1)" || true
done
exit $found

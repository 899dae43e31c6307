#!/usr/bin/env bash
# Runs the benchmarks that docs/performance.md quotes and summarises each
# group with benchstat (median and its 95% confidence interval over COUNT
# runs).
#
#   scripts/bench.sh                  # every group, COUNT=10
#   COUNT=20 scripts/bench.sh slider  # one group, more runs
#   OUT=before scripts/bench.sh; ...; OUT=after scripts/bench.sh
#   go run golang.org/x/perf/cmd/benchstat@$BENCHSTAT before/topsis.txt after/topsis.txt
#
# Groups: topsis analysis slider montecarlo store. Raw `go test -bench`
# output is kept in $OUT/<group>.txt (default ./bench-out). The store group
# measures PostgreSQL too when CROSSROADS_TEST_POSTGRES is set.
set -euo pipefail
cd "$(dirname "$0")/.."

count=${COUNT:-10}
out=${OUT:-bench-out}
benchstat_version=v0.0.0-20260908200009-22c9c6c9d4da
benchstat=(go run "golang.org/x/perf/cmd/benchstat@${benchstat_version}")

groups=("$@")
[ ${#groups[@]} -gt 0 ] || groups=(topsis analysis slider montecarlo store)

run() { # group package bench-regexp benchtime
  local group=$1 pkg=$2 re=$3 benchtime=$4
  echo "== $group: go test -run '^\$' -bench '$re' -benchtime $benchtime -count $count $pkg" >&2
  go test -run '^$' -bench "$re" -benchtime "$benchtime" -count "$count" "$pkg" | tee -a "$out/$group.txt" >&2
}

mkdir -p "$out"
for g in "${groups[@]}"; do
  rm -f "$out/$g.txt"
  case $g in
    topsis)     run topsis ./analysis/mcda 'TOPSIS100kx20' 1s ;;
    analysis)   run analysis ./report 'Build$' 20x
                run analysis ./analysis/strategy 'Analyze$' 20x ;;
    slider)     run slider ./web 'WhatIfSlider|ReportPage' 1s ;;
    montecarlo) run montecarlo ./analysis/montecarlo 'Core|Simulate$' 40x ;;
    store)      run store ./store 'UpdateCase|GetCase' 1s ;;
    *) echo "unknown group $g (topsis analysis slider montecarlo store)" >&2; exit 2 ;;
  esac
done

echo
echo "machine: $(go env GOOS)/$(go env GOARCH), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //'), $(go version | cut -d' ' -f3)"
for g in "${groups[@]}"; do
  echo
  echo "## $g"
  "${benchstat[@]}" "$out/$g.txt"
done

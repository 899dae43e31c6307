#!/usr/bin/env bash
# Runs every fuzz target of the module, one after the other.
#
#   scripts/fuzz.sh [DURATION] [PATTERN]
#
# DURATION is the time per target, as go test's -fuzztime takes it (default
# 10s; "10m" for a longer run, "1000x" for a number of inputs). PATTERN, a
# grep -E expression, limits the run to the targets whose "package FuzzName"
# it matches (for example "casefile|mcdacsv" or "FuzzSliders$").
#
# The first failure stops the run with a non-zero status and the path of
# the failing input, which the fuzzer writes under the package's
# testdata/fuzz/<FuzzName>/. Committed, it becomes a seed that every plain
# `go test` runs: the regression test of the bug.
#
# FUZZ_MINIMIZE (default 10s) bounds the time spent shrinking each new
# input; go test's own default of 60s eats short runs.
set -euo pipefail

duration=${1:-10s}
pattern=${2:-.}
minimize=${FUZZ_MINIMIZE:-10s}

cd "$(dirname "$0")/.."
module=$(go list -m)

# Every "func FuzzXxx(" in a _test.go file, as "./dir FuzzXxx".
targets=$(grep -rE --include='*_test.go' -o '^func Fuzz[A-Za-z0-9_]*\(' . |
	sed -E 's#^(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\($#\1 \2#' |
	sort -u | { grep -E -- "$pattern" || true; })
if [[ -z $targets ]]; then
	echo "fuzz.sh: no fuzz target matches ${pattern@Q}" >&2
	exit 2
fi

count=$(wc -l <<<"$targets")
log=$(mktemp)
trap 'rm -f "$log"' EXIT

i=0
while read -r dir name; do
	i=$((i + 1))
	pkg=${module}${dir#.}
	echo "=== [$i/$count] $name in $pkg for $duration"
	start=$SECONDS
	if ! go test -run '^$' -fuzz "^${name}\$" -fuzztime "$duration" -fuzzminimizetime "$minimize" "$dir" 2>&1 | tee "$log"; then
		echo
		echo "FAIL: $name in $pkg"
		input=$(sed -nE 's#^.*Failing input written to (testdata/fuzz/[^ ]*).*$#\1#p' "$log" | tail -n 1)
		if [[ -n $input ]]; then
			echo "failing input: ${dir#./}/$input"
			echo "reproduce:     go test -run '^${name}\$/$(basename "$input")\$' $dir"
		fi
		exit 1
	fi
	execs=$(grep -oE 'execs: [0-9]+' "$log" | tail -n 1 || true)
	echo "--- ok $name ($((SECONDS - start))s, ${execs:-no execs reported})"
done <<<"$targets"
echo "all $count fuzz targets passed ($duration each)"

#!/usr/bin/env bash
# Load test of the web application with accounts (cmd/crossroads-load).
#
#   scripts/loadtest.sh [FLAGS...]   one run with the given flags (see
#                                    go run ./cmd/crossroads-load -h)
#   scripts/loadtest.sh              the CI run: 50 simulated people for
#                                    20 seconds on a temporary SQLite file,
#                                    and the same on PostgreSQL when
#                                    CROSSROADS_TEST_POSTGRES is set (in a
#                                    schema made for the run and dropped)
#
# Every run talks to loopback addresses only and is bounded in time and in
# requests. The script fails when a run saw any error (exit status 1) or
# could not start (2). It makes no assertion on latency: the figures are
# printed for people to read.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/crossroads-load" ./cmd/crossroads-load

if [ $# -gt 0 ]; then
  exec "$bin/crossroads-load" "$@"
fi

ci_flags=(-users 50 -duration 20s -requests 20000)
echo "== load test on SQLite: ${ci_flags[*]}"
"$bin/crossroads-load" "${ci_flags[@]}"
if [ -n "${CROSSROADS_TEST_POSTGRES:-}" ]; then
  echo "== load test on PostgreSQL: ${ci_flags[*]}"
  "$bin/crossroads-load" "${ci_flags[@]}" -database-url "$CROSSROADS_TEST_POSTGRES"
else
  echo "== load test on PostgreSQL skipped: CROSSROADS_TEST_POSTGRES is not set"
fi
echo "load test: no errors"

#!/usr/bin/env bash
# Fuzzes each target in ./schema for FUZZTIME, as CI does.
#
# It fails on a finding: a crasher written to testdata, a panic, a t.Fatal.
# It does not fail on a bare "context deadline exceeded" with nothing
# written: that is a race in Go's fuzzing coordinator (internal/fuzz compares
# the -fuzztime context's error with its child's, and can read the parent as
# expired before the child), not something our code did. Before letting such
# a run pass, the target's corpus is replayed without fuzzing, so anything
# reproducible still fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
FUZZTIME=${FUZZTIME:-10s}
PKG=./schema

targets=$(grep -ho '^func Fuzz[A-Za-z0-9_]*' schema/*_test.go | sed 's/func //')
for f in $targets; do
  echo "fuzz $f ($FUZZTIME)"
  log=$(mktemp)
  $GO test "$PKG" -run '^$' -fuzz "^$f\$" -fuzztime "$FUZZTIME" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  if [ "$rc" -ne 0 ]; then
    # A bare coordinator deadline: the only complaint under the FAIL line
    # is the deadline, and no failing input was written.
    complaints=$(sed -n "/^--- FAIL: $f /,/^FAIL/p" "$log" | sed '1d;$d' | grep -v '^exit status' | sed 's/^[[:space:]]*//' | sort -u)
    if [ "$complaints" = "context deadline exceeded" ] && ! grep -q 'Failing input written to' "$log"; then
      echo "fuzz $f: Go's fuzzing coordinator reported a bare deadline with no finding; replaying the corpus"
      if ! $GO test "$PKG" -run "^$f\$" -count=1; then
        rm -f "$log"; exit 1
      fi
    else
      rm -f "$log"; exit 1
    fi
  fi
  rm -f "$log"
done

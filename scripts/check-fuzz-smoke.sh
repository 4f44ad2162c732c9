#!/bin/bash
# scripts/check-fuzz-smoke.sh: a short run of every fuzzer, 6 s each (make fuzz runs
# them longer), so that make test catches a parser crash early.  The
# sqlsmith run of make fuzz is left out: it needs a cluster of its own and
# a minute.
set -eu
cd "$(dirname "$0")/.."
SQLSMITH_QUERIES=0 exec scripts/fuzz.sh 6

#!/bin/bash
# scripts/check-fuzz-smoke.sh: a short run of every fuzzer, 6 s each (make fuzz runs
# them longer), so that make test catches a parser crash early.
set -eu
cd "$(dirname "$0")/.."
exec scripts/fuzz.sh 6

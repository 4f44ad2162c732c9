#!/bin/bash
# scripts/fuzz.sh [SECONDS]: build the libFuzzer harnesses of fuzz/ with
# clang-14 (AddressSanitizer, UBSan, LeakSanitizer) and run each for
# SECONDS (default 60), seeded with the test fixtures.  Fails on a crash,
# a sanitizer report or a leak; the input that caused it is kept in
# build/fuzz/.  Then sqlsmith runs SQLSMITH_QUERIES (default 3000) random
# queries against the sample organization (scripts/fuzz-sqlsmith.sh), and
# fails on a backend crash or an internal error raised in pg_ims.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}

. scripts/cluster.sh			# require_packages
# sqlsmith only when it runs: make test's smoke run starts beside the
# suites, and must not run apt-get while they do (scripts/deps.sh has
# installed the rest before)
require_packages fuzz clang-14 libclang-rt-14-dev libcjson-dev
[ "${SQLSMITH_QUERIES:-3000}" = 0 ] || require_packages fuzz sqlsmith

out=build/fuzz
mkdir -p "$out"
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc"
clang-14 $flags -o "$out/fuzz_types" fuzz/fuzz_types.c src/risk_type_label.c src/applicability_label.c
clang-14 $flags -o "$out/fuzz_catalog" fuzz/fuzz_catalog.c src/catalog_parse.c src/json_strict.c -lcjson
clang-14 $flags -o "$out/fuzz_oscal" fuzz/fuzz_oscal.c src/oscal_parse.c src/json_strict.c -lcjson

# Seeds: every label and alias, the type test inputs, every catalog fixture.
rm -rf "$out/corpus_types" "$out/corpus_catalog" "$out/corpus_oscal"
mkdir -p "$out/corpus_types" "$out/corpus_catalog" "$out/corpus_oscal"
n=0
for s in confidentiality integrity availability harm_to_individuals fairness "Harm-To groups" bias c security \
	"applicable(risk,legal)" "applicable ( impact , risk )" not_applicable undecided "applicable()" \
	"applicable(risk" "not_applicable(risk)" "applicable(interested party)"; do
	printf '%s' "$s" >"$out/corpus_types/seed$n"
	n=$((n + 1))
done
cp catalogs/*.json data/*.json "$out/corpus_catalog/"
# NIST's small OSCAL examples, and the first controls of each baseline
# (fuzz/seeds: the files themselves are megabytes, beyond -max_len).
cp data/oscal/basic-catalog.json data/oscal/ssp-example.json data/catalog_good.json \
	fuzz/seeds/*.json "$out/corpus_oscal/"

status=0
for h in types catalog oscal; do
	echo "fuzz_$h: $seconds s"
	if ! (cd "$out" && ./"fuzz_$h" -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 \
		-artifact_prefix="./crash-$h-" "corpus_$h" >"fuzz_$h.log" 2>&1); then
		status=1
		tail -n 30 "$out/fuzz_$h.log"
	fi
	grep -E '^stat::number_of_executed_units|^stat::new_units_added|^Done' "$out/fuzz_$h.log" || true
done
# SQLSMITH_QUERIES=0 leaves sqlsmith out (the smoke run of make test does).
if [ "${SQLSMITH_QUERIES:-3000}" != 0 ]; then
	scripts/fuzz-sqlsmith.sh "${SQLSMITH_QUERIES:-3000}" || status=1
fi
exit $status

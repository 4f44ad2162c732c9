#!/bin/bash
# scripts/check-catalog-files.sh: run the catalog validation layer outside
# the server, built with AddressSanitizer and UBSan, on the shipped catalogs
# and every fixture under data/ (including those SQL text cannot carry:
# invalid UTF-8, NUL bytes), and compare with expected/catalog_check.out.
set -eu
cd "$(dirname "$0")/.."
export LC_ALL=C
mkdir -p build
gcc -std=c99 -g -O1 -Wall -Wextra -Werror -fsanitize=address,undefined -fno-sanitize-recover=all \
	-Isrc -o build/catalog_check tools/catalog_check.c src/catalog_parse.c src/json_strict.c -lcjson
# Exit status 1 only says that some fixture failed, as most are meant to; a
# sanitizer report exits 99 and writes to stderr, which must stay empty.
# The shipped catalogs are checked as shipped (--shipped: every control pair
# of a mapping has a strength), with one fixture that is not, for the error.
export ASAN_OPTIONS=exitcode=99:detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:exitcode=99
{
	build/catalog_check --shipped catalogs/*.json data/mapping_good.json || [ $? = 1 ]
	build/catalog_check data/*.json || [ $? = 1 ]
} >build/catalog_check.out 2>build/catalog_check.err
if [ -s build/catalog_check.err ]; then
	cat build/catalog_check.err
	exit 1
fi
diff -u expected/catalog_check.out build/catalog_check.out

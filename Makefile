# Makefile for pg_ims (PGXS)
#
# The control file is the single source of the version.  `make demo` and
# `make test` install what they need (Debian packages) before building, so
# they must work even where PGXS is not installed yet; every other target
# needs postgresql-server-dev-15.

PG_CONFIG ?= /usr/lib/postgresql/15/bin/pg_config
EXTVERSION := $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" extension/pg_ims.control)

MODULE_big = pg_ims
OBJS = \
	src/pg_ims.o \
	src/risk_type_label.o \
	src/risk_type.o \
	src/applicability_label.o \
	src/applicability.o \
	src/json_strict.o \
	src/catalog_parse.o \
	src/oscal_parse.o \
	src/json_memory.o \
	src/text_encoding.o \
	src/pg_ims_spi.o \
	src/json_build.o \
	src/shipped_file.o \
	src/catalog_load.o \
	src/oscal_load.o \
	src/findings.o \
	src/sha256.o \
	src/soa_digest.o \
	src/soa_live.o \
	src/soa_document.o \
	src/oscal_ssp.o

MODULEDIR = extension
DATA = extension/pg_ims.control $(wildcard extension/pg_ims--*.sql)
CATALOGS = $(wildcard catalogs/*.json)

SHLIB_LINK = -lcjson
PG_CFLAGS = -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers
# `make PG_IMS_JSON_MALLOC=1`: cJSON on malloc, for valgrind (src/json_memory.c).
ifdef PG_IMS_JSON_MALLOC
PG_CPPFLAGS += -DPG_IMS_JSON_MALLOC
endif

REGRESS = install risk_type applicability catalog_seed catalog_errors catalog_encoding record soa tenancy findings reports documents oscal_catalog oscal_ssp ai_act privileges security
REGRESS_OPTS = --inputdir=. --outputdir=build/regress
ISOLATION = catalog_import init_soa approve_soa
ISOLATION_OPTS = --inputdir=. --outputdir=build/isolation

EXTRA_CLEAN = build

# Headers are few; rebuild everything when one changes.
$(OBJS): $(wildcard src/*.h)

# No LLVM bitcode: JIT gains nothing on these small functions, and it would
# need clang on every machine that builds pg_ims.
override with_llvm = no

PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(wildcard $(PGXS)),)
include $(PGXS)

# The shipped catalogs live in their own directory under the share
# directory; src/catalog.c finds them there at CREATE EXTENSION.
catalogdir = $(datadir)/pg_ims/catalogs

install: install-catalogs
install-catalogs: $(CATALOGS)
	$(MKDIR_P) '$(DESTDIR)$(catalogdir)'
	$(INSTALL_DATA) $(CATALOGS) '$(DESTDIR)$(catalogdir)/'

uninstall: uninstall-catalogs
uninstall-catalogs:
	rm -rf '$(DESTDIR)$(catalogdir)'

.PHONY: install-catalogs uninstall-catalogs
endif

test:
	@scripts/test.sh

# libFuzzer on the pure-C parsers; FUZZ_SECONDS per harness.
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/fuzz.sh $(FUZZ_SECONDS)

demo:
	@scripts/demo.sh

# The regression suite with the server under valgrind; slow.
valgrind-check:
	@scripts/valgrind-check.sh

print-version:
	@echo $(EXTVERSION)

# `make -s print-REGRESS`: the value of a variable, for scripts/test.sh.
print-%:
	@echo $($*)

.PHONY: test demo fuzz print-version valgrind-check

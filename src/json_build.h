/*-------------------------------------------------------------------------
 *
 * json_build.h
 *	  Building cJSON documents from server strings.
 *
 * The documents pg_ims writes (SoA JSON, its canonical form for the
 * digest, the OSCAL system security plan) are built from SPI results:
 * text in the database encoding, NULL for SQL null.  cJSON holds UTF-8.
 * Call these between PgImsJsonBegin() and PgImsJsonEnd() (json_memory.h);
 * an allocation failure is an error, never a silently missing key.
 *
 *-------------------------------------------------------------------------
 */
#ifndef JSON_BUILD_H
#define JSON_BUILD_H

#include <cjson/cJSON.h>

/* A server string as a cJSON string in UTF-8; NULL gives JSON null. */
extern cJSON *PgImsJsonString(const char *server_text);

/* Add item to an object under key, or to the end of an array. */
extern void PgImsJsonPut(cJSON *object, const char *key, cJSON *item);
extern void PgImsJsonAppend(cJSON *array, cJSON *item);

/* A new empty object or array. */
extern cJSON *PgImsJsonObject(void);
extern cJSON *PgImsJsonArray(void);

/*
 * Run build(arg) with SPI connected and cJSON in a private context, and
 * return the UTF-8 text it prints as jsonb in the database encoding.
 * context_name names the memory context.
 */
typedef char *(*PgImsJsonBuilder) (Datum arg);
extern Datum PgImsBuildJsonb(PgImsJsonBuilder build, Datum arg, const char *context_name);

#endif							/* JSON_BUILD_H */

/*-------------------------------------------------------------------------
 *
 * sha256.h
 *	  SHA-256 for pg_ims: the SoA digest and the OSCAL name-based UUIDs.
 *
 * Through PostgreSQL's cryptohash API (common/cryptohash.h), which uses
 * OpenSSL when the server is built with it, so pg_ims carries no hash code
 * of its own.
 *
 *-------------------------------------------------------------------------
 */
#ifndef PG_IMS_SHA256_H
#define PG_IMS_SHA256_H

#include "postgres.h"

#include "common/sha2.h"

/* The digest of len bytes of data into digest; raises on failure. */
extern void PgImsSha256(const void *data, size_t len, uint8 digest[PG_SHA256_DIGEST_LENGTH]);

/* The digest as 64 lowercase hexadecimal digits, palloc'd. */
extern char *PgImsSha256Hex(const void *data, size_t len);

#endif							/* PG_IMS_SHA256_H */

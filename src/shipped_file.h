/*-------------------------------------------------------------------------
 *
 * shipped_file.h
 *	  Read a document shipped with pg_ims from the share directory.
 *
 *-------------------------------------------------------------------------
 */
#ifndef SHIPPED_FILE_H
#define SHIPPED_FILE_H

#include "postgres.h"

/*
 * The whole of the shipped file name (a plain file name, never a path),
 * NUL-terminated, with its length in *len.  Only during CREATE EXTENSION;
 * anything else is an error.
 */
extern char *PgImsReadShippedFile(const char *name, size_t *len);

#endif							/* SHIPPED_FILE_H */

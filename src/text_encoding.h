/*-------------------------------------------------------------------------
 *
 * text_encoding.h
 *	  Text between UTF-8 and the database encoding, for every server-side
 *	  file of pg_ims.
 *
 * Documents pg_ims reads and writes (catalogs, OSCAL, SoA JSON) are UTF-8;
 * the database may use another encoding.  Every conversion goes through
 * here, so that an unconvertible character gives the same error with a
 * context that says where it was, and a message about a bad document never
 * fails on the document's own text.  Whether bytes are valid UTF-8 is the
 * strict JSON reader's check (json_strict.h), in plain C for the fuzzers.
 *
 * Here too: the character classes that the name policy (ims.name_fault,
 * docs/security.md) and the escaping of every document format use.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TEXT_ENCODING_H
#define TEXT_ENCODING_H

#include "postgres.h"

/*
 * UTF-8 to the database encoding: as a C string (the same pointer when no
 * conversion is needed), or as a text Datum.  NULL stays NULL ((Datum) 0).
 * A character the encoding lacks is an error (22P05).
 */
extern char *PgImsServerString(const char *utf8);
extern Datum PgImsServerText(const char *utf8);

/*
 * PgImsServerText() with where(arg) as error context, so that the error
 * of an unconvertible character names its place in the document.
 */
extern Datum PgImsServerTextWithContext(const char *utf8, void (*where) (void *arg),
										void *arg);

/*
 * A detail written in UTF-8 (quoting a document) in the database
 * encoding; characters the encoding lacks become "?", never an error.
 */
extern const char *PgImsServerDetail(const char *utf8);

/* The database encoding to UTF-8, NULL staying NULL. */
extern char *PgImsUtf8String(const char *server_text);

/*
 * A document of *len bytes in the database encoding, converted to UTF-8 in
 * place (*data and *len change only when a conversion was made).
 */
extern void PgImsDocumentToUtf8(const char **data, size_t *len);

/* ---- Character classes and the name policy ---- */

/*
 * The character at *p, advancing *p past it.  In a UTF-8 database the
 * Unicode code point; in any other database the character's byte when it
 * is ASCII, else -1 (a character the classes below do not know).  A byte
 * that is not valid UTF-8 gives -1 and advances by one.
 */
extern int32 PgImsNextChar(const char **p, bool utf8);

/* Unicode White_Space, and the invisible U+180E, U+200B-U+200D, U+2060, U+FEFF. */
extern bool PgImsIsWhiteSpace(int32 c);

/* LF, VT, FF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
extern bool PgImsIsLineBreak(int32 c);

/* Unicode category Cc: U+0000-U+001F and U+007F-U+009F. */
extern bool PgImsIsControl(int32 c);

/* Bidirectional embeddings, overrides and isolates: U+202A-U+202E, U+2066-U+2069. */
extern bool PgImsIsBidiControl(int32 c);

#endif							/* TEXT_ENCODING_H */

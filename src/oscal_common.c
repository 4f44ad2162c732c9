/*-------------------------------------------------------------------------
 *
 * oscal_common.c
 *	  What pg_ims's OSCAL documents share (oscal_common.h).
 *
 * UUIDs are name-based, so the same object keeps its UUID from one export
 * to the next as OSCAL asks: SHA-256 of a name made of the organization's
 * id and creation time and the object's key, with the version (5) and
 * variant bits set, as OSCAL's UUID pattern wants.  That is the method of
 * RFC 4122 version 5 with SHA-256 for SHA-1 and no namespace, so another
 * tool's uuid5() does not reproduce these.  The creation time keeps two
 * databases' organization 1 apart and survives pg_dump.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cjson/cJSON.h>

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"

#include "json_build.h"
#include "oscal_common.h"
#include "sha256.h"
#include "text_encoding.h"

char *
PgImsOscalUuidText(const char *prefix, const char *kind, const char *key)
{
	char	   *name = psprintf("%s/%s/%s", prefix, kind, key ? key : "");
	uint8		hash[PG_SHA256_DIGEST_LENGTH];
	char	   *text = palloc(37);

	PgImsSha256(name, strlen(name), hash);
	hash[6] = (hash[6] & 0x0f) | 0x50;
	hash[8] = (hash[8] & 0x3f) | 0x80;
	snprintf(text, 37,
			 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
			 hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7],
			 hash[8], hash[9], hash[10], hash[11], hash[12], hash[13], hash[14], hash[15]);
	return text;
}

cJSON *
PgImsOscalUuid(const char *prefix, const char *kind, const char *key)
{
	return PgImsJsonString(PgImsOscalUuidText(prefix, kind, key));
}

/*
 * The escaping of the documents: a value of a field of OSCAL's string
 * datatype (a party's name, a prop's value), whose pattern ^\S(.*\S)?$
 * wants one line with no white space at either end.  The name policy
 * keeps such values so (text_encoding.c); a row written before it (a 1.1
 * database, whose constraints may be NOT VALID) is made so here: each line
 * break or control character becomes a space, and white space at either
 * end is trimmed.  Every other string is plain JSON text, which cJSON
 * escapes.
 */
char *
PgImsOscalLine(const char *s)
{
	StringInfoData buf;
	bool		utf8 = GetDatabaseEncoding() == PG_UTF8;
	int			visible_end = 0;

	if (s == NULL)
		return NULL;
	initStringInfo(&buf);
	while (*s)
	{
		const char *start = s;
		int32		c = PgImsNextChar(&s, utf8);
		bool		blank = PgImsIsWhiteSpace(c) || PgImsIsControl(c);

		if (blank && buf.len == 0)
			continue;			/* the start trimmed */
		if (PgImsIsLineBreak(c) || PgImsIsControl(c))
			appendStringInfoChar(&buf, ' ');
		else
			appendBinaryStringInfo(&buf, start, s - start);
		if (!blank)
			visible_end = buf.len;
	}
	buf.data[visible_end] = '\0';	/* the end trimmed */
	return visible_end > 0 ? buf.data : pstrdup("(blank)");
}

void
PgImsOscalProp(cJSON *props, const char *name, const char *value, bool ours)
{
	cJSON	   *prop = PgImsJsonObject();

	PgImsJsonPut(prop, "name", PgImsJsonString(name));
	if (ours)
		PgImsJsonPut(prop, "ns", PgImsJsonString(PG_IMS_OSCAL_NS));
	PgImsJsonPut(prop, "value", PgImsJsonString(PgImsOscalLine(value)));
	PgImsJsonAppend(props, prop);
}

/*
 * Each character a token cannot hold becomes one "-": every character but
 * ASCII letters, digits, ".", "-" and "_" (OSCAL's token also allows
 * other letters, which PostgreSQL 15 gives C no way to tell from other
 * characters).  Two ids can so become one (AC 1 and AC-1): the plan
 * refuses that (oscal_ssp.c); an OSCAL import refuses every id that is
 * not such a token, which this leaves as it is.  A standard code starting
 * with a digit gets a "_" first, as a token must not start with one.
 */
char *
PgImsOscalControlId(const char *standard, const char *control_id)
{
	return PgImsOscalToken(psprintf("%s%s_%s",
									(standard[0] >= '0' && standard[0] <= '9') ? "_" : "",
									standard, control_id));
}

char *
PgImsOscalToken(const char *raw)
{
	char	   *id = palloc(strlen(raw) + 1);
	char	   *out = id;
	bool		utf8 = GetDatabaseEncoding() == PG_UTF8;

	for (const char *p = raw; *p;)
	{
		int32		c = PgImsNextChar(&p, utf8);

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			c == '.' || c == '-' || c == '_')
			*out++ = (char) c;
		else
			*out++ = '-';
	}
	*out = '\0';
	return id;
}

void
PgImsOscalRole(cJSON *roles, const char *id, const char *title)
{
	cJSON	   *role = PgImsJsonObject();

	PgImsJsonPut(role, "id", PgImsJsonString(id));
	PgImsJsonPut(role, "title", PgImsJsonString(title));
	PgImsJsonAppend(roles, role);
}

cJSON *
PgImsOscalOrganizationParty(const char *prefix, const char *name)
{
	cJSON	   *party = PgImsJsonObject();

	PgImsJsonPut(party, "uuid", PgImsOscalUuid(prefix, "party", NULL));
	PgImsJsonPut(party, "type", PgImsJsonString("organization"));
	PgImsJsonPut(party, "name", PgImsJsonString(PgImsOscalLine(name)));
	return party;
}

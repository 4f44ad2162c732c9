/*-------------------------------------------------------------------------
 *
 * oscal_common.h
 *	  What pg_ims's OSCAL documents share (src/oscal_ssp.c, the system
 *	  security plan; src/oscal_assessment.c, the assessment results and
 *	  the plan of action and milestones): the OSCAL release they declare,
 *	  pg_ims's namespace for its own props, name-based UUIDs, OSCAL's
 *	  one-line string datatype, control ids as tokens.
 *
 * Call between PgImsJsonBegin() and PgImsJsonEnd() (json_memory.h).
 *
 *-------------------------------------------------------------------------
 */
#ifndef OSCAL_COMMON_H
#define OSCAL_COMMON_H

#include <cjson/cJSON.h>

/* Namespace of pg_ims's own props, as OSCAL asks of props it does not define. */
#define PG_IMS_OSCAL_NS "urn:pg-ims:oscal"

/*
 * The OSCAL release the documents declare and are validated against
 * (data/oscal/schema-1.2.1): the newest release this project could fetch;
 * docs/oscal.md says so.
 */
#define OSCAL_VERSION "1.2.1"

/*
 * A name-based UUID, as a cJSON string: SHA-256 of "prefix/kind/key" with
 * the version (5) and variant bits set.  prefix names the organization
 * (its id and creation time), so the same object keeps its UUID from one
 * export to the next.
 */
extern cJSON *PgImsOscalUuid(const char *prefix, const char *kind, const char *key);

/* The same UUID as text. */
extern char *PgImsOscalUuidText(const char *prefix, const char *kind, const char *key);

/*
 * A value of OSCAL's string datatype (^\S(.*\S)?$): line breaks and
 * control characters as spaces, white space at either end trimmed,
 * "(blank)" for nothing left; NULL stays NULL.
 */
extern char *PgImsOscalLine(const char *s);

/* Append a prop to props; ours: in pg_ims's namespace, else OSCAL's own name. */
extern void PgImsOscalProp(cJSON *props, const char *name, const char *value, bool ours);

/*
 * The control-id of a control of a pg_ims catalog: the standard code and
 * the control id as one OSCAL token, iso27001:2022 A.5.19 giving
 * iso27001-2022_A.5.19; each character a token cannot hold becomes "-".
 */
extern char *PgImsOscalControlId(const char *standard, const char *control_id);

/* raw as an OSCAL token the same way: each other character as "-". */
extern char *PgImsOscalToken(const char *raw);

/* Append a role of metadata.roles. */
extern void PgImsOscalRole(cJSON *roles, const char *id, const char *title);

/* The organization as a party of metadata.parties, the same UUID in every document. */
extern cJSON *PgImsOscalOrganizationParty(const char *prefix, const char *name);

#endif							/* OSCAL_COMMON_H */

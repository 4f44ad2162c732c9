/*-------------------------------------------------------------------------
 *
 * org_access.c
 *	  Access per organization as membership in roles
 *	  (extension/install/50_tenancy.sql, docs/tenancy.md).
 *
 * Each organization has three roles, one per capability, named from the
 * database and the org_id: ims_<database>_<org_id>_read, _edit and
 * _approve; approve is a member of edit and edit of read.  ims.grant_access
 * makes a role a member of one of them, and the row-level security policies
 * ask whether the current user has the privileges of the role a row's
 * organization has for the capability.
 *
 * The policies read no table and run no subquery, which Citus requires of
 * policies on distributed tables, and the answer is the same on every node:
 * a role's name is the same everywhere (its OID is not), and Citus
 * propagates roles and memberships to every node, including nodes added
 * later.  On one server it is also the cheap answer: a syscache lookup and
 * the membership list PostgreSQL already caches per role, where reading
 * ims.org_access once per statement cost members about half the
 * superuser's throughput (bench/load.sh).  The policies ask it for every
 * row a scan reads, so the answers for the current user are remembered
 * per organization and capability until a role or a membership changes
 * (the invalidations of pg_authid and pg_auth_members, which PostgreSQL's
 * own membership cache follows too): the membership list is as long as
 * the organizations a member holds, and searching it row after row was a
 * tenth of a member's validation time.
 *
 * The database's name is part of the role's name because roles belong to
 * the cluster while organizations belong to a database: org 1 of one
 * database must not be org 1 of another.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_authid.h"
#include "commands/dbcommands.h"
#include "common/md5.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/supportnodes.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/syscache.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

PG_FUNCTION_INFO_V1(org_role_name);
PG_FUNCTION_INFO_V1(org_has_access);
PG_FUNCTION_INFO_V1(org_access_held);
PG_FUNCTION_INFO_V1(org_access_support);

/* The database part of the role names, computed once per backend. */
static char database_part[NAMEDATALEN];

/*
 * The policies' answers for the current user, by organization and
 * capability: a small direct-mapped table, since a scan asks about one
 * organization row after row and a report about a few at a time.  Emptied
 * whenever a role or a membership changes anywhere (a role dropped and
 * created again has another OID, a membership granted or revoked changes
 * the answer) and whenever the current user is another one (SET ROLE, a
 * SECURITY DEFINER function).
 */
#define ANSWER_SLOTS 256

typedef struct AccessAnswer
{
	int64		org_id;
	int8		capability;		/* -1 while the slot is empty */
	bool		held;
} AccessAnswer;

static AccessAnswer answers[ANSWER_SLOTS];
static bool answers_valid = false;
static Oid	answers_user;		/* whose answers, while valid */
static bool invalidation_callbacks_set = false;

/* The current user's name, which ims.has_org_access compares member with. */
static Oid	cached_user_oid = InvalidOid;
static NameData cached_user_name;

static const char *const capability_names[] = {"read", "edit", "approve"};

static void
forget_answers(Datum arg, int cacheid, uint32 hashvalue)
{
	answers_valid = false;
	cached_user_oid = InvalidOid;
}

static void
register_invalidation_callbacks(void)
{
	if (!invalidation_callbacks_set)
	{
		CacheRegisterSyscacheCallback(AUTHOID, forget_answers, (Datum) 0);
		CacheRegisterSyscacheCallback(AUTHMEMROLEMEM, forget_answers, (Datum) 0);
		invalidation_callbacks_set = true;
	}
}

/*
 * The database's name if it is a plain lower-case identifier short enough to
 * leave room for the rest, or else "h" and twelve hex digits of its MD5: a
 * role name may hold 63 bytes, and one that would need quoting is a trap for
 * the DBA who grants it by hand.
 */
static const char *
get_database_part(void)
{
	if (database_part[0] == '\0')
	{
		char	   *datname = get_database_name(MyDatabaseId);
		bool		plain = datname != NULL && strlen(datname) <= 24;
		const char *errstr = NULL;
		char		hex[33];

		if (datname == NULL)
			elog(ERROR, "cache lookup failed for database %u", MyDatabaseId);
		for (const char *p = datname; plain && *p; p++)
			plain = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_';
		if (plain)
			strlcpy(database_part, datname, sizeof(database_part));
		else
		{
			if (!pg_md5_hash(datname, strlen(datname), hex, &errstr))
				elog(ERROR, "could not compute MD5 hash: %s", errstr);
			snprintf(database_part, sizeof(database_part), "h%.12s", hex);
		}
	}
	return database_part;
}

/*
 * 0, 1, 2 for read, edit, approve; raises for anything else.  The policies
 * call it for every row, so it compares the bytes in place.
 */
static int
parse_capability(text *capability)
{
	const char *data = VARDATA_ANY(capability);
	size_t		len = VARSIZE_ANY_EXHDR(capability);

	for (int i = 0; i < (int) lengthof(capability_names); i++)
		if (len == strlen(capability_names[i]) && memcmp(data, capability_names[i], len) == 0)
			return i;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid capability \"%s\"", text_to_cstring(capability)),
			 errhint("Capabilities are read, edit and approve.")));
	return -1;					/* keep the compiler quiet */
}

static void
format_role_name(char *buf, int64 org_id, int capability)
{
	snprintf(buf, NAMEDATALEN, "ims_%s_" INT64_FORMAT "_%s",
			 get_database_part(), org_id, capability_names[capability]);
}

/* the OID of an organization's role, or InvalidOid while it has none */
static Oid
org_role_oid(int64 org_id, int capability)
{
	char		name[NAMEDATALEN];

	format_role_name(name, org_id, capability);
	return get_role_oid(name, true);
}

/* whether a role has the privileges of the organization's role */
static bool
role_holds(Oid member, int64 org_id, int capability)
{
	Oid			role = org_role_oid(org_id, capability);

	return OidIsValid(role) && has_privs_of_role(member, role);
}

/* the current user, and whether it is the role named member */
static Oid
current_user_named(Name member, bool *same)
{
	Oid			user = GetUserId();

	if (user != cached_user_oid)
	{
		namestrcpy(&cached_user_name, GetUserNameFromId(user, false));
		cached_user_oid = user;
	}
	*same = strcmp(NameStr(*member), NameStr(cached_user_name)) == 0;
	return user;
}

/* ims.org_role(org_id, capability): the name of the role that grants it */
Datum
org_role_name(PG_FUNCTION_ARGS)
{
	Name		result = (Name) palloc0(NAMEDATALEN);

	format_role_name(NameStr(*result), PG_GETARG_INT64(0), parse_capability(PG_GETARG_TEXT_PP(1)));
	PG_RETURN_NAME(result);
}

/*
 * ims.has_org_access(org_id, capability, member): whether member has the
 * privileges of the organization's role for the capability, directly or
 * through roles it inherits (superusers have every role's).  A session may
 * ask about itself and about the roles it could SET ROLE to; about any other
 * role the answer is false, so no one probes another's access.
 */
Datum
org_has_access(PG_FUNCTION_ARGS)
{
	int64		org_id = PG_GETARG_INT64(0);
	int			capability = parse_capability(PG_GETARG_TEXT_PP(1));
	Name		member_name = PG_GETARG_NAME(2);
	Oid			member;
	bool		asks_about_itself;

	register_invalidation_callbacks();
	member = current_user_named(member_name, &asks_about_itself);
	if (!asks_about_itself)
	{
		member = get_role_oid(NameStr(*member_name), true);
		if (!OidIsValid(member) || !is_member_of_role(GetSessionUserId(), member))
			PG_RETURN_BOOL(false);
	}
	PG_RETURN_BOOL(role_holds(member, org_id, capability));
}

/*
 * ims.org_access_held(org_id, capability): whether the current user has
 * the capability on the organization.  What the policies call for every
 * row: ims.has_org_access without the name of the member to compare, and
 * with the answer remembered.
 */
Datum
org_access_held(PG_FUNCTION_ARGS)
{
	int64		org_id = PG_GETARG_INT64(0);
	int			capability = parse_capability(PG_GETARG_TEXT_PP(1));
	Oid			user = GetUserId();
	AccessAnswer *answer;

	register_invalidation_callbacks();
	if (!answers_valid || user != answers_user)
	{
		for (int i = 0; i < ANSWER_SLOTS; i++)
			answers[i].capability = -1;
		answers_user = user;
		answers_valid = true;
	}
	answer = &answers[((uint64) org_id * lengthof(capability_names) + capability) % ANSWER_SLOTS];
	if (answer->capability != capability || answer->org_id != org_id)
	{
		/*
		 * Compute before filling the slot: the lookups may process
		 * invalidations, which empty the table.
		 */
		bool		held = role_holds(user, org_id, capability);

		if (!answers_valid)
			PG_RETURN_BOOL(held);
		answer->org_id = org_id;
		answer->capability = (int8) capability;
		answer->held = held;
	}
	PG_RETURN_BOOL(answer->held);
}

/*
 * The planner support of ims.org_access_held.  Without it the planner
 * takes a boolean function to keep a third of the rows (its default
 * selectivity), so every table under row-level security looked three
 * times smaller to a member than to the superuser, and the validator's
 * joins got nested loops where hash joins belong.  A member reads its
 * own organizations, and the queries that matter filter by org_id
 * already: the policy keeps every row they ask for.
 */
Datum
org_access_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestSelectivity))
	{
		SupportRequestSelectivity *req = (SupportRequestSelectivity *) rawreq;

		req->selectivity = 1.0;
		PG_RETURN_POINTER(req);
	}
	PG_RETURN_POINTER(NULL);
}

/*-------------------------------------------------------------------------
 *
 * name_policy.h
 *	  The name policy of pg_ims (see name_policy.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef NAME_POLICY_H
#define NAME_POLICY_H

/*
 * What is wrong with a name in UTF-8, as a sentence for an error detail,
 * or NULL when the name policy allows it.
 */
extern const char *PgImsNameFault(const char *utf8);

#endif							/* NAME_POLICY_H */

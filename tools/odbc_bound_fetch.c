/*
 * tools/odbc_bound_fetch.c: fetch one row as a client that binds the size
 * the driver describes (SQLDescribeCol, then SQLBindCol with that many
 * characters), as BI tools do; for scripts/test-clients.sh.
 *
 *   odbc_bound_fetch CONNECTION-STRING QUERY
 *
 * Prints, per column: its name, SQL type, described size and decimal
 * digits, the length of the value the database holds (SQLBindCol's
 * length indicator) and the length fetched, and "truncated" with the
 * SQLSTATE when the fetch cut the value (01004).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sql.h>
#include <sqlext.h>

static void
fail(SQLSMALLINT type, SQLHANDLE handle, const char *what)
{
	SQLCHAR		state[6], message[512];
	SQLINTEGER	native;
	SQLSMALLINT len;

	if (SQLGetDiagRec(type, handle, 1, state, &native, message, sizeof(message), &len) == SQL_SUCCESS)
		fprintf(stderr, "%s: %s %s\n", what, state, message);
	else
		fprintf(stderr, "%s failed\n", what);
	exit(1);
}

int
main(int argc, char **argv)
{
	SQLHENV		env;
	SQLHDBC		dbc;
	SQLHSTMT	stmt;
	SQLSMALLINT n;
	SQLRETURN	rc;
	char	  **buffers;
	SQLLEN	   *indicators;

	if (argc != 3)
	{
		fprintf(stderr, "usage: %s CONNECTION-STRING QUERY\n", argv[0]);
		return 2;
	}
	SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
	SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER) SQL_OV_ODBC3, 0);
	SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
	rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *) argv[1], SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
	if (!SQL_SUCCEEDED(rc))
		fail(SQL_HANDLE_DBC, dbc, "connect");
	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
	if (!SQL_SUCCEEDED(SQLExecDirect(stmt, (SQLCHAR *) argv[2], SQL_NTS)))
		fail(SQL_HANDLE_STMT, stmt, "execute");
	SQLNumResultCols(stmt, &n);
	buffers = calloc(n, sizeof(char *));
	indicators = calloc(n, sizeof(SQLLEN));
	for (SQLUSMALLINT c = 1; c <= n; c++)
	{
		SQLCHAR		name[128];
		SQLSMALLINT name_len, type, digits, nullable;
		SQLULEN		size;

		SQLDescribeCol(stmt, c, name, sizeof(name), &name_len, &type, &size, &digits, &nullable);
		printf("column %s type %d size %lu digits %d\n", name, (int) type, (unsigned long) size, (int) digits);
		buffers[c - 1] = calloc(size + 1, 1);
		SQLBindCol(stmt, c, SQL_C_CHAR, buffers[c - 1], (SQLLEN) size + 1, &indicators[c - 1]);
	}
	rc = SQLFetch(stmt);
	if (!SQL_SUCCEEDED(rc))
		fail(SQL_HANDLE_STMT, stmt, "fetch");
	for (SQLSMALLINT c = 0; c < n; c++)
		printf("value %d held %ld fetched %zu\n", c + 1, (long) indicators[c], strlen(buffers[c]));
	if (rc == SQL_SUCCESS_WITH_INFO)
	{
		SQLCHAR		state[6], message[512];
		SQLINTEGER	native;
		SQLSMALLINT len;

		for (SQLSMALLINT i = 1;
			 SQLGetDiagRec(SQL_HANDLE_STMT, stmt, i, state, &native, message, sizeof(message), &len) == SQL_SUCCESS;
			 i++)
			printf("truncated %s %s\n", state, message);
	}
	return 0;
}

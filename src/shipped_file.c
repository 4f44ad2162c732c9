/*-------------------------------------------------------------------------
 *
 * shipped_file.c
 *	  Read a document shipped with pg_ims from the share directory.
 *
 * `make install` puts the shipped catalogs, mappings and crosswalks under
 * the share directory; CREATE EXTENSION loads them from there.  The file
 * is read through AllocateFile, so that an error closes it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <sys/stat.h>

#include "commands/extension.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/memutils.h"

#include "shipped_file.h"

/* Where `make install` puts the shipped catalogs, under the share directory. */
#define CATALOG_SUBDIR "pg_ims/catalogs"

/*
 * Read one of the documents shipped in the share directory.  Only the
 * extension's scripts call the builtin loaders (they drop them again when
 * done), so the name is a plain file name, never a path.
 */
char *
PgImsReadShippedFile(const char *name, size_t *len)
{
	char		share_path[MAXPGPATH];
	char	   *path;
	FILE	   *file;
	struct stat st;
	char	   *buffer;

	if (!creating_extension)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("shipped catalogs are loaded only by CREATE EXTENSION"),
				 errhint("Use ims.import_catalog() to load a catalog of your own.")));
	if (strchr(name, '/') != NULL || name[0] == '.' || strlen(name) > 64)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid catalog file name \"%s\"", name),
				 errdetail("A shipped catalog is named by a plain file name.")));

	get_share_path(my_exec_path, share_path);
	path = psprintf("%s/%s/%s", share_path, CATALOG_SUBDIR, name);

	file = AllocateFile(path, PG_BINARY_R);
	if (file == NULL)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open catalog file \"%s\": %m", path),
				 errhint("Reinstall pg_ims: `make install` puts its catalogs there.")));
	if (fstat(fileno(file), &st) != 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not stat catalog file \"%s\": %m", path)));
	if ((Size) st.st_size > MaxAllocHugeSize - 1)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("catalog file \"%s\" is too large", path)));
	buffer = palloc_extended(st.st_size + 1, MCXT_ALLOC_HUGE);
	if (fread(buffer, 1, st.st_size, file) != (size_t) st.st_size)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not read catalog file \"%s\": %m", path)));
	FreeFile(file);
	buffer[st.st_size] = '\0';
	*len = st.st_size;
	return buffer;
}

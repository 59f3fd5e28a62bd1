/*
 * filelist.c: the file operands of the batch tools plus --files-from, so
 * that "find ... -print0 | smp-sample -0 --files-from -" takes any number
 * of files without the argument-length limit.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-cli.h"

/* Append s (owned; NULL means its strdup failed) to the NULL-terminated
 * v of n entries and *cap slots. */
static int
filelist_add(char ***v, size_t *n, size_t *cap, char *s, struct smp_err *e)
{
	char	**nv;

	if (s != NULL && *n + 2 > *cap) {
		*cap = *cap ? 2 * *cap : 64;
		if ((nv = realloc(*v, *cap * sizeof *nv)) == NULL) {
			free(s);
			s = NULL;
		} else
			*v = nv;
	}
	if (s == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	(*v)[(*n)++] = s;
	(*v)[*n] = NULL;
	return 0;
}

/* A path longer than PATH_MAX cannot be opened anyway. */
#define FILELIST_MAX_NAME	4096

static int
filelist_from(const char *from, int nul, char ***v, size_t *n, size_t *cap,
    struct smp_err *e)
{
	const char	*name = strcmp(from, "-") ? from : "standard input";
	char		*line = NULL;
	size_t		 lcap = 0;
	ssize_t		 len;
	unsigned long	 lineno = 0;
	FILE		*fp;
	int		 r = 0;

	fp = strcmp(from, "-") == 0 ? stdin : fopen(from, "r");
	if (fp == NULL)
		return smp_errf(e, SMP_E_IO, "%s: %s", from, strerror(errno));
	while (r == 0 && (len = smp_tsv_read_line(fp, nul ? '\0' : '\n',
	    FILELIST_MAX_NAME, &line, &lcap)) != SMP_LINE_END) {
		lineno++;
		if (len == SMP_LINE_LONG)
			r = smp_errf(e, SMP_E_INPUT, "%s: line %lu longer than "
			    "%d bytes", name, lineno, FILELIST_MAX_NAME);
		else if (len == SMP_LINE_NUL)
			r = smp_errf(e, SMP_E_INPUT, "%s: line %lu: NUL byte in "
			    "a name (use -0 for NUL-separated lists)", name,
			    lineno);
		else if (len == SMP_LINE_NOMEM)
			r = smp_errf(e, SMP_E_NOMEM, "out of memory");
		else if (len > 0)
			r = filelist_add(v, n, cap, strdup(line), e);
	}
	free(line);
	if (r == 0 && ferror(fp))
		r = smp_errf(e, SMP_E_IO, "%s: cannot read the file list: %s",
		    name, strerror(errno));
	if (fp != stdin)
		fclose(fp);
	return r;
}

char **
smp_filelist_read(int argc, char **argv, const char *from, int nul,
    size_t *n, struct smp_err *e)
{
	char	**v = NULL;
	size_t	 cap = 0;
	int	 i;

	*n = 0;
	for (i = 0; i < argc; i++)
		if (filelist_add(&v, n, &cap, strdup(argv[i]), e) == -1)
			goto fail;
	if (from != NULL && filelist_from(from, nul, &v, n, &cap, e) == -1)
		goto fail;
	if (v == NULL && (v = calloc(1, sizeof *v)) == NULL) {
		smp_errf(e, SMP_E_NOMEM, "out of memory");
		goto fail;
	}
	return v;
fail:
	smp_filelist_free(v);
	*n = 0;
	return NULL;
}

void
smp_filelist_free(char **files)
{
	char	**p;

	if (files == NULL)
		return;
	for (p = files; *p != NULL; p++)
		free(*p);
	free(files);
}

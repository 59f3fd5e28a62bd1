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

static void
files_add(char ***v, size_t *n, size_t *cap, char *s)
{
	char	**nv;

	if (*n + 2 > *cap) {
		*cap = *cap ? 2 * *cap : 64;
		if ((nv = realloc(*v, *cap * sizeof *nv)) == NULL)
			goto oom;
		*v = nv;
	}
	if (s == NULL)
		goto oom;
	(*v)[(*n)++] = s;
	(*v)[*n] = NULL;
	return;
oom:
	smp_warnx("out of memory");
	exit(SMP_EXIT_TROUBLE);
}

char **
smp_cli_files(int argc, char **argv, const struct smp_cli_batch *b,
    size_t *n)
{
	const char	*from = b->files_from;
	int		 nul = b->nul;
	char		**v = NULL, *line = NULL;
	size_t		 cap = 0, lcap = 0;
	ssize_t		 len;
	FILE		*fp;
	int		 i;

	*n = 0;
	for (i = 0; i < argc; i++)
		files_add(&v, n, &cap, strdup(argv[i]));
	if (from != NULL) {
		fp = strcmp(from, "-") == 0 ? stdin : fopen(from, "r");
		if (fp == NULL) {
			smp_warnx("%s: %s", from, strerror(errno));
			exit(SMP_EXIT_TROUBLE);
		}
		while ((len = getdelim(&line, &lcap, nul ? '\0' : '\n',
		    fp)) > 0) {
			if (line[len - 1] == (nul ? '\0' : '\n'))
				line[--len] = '\0';
			if (len > 0)
				files_add(&v, n, &cap, strdup(line));
		}
		free(line);
		if (ferror(fp)) {
			smp_warnx("%s: cannot read the file list: %s",
			    strcmp(from, "-") == 0 ? "standard input" : from,
			    strerror(errno));
			exit(SMP_EXIT_TROUBLE);
		}
		if (fp != stdin)
			fclose(fp);
	}
	if (v == NULL && (v = calloc(1, sizeof *v)) == NULL) {
		smp_warnx("out of memory");
		exit(SMP_EXIT_TROUBLE);
	}
	return v;
}

void
smp_cli_files_free(char **files)
{
	char	**p;

	if (files == NULL)
		return;
	for (p = files; *p != NULL; p++)
		free(*p);
	free(files);
}

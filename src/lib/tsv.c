/*
 * tsv.c: the one reader of tab-separated input (readings, catalogues,
 * series).  Lines are split at tabs in place; '#' comments and blank lines
 * are skipped; a line longer than SMP_TSV_MAX_LINE, a NUL byte or a
 * read error is an error naming file:line.  A UTF-8 byte-order mark
 * before the first line is skipped.  Lines are read with a bound:
 * nothing past the limit is read or allocated.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

int
smp_tsv_open(struct smp_tsv *t, const char *path, struct smp_err *e)
{
	memset(t, 0, sizeof *t);
	t->path = path;
	if (strcmp(path, "-") == 0) {
		t->fp = stdin;
		t->path = "(stdin)";
		return 0;
	}
	if ((t->fp = fopen(path, "r")) == NULL)
		return smp_errf(e, SMP_E_IO, "%s: %s", path, strerror(errno));
	t->owned = 1;
	return 0;
}

void
smp_tsv_close(struct smp_tsv *t)
{
	if (t->owned && t->fp != NULL)
		fclose(t->fp);
	free(t->buf);
	free(t->f);
	memset(t, 0, sizeof *t);
}

ssize_t
smp_tsv_read_line(FILE *fp, int delim, size_t max, char **buf, size_t *cap)
{
	size_t	n = 0;
	int	c;

	for (;;) {
		if (n + 2 > *cap) {
			size_t	 nc = *cap ? 2 * *cap : 256;
			char	*b;

			nc = nc > max + 2 ? max + 2 : nc;
			if ((b = realloc(*buf, nc)) == NULL)
				return SMP_LINE_NOMEM;
			*buf = b, *cap = nc;
		}
		if ((c = getc(fp)) == EOF)
			break;
		if (c == '\0' && delim != '\0') {
			(*buf)[n] = '\0';
			return SMP_LINE_NUL;
		}
		if (c == delim)
			break;
		if (n == max) {
			(*buf)[n] = '\0';
			return SMP_LINE_LONG;
		}
		(*buf)[n++] = (char)c;
	}
	(*buf)[n] = '\0';
	if (c == EOF && (n == 0 || ferror(fp)))
		return SMP_LINE_END;
	return (ssize_t)n;
}

int
smp_tsv_errf(const struct smp_tsv *t, struct smp_err *e, const char *fmt, ...)
{
	char	msg[400];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return smp_errf(e, SMP_E_INPUT, "%s:%lu: %s", t->path, t->line, msg);
}

int
smp_tsv_next(struct smp_tsv *t, struct smp_err *e)
{
	ssize_t	n;
	char	*p;

	for (;;) {
		errno = 0;
		n = smp_tsv_read_line(t->fp, '\n', SMP_TSV_MAX_LINE, &t->buf,
		    &t->cap);
		if (n == SMP_LINE_END) {
			if (ferror(t->fp))
				return smp_errf(e, SMP_E_IO, "%s: %s", t->path,
				    strerror(errno ? errno : EIO));
			return 0;
		}
		t->line++;
		if (n == SMP_LINE_NOMEM)
			return smp_errf(e, SMP_E_NOMEM, "out of memory");
		if (n == SMP_LINE_LONG)
			return smp_tsv_errf(t, e, "line %lu longer than %u bytes",
			    t->line, SMP_TSV_MAX_LINE);
		if (n == SMP_LINE_NUL)
			return smp_tsv_errf(t, e, "NUL byte in a text line");
		if (t->line == 1 && n >= 3 && memcmp(t->buf, "\xEF\xBB\xBF",
		    3) == 0) {			/* a UTF-8 byte-order mark */
			memmove(t->buf, t->buf + 3, (size_t)n - 2);
			n -= 3;
		}
		while (n > 0 && (t->buf[n - 1] == '\n' || t->buf[n - 1] == '\r'))
			t->buf[--n] = '\0';
		if (n == 0 || t->buf[0] == '#')
			continue;
		t->nf = 0;
		for (p = t->buf;; p++) {
			char	*tab = strchr(p, '\t');

			if (t->nf == t->fcap) {
				char	**f;
				int	  c = t->fcap ? 2 * t->fcap : 16;

				if ((f = realloc(t->f, c * sizeof *f)) == NULL)
					return smp_errf(e, SMP_E_NOMEM,
					    "out of memory");
				t->f = f, t->fcap = c;
			}
			t->f[t->nf++] = p;
			if (tab == NULL)
				break;
			*tab = '\0';
			p = tab;
		}
		return 1;
	}
}

int
smp_tsv_col(const struct smp_tsv *t, const char *name)
{
	int	i;

	for (i = 0; i < t->nf; i++)
		if (strcmp(t->f[i], name) == 0)
			return i;
	return -1;
}

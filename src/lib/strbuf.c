/*
 * strbuf.c: a growing string for the text files the tools write (SVG,
 * iCalendar), built in memory and then written atomically.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "smp.h"

void
smp_strbuf_printf(struct smp_strbuf *o, const char *fmt, ...)
{
	va_list	ap;
	int	m;

	while (!o->fail) {
		va_start(ap, fmt);
		m = vsnprintf(o->b != NULL ? o->b + o->n : NULL, o->cap - o->n,
		    fmt, ap);
		va_end(ap);
		if (m < 0)
			o->fail = 1;
		else if (o->n + (size_t)m < o->cap)
			o->n += (size_t)m;
		else {
			size_t	 nc = 2 * (o->cap + (size_t)m) + 64;
			char	*t = realloc(o->b, nc);

			if (t == NULL)
				o->fail = 1;
			else
				o->b = t, o->cap = nc;
			continue;
		}
		return;
	}
}

void
smp_strbuf_free(struct smp_strbuf *o)
{
	free(o->b);
	o->b = NULL;
	o->n = o->cap = 0;
}

int
smp_strbuf_write(struct smp_strbuf *o, const char *path, struct smp_err *e)
{
	int	r;

	if (o->fail)
		r = smp_errf(e, SMP_E_NOMEM, "%s: out of memory", path);
	else
		r = smp_atomic_write(path, o->b, o->n, e);
	smp_strbuf_free(o);
	return r;
}

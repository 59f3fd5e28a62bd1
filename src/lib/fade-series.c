/*
 * fade-series.c: the dated readings smp-fade --fit works on: the dots,
 * rows of class dot or all (a file without a class column is all dots;
 * hair rows measure hair, not ink), with a date, and the first row of
 * class skin unless the caller gives the skin.  One series is one treated
 * area: dots of several regions, or of classes dot and all together, are
 * refused unless the caller picks a region or takes every one.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "smp.h"

int
smp_fade_series_read(const char *path, enum smp_white dflt,
    struct smp_fade_series *s, struct smp_err *e)
{
	struct smp_readings	 rs;
	const struct smp_reading *first = NULL;
	size_t			 i;
	int			 r = -1;

	memset(&rs, 0, sizeof rs);
	s->obs = NULL;
	s->n = 0;
	if (!s->have_skin)
		s->white = dflt;
	if (smp_readings_read(path, dflt, &rs, e) == -1)
		goto out;		/* rs may hold the rows before the error */
	for (i = 0; i < rs.n && !s->have_skin; i++)
		if (rs.r[i].klass == SMP_CLASS_SKIN) {
			s->skin = rs.r[i].st.value;
			s->white = rs.r[i].white;
			s->have_skin = 1;
		}
	if (!s->have_skin) {
		smp_errf(e, SMP_E_USAGE, "%s: no skin reading: give --skin or "
		    "a row of class skin", path);
		goto out;
	}
	if ((s->obs = calloc(rs.n + 1, sizeof *s->obs)) == NULL) {
		smp_errf(e, SMP_E_NOMEM, "%s: out of memory", path);
		goto out;
	}
	for (i = 0; i < rs.n; i++) {
		const struct smp_reading *q = &rs.r[i];
		struct smp_fade_obs	*o = &s->obs[s->n];

		if (smp_readings_role(q->klass, SMP_ROLE_DARK) != SMP_ROLE_DARK ||
		    q->klass == SMP_CLASS_HAIR || (s->region != NULL &&
		    strcmp(q->region, s->region) != 0))
			continue;
		if (first == NULL)
			first = q;
		else if (!s->any_region && strcmp(q->region,
		    first->region) != 0) {
			smp_errf(e, SMP_E_INPUT, "%s:%lu: region %s after region "
			    "%s: one series is one treated area (--region picks "
			    "one, --any-region takes them all)", path, q->line,
			    q->region, first->region);
			goto out;
		} else if (q->klass != first->klass) {
			smp_errf(e, SMP_E_INPUT, "%s:%lu: class %s after class %s: "
			    "the dots alone and the whole area are not one "
			    "series", path, q->line, smp_names_name(
			    &smp_names_class, q->klass), smp_names_name(
			    &smp_names_class, first->klass));
			goto out;
		}
		if (q->date[0] == '\0' || smp_date_parse(q->date, &o->date) == -1) {
			if (q->date[0] == '\0')
				smp_errf(e, SMP_E_INPUT, "%s:%lu: no date (a date "
				    "column with YYYY-MM-DD is needed for --fit)",
				    path, q->line);
			else
				smp_errf(e, SMP_E_INPUT, "%s:%lu: date '%.40s': %s",
				    path, q->line, q->date,
				    smp_date_invalid(q->date));
			goto out;
		}
		smp_lab_adapt(&q->st.value, q->white, s->white, &o->dot);
		s->n++;
	}
	if (s->n == 0 && s->region != NULL)
		smp_errf(e, SMP_E_INPUT, "%s: no dots of region %s", path,
		    s->region);
	else
		r = 0;
out:
	if (r == -1)
		smp_fade_series_clear(s);
	smp_readings_clear(&rs);
	return r;
}

void
smp_fade_series_clear(struct smp_fade_series *s)
{
	free(s->obs);
	s->obs = NULL;
	s->n = 0;
}

/*
 * match-out.c: what smp-match says about a reading beyond its rows: the
 * note when the target is the default hair, one warning line for the
 * flags, and for people (--format table) a heading before the rows and
 * the verdict and the flags in words after them.
 */
#include "config.h"

#include <stdio.h>

#include "smp.h"
#include "smp-cli.h"

void
smp_cli_match_warn(const struct smp_match_group *g,
    const struct smp_match_result *r, int photo)
{
	char	flags[128];

	if (r->default_hair && photo)
		smp_cli_warnx("%s: region %s: note: no follicles in the photo; "
		    "the target is %s hair (--hair to choose)", g->file,
		    g->region, smp_names_name(&smp_names_hair, r->tg.hair));
	if (r->flags == 0)
		return;
	smp_names_join(&smp_names_flag, r->flags, flags, sizeof flags);
	smp_cli_warnx("%s: region %s: flagged %s: skin fit %.2f dE00, best "
	    "%.2f dE00%s", g->file, g->region, flags, r->ms.fit.de00,
	    r->cand[0].de00, r->nequiv > 1 ? "; the first candidates look "
	    "the same (within 1 dE00)" : "");
}

int
smp_cli_match_rows(struct smp_table *t, const struct smp_catalogue *cat,
    const struct smp_match_opts *o, const struct smp_match_request *rq,
    const struct smp_match_group *g, const struct smp_match_result *r, int k,
    struct smp_err *e)
{
	char	line[1024];
	int	i = 0;
	const char *w;

	if (smp_table_format(t) != SMP_TABLE_TEXT)
		return smp_match_table_write(t, cat, o, rq, g, r, k, e);
	smp_match_text_heading(g, r, line, sizeof line);
	printf("%s\n", line);
	if (smp_match_table_write(t, cat, o, rq, g, r, k, e) == -1)
		return -1;
	smp_table_flush(t);
	smp_match_text_verdict(cat, r, line, sizeof line);
	printf("verdict: %s\n", line);
	while ((w = smp_match_text_flag(r->flags & ~SMP_FLAG_EQUIVALENT,
	    &i)) != NULL)
		printf("  - %s\n", w);
	putchar('\n');
	return 0;
}

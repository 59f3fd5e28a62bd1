/*
 * match-group.c: from readings to matches.  The rows of one input are
 * grouped by (file, region) in order of first appearance: a skin row (or
 * an unseparated one) is the client's skin, a dot or hair row the target
 * of the same group; a row joins the first group of its key that lacks
 * its role.  The groups of one key are chained from a hash table, so
 * grouping is linear in the rows.  A group's match fits the skin, takes
 * the target (given, else the group's dark reading, else the hair model)
 * and ranks every pigment; a batch does that on worker threads and hands
 * the results over in order.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

static uint64_t
group_hash(const char *file, const char *region)
{
	uint64_t	h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *file != '\0'; file++)
		h = (h ^ (unsigned char)*file) * 1099511628211ULL;
	h = (h ^ 0xff) * 1099511628211ULL;
	for (; *region != '\0'; region++)
		h = (h ^ (unsigned char)*region) * 1099511628211ULL;
	return h;
}

int
smp_match_group_readings(const struct smp_readings *rs,
    struct smp_match_group **out, size_t *nout, struct smp_err *e)
{
	struct smp_match_group	*g;
	size_t			 i, j, ng = 0, nb = 16, *head, *next;

	*out = NULL;
	*nout = 0;
	while (nb < 2 * rs->n)
		nb *= 2;
	g = calloc(rs->n + 1, sizeof *g);
	head = malloc(nb * sizeof *head);
	next = malloc((rs->n + 1) * sizeof *next);
	if (g == NULL || head == NULL || next == NULL) {
		free(g), free(head), free(next);
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	}
	for (i = 0; i < nb; i++)
		head[i] = SIZE_MAX;
	for (i = 0; i < rs->n; i++) {
		const struct smp_reading *r = &rs->r[i];
		int			 dark = smp_readings_role(r->klass,
					    SMP_ROLE_SKIN) == SMP_ROLE_DARK;
		size_t			 b = group_hash(r->file, r->region) &
					    (nb - 1), *link = &head[b];

		/* The chain of bucket b holds every key hashing there. */
		for (j = *link; j != SIZE_MAX; link = &next[j], j = *link)
			if (strcmp(g[j].file, r->file) == 0 &&
			    strcmp(g[j].region, r->region) == 0 &&
			    !(dark ? g[j].have_dark : g[j].have_skin))
				break;
		if (j == SIZE_MAX) {
			j = ng++;
			g[j].file = r->file;
			g[j].region = r->region;
			g[j].white = r->white;
			next[j] = SIZE_MAX;
			*link = j;
		}
		smp_lab_adapt(&r->st.value, r->white, g[j].white,
		    dark ? &g[j].dark : &g[j].skin);
		if (dark)
			g[j].have_dark = 1;
		else
			g[j].have_skin = 1;
	}
	free(next);
	free(head);
	*out = g;
	*nout = ng;
	return 0;
}

int
smp_match_group_run(const struct smp_catalogue *cat,
    const struct smp_match_opts *o, const struct smp_match_request *rq,
    const struct smp_match_group *g, struct smp_match_result *res,
    struct smp_err *e)
{
	struct smp_lab	d65;

	memset(res, 0, sizeof *res);
	if (!g->have_skin)
		return smp_errf(e, SMP_E_INPUT, "%s: region %s: no skin "
		    "reading", g->file, g->region);
	if ((res->cand = calloc(cat->npig, sizeof *res->cand)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	res->ncand = cat->npig;
	smp_lab_adapt(&g->skin, g->white, SMP_WHITE_D65, &d65);
	res->ita = smp_ita(&d65);
	smp_match_skin_fit(&g->skin, g->white, o, &res->ms);
	if (rq->have_target) {
		struct smp_lab	t;

		smp_lab_adapt(&rq->target, rq->target_white, g->white, &t);
		smp_match_target_lab(&res->ms, o, &t, SMP_TARGET_GIVEN,
		    &res->tg);
	} else if (g->have_dark)
		smp_match_target_lab(&res->ms, o, &g->dark, SMP_TARGET_READING,
		    &res->tg);
	else
		smp_match_target_hair(&res->ms, o, &res->tg);
	smp_match_rank(cat, &res->ms, &res->tg, o, res->cand);
	return 0;
}

void
smp_match_group_clear(struct smp_match_result *res)
{
	free(res->cand);
	res->cand = NULL;
	res->ncand = 0;
}

int
smp_match_group_input(const char *path, const struct smp_sample_opts *so,
    struct smp_readings *rs, struct smp_match_group **g, size_t *ng,
    struct smp_err *e)
{
	int	r;

	memset(rs, 0, sizeof *rs);
	*g = NULL;
	*ng = 0;
	r = smp_image_sniff(path) ? smp_photo_sample(path, so, rs, e) :
	    smp_readings_read(path, so->white, rs, e);
	if (r == 0)
		r = smp_match_group_readings(rs, g, ng, e);
	if (r == -1)
		smp_readings_clear(rs);
	return r;
}

/* The batch: groups matched on worker threads, handed over in order. */
struct batch {
	const struct smp_catalogue	*cat;
	const struct smp_match_opts	*o;
	const struct smp_match_request	*rq;
	const struct smp_match_group	*g;
	smp_match_emit			 emit;
	void				*arg;
};

struct matched {
	struct smp_match_result	res;
	struct smp_err		e;
	int			ok;
};

static void *
batch_work(size_t i, void *arg)
{
	struct batch	*b = arg;
	struct matched	*m;

	if ((m = calloc(1, sizeof *m)) == NULL)
		return NULL;
	m->ok = smp_match_group_run(b->cat, b->o, b->rq, &b->g[i], &m->res,
	    &m->e) == 0;
	return m;
}

static int
batch_emit(size_t i, void *result, void *arg)
{
	struct batch	*b = arg;
	struct matched	*m = result;
	struct smp_err	 oom = SMP_ERR_INIT;
	int		 stop;

	if (m == NULL) {
		smp_errf(&oom, SMP_E_NOMEM, "%s: region %s: out of memory",
		    b->g[i].file, b->g[i].region);
		return b->emit(b->arg, &b->g[i], NULL, &oom);
	}
	stop = b->emit(b->arg, &b->g[i], m->ok ? &m->res : NULL, &m->e);
	smp_match_group_clear(&m->res);
	free(m);
	return stop;
}

int
smp_match_group_batch(const struct smp_catalogue *cat,
    const struct smp_match_opts *o, const struct smp_match_request *rq,
    const struct smp_match_group *g, size_t n, int jobs, smp_match_emit emit,
    void *arg, struct smp_err *e)
{
	struct batch	b = { cat, o, rq, g, emit, arg };

	return smp_pool_run(n, jobs, batch_work, batch_emit, &b, e);
}

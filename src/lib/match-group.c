/*
 * match-group.c: from readings to matches.  The rows of one input are
 * grouped by (file, region) in order of first appearance: a skin row (or
 * an unseparated one) is the client's skin, a dot or hair row the target
 * of the same group; a row joins the first group of its key that lacks
 * its role.  The groups of one key are chained from a hash table, so
 * grouping is linear in the rows.  A group's match reads the client's
 * test patch if there is one, fits the skin, takes the target (given, an
 * explicit hair colour, the group's dark reading, else the default hair),
 * ranks every pigment, weighs the ranking's uncertainty and raises the
 * flags; a batch does that on worker threads and hands the results over
 * in order.  The groups of the test-patch region are the patch, never
 * matched themselves.
 */
#include "config.h"

#include <math.h>
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
		double			 ci;
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
		ci = isfinite(r->st.ci95) ? r->st.ci95 : 0;
		if (dark)
			g[j].have_dark = 1, g[j].dark_ci = ci;
		else {
			g[j].have_skin = 1, g[j].skin_ci = ci;
			g[j].source = r->source;
			g[j].calib_de00 = r->calib_de00;
			g[j].calib_flags = r->calib_flags;
			g[j].over_white = r->over_white;
			g[j].inset = r->inset;
		}
	}
	free(next);
	free(head);
	*out = g;
	*nout = ng;
	return 0;
}

/* The client's test patch: its own skin, read as depth and strength. */
static int
patch_fit(const struct smp_catalogue *cat, const struct smp_match_opts *o,
    const struct smp_match_request *rq, const struct smp_match_group *g,
    const struct smp_match_group *pg, struct smp_patch_fit *pf)
{
	struct smp_match_skin	*ms;
	struct smp_lab		 obs;
	double			 ci = 0;

	if ((ms = malloc(sizeof *ms)) == NULL)
		return -1;
	if (rq->have_patch_lab) {
		smp_lab_adapt(&rq->patch_lab, rq->patch_white, g->white, &obs);
		smp_match_skin_fit(&g->skin, g->white, o, ms);
	} else {
		smp_lab_adapt(&pg->dark, pg->white, g->white, &obs);
		ci = pg->dark_ci;
		smp_match_skin_fit(&pg->skin, pg->white, o, ms);
	}
	smp_match_patch_fit(ms, o, &cat->pig[rq->patch_pig], rq->patch_dilution,
	    &obs, ci, pf);
	free(ms);
	return 0;
}

static void
choose_target(const struct smp_match_opts *o,
    const struct smp_match_request *rq, const struct smp_match_group *g,
    struct smp_match_result *res)
{
	struct smp_lab	t;

	if (rq->have_target) {
		smp_lab_adapt(&rq->target, rq->target_white, g->white, &t);
		smp_match_target_lab(&res->ms, o, &t, SMP_TARGET_GIVEN,
		    &res->tg);
	} else if (g->have_dark && !rq->have_hair)
		smp_match_target_lab(&res->ms, o, &g->dark, SMP_TARGET_READING,
		    &res->tg);
	else {
		smp_match_target_hair(&res->ms, o, o->hair, &res->tg);
		res->default_hair = !rq->have_hair;
	}
}

/* x as printed with one decimal, never -0.0. */
static double
nz(double x)
{
	return fabs(x) < 0.05 ? 0 : x;
}

/* The flags of what the ranking itself shows: no pigment near the target,
 * a dot that barely shows on the skin, an uncalibrated photo or one whose
 * calibration is flagged, a skin partly brighter than the chart's white,
 * and a reading less certain
 * than the gap between the first two. */
static unsigned
worries(const struct smp_match_result *res, const struct smp_match_group *g)
{
	const struct smp_candidate *c = res->cand;
	double		ci = g->skin_ci;
	unsigned	f = 0;

	if (res->tg.source == SMP_TARGET_READING && g->dark_ci > ci)
		ci = g->dark_ci;
	if (!(c[0].de00 <= SMP_MATCH_NO_MATCH))
		f |= SMP_FLAG_NO_MATCH;
	if (!(smp_delta_e(SMP_DE00, &g->skin, &c[0].dot) >= SMP_MATCH_FAINT))
		f |= SMP_FLAG_FAINT;
	if (g->source == SMP_PROF_ASSUMED_SRGB)
		f |= SMP_FLAG_UNCALIBRATED;
	if (g->over_white > SMP_OVER_WHITE_FLAG)
		f |= SMP_FLAG_OVER_WHITE;
	if (g->calib_flags != 0)
		f |= SMP_FLAG_POOR_CALIBRATION;
	if (res->ncand > 1 && ci > 0 && ci > fabs(c[1].de00 - c[0].de00))
		f |= SMP_FLAG_NOISY;
	return f;
}

int
smp_match_group_run(const struct smp_catalogue *cat,
    const struct smp_match_opts *o, const struct smp_match_request *rq,
    const struct smp_match_group *g, const struct smp_match_group *pg,
    struct smp_match_result *res, struct smp_err *e)
{
	struct smp_match_opts	mo = *o;
	struct smp_spread_in	in = { g->skin_ci, g->dark_ci, NULL };
	struct smp_lab		d65;

	memset(res, 0, sizeof *res);
	if (!g->have_skin)
		return smp_errf(e, SMP_E_INPUT, "%s: region %s: no skin "
		    "reading", g->file, g->region);
	if (!(g->skin.b > SMP_MATCH_SKIN_MIN_B))
		return smp_errf(e, SMP_E_INPUT, "%s: region %s: Lab %.1f, %.1f, "
		    "%.1f is not a skin colour (b* at most %g: grey or bluish)",
		    g->file, g->region, g->skin.L, nz(g->skin.a),
		    nz(g->skin.b), SMP_MATCH_SKIN_MIN_B);
	if ((res->cand = calloc(cat->npig, sizeof *res->cand)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	res->ncand = cat->npig;
	if (rq->have_patch) {
		if (patch_fit(cat, o, rq, g, pg, &res->patch) == -1) {
			smp_match_group_clear(res);
			return smp_errf(e, SMP_E_NOMEM, "out of memory");
		}
		res->have_patch = 1;
		mo.skin.d_above = res->patch.depth;
		mo.strength = res->patch.strength;
		in.patch = &res->patch;
	}
	smp_lab_adapt(&g->skin, g->white, SMP_WHITE_D65, &d65);
	res->ita = smp_ita(&d65);
	smp_match_skin_fit(&g->skin, g->white, &mo, &res->ms);
	choose_target(&mo, rq, g, res);
	smp_match_rank(cat, &res->ms, &res->tg, &mo, res->cand);
	if (smp_match_spread(cat, &res->ms, &res->tg, &mo, &in, res->cand,
	    res->ncand, e) == -1) {
		smp_match_group_clear(res);
		return -1;
	}
	res->nequiv = smp_match_spread_order(res->cand, res->ncand);
	if (res->ms.fit.de00 > SMP_MATCH_FIT_POOR)
		res->flags |= SMP_FLAG_SKIN_FIT;
	if (res->nequiv > 1)
		res->flags |= SMP_FLAG_EQUIVALENT;
	if (res->have_patch && res->patch.de00 > SMP_MATCH_FIT_POOR)
		res->flags |= SMP_FLAG_PATCH_FIT;
	if (res->cand[0].at_max)
		res->flags |= SMP_FLAG_MAX_DILUTION;
	res->flags |= worries(res, g);
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
	const struct smp_match_group	*g, *patch;
	size_t				*idx;	/* the groups to match */
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
	m->ok = smp_match_group_run(b->cat, b->o, b->rq, &b->g[b->idx[i]],
	    b->patch, &m->res, &m->e) == 0;
	return m;
}

static int
batch_emit(size_t i, void *result, void *arg)
{
	struct batch	*b = arg;
	struct matched	*m = result;
	const struct smp_match_group *g = &b->g[b->idx[i]];
	struct smp_err	 oom = SMP_ERR_INIT;
	int		 stop;

	if (m == NULL) {
		smp_errf(&oom, SMP_E_NOMEM, "%s: region %s: out of memory",
		    g->file, g->region);
		return b->emit(b->arg, g, NULL, &oom);
	}
	stop = b->emit(b->arg, g, m->ok ? &m->res : NULL, &m->e);
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
	struct batch	b = { cat, o, rq, g, NULL, NULL, emit, arg };
	size_t		i, k = 0;
	int		r;

	if ((b.idx = malloc((n + 1) * sizeof *b.idx)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	for (i = 0; i < n; i++) {
		int	is_patch = rq->patch_region != NULL &&
			    strcmp(g[i].region, rq->patch_region) == 0;

		if (is_patch && b.patch == NULL && g[i].have_dark &&
		    g[i].have_skin)
			b.patch = &g[i];
		if (!is_patch)
			b.idx[k++] = i;
	}
	if (rq->patch_region != NULL && b.patch == NULL && n > 0) {
		free(b.idx);
		return smp_errf(e, SMP_E_INPUT, "%s: region %s: no skin and "
		    "dots to read the test patch from", g[0].file,
		    rq->patch_region);
	}
	r = smp_pool_run(k, jobs, batch_work, batch_emit, &b, e);
	free(b.idx);
	return r;
}

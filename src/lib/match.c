/*
 * match.c: predict each catalogue pigment in a client's skin and rank the
 * pigments, each at its best dilution, against the target (smp-match(1),
 * smp-model(7)).
 *
 * The skin is fitted once (skin-fit.c).  What the fit leaves is carried by
 * a per-channel XYZ correction (reading / model skin), so that bare skin
 * reproduces the reading and the model supplies the change a deposit
 * makes; the correction is held within SMP_MATCH_CORR_MAX of 1, and a
 * reading the model cannot reach is flagged, not stretched.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

void
smp_match_defaults(struct smp_match_opts *o)
{
	memset(o, 0, sizeof *o);
	smp_skin_defaults(&o->skin);
	o->metric = SMP_DE00;
	o->view = SMP_VIEW_DOT;
	o->hair = SMP_HAIR_DARK_BROWN;
	o->dot_mm = 0.3;		/* assumption */
	o->pitch_mm = 1.0;		/* a follicular unit per mm^2 */
	o->yn = 2.0;			/* assumption */
	o->max_dilution = 30;
	o->strength = 1;
	o->draws = SMP_MATCH_DRAWS;
	o->depth_sd = 25e-4;		/* assumption */
	o->strength_sd = 0.40;		/* the derivation's interval */
	o->mus_sd = 0.3;		/* the fit's prior spread */
}

static void
corrected_lab(const struct smp_match_skin *ms, const double *R,
    struct smp_lab *lab)
{
	double	xyz[3];
	int	i;

	smp_spectrum_xyz(R, ms->white, xyz);
	for (i = 0; i < 3; i++)
		xyz[i] *= ms->corr[i];
	smp_spectrum_xyz_lab(xyz, ms->white, lab);
}

void
smp_match_skin_from(const struct smp_lab *lab, enum smp_white w,
    const struct smp_skin *s, double depth, double strength,
    struct smp_match_skin *ms)
{
	double	model[3];
	int	i;

	ms->lab = *lab;
	ms->white = w;
	ms->fit.s = *s;
	ms->depth = depth;
	ms->strength = strength;
	smp_skin_reflectance(s, ms->R);
	smp_spectrum_xyz(ms->R, w, model);
	smp_spectrum_lab_xyz(lab, w, ms->xyz);
	ms->corr_clamped = 0;
	for (i = 0; i < 3; i++) {
		double	c = model[i] > 0 ? ms->xyz[i] / model[i] : 1;

		if (c > 1 + SMP_MATCH_CORR_MAX || c < 1 - SMP_MATCH_CORR_MAX) {
			c = fmin(fmax(c, 1 - SMP_MATCH_CORR_MAX),
			    1 + SMP_MATCH_CORR_MAX);
			ms->corr_clamped = 1;
		}
		ms->corr[i] = c;
	}
	smp_stack_init(&ms->deposit, s, depth);
}

void
smp_match_skin_fit(const struct smp_lab *lab, enum smp_white w,
    const struct smp_match_opts *o, struct smp_match_skin *ms)
{
	memset(ms, 0, sizeof *ms);
	smp_skin_fit(lab, w, &o->skin, &ms->fit);
	smp_match_skin_from(lab, w, &ms->fit.s, o->skin.d_above,
	    o->strength, ms);
}

/* Colours of a reflectance under the client's skin model: the dot and,
 * when blend is wanted, the stipple blended at coverage. */
void
smp_match_colours(const struct smp_match_skin *ms,
    const struct smp_match_opts *o, const double *R, struct smp_lab *dot,
    struct smp_lab *blend)
{
	double	Rb[SMP_BANDS];

	corrected_lab(ms, R, dot);
	if (blend != NULL) {
		smp_halftone_yule_nielsen(R, ms->R, smp_halftone_coverage(o),
		    o->yn, Rb);
		corrected_lab(ms, Rb, blend);
	}
}

void
smp_match_render(const struct smp_match_skin *ms,
    const struct smp_match_opts *o, const double *mua, const double *mus,
    double load, struct smp_lab *dot, struct smp_lab *blend)
{
	double	R[SMP_BANDS];

	smp_stack_reflectance(&ms->deposit, mua, mus, load * ms->strength, R);
	smp_match_colours(ms, o, R, dot, blend);
}

struct dilsearch {
	const struct smp_match_skin	*ms;
	const struct smp_match_opts	*o;
	const struct smp_pigment	*p;
	const struct smp_lab		*ref;
};

/* Metric against the target in the chosen view at t = ln(1 + r). */
static double
dil_cost(const struct dilsearch *d, double t, struct smp_candidate *c)
{
	struct smp_lab	dot, blend;
	int		want_blend = d->o->view == SMP_VIEW_BLEND;

	smp_match_render(d->ms, d->o, d->p->mua, d->p->mus, exp(-t), &dot,
	    want_blend || c != NULL ? &blend : NULL);
	if (c != NULL)
		c->dot = dot, c->blend = blend;
	return smp_delta_e(d->o->metric, d->ref, want_blend ? &blend : &dot);
}

#define DIL_GRID	7
#define DIL_TOL		1e-3	/* in ln(1 + r): 0.1 % of 1 + r */
#define DIL_MIN_TOL	1e-2	/* the minimum's level matters, not where */
#define DIL_MAXIT	30
#define DIL_TIE		0.02	/* metric units: "the same look" */

static double
dil_fn(void *arg, double t)
{
	return dil_cost(arg, t, NULL);
}

struct tie {
	const struct dilsearch	*d;
	double			 level;
};

static double
tie_fn(void *arg, double t)
{
	const struct tie	*tie = arg;

	return dil_cost(tie->d, t, NULL) - tie->level;
}

/* Coarse scan in ln(1 + r), then Brent's method between the best node's
 * neighbours. */
static void
dil_optimise(const struct dilsearch *d, struct smp_candidate *c)
{
	double		tmax = log1p(d->o->max_dilution), f[DIL_GRID];
	double		lo, hi, fb, t;
	int		i, best = 0;

	for (i = 0; i < DIL_GRID; i++) {
		f[i] = dil_cost(d, tmax * i / (DIL_GRID - 1), NULL);
		if (f[i] < f[best])
			best = i;
	}
	lo = tmax * (best > 0 ? best - 1 : 0) / (DIL_GRID - 1);
	hi = tmax * (best < DIL_GRID - 1 ? best + 1 : best) / (DIL_GRID - 1);
	t = smp_solve_min_1d(dil_fn, (void *)d, lo, hi, DIL_MIN_TOL, DIL_MAXIT,
	    &fb);
	/* The ends of the range are candidates in their own right. */
	if (best == 0 && f[0] <= fb)
		t = 0, fb = f[0];
	if (best == DIL_GRID - 1 && f[DIL_GRID - 1] <= fb)
		t = tmax, fb = f[DIL_GRID - 1];
	/* the best look is at the limit: more water would do better */
	c->at_max = tmax > 0 && t >= tmax - DIL_MIN_TOL;
	/* Of the dilutions that look the same as the best, report the
	 * strongest: past saturation water changes nothing visible, and the
	 * extra ink is a reserve against fading. */
	if (f[0] <= fb + DIL_TIE)
		t = 0;
	else {
		struct tie	tie = { d, fb + DIL_TIE };

		t = smp_solve_root_1d(tie_fn, &tie, 0, f[0] - tie.level, t,
		    fb - tie.level, DIL_TOL, DIL_MAXIT);
	}
	c->de = dil_cost(d, t, c);
	c->dilution = expm1(t);
	c->load = exp(-t);
}

static int
cand_cmp(const void *a, const void *b)
{
	const struct smp_candidate *x = a, *y = b;

	if (x->de != y->de)
		return x->de < y->de ? -1 : 1;
	return x->pig - y->pig;
}

void
smp_match_rank(const struct smp_catalogue *cat, const struct smp_match_skin *ms,
    const struct smp_target *t, const struct smp_match_opts *o,
    struct smp_candidate *out)
{
	struct dilsearch	d;
	size_t			i;

	d.ms = ms, d.o = o;
	d.ref = o->view == SMP_VIEW_BLEND ? &t->blend : &t->dot;
	for (i = 0; i < cat->npig; i++) {
		d.p = &cat->pig[i];
		memset(&out[i], 0, sizeof out[i]);
		out[i].pig = (int)i;
		dil_optimise(&d, &out[i]);
		out[i].de00 = smp_delta_e(SMP_DE00, d.ref,
		    o->view == SMP_VIEW_BLEND ? &out[i].blend : &out[i].dot);
	}
	qsort(out, cat->npig, sizeof *out, cand_cmp);
}

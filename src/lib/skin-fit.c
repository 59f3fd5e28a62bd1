/*
 * skin-fit.c: the skin's seven optical freedoms fitted to a reading
 * (smp-model(7) "Skin fit").
 *
 * Three numbers (L*, a*, b*) cannot fix seven parameters, so the fit is a
 * maximum a posteriori estimate: the Lab residual in units of SIGMA_LAB
 * plus, for every parameter, its distance from a published centre in
 * units of a stated spread, each parameter held inside hard bounds by a
 * logistic map (log-scaled for the positive ones).  Levenberg-Marquardt
 * from the best of a few starting melanin fractions.
 *
 * The fit also keeps what a small change of the reading does to it (the
 * Gauss-Newton normal matrix at the solution), so that the uncertainty
 * of match-spread.c can refit the skin for each draw without searching.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "smp.h"

/* Lab units per unit residual: how closely the model should follow the
 * reading against the priors (assumption; a quarter of the 1.0 dE00
 * just-noticeable difference). */
#define SIGMA_LAB	0.25
#define MAXIT		60

/* lo, hi: hard bounds; centre and spread: the prior (spread in natural
 * log units where lg is set).  Sources in smp-model(7). */
static const struct skin_param {
	size_t	off;
	double	lo, hi, centre, spread;
	int	lg;
} params[SMP_SKIN_NPAR] = {
	/* OMLC 1998: melanosomes 1.3-43 % of the epidermis */
	{ offsetof(struct smp_skin, f_mel), 0.01, 0.45, 0.05, 1.5, 1 },
	/* Del Bino et al. 2015: 26 % pheomelanin at every ITA */
	{ offsetof(struct smp_skin, f_pheo), 0.1, 0.5, 0.26, 0.1, 0 },
	/* OMLC 1998: 0.2 % average; the scalp is vascular (assumption) */
	{ offsetof(struct smp_skin, f_blood), 0.002, 0.10, 0.02, 1.0, 1 },
	/* mixed arterial (0.97) and venous (about 0.7) blood: assumption */
	{ offsetof(struct smp_skin, sto2), 0.4, 1.0, 0.75, 0.1, 0 },
	/* scalp epidermis 60-100 um (Brandwood Clinic), widened */
	{ offsetof(struct smp_skin, d_epi), 40e-4, 150e-4, 70e-4, 0.25, 1 },
	/* Jacques 2013: skin a' = 46 cm^-1 at 500 nm */
	{ offsetof(struct smp_skin, mus500), 20, 80, 46, 0.3, 1 },
	/* OMLC 1998: Rayleigh 32.0 of 49.9 cm^-1 at 500 nm */
	{ offsetof(struct smp_skin, f_ray), 0.0, 0.8, 0.641, 0.15, 0 },
};

static double *
field(struct smp_skin *s, int j)
{
	return (double *)((char *)s + params[j].off);
}

/* u -> the parameter: logistic between the bounds, in log space where lg
 * is set; g is the prior's coordinate (log or linear) and dg its
 * derivative with respect to u. */
static double
param_of(int j, double u, double *g, double *dg)
{
	const struct skin_param *p = &params[j];
	double	sg = 1 / (1 + exp(-u)), lo = p->lg ? log(p->lo) : p->lo;
	double	hi = p->lg ? log(p->hi) : p->hi, v = lo + (hi - lo) * sg;

	if (g != NULL)
		*g = v;
	if (dg != NULL)
		*dg = (hi - lo) * sg * (1 - sg);
	return p->lg ? exp(v) : v;
}

static double
u_of(int j, double v)
{
	const struct skin_param *p = &params[j];
	double	lo = p->lg ? log(p->lo) : p->lo, hi = p->lg ? log(p->hi) : p->hi;
	double	s = ((p->lg ? log(v) : v) - lo) / (hi - lo);

	s = s < 1e-6 ? 1e-6 : s > 1 - 1e-6 ? 1 - 1e-6 : s;
	return log(s / (1 - s));
}

void
smp_skin_fit_apply(const double *u, struct smp_skin *s)
{
	int	j;

	for (j = 0; j < SMP_SKIN_NPAR; j++)
		*field(s, j) = param_of(j, u[j], NULL, NULL);
}

struct fit {
	struct smp_skin		s;
	struct smp_lab		target;
	enum smp_white		w;
};

static void
model_lab(struct fit *f, const double *u, struct smp_lab *lab)
{
	double	R[SMP_BANDS];

	smp_skin_fit_apply(u, &f->s);
	smp_skin_reflectance(&f->s, R);
	smp_spectrum_lab(R, f->w, lab);
}

static void
resid(void *arg, const double *u, double *r)
{
	struct fit	*f = arg;
	struct smp_lab	 lab;
	int		 j;

	model_lab(f, u, &lab);
	r[0] = (lab.L - f->target.L) / SIGMA_LAB;
	r[1] = (lab.a - f->target.a) / SIGMA_LAB;
	r[2] = (lab.b - f->target.b) / SIGMA_LAB;
	for (j = 0; j < SMP_SKIN_NPAR; j++) {
		const struct skin_param *p = &params[j];
		double	g, c = p->lg ? log(p->centre) : p->centre;

		param_of(j, u[j], &g, NULL);
		r[3 + j] = (g - c) / p->spread;
	}
}

static double
cost_at(struct fit *f, const double *u)
{
	double	r[3 + SMP_SKIN_NPAR], c = 0;
	int	i;

	resid(f, u, r);
	for (i = 0; i < 3 + SMP_SKIN_NPAR; i++)
		c += r[i] * r[i];
	return c;
}

double
smp_skin_fit(const struct smp_lab *lab, enum smp_white w,
    const struct smp_skin *geometry, struct smp_skin_fit *out)
{
	static const double	starts[] = { 0.012, 0.03, 0.07, 0.15, 0.3 };
	struct fit		f;
	double			u[SMP_SKIN_NPAR], best[SMP_SKIN_NPAR];
	double			J[(3 + SMP_SKIN_NPAR) * SMP_SKIN_NPAR];
	double			c, bc = INFINITY;
	struct smp_lab		got;
	size_t			k;
	int			i, j, m;

	memset(out, 0, sizeof *out);
	f.s = *geometry, f.target = *lab, f.w = w;
	for (j = 0; j < SMP_SKIN_NPAR; j++)
		u[j] = u_of(j, params[j].centre);
	for (k = 0; k < sizeof starts / sizeof starts[0]; k++) {
		u[0] = u_of(0, starts[k]);
		if ((c = cost_at(&f, u)) < bc)
			bc = c, memcpy(best, u, sizeof u);
	}
	smp_solve_lm(resid, &f, best, SMP_SKIN_NPAR, 3 + SMP_SKIN_NPAR, MAXIT,
	    J);
	model_lab(&f, best, &got);
	out->s = f.s;
	out->de00 = smp_delta_e(SMP_DE00, lab, &got);
	memcpy(out->u, best, sizeof best);
	/* The Gauss-Newton normal matrix and the Lab rows of J, per Lab
	 * unit: what a changed reading asks of the parameters. */
	m = 3 + SMP_SKIN_NPAR;
	for (i = 0; i < SMP_SKIN_NPAR; i++)
		for (j = 0; j < SMP_SKIN_NPAR; j++) {
			double	s = 0;

			for (k = 0; k < (size_t)m; k++)
				s += J[k * SMP_SKIN_NPAR + i] *
				    J[k * SMP_SKIN_NPAR + j];
			out->H[i][j] = s;
		}
	for (i = 0; i < 3; i++)
		for (j = 0; j < SMP_SKIN_NPAR; j++)
			out->Jlab[i][j] = J[i * SMP_SKIN_NPAR + j] / SIGMA_LAB;
	return out->de00;
}

/* Refit for a reading changed by dlab with the scattering amplitude
 * changed by the factor mus_factor (held there): one Gauss-Newton step
 * from the solution over the other six parameters. */
void
smp_skin_fit_perturb(const struct smp_skin_fit *f, const double *dlab,
    double mus_factor, struct smp_skin *out)
{
	enum { MUS = 5 };
	double	A[SMP_SKIN_NPAR * SMP_SKIN_NPAR], b[SMP_SKIN_NPAR];
	double	x[SMP_SKIN_NPAR], u[SMP_SKIN_NPAR], dm;
	int	i, j, n = 0, idx[SMP_SKIN_NPAR];

	memcpy(u, f->u, sizeof u);
	u[MUS] = u_of(MUS, fmin(fmax(f->s.mus500 * mus_factor,
	    params[MUS].lo * 1.0001), params[MUS].hi * 0.9999));
	dm = u[MUS] - f->u[MUS];
	for (i = 0; i < SMP_SKIN_NPAR; i++)
		if (i != MUS)
			idx[n++] = i;
	for (i = 0; i < n; i++) {
		double	g = 0;

		for (j = 0; j < 3; j++)
			g += f->Jlab[j][idx[i]] * dlab[j];
		b[i] = g - f->H[idx[i]][MUS] * dm;
		for (j = 0; j < n; j++)
			A[i * n + j] = f->H[idx[i]][idx[j]];
	}
	*out = f->s;
	if (smp_solve_linear(A, b, n, x) == 0)
		for (i = 0; i < n; i++)
			u[idx[i]] += x[i];
	smp_skin_fit_apply(u, out);
}

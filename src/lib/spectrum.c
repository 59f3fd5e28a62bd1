/*
 * spectrum.c: colorimetry of a 31-band reflectance (400..700 nm, 10 nm).
 *
 * Tables, 10-nm entries of the 5-nm CIE tables:
 * - CIE 1931 2-degree colour-matching functions: CIE 015:2018 / CIE
 *   dataset 204 (files.cie.co.at/204.xls), the CIE's own 1931 table;
 * - CIE standard illuminant D65: the same dataset (CIE 015 Table T.1);
 * - CIE illuminant D50: CIE 015:2004 tables (D-series computed at
 *   5003 K, the values the ICC uses).
 * The unit tests check the white points they give against the CIE
 * chromaticities of D65 and D50 (tests/unit/test-optics.c).
 *
 * Tristimulus values are plain sums over the 31 bands normalised to
 * Y = 1 for the perfect white of the same grid, and Lab is taken by lcms2
 * against that white, so that a perfect reflector is L* 100 on every
 * grid.
 */
#include "config.h"

#include <lcms2.h>
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "smp.h"

static const double cmf[SMP_BANDS][3] = {
	{ 0.01431, 0.000396, 0.06785 },	/* 400 */
	{ 0.04351, 0.00121, 0.2074 },
	{ 0.13438, 0.004, 0.6456 },
	{ 0.2839, 0.0116, 1.3856 },
	{ 0.34828, 0.023, 1.74706 },
	{ 0.3362, 0.038, 1.77211 },	/* 450 */
	{ 0.2908, 0.06, 1.6692 },
	{ 0.19536, 0.09098, 1.28764 },
	{ 0.09564, 0.13902, 0.81295 },
	{ 0.03201, 0.20802, 0.46518 },
	{ 0.0049, 0.323, 0.272 },	/* 500 */
	{ 0.0093, 0.503, 0.1582 },
	{ 0.06327, 0.71, 0.07825 },
	{ 0.1655, 0.862, 0.04216 },
	{ 0.2904, 0.954, 0.0203 },
	{ 0.43345, 0.99495, 0.00875 },	/* 550 */
	{ 0.5945, 0.995, 0.0039 },
	{ 0.7621, 0.952, 0.0021 },
	{ 0.9163, 0.87, 0.00165 },
	{ 1.0263, 0.757, 0.0011 },
	{ 1.0622, 0.631, 0.0008 },	/* 600 */
	{ 1.0026, 0.503, 0.00034 },
	{ 0.85445, 0.381, 0.00019 },
	{ 0.6424, 0.265, 0.00005 },
	{ 0.4479, 0.175, 0.00002 },
	{ 0.2835, 0.107, 0 },		/* 650 */
	{ 0.1649, 0.061, 0 },
	{ 0.0874, 0.032, 0 },
	{ 0.04677, 0.017, 0 },
	{ 0.0227, 0.00821, 0 },
	{ 0.011359, 0.004102, 0 }	/* 700 */
};

static const double d65[SMP_BANDS] = {
	82.7549, 91.486, 93.4318, 86.6823, 104.865, 117.008, 117.812,
	114.861, 115.923, 108.811, 109.354, 107.802, 104.79, 107.689,
	104.405, 104.046, 100, 96.3342, 95.788, 88.6856, 90.0062, 89.5991,
	87.6987, 83.2886, 83.6992, 80.0268, 80.2146, 82.2778, 78.2842,
	69.7213, 71.6091
};

static const double d50[SMP_BANDS] = {
	49.308, 56.513, 60.034, 57.818, 74.825, 87.247, 90.612, 91.368,
	95.109, 91.963, 95.724, 96.613, 97.129, 102.099, 100.755, 102.317,
	100.000, 97.735, 98.918, 93.499, 97.688, 99.269, 99.042, 95.722,
	98.857, 95.667, 98.190, 103.003, 99.133, 87.381, 91.604
};

void
smp_spectrum_xyz(const double *R, enum smp_white w, double *xyz)
{
	const double	*S = w == SMP_WHITE_D50 ? d50 : d65;
	double		 n = 0;
	int		 i;

	xyz[0] = xyz[1] = xyz[2] = 0;
	for (i = 0; i < SMP_BANDS; i++) {
		double	sr = S[i] * (R != NULL ? R[i] : 1);

		xyz[0] += sr * cmf[i][0];
		xyz[1] += sr * cmf[i][1];
		xyz[2] += sr * cmf[i][2];
		n += S[i] * cmf[i][1];
	}
	xyz[0] /= n, xyz[1] /= n, xyz[2] /= n;
}

/* The perfect white of each illuminant, computed once per process. */
static cmsCIEXYZ	whites[2];
static pthread_once_t	whites_once = PTHREAD_ONCE_INIT;

static void
whites_init(void)
{
	double	v[3];
	int	w;

	for (w = 0; w < 2; w++) {
		smp_spectrum_xyz(NULL, (enum smp_white)w, v);
		whites[w].X = v[0], whites[w].Y = v[1], whites[w].Z = v[2];
	}
}

static const cmsCIEXYZ *
white_of(enum smp_white w)
{
	pthread_once(&whites_once, whites_init);
	return &whites[w == SMP_WHITE_D50 ? SMP_WHITE_D50 : SMP_WHITE_D65];
}

void
smp_spectrum_white(enum smp_white w, double *xyz)
{
	const cmsCIEXYZ	*c = white_of(w);

	xyz[0] = c->X, xyz[1] = c->Y, xyz[2] = c->Z;
}

void
smp_spectrum_xyz_lab(const double *xyz, enum smp_white w, struct smp_lab *lab)
{
	cmsCIEXYZ	c;
	cmsCIELab	l;

	c.X = xyz[0], c.Y = xyz[1], c.Z = xyz[2];
	cmsXYZ2Lab(white_of(w), &l, &c);
	lab->L = l.L, lab->a = l.a, lab->b = l.b;
}

void
smp_spectrum_lab_xyz(const struct smp_lab *lab, enum smp_white w, double *xyz)
{
	cmsCIEXYZ	c;
	cmsCIELab	l;

	l.L = lab->L, l.a = lab->a, l.b = lab->b;
	cmsLab2XYZ(white_of(w), &c, &l);
	xyz[0] = c.X, xyz[1] = c.Y, xyz[2] = c.Z;
}

void
smp_spectrum_lab(const double *R, enum smp_white w, struct smp_lab *lab)
{
	double	xyz[3];

	smp_spectrum_xyz(R, w, xyz);
	smp_spectrum_xyz_lab(xyz, w, lab);
}

/* The smoothest reflectance of a colour (Burns 2020, "Numerical methods
 * for smoothest reflectance reconstruction", Color Res Appl 45:8): the
 * spectrum R = (tanh(z) + 1) / 2, so 0 < R < 1, whose z has the least sum
 * of squared differences between neighbouring bands, subject to its
 * tristimulus values being the colour's; Newton's method on the
 * Lagrangian from z = 0.  -1 when it does not converge (a colour outside
 * the object-colour solid). */
int
smp_spectrum_smoothest(const struct smp_lab *lab, enum smp_white w,
    double *R)
{
	enum { N = SMP_BANDS, M = SMP_BANDS + 3 };
	double		A[N][3], t[3], z[N], l[3] = { 0, 0, 0 }, F[M], d[M];
	double		e[N] = { 0 };
	int		i, j, k, it;

	smp_spectrum_lab_xyz(lab, w, t);
	for (i = 0; i < N; i++) {
		e[i] = 1;
		smp_spectrum_xyz(e, w, A[i]);
		e[i] = 0;
		z[i] = 0;
	}
	for (it = 0; it < 100; it++) {
		double	Jl[M * M], err = 0;

		memset(Jl, 0, sizeof Jl);
		for (k = 0; k < 3; k++)
			F[N + k] = -t[k];
		for (i = 0; i < N; i++) {
			double	th = tanh(z[i]), dR = (1 - th * th) / 2;
			double	d2R = -th * (1 - th * th), al = 0;
			double	dd = i == 0 || i == N - 1 ? 2 : 4;

			for (k = 0; k < 3; k++) {
				al += A[i][k] * l[k];
				F[N + k] += A[i][k] * (th + 1) / 2;
				Jl[i * M + N + k] = dR * A[i][k];
				Jl[(N + k) * M + i] = dR * A[i][k];
			}
			F[i] = dd * z[i] + dR * al;
			if (i > 0)
				F[i] -= 2 * z[i - 1];
			if (i < N - 1)
				F[i] -= 2 * z[i + 1];
			Jl[i * M + i] = dd + d2R * al;
			if (i > 0)
				Jl[i * M + i - 1] = -2;
			if (i < N - 1)
				Jl[i * M + i + 1] = -2;
		}
		for (j = 0; j < M; j++) {
			err = fmax(err, fabs(F[j]));
			F[j] = -F[j];
		}
		if (err < 1e-12)
			break;
		if (smp_solve_linear(Jl, F, M, d) == -1)
			return -1;
		for (i = 0; i < N; i++)
			z[i] += fmax(-2, fmin(2, d[i]));
		for (k = 0; k < 3; k++)
			l[k] += d[N + k];
	}
	for (i = 0; i < N; i++)
		R[i] = (tanh(z[i]) + 1) / 2;
	return it < 100 ? 0 : -1;
}

/*
 * tissue.c: the optical coefficients of skin, per band of the 31-band
 * grid, cm^-1: melanosome (eumelanin) and melanin-free baseline
 * absorption and dermal reduced scattering (Jacques, OMLC "Skin Optics"
 * 1998), and whole-blood absorption from oxy-haemoglobin (Prahl's
 * tabulation, 150 g/L).  Computed once per process.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>

#include "smp.h"
#include "smp-internal.h"

/* Oxy-haemoglobin molar extinction, cm^-1/M, the piecewise-linear
 * approximation through Prahl's values in SCIENCE.md Appendix A. */
static const double hbo2[][2] = {
	{ 400, 266232 }, { 414, 524280 }, { 430, 214120 }, { 450, 62816 },
	{ 480, 26629 }, { 500, 20932 }, { 520, 24202 }, { 542, 53236 },
	{ 560, 32613 }, { 576, 55540 }, { 590, 14400 }, { 600, 3200 },
	{ 620, 942 }, { 650, 368 }, { 700, 290 }
};

static double
eps_hbo2(double nm)
{
	size_t	i;

	for (i = 1; i < sizeof hbo2 / sizeof hbo2[0]; i++)
		if (nm <= hbo2[i][0]) {
			double	t = (nm - hbo2[i - 1][0]) /
			    (hbo2[i][0] - hbo2[i - 1][0]);

			return hbo2[i - 1][1] + t * (hbo2[i][1] -
			    hbo2[i - 1][1]);
		}
	return hbo2[sizeof hbo2 / sizeof hbo2[0] - 1][1];
}

double
smp_tissue_mua_melanin(double nm)
{
	return 6.6e11 * pow(nm, -3.33);		/* OMLC 1998 */
}

static double
mua_base(double nm)
{
	return 0.244 + 85.3 * exp(-(nm - 154) / 66.2);	/* OMLC 1998 */
}

static double
mua_blood(double nm)
{
	return 2.303 * eps_hbo2(nm) * 150 / 64500;	/* 150 g/L Hb */
}

static double
mus_dermis(double nm)
{
	return 2e12 * pow(nm, -4) + 2e5 * pow(nm, -1.5);	/* OMLC 1998 */
}

/* The per-band tissue coefficients, computed once per process. */
static struct {
	double	base[SMP_BANDS], mel[SMP_BANDS], blood[SMP_BANDS];
	double	mus[SMP_BANDS];
} tissue;
static pthread_once_t	tissue_once = PTHREAD_ONCE_INIT;

static void
tissue_init(void)
{
	int	i;

	for (i = 0; i < SMP_BANDS; i++) {
		double	nm = SMP_BAND_NM(i);

		tissue.base[i] = mua_base(nm);
		tissue.mel[i] = smp_tissue_mua_melanin(nm);
		tissue.blood[i] = mua_blood(nm);
		tissue.mus[i] = mus_dermis(nm);
	}
}

/* Epidermal and dermal absorption and the shared reduced scattering of
 * band i, cm^-1 (initialised on first use). */
void
smp__tissue_band(const struct smp_skin *s, int i, double *mua_e, double *mua_d,
    double *mus)
{
	double	base;

	pthread_once(&tissue_once, tissue_init);
	base = tissue.base[i];

	*mus = s->mus_scale * tissue.mus[i];
	*mua_e = s->f_mel * tissue.mel[i] + (1 - s->f_mel) * base;
	*mua_d = s->f_blood * tissue.blood[i] + (1 - s->f_blood) * base;
}

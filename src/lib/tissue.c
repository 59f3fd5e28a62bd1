/*
 * tissue.c: the optical coefficients of skin on the 31-band grid, cm^-1
 * (smp-model(7) "Skin").
 *
 * - Eumelanin inside melanosomes, 6.6e11 nm^-3.33 (Jacques, OMLC "Skin
 *   Optics" 1998); pheomelanin 2.9e15 nm^-4.75 (the coefficients of
 *   Donner & Jensen 2006, "A spectral BSSRDF for shading human skin").
 * - Melanin-free baseline, 0.244 + 85.3 exp(-(nm - 154) / 66.2) (OMLC
 *   1998), in both layers.
 * - Whole blood, 150 g/L haemoglobin of 64,500 g/mol, from the molar
 *   extinction of oxy- and deoxy-haemoglobin tabulated by Prahl (OMLC
 *   "Tabulated molar extinction coefficient for hemoglobin in water",
 *   after Gratzer and Kollias), at every 10 nm.
 * - Reduced scattering, the same in epidermis and dermis, in the form of
 *   Jacques 2013 (Phys Med Biol 58:R37, eq. 2): a' (f_ray (nm/500)^-4 +
 *   (1 - f_ray) (nm/500)^-1.5), whose Mie exponent 1.5 is OMLC 1998's;
 *   a' = 49.9 and f_ray = 0.641 give OMLC 1998's 2e12 nm^-4 + 2e5 nm^-1.5.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>

#include "smp.h"
#include "smp-internal.h"

/* Molar extinction, cm^-1/M, oxy- and deoxy-haemoglobin, 400..700 nm. */
static const double hb[SMP_BANDS][2] = {
	{ 266232, 223296 }, { 466840, 303956 }, { 480360, 407560 },
	{ 246072, 528600 }, { 102580, 413280 }, { 62816, 103292 },
	{ 44480, 23388.8 }, { 33209.2, 16156.4 }, { 26629.2, 14550 },
	{ 23684.4, 16684 }, { 20932.8, 20862 }, { 20035.2, 25773.6 },
	{ 24202.4, 31589.6 }, { 39956.8, 39036.4 }, { 53236, 46592 },
	{ 43016, 53412 }, { 32613.2, 53788 }, { 44496, 45072 },
	{ 50104, 37020 }, { 14400.8, 28324.4 }, { 3200, 14677.2 },
	{ 1506, 9443.6 }, { 942, 6509.6 }, { 610, 5148.8 },
	{ 442, 4345.2 }, { 368, 3750.12 }, { 319.6, 3226.56 },
	{ 294, 2795.12 }, { 277.6, 2407.92 }, { 276, 2051.96 },
	{ 290, 1794.28 }
};

#define HB_G_PER_L	150.0
#define HB_G_PER_MOL	64500.0
#define MIE_EXPONENT	1.5

double
smp_tissue_mua_eumelanin(double nm)
{
	return 6.6e11 * pow(nm, -3.33);
}

double
smp_tissue_mua_pheomelanin(double nm)
{
	return 2.9e15 * pow(nm, -4.75);
}

static double
mua_base(double nm)
{
	return 0.244 + 85.3 * exp(-(nm - 154) / 66.2);
}

/* The per-band spectra, computed once per process. */
static struct {
	double	base[SMP_BANDS], eu[SMP_BANDS], pheo[SMP_BANDS];
	double	oxy[SMP_BANDS], deoxy[SMP_BANDS];
	double	ray[SMP_BANDS], mie[SMP_BANDS];	/* scattering shapes */
} tissue;
static pthread_once_t	tissue_once = PTHREAD_ONCE_INIT;

static void
tissue_init(void)
{
	double	k = 2.303 * HB_G_PER_L / HB_G_PER_MOL;
	int	i;

	for (i = 0; i < SMP_BANDS; i++) {
		double	nm = SMP_BAND_NM(i), x = nm / 500;

		tissue.base[i] = mua_base(nm);
		tissue.eu[i] = smp_tissue_mua_eumelanin(nm);
		tissue.pheo[i] = smp_tissue_mua_pheomelanin(nm);
		tissue.oxy[i] = k * hb[i][0];
		tissue.deoxy[i] = k * hb[i][1];
		tissue.ray[i] = pow(x, -4);
		tissue.mie[i] = pow(x, -MIE_EXPONENT);
	}
}

void
smp__tissue_band(const struct smp_skin *s, int i, double *mua_e, double *mua_d,
    double *mus)
{
	double	mel, blood;

	pthread_once(&tissue_once, tissue_init);
	mel = (1 - s->f_pheo) * tissue.eu[i] + s->f_pheo * tissue.pheo[i];
	blood = s->sto2 * tissue.oxy[i] + (1 - s->sto2) * tissue.deoxy[i];
	*mus = s->mus500 * (s->f_ray * tissue.ray[i] + (1 - s->f_ray) *
	    tissue.mie[i]);
	*mua_e = s->f_mel * mel + (1 - s->f_mel) * tissue.base[i];
	*mua_d = s->f_blood * blood + (1 - s->f_blood) * tissue.base[i];
}

/*
 * skin.c: bare skin as layered Kubelka-Munk (smp-model(7) "Skin"): an
 * epidermis with melanin (d_epi) over a semi-infinite dermis with blood,
 * then the surface; and the epidermis over any backing (a hair shaft in
 * its follicle).  Coefficients in cm^-1 (tissue.c), thicknesses in cm.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "smp.h"
#include "smp-internal.h"
#include "km.h"

/* The centres of the fit's priors (skin-fit.c) and the deposit's default
 * geometry (smp-model(7) "Deposit"). */
void
smp_skin_defaults(struct smp_skin *s)
{
	memset(s, 0, sizeof *s);
	s->f_mel = 0.05;
	s->f_pheo = 0.26;	/* Del Bino et al. 2015: 26 % pheomelanin */
	s->f_blood = 0.02;
	s->sto2 = 0.75;
	s->d_epi = 70e-4;
	s->mus500 = 46;		/* Jacques 2013, skin */
	s->f_ray = 0.641;	/* OMLC 1998: 32.0 of 49.9 cm^-1 at 500 nm */
	s->d_above = 25e-4;	/* just below the epidermis: assumption */
	s->d_pig = 150e-4;	/* the papillary dermis: assumption */
	s->k1 = 0.03;		/* Saunderson 1942, n = 1.44 */
	s->k2 = 0.5;		/* assumption */
}

/* Without a deposit, everything under the epidermis is one semi-infinite
 * dermis. */
void
smp_skin_reflectance(const struct smp_skin *s, double *R)
{
	int	i;

	for (i = 0; i < SMP_BANDS; i++) {
		double	mua_e, mua_d, mus, K, S, Re, Te;

		smp__tissue_band(s, i, &mua_e, &mua_d, &mus);
		km_ks(mua_e, mus, &K, &S);
		km_layer(K, S, s->d_epi, &Re, &Te);
		km_ks(mua_d, mus, &K, &S);
		R[i] = saunderson(s->k1, s->k2, km_stack(Re, Re, Te,
		    km_inf(K, S)));
	}
}

void
smp_skin_over(const struct smp_skin *s, const double *Rb, double *R)
{
	int	i;

	for (i = 0; i < SMP_BANDS; i++) {
		double	mua_e, mua_d, mus, K, S, Re, Te;

		smp__tissue_band(s, i, &mua_e, &mua_d, &mus);
		km_ks(mua_e, mus, &K, &S);
		km_layer(K, S, s->d_epi, &Re, &Te);
		R[i] = saunderson(s->k1, s->k2, km_stack(Re, Re, Te, Rb[i]));
	}
}

/*
 * hair.c: the body reflectance of scalp hair fibres per --hair colour
 * (smp-model(7) "Follicle").
 *
 * Black and dark brown are measured colours of hair tresses, CIELAB D65
 * (J Cosmet Sci 2000;51(5), "Measurement of hair luster"): black hair on
 * a cylindrical holder, specular component excluded, L* 18.00, a* 0.02,
 * b* -0.91 (Table IV); dark-brown hair at the paper's reference
 * conditions, L* 23.59, a* 3.87, b* 4.73 (Table III).  The paper used the
 * 10-degree observer; the spectra here are the smoothest ones (Burns
 * 2020) that give those numbers to the 2-degree observer.
 *
 * Brown and grey are not measured there; they are made from dark brown
 * and an unpigmented fibre (assumption: L* 70, a* 0, b* 12, keratin's
 * yellowish white): brown has a third of dark brown's pigment
 * absorption (Kubelka-Munk K/S), grey is salt and pepper, half the
 * fibres unpigmented (reflectances averaged).  Both are assumptions.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>

#include "smp.h"

static const struct smp_lab	black = { 18.00, 0.02, -0.91 };
static const struct smp_lab	dark_brown = { 23.59, 3.87, 4.73 };
static const struct smp_lab	unpigmented = { 70, 0, 12 };

#define BROWN_SHARE	(1.0 / 3)	/* of dark brown's pigment */
#define GREY_WHITE	0.5		/* unpigmented fibres */

static double		hair[4][SMP_BANDS];
static pthread_once_t	hair_once = PTHREAD_ONCE_INIT;

static double
ks(double R)
{
	return (1 - R) * (1 - R) / (2 * R);
}

static void
hair_init(void)
{
	double	white[SMP_BANDS];
	int	i;

	smp_spectrum_smoothest(&black, SMP_WHITE_D65, hair[SMP_HAIR_BLACK]);
	smp_spectrum_smoothest(&dark_brown, SMP_WHITE_D65,
	    hair[SMP_HAIR_DARK_BROWN]);
	smp_spectrum_smoothest(&unpigmented, SMP_WHITE_D65, white);
	for (i = 0; i < SMP_BANDS; i++) {
		double	db = hair[SMP_HAIR_DARK_BROWN][i];
		double	k = ks(white[i]) + BROWN_SHARE * (ks(db) - ks(white[i]));

		hair[SMP_HAIR_BROWN][i] = 1 + k - sqrt(k * k + 2 * k);
		hair[SMP_HAIR_GREY][i] = GREY_WHITE * white[i] +
		    (1 - GREY_WHITE) * db;
	}
}

void
smp_hair_reflectance(enum smp_hair h, double *R)
{
	int	i;

	pthread_once(&hair_once, hair_init);
	for (i = 0; i < SMP_BANDS; i++)
		R[i] = hair[h][i];
}

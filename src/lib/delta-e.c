/*
 * delta-e.c: colour differences, every one computed by lcms2 (CIEDE2000
 * is checked against Sharma's 34 pairs by the tests; lcms2's CIE94
 * constants and CMC's argument order are in smp(7)).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"

double
smp_delta_e(enum smp_metric m, const struct smp_lab *ref,
    const struct smp_lab *sample)
{
	cmsCIELab	r = { ref->L, ref->a, ref->b };
	cmsCIELab	s = { sample->L, sample->a, sample->b };

	switch (m) {
	case SMP_DE00:
		return cmsCIE2000DeltaE(&r, &s, 1.0, 1.0, 1.0);
	case SMP_DE94:
		return cmsCIE94DeltaE(&r, &s);
	case SMP_CMC:
		/* CMC(2:1), the acceptability form; asymmetric: ref first. */
		return cmsCMCdeltaE(&r, &s, 2.0, 1.0);
	case SMP_DE76:
		return cmsDeltaE(&r, &s);
	}
	return NAN;
}

/* CIEDE2000 with kC = kH = 1e6: its lightness term |dL'| / S_L alone, the
 * chroma, hue and rotation terms a millionth of their size. */
double
smp_delta_e_lightness(const struct smp_lab *a, const struct smp_lab *b)
{
	cmsCIELab	r = { a->L, a->a, a->b };
	cmsCIELab	s = { b->L, b->a, b->b };

	return cmsCIE2000DeltaE(&r, &s, 1.0, 1e6, 1e6);
}

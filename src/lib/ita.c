/*
 * ita.c: the Individual Typology Angle of a skin colour (Chardon, Cretois
 * & Hourseau 1991) and the six classes of Del Bino et al. 2006, lower
 * bound exclusive.
 */
#include "config.h"

#include <math.h>

#include "smp.h"

double
smp_ita(const struct smp_lab *lab)
{
	if (!(lab->b > 0) || !isfinite(lab->L))
		return NAN;
	return atan2(lab->L - 50.0, lab->b) * 180.0 / M_PI;
}

const char *
smp_ita_class(double ita)
{
	if (isnan(ita))
		return "undefined";
	if (ita > 55)
		return "very_light";
	if (ita > 41)
		return "light";
	if (ita > 28)
		return "intermediate";
	if (ita > 10)
		return "tan";
	if (ita > -30)
		return "brown";
	return "dark";
}

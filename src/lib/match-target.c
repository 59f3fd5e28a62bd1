/*
 * match-target.c: what the dots should look like: a natural follicle of a
 * hair colour rendered through the client's skin, or a measured or given
 * colour, each as a dot and as blended at a distance.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "smp.h"

/* Melanosome volume fraction of the hair-bearing follicle layer per hair
 * colour: assumption, chosen so that black is past the saturation knee
 * and grey is faint (SCIENCE.md 2.3 saturation; DESIGN.md 4.3). */
static double
hair_melanin(enum smp_hair h)
{
	switch (h) {
	case SMP_HAIR_BLACK:
		return 0.50;
	case SMP_HAIR_DARK_BROWN:
		return 0.12;
	case SMP_HAIR_BROWN:
		return 0.05;
	case SMP_HAIR_GREY:
		break;
	}
	return 0.015;
}

void
smp_match_target_hair(const struct smp_match_skin *ms,
    const struct smp_match_opts *o, struct smp_target *t)
{
	double	mua[SMP_BANDS];
	int	i;

	for (i = 0; i < SMP_BANDS; i++)
		mua[i] = hair_melanin(o->hair) *
		    smp_tissue_mua_melanin(SMP_BAND_NM(i));
	smp_match_render(ms, &ms->follicle, o, mua, NULL, 1, &t->dot,
	    &t->blend);
	t->source = SMP_TARGET_HAIR;
}

void
smp_match_target_lab(const struct smp_match_skin *ms,
    const struct smp_match_opts *o, const struct smp_lab *lab,
    enum smp_target_source src, struct smp_target *t)
{
	double	xyz[3], b[3];

	t->dot = *lab;
	smp_spectrum_lab_xyz(lab, ms->white, xyz);
	smp_halftone_yule_nielsen_xyz(xyz, ms->xyz, smp_halftone_coverage(o), o->yn, b);
	smp_spectrum_xyz_lab(b, ms->white, &t->blend);
	t->source = src;
}

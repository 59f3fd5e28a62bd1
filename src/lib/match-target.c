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
static const struct {
	const char	*name;
	double		 f;
} hairs[] = {
	{ "black", 0.50 }, { "dark-brown", 0.12 }, { "brown", 0.05 },
	{ "grey", 0.015 }
};

int
smp_hair_parse(const char *s, enum smp_hair *h, struct smp_err *e)
{
	size_t	i;

	for (i = 0; i < sizeof hairs / sizeof hairs[0]; i++)
		if (strcmp(s, hairs[i].name) == 0) {
			*h = (enum smp_hair)i;
			return 0;
		}
	return smp_errf(e, SMP_E_USAGE, "unknown hair colour '%s' "
	    "(black, dark-brown, brown or grey)", s);
}

const char *
smp_hair_name(enum smp_hair h)
{
	return hairs[h].name;
}

static double
hair_melanin(enum smp_hair h)
{
	return hairs[h].f;
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

/*
 * match-target.c: what the dots should look like, as a dot and as blended
 * at a distance: a shaved follicle of a hair colour under the client's
 * own epidermis, or a measured or given colour (smp-model(7)
 * "Follicle").
 *
 * A shaved follicle is the hair shaft in the follicle canal, whose upper
 * wall (the infundibulum) is epidermis: the model puts the fibre's body
 * reflectance (hair.c) directly under the client's fitted epidermis, with
 * no dermis between, independent of where the pigment is deposited.  The
 * cut end at the surface (darker) and the shaft's deeper, oblique course
 * (lighter) are left out (assumption: they roughly cancel).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "smp.h"

void
smp_match_target_hair_skin(const struct smp_match_skin *ms,
    const struct smp_skin *s, const struct smp_match_opts *o,
    enum smp_hair h, struct smp_target *t)
{
	double	Rh[SMP_BANDS], R[SMP_BANDS];

	smp_hair_reflectance(h, Rh);
	smp_skin_over(s, Rh, R);
	smp_match_colours(ms, o, R, &t->dot, &t->blend);
	t->source = SMP_TARGET_HAIR;
	t->hair = h;
}

void
smp_match_target_hair(const struct smp_match_skin *ms,
    const struct smp_match_opts *o, enum smp_hair h, struct smp_target *t)
{
	smp_match_target_hair_skin(ms, &ms->fit.s, o, h, t);
}

void
smp_match_target_lab(const struct smp_match_skin *ms,
    const struct smp_match_opts *o, const struct smp_lab *lab,
    enum smp_target_source src, struct smp_target *t)
{
	double	xyz[3], b[3];

	t->dot = *lab;
	smp_spectrum_lab_xyz(lab, ms->white, xyz);
	smp_halftone_yule_nielsen_xyz(xyz, ms->xyz, smp_halftone_coverage(o),
	    o->yn, b);
	smp_spectrum_xyz_lab(b, ms->white, &t->blend);
	t->source = src;
	t->hair = o->hair;
}

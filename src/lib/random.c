/*
 * random.c: reproducible pseudo-random numbers for the Monte Carlo of
 * match-spread.c: SplitMix64 (Steele, Lea & Flood 2014) for uniforms,
 * Box-Muller for normals.  A fixed seed gives the same draws on every
 * machine and for every -j.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>

#include "smp.h"

void
smp_random_seed(struct smp_random *r, uint64_t seed)
{
	r->state = seed;
	r->have_spare = 0;
}

/* Uniform in (0, 1): the top 53 bits, never 0. */
double
smp_random_uniform(struct smp_random *r)
{
	uint64_t	z = (r->state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return ((z >> 11) + 0.5) / 9007199254740992.0;
}

double
smp_random_normal(struct smp_random *r)
{
	double	u, v, m;

	if (r->have_spare) {
		r->have_spare = 0;
		return r->spare;
	}
	u = smp_random_uniform(r);
	v = smp_random_uniform(r);
	m = sqrt(-2 * log(u));
	r->spare = m * sin(2 * M_PI * v);
	r->have_spare = 1;
	return m * cos(2 * M_PI * v);
}

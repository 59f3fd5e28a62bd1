/*
 * stack.c: skin with a pigment deposit, layered Kubelka-Munk.  Top to
 * bottom: epidermis (melanin, d_epi) / pigment-free dermis (d_above) /
 * deposit (d_pig, dermis plus pigment) / semi-infinite dermis, then the
 * Saunderson surface correction.  Everything above the deposit is
 * combined once per skin (smp_stack_init), so a reflectance costs one
 * layer per band.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "smp.h"
#include "smp-internal.h"
#include "km.h"

void
smp_stack_init(struct smp_stack *st, const struct smp_skin *s, double d_above)
{
	int	i;

		memset(st, 0, sizeof *st);
	st->d_pig = s->d_pig;
	st->k1 = s->k1;
	st->k2 = s->k2;
	for (i = 0; i < SMP_BANDS; i++) {
		double	mua_e, mua_d, mus, K, S, Re, Te, Rd, Td;

		smp__tissue_band(s, i, &mua_e, &mua_d, &mus);

		st->mua[i] = mua_d;
		st->mus[i] = mus;
		km_ks(mua_e, mus, &K, &S);	/* epidermal mus' = dermal */
		km_layer(K, S, s->d_epi, &Re, &Te);
		km_ks(mua_d, mus, &K, &S);
		km_layer(K, S, d_above, &Rd, &Td);
		km_combine(Re, Te, Rd, Td, &st->R1[i], &st->R1b[i], &st->T1[i]);
		st->Rg[i] = km_inf(K, S);
	}
}

void
smp_stack_reflectance(const struct smp_stack *st, const double *mua_add,
    const double *mus_add, double load, double *R)
{
	int	i;

	for (i = 0; i < SMP_BANDS; i++) {
		double	mua = st->mua[i], mus = st->mus[i], K, S, Rp, Tp, r;

		if (load > 0) {
			if (mua_add != NULL)
				mua += load * mua_add[i];
			if (mus_add != NULL)
				mus += load * mus_add[i];
		}
		km_ks(mua, mus, &K, &S);
		km_layer(K, S, st->d_pig, &Rp, &Tp);
		r = km_stack(Rp, Rp, Tp, st->Rg[i]);
		r = km_stack(st->R1[i], st->R1b[i], st->T1[i], r);
		R[i] = saunderson(st->k1, st->k2, r);
	}
}

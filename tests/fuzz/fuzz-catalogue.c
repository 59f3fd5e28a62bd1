/* fuzz-catalogue.c: a pigment catalogue (smp-catalogue(5)); when one loads,
 * each pigment is ranked once for a fixed skin, as smp-match would. */
#include "config.h"

#include <stdlib.h>

#include "smp.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smp_catalogue	*cat;
	struct smp_err		 e = SMP_ERR_INIT;

	if (smp_catalogue_load(fuzz_path(data, size), &cat, &e) == -1)
		return 0;
	if (cat->npig <= 32) {
		static const struct smp_lab	 skin = { 60, 12, 16 };
		struct smp_match_opts		 o;
		struct smp_match_skin		 ms;
		struct smp_target		 t;
		struct smp_candidate		*c;

		smp_match_defaults(&o);
		smp_match_skin_fit(&skin, SMP_WHITE_D50, &o, &ms);
		smp_match_target_hair(&ms, &o, o.hair, &t);
		if ((c = calloc(cat->npig, sizeof *c)) != NULL)
			smp_match_rank(cat, &ms, &t, &o, c);
		free(c);
	}
	smp_catalogue_free(cat);
	return 0;
}

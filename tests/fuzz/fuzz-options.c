/* fuzz-options.c: the option parsers every tool uses: regions, numbers,
 * Lab triples, sizes and counts, dates, and the named choices. */
#include "config.h"

#include "smp.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char		*s = fuzz_string(data, size);
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_region	 r;
	double			 d, v[3];
	long			 l;
	uint64_t		 u;
	const struct smp_names	*t[] = { &smp_names_white, &smp_names_metric,
		&smp_names_stat, &smp_names_model, &smp_names_hair,
		&smp_names_view, &smp_names_edition, &smp_names_source };
	size_t			 i;
	int			 choice;

	if (smp_region_parse(s, &r, &e) == 0)
		smp_region_clear(&r);
	smp_err_clear(&e);
	smp_parse_double(s, -1e9, 1e9, &d, &e);
	smp_err_clear(&e);
	smp_parse_long(s, -1000000, 1000000, &l, &e);
	smp_err_clear(&e);
	smp_parse_doubles(s, v, 3, &e);
	smp_err_clear(&e);
	smp_parse_size(s, &u, &e);
	smp_err_clear(&e);
	smp_parse_count(s, &u, &e);
	smp_err_clear(&e);
	smp_date_parse(s, &l);
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		smp_names_parse(t[i], s, &choice, &e);
		smp_err_clear(&e);
	}
	return 0;
}

/* fuzz-series.c: a dated series for smp-fade --fit, read and, when it
 * reads, fitted against a one-component carbon catalogue. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "smp.h"
#include "fuzz.h"

#define MAX_OBS	64

static struct smp_catalogue *
carbon(void)
{
	static struct smp_catalogue	*cat;
	struct smp_err			 e = SMP_ERR_INIT;
	char				 path[] = "/tmp/fuzz-series-XXXXXX";
	FILE				*fp;
	int				 fd, i;

	if (cat != NULL)
		return cat;
	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w")) == NULL)
		abort();
	fprintf(fp, "smp-catalogue\t1\ncomponent\tcarbon\t0.0001\t0.67");
	for (i = 0; i < SMP_BANDS; i++)
		fprintf(fp, "\t%g", 300.0 * 550 / SMP_BAND_NM(i));
	for (i = 0; i < SMP_BANDS; i++)
		fprintf(fp, "\t0");
	fprintf(fp, "\npigment\tblack\tgeneric\tcarbon=1\tcarbon\n");
	fclose(fp);
	if (smp_catalogue_load(path, &cat, &e) == -1) {
		fprintf(stderr, "%s\n", e.msg);
		abort();
	}
	unlink(path);
	return cat;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smp_catalogue	*cat = carbon();
	struct smp_fade_series	 s = { 0 };
	struct smp_fade_opts	 fo;
	struct smp_match_opts	 mo;
	struct smp_fade_fitres	 r;
	struct smp_fade		 f;
	struct smp_err		 e = SMP_ERR_INIT;

	if (smp_fade_series_read(fuzz_path(data, size), SMP_WHITE_D50, &s,
	    &e) == -1)
		return 0;
	smp_match_defaults(&mo);
	smp_fade_defaults(&fo);
	if (s.n <= MAX_OBS && smp_fade_init(&f, cat, &cat->pig[0], &s.skin,
	    s.white, &mo, &fo, &e) == 0)
		smp_fade_fit(&f, s.obs, s.n, -2147483647L, 10, &r, &e);
	smp_fade_series_clear(&s);
	return 0;
}

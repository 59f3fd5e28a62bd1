/* fuzz-cgats.c: a ColorChecker reference file (CGATS, lcms2's IT8 parser
 * behind smp_chart_load_cie), as smp-calibrate --reference reads it. */
#include "config.h"

#include "smp.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smp_chart_ref	ref;
	struct smp_err		e = SMP_ERR_INIT;

	smp_chart_load_cie(fuzz_path(data, size), &ref, &e);
	return 0;
}

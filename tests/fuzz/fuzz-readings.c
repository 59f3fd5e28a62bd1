/* fuzz-readings.c: readings TSV (smp-sample output or L a b columns) as
 * smp-match and smp-fade read them. */
#include "config.h"

#include "smp.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smp_readings	rs = { 0 };
	struct smp_err		e = SMP_ERR_INIT;

	smp_readings_read(fuzz_path(data, size), SMP_WHITE_D50, &rs, &e);
	smp_readings_clear(&rs);
	return 0;
}

/*
 * grow.c: the doubling of record arrays (readings, pigments).
 */
#include "config.h"

#include <stdlib.h>

#include "smp.h"

void *
smp_grow_array(void *base, size_t *cap, size_t n, size_t size,
    struct smp_err *e)
{
	size_t	c;
	void	*q;

	if (n < *cap)
		return base;
	c = *cap ? 2 * *cap : 16;
	if ((q = realloc(base, c * size)) == NULL) {
		smp_errf(e, SMP_E_NOMEM, "out of memory");
		return NULL;
	}
	*cap = c;
	return q;
}

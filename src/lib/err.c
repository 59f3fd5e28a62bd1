/* err.c: the error record filled once where a failure is detected. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "smp.h"

int
smp_errf(struct smp_err *e, int code, const char *fmt, ...)
{
	va_list	ap;

	if (e == NULL || e->code != SMP_E_NONE)
		return -1;
	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void
smp_err_clear(struct smp_err *e)
{
	e->code = SMP_E_NONE;
	e->msg[0] = '\0';
}

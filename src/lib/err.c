/* err.c: the error record filled once where a failure is detected. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

/* Put "path: " in front of a filled error unless it already starts so. */
void
smp_err_prefix(struct smp_err *e, const char *path)
{
	char	msg[sizeof e->msg];
	int	code = e->code;

	if (strncmp(e->msg, path, strlen(path)) == 0)
		return;
	snprintf(msg, sizeof msg, "%s", e->msg);
	smp_err_clear(e);
	smp_errf(e, code, "%s: %s", path, msg);
}

void
smp_err_clear(struct smp_err *e)
{
	e->code = SMP_E_NONE;
	e->msg[0] = '\0';
}

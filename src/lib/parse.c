/*
 * parse.c: strict number parsing.  The whole string must be a number, in
 * the C locale whatever LC_NUMERIC says, finite and within range.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

/* strtod honours LC_NUMERIC; parse in a private C locale instead. */
static locale_t		c_locale;
static pthread_once_t	c_locale_once = PTHREAD_ONCE_INIT;

static void
c_locale_init(void)
{
	c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

static double
parse_strtod_c(const char *s, char **end)
{
	locale_t	old;
	double		v;

	pthread_once(&c_locale_once, c_locale_init);
	if (c_locale == (locale_t)0)
		return strtod(s, end);
	old = uselocale(c_locale);
	v = strtod(s, end);
	uselocale(old);
	return v;
}

int
smp_parse_double(const char *s, double min, double max, double *out,
    struct smp_err *e)
{
	char	*end;
	double	 v;

	if (s == NULL || *s == '\0')
		return smp_errf(e, SMP_E_USAGE, "empty number");
	/* Quote at most 40 bytes of what the user wrote. */
#define QUOTE(s)	40, (s), strlen(s) > 40 ? "..." : ""
	if (isspace((unsigned char)*s))
		return smp_errf(e, SMP_E_USAGE, "not a number: '%.*s%s'",
		    QUOTE(s));
	errno = 0;
	v = parse_strtod_c(s, &end);
	/* Decimal only: strtod's hexadecimal floats are not for users. */
	if (end == s || *end != '\0' || strpbrk(s, "xX") != NULL)
		return smp_errf(e, SMP_E_USAGE, "not a number: '%.*s%s'",
		    QUOTE(s));
	if (!isfinite(v) || errno == ERANGE)
		return smp_errf(e, SMP_E_USAGE, "not a finite number: '%.*s%s'",
		    QUOTE(s));
	if (v < min || v > max)
		return smp_errf(e, SMP_E_USAGE, "%.*s%s is out of range [%g, %g]",
		    QUOTE(s), min, max);
#undef QUOTE
	*out = v;
	return 0;
}

int
smp_parse_long(const char *s, long min, long max, long *out,
    struct smp_err *e)
{
	char	*end;
	long	 v;

	if (s == NULL || *s == '\0')
		return smp_errf(e, SMP_E_USAGE, "empty number");
	if (!isdigit((unsigned char)*s) && *s != '-' && *s != '+')
		return smp_errf(e, SMP_E_USAGE, "not an integer: '%s'", s);
	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end != '\0')
		return smp_errf(e, SMP_E_USAGE, "not an integer: '%s'", s);
	if (errno == ERANGE || v < min || v > max)
		return smp_errf(e, SMP_E_USAGE, "%s is out of range [%ld, %ld]",
		    s, min, max);
	*out = v;
	return 0;
}

int
smp_parse_doubles(const char *s, double *out, int n, struct smp_err *e)
{
	char	 buf[256];
	char	*p, *q;
	int	 i;

	if (strlen(s) >= sizeof buf)
		return smp_errf(e, SMP_E_USAGE, "list too long");
	memcpy(buf, s, strlen(s) + 1);
	p = buf;
	for (i = 0; i < n; i++) {
		q = strchr(p, ',');
		if (i < n - 1 && q == NULL)
			return smp_errf(e, SMP_E_USAGE,
			    "'%s': expected %d comma-separated numbers", s, n);
		if (i == n - 1 && q != NULL)
			return smp_errf(e, SMP_E_USAGE,
			    "'%s': expected %d comma-separated numbers", s, n);
		if (q != NULL)
			*q = '\0';
		if (smp_parse_double(p, -HUGE_VAL, HUGE_VAL, &out[i], e) == -1)
			return -1;
		if (q != NULL)
			p = q + 1;
	}
	return 0;
}

int
smp_parse_size(const char *s, uint64_t *out, struct smp_err *e)
{
	char		 buf[64];
	size_t		 len = strlen(s);
	uint64_t	 mul = 1;
	double		 v;

	if (len == 0 || len >= sizeof buf)
		return smp_errf(e, SMP_E_USAGE, "bad size: '%s'", s);
	memcpy(buf, s, len + 1);
	switch (buf[len - 1]) {
	case 'k': case 'K':
		mul = 1024;
		break;
	case 'm': case 'M':
		mul = 1024 * 1024;
		break;
	case 'g': case 'G':
		mul = 1024 * 1024 * 1024;
		break;
	}
	if (mul != 1)
		buf[len - 1] = '\0';
	/* As for counts, the range is the size's: 0.5G is 512M. */
	if (smp_parse_double(buf, 0, 1e15 / (double)mul, &v, e) == -1)
		return -1;
	if (v * (double)mul < 1)
		return smp_errf(e, SMP_E_USAGE, "'%s' is less than 1 byte", s);
	*out = (uint64_t)(v * (double)mul);
	return 0;
}

int
smp_parse_count(const char *s, uint64_t *out, struct smp_err *e)
{
	char	buf[64];
	size_t	n = strlen(s);
	double	mul = 1, v;

	if (n == 0 || n >= sizeof buf)
		return smp_errf(e, SMP_E_USAGE, "bad count: '%s'", s);
	memcpy(buf, s, n + 1);
	if (buf[n - 1] == 'M' || buf[n - 1] == 'm')
		mul = 1e6, buf[n - 1] = '\0';
	else if (buf[n - 1] == 'G' || buf[n - 1] == 'g')
		mul = 1e9, buf[n - 1] = '\0';
	/* The range is the count's, not the number's: 0.5M is 500000. */
	if (smp_parse_double(buf, 0, 1e15 / mul, &v, e) == -1)
		return -1;
	if (v * mul < 1)
		return smp_errf(e, SMP_E_USAGE, "'%s' is less than 1", s);
	*out = (uint64_t)llround(v * mul);
	return 0;
}

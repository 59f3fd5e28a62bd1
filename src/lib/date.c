/*
 * date.c: calendar dates as days since 1970-01-01 (proleptic Gregorian),
 * ISO 8601 in and out.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "smp.h"

static int
leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(long y, int m)
{
	static const int	d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };

	return d[m - 1] + (m == 2 && leap(y));
}

/* Days from 1970-01-01 to y-m-d.  Counting from March makes the leap day
 * the last day of the (shifted) year. */
long
smp_date_days(long y, int m, int d)
{
	long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
smp_date_civil(long days, long *y, int *m, int *d)
{
	long	z = days + 719468, era, doe, yoe, doy, mp;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

const char *
smp_date_invalid(const char *s)
{
	int	y, m, d, i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return "not a date YYYY-MM-DD";
	if (s[10] != '\0')
		return "not a date YYYY-MM-DD (no time after it)";
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900)
		return "a year before 1900 (dates are YYYY-MM-DD, 1900 to 9999)";
	if (m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return "no such day";
	return NULL;
}

int
smp_date_parse(const char *s, long *days)
{
	if (smp_date_invalid(s) != NULL)
		return -1;
	*days = smp_date_days((s[0] - '0') * 1000 + (s[1] - '0') * 100 +
	    (s[2] - '0') * 10 + (s[3] - '0'), (s[5] - '0') * 10 + (s[6] - '0'),
	    (s[8] - '0') * 10 + (s[9] - '0'));
	return 0;
}

void
smp_date_format(long days, char *out, size_t len)
{
	long	y;
	int	m, d;

	smp_date_civil(days, &y, &m, &d);
	snprintf(out, len, "%04ld-%02d-%02d", y, m, d);
}

/* The same day of the month n months later, or the month's last day. */
long
smp_date_add_months(long days, int n)
{
	long	y;
	int	m, d, k;

	smp_date_civil(days, &y, &m, &d);
	k = m - 1 + n;
	y += k >= 0 ? k / 12 : -((11 - k) / 12);
	m = ((k % 12) + 12) % 12 + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	return smp_date_days(y, m, d);
}

/* Calendar years: whole years are anniversaries (12 months on, the 29th
 * of February falling back to the 28th), the fraction a share of the
 * days to the next one; so a date a year on is t = 1.000 exactly, and the
 * two functions below undo each other to the day. */
long
smp_date_add_years(long days, double years)
{
	long	a, b;
	double	w;

	if (!isfinite(years))
		return days;
	w = floor(years);
	if (fabs(w) > 10000)
		return days + lround(years * SMP_DAYS_PER_YEAR);
	a = smp_date_add_months(days, 12 * (int)w);
	b = smp_date_add_months(days, 12 * ((int)w + 1));
	return a + lround((years - w) * (double)(b - a));
}

double
smp_date_years(long from, long to)
{
	long	a, b;
	int	w = (int)floor((to - from) / SMP_DAYS_PER_YEAR);

	if (abs(w) > 10000)
		return (to - from) / SMP_DAYS_PER_YEAR;
	while (smp_date_add_months(from, 12 * w) > to)
		w--;
	while (smp_date_add_months(from, 12 * (w + 1)) <= to)
		w++;
	a = smp_date_add_months(from, 12 * w);
	b = smp_date_add_months(from, 12 * (w + 1));
	return w + (double)(to - a) / (double)(b - a);
}

long
smp_date_today(void)
{
	time_t		now = time(NULL);
	struct tm	tm;

	localtime_r(&now, &tm);
	return smp_date_days(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday);
}

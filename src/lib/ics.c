/*
 * ics.c: an RFC 5545 calendar with one all-day reminder event and an
 * alarm two weeks before, for smp-fade --ics.  Deterministic: the UID is
 * a hash of the contents and DTSTAMP is the given stamp date.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "smp.h"

/* Content lines end in CRLF and fold before 75 octets (RFC 5545 3.1);
 * callers pass ASCII, so folding never splits a character. */
static void
line(struct smp_strbuf *o, const char *name, const char *value, int escape)
{
	char		buf[2048];
	size_t		n = 0, i, col;
	const char	*s;

	n = (size_t)snprintf(buf, sizeof buf, "%s:", name);
	for (s = value; *s != '\0' && n + 2 < sizeof buf; s++) {
		if (escape && (*s == '\\' || *s == ';' || *s == ',')) {
			buf[n++] = '\\';
			buf[n++] = *s;
		} else if (escape && *s == '\n') {
			buf[n++] = '\\';
			buf[n++] = 'n';
		} else
			buf[n++] = *s;
	}
	for (i = 0, col = 0; i < n; i++, col++) {
		if (col == 74) {
			smp_strbuf_printf(o, "\r\n ");
			col = 1;
		}
		smp_strbuf_printf(o, "%c", buf[i]);
	}
	smp_strbuf_printf(o, "\r\n");
}

static uint64_t
fnv1a(uint64_t h, const char *s)
{
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

int
smp_ics_write(const char *path, const struct smp_ics_event *ev,
    struct smp_err *e)
{
	struct smp_strbuf	o = { NULL, 0, 0, 0 };
	char			day[16], stamp[16], buf[64];
	long			y;
	int			m, d;
	uint64_t		h = 14695981039346656037ULL;

	smp_date_civil(ev->date, &y, &m, &d);
	snprintf(day, sizeof day, "%04ld%02d%02d", y, m, d);
	smp_date_civil(ev->stamp, &y, &m, &d);
	snprintf(stamp, sizeof stamp, "%04ld%02d%02d", y, m, d);
	h = fnv1a(fnv1a(fnv1a(h, day), ev->summary), ev->description);
	line(&o, "BEGIN", "VCALENDAR", 0);
	line(&o, "VERSION", "2.0", 0);
	line(&o, "PRODID", "-//smptools//smp-fade " PACKAGE_VERSION "//EN", 0);
	line(&o, "CALSCALE", "GREGORIAN", 0);
	line(&o, "BEGIN", "VEVENT", 0);
	snprintf(buf, sizeof buf, "smp-fade-%s-%016llx@smptools", day,
	    (unsigned long long)h);
	line(&o, "UID", buf, 0);
	snprintf(buf, sizeof buf, "%sT000000Z", stamp);
	line(&o, "DTSTAMP", buf, 0);
	line(&o, "DTSTART;VALUE=DATE", day, 0);
	smp_date_civil(ev->date + 1, &y, &m, &d);
	snprintf(buf, sizeof buf, "%04ld%02d%02d", y, m, d);
	line(&o, "DTEND;VALUE=DATE", buf, 0);
	line(&o, "SUMMARY", ev->summary, 1);
	line(&o, "DESCRIPTION", ev->description, 1);
	line(&o, "TRANSP", "TRANSPARENT", 0);
	line(&o, "BEGIN", "VALARM", 0);
	line(&o, "ACTION", "DISPLAY", 0);
	line(&o, "TRIGGER", "-P14D", 0);
	line(&o, "DESCRIPTION", ev->summary, 1);
	line(&o, "END", "VALARM", 0);
	line(&o, "END", "VEVENT", 0);
	line(&o, "END", "VCALENDAR", 0);
	return smp_strbuf_write(&o, path, e);
}

/*
 * region.c: parse REGION specifications (smp-sample(1)):
 * all, rect:X,Y,W,H, circle:CX,CY,R, mask:FILE.png, grid:COLSxROWS.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

static int
region_prefix(const char *s, const char *p, const char **rest)
{
	size_t	n = strlen(p);

	if (strncmp(s, p, n) != 0)
		return 0;
	*rest = s + n;
	return 1;
}

int
smp_region_parse(const char *spec, struct smp_region *r,
    struct smp_err *e)
{
	const char	*a;
	struct smp_err	 sub = SMP_ERR_INIT;
	char		*x, *end;
	long		 c, rw;
	int		 i;

	memset(r, 0, sizeof *r);
	if (strcmp(spec, "all") == 0)
		r->kind = SMP_REGION_ALL;
	else if (region_prefix(spec, "rect:", &a)) {
		r->kind = SMP_REGION_RECT;
		if (smp_parse_doubles(a, r->v, 4, &sub) == -1)
			return smp_errf(e, SMP_E_USAGE, "region '%s': %s",
			    spec, sub.msg);
		for (i = 0; i < 4; i++)
			if (r->v[i] != floor(r->v[i]) || r->v[i] < 0 ||
			    r->v[i] > 1e9)
				return smp_errf(e, SMP_E_USAGE, "region '%s': "
				    "X,Y,W,H must be whole pixels", spec);
		if (r->v[2] < 1 || r->v[3] < 1)
			return smp_errf(e, SMP_E_USAGE,
			    "region '%s': empty rectangle", spec);
	} else if (region_prefix(spec, "circle:", &a)) {
		r->kind = SMP_REGION_CIRCLE;
		if (smp_parse_doubles(a, r->v, 3, &sub) == -1)
			return smp_errf(e, SMP_E_USAGE, "region '%s': %s",
			    spec, sub.msg);
		if (r->v[2] <= 0 || r->v[0] < 0 || r->v[1] < 0 ||
		    r->v[0] > 1e9 || r->v[1] > 1e9 || r->v[2] > 1e9)
			return smp_errf(e, SMP_E_USAGE, "region '%s': centre "
			    "must be >= 0 and radius > 0", spec);
	} else if (region_prefix(spec, "mask:", &a)) {
		r->kind = SMP_REGION_MASK;
		if (*a == '\0')
			return smp_errf(e, SMP_E_USAGE,
			    "region '%s': no mask file", spec);
		if ((r->mask_path = strdup(a)) == NULL)
			return smp_errf(e, SMP_E_NOMEM, "out of memory");
	} else if (region_prefix(spec, "grid:", &a)) {
		r->kind = SMP_REGION_GRID;
		c = strtol(a, &end, 10);
		if (end == a || (*end != 'x' && *end != 'X') || c < 1 ||
		    c > 10000 || !(end[1] >= '0' && end[1] <= '9'))
			return smp_errf(e, SMP_E_USAGE,
			    "region '%s': expected grid:COLSxROWS", spec);
		x = end + 1;
		rw = strtol(x, &end, 10);
		if (end == x || *end != '\0' || rw < 1 || rw > 10000)
			return smp_errf(e, SMP_E_USAGE,
			    "region '%s': expected grid:COLSxROWS", spec);
		r->cols = (uint32_t)c;
		r->rows = (uint32_t)rw;
	} else
		return smp_errf(e, SMP_E_USAGE, "unknown region '%s' (all, "
		    "rect:X,Y,W,H, circle:CX,CY,R, mask:FILE, grid:CxR)", spec);
	if ((r->spec = strdup(spec)) == NULL) {
		smp_region_clear(r);
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	}
	return 0;
}

void
smp_region_clear(struct smp_region *r)
{
	free(r->spec);
	free(r->mask_path);
	memset(r, 0, sizeof *r);
}

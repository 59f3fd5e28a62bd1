/*
 * chart-sample.c: the full-resolution sampling of each patch's central
 * square (SMP_PATCH_SAMPLE of a pitch on a side), streaming only the rows
 * the chart covers.  Each patch's value is the mean of its pixels after
 * dropping those whose luminance lies more than 3 robust sigmas from the
 * median (dust, glare, a stray edge).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

struct csample {
	const struct smp_chart_found	*f;
	const struct smp_image_info	*in;
	double				 Hi[9];
	float				*val[SMP_CHART_PATCHES];
	size_t				 n[SMP_CHART_PATCHES];
	size_t				 cap[SMP_CHART_PATCHES];
	int				 lat[8][8];	/* lattice -> patch */
	int				 i0, j0;
	uint32_t			 x0, w;		/* stored columns read */
};

static int
csample_row(void *arg, uint32_t sy, const uint16_t *px, struct smp_err *e)
{
	struct csample	*c = arg;
	const struct smp_image_info *in = c->in;
	int		 ch = (int)in->model, nch = ch + 1, k;
	uint32_t	 sx, dx, dy;

	for (sx = c->x0; sx < c->x0 + c->w; sx++, px += nch) {
		double	u, v;
		long	i, j;

		smp_orient_to_display(in->orientation, in->width, in->height,
		    sx, sy, &dx, &dy);
		smp_homography_apply(c->Hi, dx + 0.5, dy + 0.5, &u, &v);
		i = lround(u), j = lround(v);
		if (fabs(u - i) > SMP_PATCH_SAMPLE / 2 ||
		    fabs(v - j) > SMP_PATCH_SAMPLE / 2 ||
		    i - c->i0 < 0 || i - c->i0 > 7 || j - c->j0 < 0 ||
		    j - c->j0 > 7 || px[ch] == 0)
			continue;
		k = c->lat[i - c->i0][j - c->j0];
		if (k < 0)
			continue;
		if (c->n[k] == c->cap[k]) {
			size_t	 nc = c->cap[k] ? 2 * c->cap[k] : 1024;
			float	*t = realloc(c->val[k], nc * 3 * sizeof *t);

			if (t == NULL)
				return smp_errf(e, SMP_E_NOMEM, "out of memory");
			c->val[k] = t;
			c->cap[k] = nc;
		}
		c->val[k][3 * c->n[k]] = px[0] / 65535.0f;
		c->val[k][3 * c->n[k] + 1] = px[ch == 1 ? 0 : 1] / 65535.0f;
		c->val[k][3 * c->n[k] + 2] = px[ch == 1 ? 0 : 2] / 65535.0f;
		c->n[k]++;
	}
	return 0;
}

/* Robust mean and sd of one patch's pixels (rule in the file comment). */
static int
patch_stats(const float *v, size_t n, struct smp_patch *p, struct smp_err *e)
{
	float	*y;
	double	 med, mad, s[3] = { 0, 0, 0 }, ss[3] = { 0, 0, 0 };
	size_t	 i, m = 0;
	int	 k;

	if ((y = malloc((n + 1) * sizeof *y)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	for (i = 0; i < n; i++)
		y[i] = v[3 * i] + v[3 * i + 1] + v[3 * i + 2];
	med = smp_stats_median(y, n);
	for (i = 0; i < n; i++)
		y[i] = (float)fabs(v[3 * i] + v[3 * i + 1] + v[3 * i + 2] - med);
	mad = 1.4826 * smp_stats_median(y, n);
	mad = fmax(mad, 0.003);
	free(y);
	for (i = 0; i < n; i++) {
		if (fabs(v[3 * i] + v[3 * i + 1] + v[3 * i + 2] - med) > 3 * mad)
			continue;
		for (k = 0; k < 3; k++)
			s[k] += v[3 * i + k];
		m++;
	}
	for (k = 0; k < 3; k++)
		p->rgb[k] = s[k] / (double)m;
	for (i = 0; i < n; i++) {
		if (fabs(v[3 * i] + v[3 * i + 1] + v[3 * i + 2] - med) > 3 * mad)
			continue;
		for (k = 0; k < 3; k++)
			ss[k] += (v[3 * i + k] - p->rgb[k]) *
			    (v[3 * i + k] - p->rgb[k]);
	}
	for (k = 0; k < 3; k++)
		p->sd[k] = m > 1 ? sqrt(ss[k] / (double)(m - 1)) : 0;
	p->n = m;
	return 0;
}

/* Refuse a chart with patches covered (chart-detect.c) or outside the
 * photo, naming them all. */
static int
hidden_error(const unsigned char *hidden, const char *path, struct smp_err *e)
{
	char	list[SMP_CHART_PATCHES * 32] = "";
	size_t	len = 0;
	int	k, n = 0;

	for (k = 0; k < SMP_CHART_PATCHES && len < sizeof list; k++) {
		if (!hidden[k])
			continue;
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%d (%s)",
		    n ? ", " : "", k + 1, smp_chart_patch_name(k));
		n++;
	}
	if (n == 0)
		return 0;
	return smp_errf(e, SMP_E_INPUT, "%s: %s %s covered or out of view",
	    path, n > 1 ? "patches" : "patch", list);
}

int
smp_chart_sample(struct smp_image *img, const struct smp_chart_found *f,
    struct smp_patch *p, struct smp_err *e)
{
	const char		*path = smp_image_path(img);
	const struct smp_image_info *in;
	struct csample		 c;
	struct smp_rect		 r;
	double			 x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
	double			 x, y;
	uint32_t		 sx, sy, sx0 = UINT32_MAX, sy0 = UINT32_MAX;
	uint32_t		 sx1 = 0, sy1 = 0;
	unsigned char		 hidden[SMP_CHART_PATCHES];
	int			 k, a, ret = -1;

	memset(&c, 0, sizeof c);
	in = smp_image_info(img);
	c.f = f;
	c.in = in;
	if (smp_homography_invert(f->H, c.Hi) == -1) {
		smp_errf(e, SMP_E_INPUT, "%s: degenerate chart geometry", path);
		goto out;
	}
	c.i0 = c.j0 = 1 << 20;
	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		c.i0 = f->lattice[k][0] < c.i0 ? f->lattice[k][0] : c.i0;
		c.j0 = f->lattice[k][1] < c.j0 ? f->lattice[k][1] : c.j0;
	}
	memset(c.lat, 0xff, sizeof c.lat);
	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		int	i = f->lattice[k][0] - c.i0, j = f->lattice[k][1] - c.j0;

		if (i >= 0 && i < 8 && j >= 0 && j < 8)
			c.lat[i][j] = k;
		/* Every sampled corner must lie inside the image. */
		hidden[k] = f->covered[k];
		for (a = 0; a < 4; a++) {
			smp_homography_apply(f->H, f->lattice[k][0] +
			    (a & 1 ? 0.5 : -0.5) * SMP_PATCH_SAMPLE,
			    f->lattice[k][1] + (a & 2 ? 0.5 : -0.5) *
			    SMP_PATCH_SAMPLE, &x, &y);
			if (!(x >= 0 && y >= 0 && x < in->disp_width &&
			    y < in->disp_height))
				hidden[k] = 1;
			x0 = fmin(x0, x), y0 = fmin(y0, y);
			x1 = fmax(x1, x), y1 = fmax(y1, y);
		}
		smp_homography_apply(f->H, f->lattice[k][0], f->lattice[k][1],
		    &p[k].x, &p[k].y);
	}
	if (hidden_error(hidden, path, e) == -1)
		goto out;
	/* The stored rows covering the chart's display bounding box. */
	for (a = 0; a < 4; a++) {
		smp_orient_to_stored(in->orientation, in->width, in->height,
		    (uint32_t)(a & 1 ? x1 : x0), (uint32_t)(a & 2 ? y1 : y0),
		    &sx, &sy);
		sx0 = sx < sx0 ? sx : sx0, sy0 = sy < sy0 ? sy : sy0;
		sx1 = sx > sx1 ? sx : sx1, sy1 = sy > sy1 ? sy : sy1;
	}
	r = (struct smp_rect){ sx0, sy0, sx1 - sx0 + 1, sy1 - sy0 + 1 };
	c.x0 = r.x;
	c.w = r.w;
	if (smp_image_read(img, &r, csample_row, &c, e) == -1)
		goto out;
	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		if (c.n[k] < 4) {
			smp_errf(e, SMP_E_INPUT, "%s: registration implausible: "
			    "patch %d (%s) covers %zu pixels", path, k + 1,
			    smp_chart_patch_name(k), c.n[k]);
			goto out;
		}
		if (patch_stats(c.val[k], c.n[k], &p[k], e) == -1)
			goto out;
	}
	ret = 0;
out:
	for (k = 0; k < SMP_CHART_PATCHES; k++)
		free(c.val[k]);
	return ret;
}

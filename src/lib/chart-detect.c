/*
 * chart-detect.c: find a ColorChecker Classic 24 in a photo.
 *
 * 1. A working copy of the photo, box-downsampled to at most
 *    DETECT_WORK_MAX pixels a side, in display orientation.  A photo
 *    more than twice that is first searched at DETECT_COARSE_MAX (a
 *    quarter of the pixels, the JPEG decoded at 1/8 scale) and again at
 *    DETECT_WORK_MAX only when no chart is found there.
 * 2. Connected components of flat pixels (small local gradient) whose
 *    neighbours have similar colour; those shaped like a filled square
 *    (second moments of a square, area close to the fitted square's) are
 *    candidate patches.
 * 3. From each candidate, the two shortest non-parallel steps to similar
 *    neighbours span a lattice; squares are assigned to lattice points and
 *    a homography is refitted until stable (perspective).
 * 4. A lattice whose squares fit in a 6 x 4 window (either way round) is a
 *    chart candidate; each placement of the window and each of its 8
 *    symmetries is scored by how well an affine fit maps the patch colours
 *    (sRGB-decoded) onto the reference XYZ, in CIEDE2000.  The best wins;
 *    orientation is decided by the colours, never by luck.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"
#include "smp-internal.h"

#define DETECT_WORK_MAX	1600
#define DETECT_COARSE_MAX	800
#define DETECT_FLAT	0.08	/* max local gradient of a patch pixel */
#define DETECT_JOIN	0.035	/* max neighbour difference in a patch */
#define DETECT_MIN_AREA	16
#define DETECT_MAX_SQ	4000
/* Working copies narrower than this whose chart was not found (placement
 * worse than calibrate.c accepts) are searched again DETECT_UP times
 * larger: a chart of 6-pixel patches has too few flat pixels at 1x. */
#define DETECT_RETRY_WIDTH	1000
#define DETECT_RETRY_SCORE	15.0
#define DETECT_UP		3

struct work {
	uint32_t	 w, h, f;	/* size and downsampling factor */
	int		 d;		/* the decoder's reduction (JPEG DCT) */
	float		*rgb;		/* w * h * 3, 0..1 */
	float		*acc;		/* sums while reading */
	uint32_t	*cnt;
	const struct smp_image_info *in;
};

struct square {
	double	x, y, side, area;
	float	rgb[3];
};

static int
work_row(void *arg, uint32_t sy, const uint16_t *px, struct smp_err *e)
{
	struct work	*w = arg;
	const struct smp_image_info *in = w->in;
	int		 ch = (int)in->model, nch = ch + 1, k;
	uint32_t	 d = (uint32_t)w->d, rw = (in->width + d - 1) / d;
	uint32_t	 rx, sx, fy, dx, dy;

	(void)e;
	/* A reduced pixel counts in the cell of its centre at full size. */
	fy = sy * d + d / 2;
	if (fy >= in->height)
		fy = in->height - 1;
	for (rx = 0; rx < rw; rx++, px += nch) {
		size_t	i;

		sx = rx * d + d / 2;
		if (sx >= in->width)
			sx = in->width - 1;
		smp_orient_to_display(in->orientation, in->width, in->height,
		    sx, fy, &dx, &dy);
		i = (size_t)(dy / w->f) * w->w + dx / w->f;
		for (k = 0; k < 3; k++)
			w->acc[3 * i + k] += px[ch == 1 ? 0 : k] / 65535.0f;
		w->cnt[i]++;
	}
	return 0;
}

/* The most the search holds for working copy w: the copy and its sums
 * (16 bytes a pixel), the square finder's 9, and for a small copy the
 * upsampled one searched again. */
static uint64_t
detect_bytes(const struct work *w)
{
	uint64_t	n = (uint64_t)w->w * w->h, b = n * (16 + 9);

	if (w->f == 1 && w->w < DETECT_RETRY_WIDTH && w->h < DETECT_RETRY_WIDTH)
		b += n * DETECT_UP * DETECT_UP * (12 + 9);
	return b + (uint64_t)DETECT_MAX_SQ * 64;
}

/* Decode the whole image once into a working copy of at most `max`
 * pixels a side. */
static int
work_load(struct smp_image *img, struct work *w, uint32_t max,
    struct smp_err *e)
{
	const struct smp_image_info *in = smp_image_info(img);
	uint32_t	 big = in->disp_width > in->disp_height ?
			    in->disp_width : in->disp_height;
	size_t		 i, n;

	if (in->model == SMP_CM_CMYK)
		return smp_errf(e, SMP_E_INPUT, "%s: a CMYK image cannot be a "
		    "camera capture", smp_image_path(img));
	w->in = in;
	w->f = (big + max - 1) / max;
	if (w->f < 1)
		w->f = 1;
	w->w = (in->disp_width + w->f - 1) / w->f;
	w->h = (in->disp_height + w->f - 1) / w->f;
	n = (size_t)w->w * w->h;
	if (smp_image_reserve(img, detect_bytes(w), e) == -1)
		return -1;
	if ((w->acc = calloc(n * 3, sizeof *w->acc)) == NULL ||
	    (w->cnt = calloc(n, sizeof *w->cnt)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	/* w->d is set before the first row, as work_row needs. */
	if (smp_image_read_reduced(img, (int)w->f, &w->d, work_row, w,
	    e) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		float	c = w->cnt[i] ? (float)w->cnt[i] : 1;

		w->acc[3 * i] /= c;
		w->acc[3 * i + 1] /= c;
		w->acc[3 * i + 2] /= c;
	}
	w->rgb = w->acc;
	w->acc = NULL;
	free(w->cnt);
	w->cnt = NULL;
	return 0;
}

static float
work_diff(const float *a, const float *b)
{
	return fmaxf(fabsf(a[0] - b[0]), fmaxf(fabsf(a[1] - b[1]),
	    fabsf(a[2] - b[2])));
}

static int
square_by_area(const void *a, const void *b)
{
	const struct square	*p = a, *q = b;

	return p->area < q->area ? 1 : p->area > q->area ? -1 :
	    p->y != q->y ? (p->y < q->y ? -1 : 1) : (p->x < q->x ? -1 :
	    p->x > q->x);
}

static int
square_by_scan(const void *a, const void *b)
{
	const struct square	*p = a, *q = b;

	return p->y != q->y ? (p->y < q->y ? -1 : 1) : (p->x < q->x ? -1 :
	    p->x > q->x);
}

/* Components of flat, similar pixels that look like filled squares, in
 * *out (the caller frees it).  Beyond DETECT_MAX_SQ (textured clutter
 * made of flat blocks) the largest are kept, in scan order: a chart's
 * patches are among the biggest flat squares of a photo. */
static size_t
find_squares(const struct work *w, struct square **out, struct smp_err *e)
{
	size_t		 n = (size_t)w->w * w->h, i, nsq = 0, cap = 0, top, head;
	struct square	*all = NULL, *grown;
	unsigned char	*flat;
	int32_t		*label, *stack;
	uint32_t	 x, y;

	flat = malloc(n);
	label = malloc(n * sizeof *label);
	stack = malloc(n * sizeof *stack);
	if (flat == NULL || label == NULL || stack == NULL) {
		free(flat), free(label), free(stack);
		smp_errf(e, SMP_E_NOMEM, "out of memory");
		return (size_t)-1;
	}
	for (y = 0; y < w->h; y++)
		for (x = 0; x < w->w; x++) {
			const float	*p = w->rgb + 3 * ((size_t)y * w->w + x);
			float		 g = 0;

			i = (size_t)y * w->w + x;
			label[i] = -1;
			if (x == 0 || y == 0 || x + 1 == w->w || y + 1 == w->h) {
				flat[i] = 0;
				continue;
			}
			g = fmaxf(work_diff(p - 3, p + 3),
			    work_diff(p - 3 * w->w, p + 3 * w->w));
			flat[i] = g < DETECT_FLAT;
		}
	for (i = 0; i < n; i++) {
		double	 sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, cr[3] = { 0 };
		double	 cx, cy, vxx, vyy, vxy, tr, det, l1, l2, a, b, area;
		size_t	 cnt = 0;

		if (!flat[i] || label[i] != -1)
			continue;
		top = 0;
		stack[top++] = (int32_t)i;
		label[i] = (int32_t)i;
		head = 0;
		while (head < top) {
			size_t		 p = (size_t)stack[head++];
			uint32_t	 px = (uint32_t)(p % w->w), py = (uint32_t)(p / w->w);
			size_t		 nb[4];
			int		 k, nn = 0;

			cnt++;
			sx += px, sy += py;
			sxx += (double)px * px, syy += (double)py * py;
			sxy += (double)px * py;
			for (k = 0; k < 3; k++)
				cr[k] += w->rgb[3 * p + k];
			if (px > 0)
				nb[nn++] = p - 1;
			if (px + 1 < w->w)
				nb[nn++] = p + 1;
			if (py > 0)
				nb[nn++] = p - w->w;
			if (py + 1 < w->h)
				nb[nn++] = p + w->w;
			for (k = 0; k < nn; k++) {
				size_t	q = nb[k];

				if (!flat[q] || label[q] != -1 ||
				    work_diff(w->rgb + 3 * p, w->rgb + 3 * q) >
				    DETECT_JOIN)
					continue;
				label[q] = (int32_t)i;
				stack[top++] = (int32_t)q;
			}
		}
		if (cnt < DETECT_MIN_AREA || cnt > n / 20)
			continue;
		area = (double)cnt;
		cx = sx / area, cy = sy / area;
		vxx = sxx / area - cx * cx + 1.0 / 12;
		vyy = syy / area - cy * cy + 1.0 / 12;
		vxy = sxy / area - cx * cy;
		tr = vxx + vyy;
		det = vxx * vyy - vxy * vxy;
		l1 = tr / 2 + sqrt(fmax(tr * tr / 4 - det, 0));
		l2 = tr / 2 - sqrt(fmax(tr * tr / 4 - det, 0));
		if (l2 <= 0)
			continue;
		/* A filled a x b rectangle has variances a^2/12 and b^2/12. */
		a = sqrt(12 * l1), b = sqrt(12 * l2);
		if (a / b > 1.6 || area / (a * b) < 0.8 || area / (a * b) > 1.15)
			continue;
		if (nsq == cap) {
			cap = cap ? 2 * cap : DETECT_MAX_SQ;
			if ((grown = realloc(all, cap * sizeof *all)) == NULL) {
				free(all), free(flat), free(label), free(stack);
				smp_errf(e, SMP_E_NOMEM, "out of memory");
				return (size_t)-1;
			}
			all = grown;
		}
		all[nsq].x = cx + 0.5;
		all[nsq].y = cy + 0.5;
		all[nsq].area = area;
		all[nsq].side = sqrt(area);
		all[nsq].rgb[0] = (float)(cr[0] / area);
		all[nsq].rgb[1] = (float)(cr[1] / area);
		all[nsq].rgb[2] = (float)(cr[2] / area);
		nsq++;
	}
	free(flat), free(label), free(stack);
	if (nsq > DETECT_MAX_SQ) {
		qsort(all, nsq, sizeof *all, square_by_area);
		nsq = DETECT_MAX_SQ;
		qsort(all, nsq, sizeof *all, square_by_scan);
	}
	*out = all;
	return nsq;
}

/* A lattice grown from one seed square. */
struct lattice {
	double	 H[9];		/* lattice (i, j) -> working image */
	int	 ij[DETECT_MAX_SQ][2];
	int	 member[DETECT_MAX_SQ];
	int	 n;		/* squares assigned */
	int	 imin, imax, jmin, jmax;
};

/* Assign squares to the lattice of H; refit H; true if >= 4 assigned. */
static int
lattice_assign(struct lattice *L, const struct square *sq, size_t nsq,
    double side)
{
	double		 uv[2 * 64], xy[2 * 64], Hi[9], best[15][15];
	int		 who[15][15], i, j, it, m;
	size_t		 k;

	/* Grow outwards (2, 4, then 7 steps) so that clutter far from the
	 * seed cannot bend the homography before the chart has fixed it. */
	for (it = 0; it < 4; it++) {
		int	R = it == 0 ? 2 : it == 1 ? 4 : 7;

		if (smp_homography_invert(L->H, Hi) == -1)
			return 0;
		for (i = 0; i < 15; i++)
			for (j = 0; j < 15; j++)
				who[i][j] = -1, best[i][j] = 1e9;
		for (k = 0; k < nsq; k++) {
			double	u, v, du, dv;
			int	ii, jj;

			if (sq[k].side < side * 0.75 || sq[k].side > side * 1.33)
				continue;
			smp_homography_apply(Hi, sq[k].x, sq[k].y, &u, &v);
			ii = (int)lround(u), jj = (int)lround(v);
			du = u - ii, dv = v - jj;
			if (ii < -R || ii > R || jj < -R || jj > R ||
			    du * du + dv * dv > 0.3 * 0.3)
				continue;
			if (du * du + dv * dv < best[ii + 7][jj + 7]) {
				best[ii + 7][jj + 7] = du * du + dv * dv;
				who[ii + 7][jj + 7] = (int)k;
			}
		}
		m = 0;
		L->imin = L->jmin = 99, L->imax = L->jmax = -99;
		for (i = 0; i < 15; i++)
			for (j = 0; j < 15; j++) {
				if (who[i][j] < 0 || m >= 64)
					continue;
				L->member[m] = who[i][j];
				L->ij[m][0] = i - 7, L->ij[m][1] = j - 7;
				uv[2 * m] = i - 7, uv[2 * m + 1] = j - 7;
				xy[2 * m] = sq[who[i][j]].x;
				xy[2 * m + 1] = sq[who[i][j]].y;
				L->imin = i - 7 < L->imin ? i - 7 : L->imin;
				L->imax = i - 7 > L->imax ? i - 7 : L->imax;
				L->jmin = j - 7 < L->jmin ? j - 7 : L->jmin;
				L->jmax = j - 7 > L->jmax ? j - 7 : L->jmax;
				m++;
			}
		L->n = m;
		if (m < 4 || L->imax == L->imin || L->jmax == L->jmin)
			return 0;
		if (smp_homography_fit(uv, xy, m, L->H) == -1)
			return 0;
	}
	return 1;
}

/* sRGB-decoded colour of chart patch k under a candidate placement. */
static void
patch_colour(const struct work *w, const double *H, double u, double v,
    double *lin)
{
	double	x, y, s[3] = { 0, 0, 0 };
	int	k, dx, dy, n = 0;
	long	px, py;

	smp_homography_apply(H, u, v, &x, &y);
	for (dy = -1; dy <= 1; dy++)
		for (dx = -1; dx <= 1; dx++) {
			px = lround(x - 0.5) + dx, py = lround(y - 0.5) + dy;
			if (px < 0 || py < 0 || px >= (long)w->w ||
			    py >= (long)w->h)
				continue;
			for (k = 0; k < 3; k++)
				s[k] += w->rgb[3 * ((size_t)py * w->w + px) + k];
			n++;
		}
	for (k = 0; k < 3; k++) {
		double	c = n ? s[k] / n : 0;

		lin[k] = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
	}
}

/*
 * Mean CIEDE2000 of an affine fit from the patches' sRGB-decoded colours
 * (lin) to the reference, given as XYZ (refxyz) and Lab.
 */
static double
score_fit(const double (*lin)[3], const double (*refxyz)[3],
    const struct smp_chart_ref *ref)
{
	double	X[SMP_CHART_PATCHES * 4], Y[3][SMP_CHART_PATCHES];
	double	beta[3][4], sum = 0;
	int	k, c;

	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		X[4 * k] = lin[k][0], X[4 * k + 1] = lin[k][1];
		X[4 * k + 2] = lin[k][2], X[4 * k + 3] = 1;
		for (c = 0; c < 3; c++)
			Y[c][k] = refxyz[k][c];
	}
	for (c = 0; c < 3; c++)
		if (smp_solve_lstsq(X, Y[c], NULL, SMP_CHART_PATCHES, 4, beta[c]) == -1)
			return 1e9;
	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		cmsCIEXYZ	xyz;
		cmsCIELab	l, r = { ref->lab[k].L, ref->lab[k].a,
				    ref->lab[k].b };
		double		v[3];

		for (c = 0; c < 3; c++)
			v[c] = beta[c][0] * X[4 * k] + beta[c][1] * X[4 * k + 1] +
			    beta[c][2] * X[4 * k + 2] + beta[c][3];
		xyz.X = fmax(v[0], 1e-5), xyz.Y = fmax(v[1], 1e-5);
		xyz.Z = fmax(v[2], 1e-5);
		cmsXYZ2Lab(NULL, &l, &xyz);
		sum += cmsCIE2000DeltaE(&r, &l, 1, 1, 1);
	}
	return sum / SMP_CHART_PATCHES;
}

/* Do two placements put the four corner patches in the same places? */
static int
same_registration(const double *Ha, const int (*pa)[2], const double *Hb,
    const int (*pb)[2])
{
	static const int	corner[4] = { 0, 5, 18, 23 };
	double			ax, ay, bx, by, cx, cy, pitch;
	int			i;

	smp_homography_apply(Ha, pa[0][0], pa[0][1], &ax, &ay);
	smp_homography_apply(Ha, pa[1][0], pa[1][1], &cx, &cy);
	pitch = hypot(cx - ax, cy - ay);
	for (i = 0; i < 4; i++) {
		int	k = corner[i];

		smp_homography_apply(Ha, pa[k][0], pa[k][1], &ax, &ay);
		smp_homography_apply(Hb, pb[k][0], pb[k][1], &bx, &by);
		if (hypot(ax - bx, ay - by) > 0.25 * pitch)
			return 0;
	}
	return 1;
}

/* Lattice member at (i, j)? */
static int
lattice_has(const struct lattice *L, int i, int j)
{
	int	k;

	for (k = 0; k < L->n; k++)
		if (L->ij[k][0] == i && L->ij[k][1] == j)
			return 1;
	return 0;
}

/*
 * Try every 6x4 window holding at least 10 of the lattice's squares and
 * every symmetry; keep the best-scoring mapping of chart patches to
 * lattice points.  Stray squares outside the window are allowed, but not
 * a populated ring around it: that is part of a bigger chart (an SG).
 * Each window is refitted and sampled once for its four symmetries.
 */
static void
lattice_place(const struct work *w, const struct lattice *L,
    const struct square *sq, const struct smp_chart_ref *ref,
    const double (*refxyz)[3], struct smp_chart_found *best, double *second)
{
	int	shape, sym, i0, j0, k, wi, wj, pos[SMP_CHART_PATCHES][2];
	double	H[9], uv[2 * 64], xy[2 * 64], cell[6][6][3];
	double	lin[SMP_CHART_PATCHES][3];

	for (shape = 0; shape < 2; shape++) {
		wi = shape ? 4 : 6;	/* lattice extent of chart columns */
		wj = shape ? 6 : 4;
		for (i0 = L->imin - wi + 1; i0 <= L->imax; i0++)
			for (j0 = L->jmin - wj + 1; j0 <= L->jmax; j0++) {
				int	in = 0, ring = 0, i, j;

				/* Refit from the window's own squares only. */
				for (k = 0; k < L->n; k++) {
					if (L->ij[k][0] < i0 || L->ij[k][0] >= i0 + wi ||
					    L->ij[k][1] < j0 || L->ij[k][1] >= j0 + wj)
						continue;
					uv[2 * in] = L->ij[k][0];
					uv[2 * in + 1] = L->ij[k][1];
					xy[2 * in] = sq[L->member[k]].x;
					xy[2 * in + 1] = sq[L->member[k]].y;
					in++;
				}
				if (in < 10 || smp_homography_fit(uv, xy, in, H) == -1)
					continue;
				for (i = i0 - 1; i <= i0 + wi; i++)
					for (j = j0 - 1; j <= j0 + wj; j++)
						if ((i == i0 - 1 || i == i0 + wi ||
						    j == j0 - 1 || j == j0 + wj) &&
						    lattice_has(L, i, j))
							ring++;
				if (ring > 3)
					continue;
				for (i = 0; i < wi; i++)
					for (j = 0; j < wj; j++)
						patch_colour(w, H, i0 + i, j0 + j,
						    cell[i][j]);
				for (sym = 4 * shape; sym < 4 * shape + 4; sym++) {
					double	s;
					int	same;

					for (k = 0; k < SMP_CHART_PATCHES; k++) {
						int	c = k % 6, r = k / 6, a, b;

						/* optional transpose, flips */
						a = sym & 4 ? r : c;
						b = sym & 4 ? c : r;
						if (sym & 1)
							a = (sym & 4 ? 3 : 5) - a;
						if (sym & 2)
							b = (sym & 4 ? 5 : 3) - b;
						pos[k][0] = i0 + a;
						pos[k][1] = j0 + b;
						memcpy(lin[k], cell[a][b],
						    sizeof lin[k]);
					}
					s = score_fit((const double (*)[3])lin,
					    refxyz, ref);
					same = best->score < 1e9 &&
					    same_registration(best->H,
					    (const int (*)[2])best->lattice, H,
					    (const int (*)[2])pos);
					if (s < best->score) {
						if (!same && best->score < *second)
							*second = best->score;
						best->score = s;
						memcpy(best->H, H, sizeof best->H);
						memcpy(best->lattice, pos,
						    sizeof pos);
						best->found = in;
						for (k = 0; k < SMP_CHART_PATCHES; k++)
							best->seen[k] = (unsigned char)
							    lattice_has(L, pos[k][0],
							    pos[k][1]);
					} else if (!same && s < *second)
						*second = s;
				}
			}
	}
}

/* The bilinear value of w at (fx, fy), in pixel indices (pixel centres
 * at integers), the edge pixels held beyond the edges. */
static void
work_bilinear(const struct work *w, double fx, double fy, double *rgb)
{
	long	x0 = (long)floor(fx), y0 = (long)floor(fy);
	double	ax = fx - x0, ay = fy - y0;
	long	x1 = x0 + 1, y1 = y0 + 1;
	int	k;

	x0 = x0 < 0 ? 0 : x0, y0 = y0 < 0 ? 0 : y0;
	x1 = x1 >= (long)w->w ? (long)w->w - 1 : x1;
	y1 = y1 >= (long)w->h ? (long)w->h - 1 : y1;
	for (k = 0; k < 3; k++) {
		const float	*p = w->rgb + k;

		rgb[k] = (1 - ay) * ((1 - ax) * p[3 * (y0 * w->w + x0)] +
		    ax * p[3 * (y0 * w->w + x1)]) + ay * ((1 - ax) *
		    p[3 * (y1 * w->w + x0)] + ax * p[3 * (y1 * w->w + x1)]);
	}
}

/*
 * A patch no square was found at is covered when at least COVER_GAPS of
 * the four gaps around it, half a pitch from its centre, differ from the
 * chart's body, as the gaps around the patches that were found show it,
 * by more than COVER_SPREADS robust spreads of those gaps and at least
 * COVER_MIN: a finger or a label spills over the black gaps, a patch that
 * is merely dim (the black patch, one in shadow) does not.  Gaps a pixel
 * or two wide (a chart found on the upsampled copy) blur into the patches
 * and widen the spread, so there only a cover far from the body is seen.
 */
#define COVER_GAPS	2
#define COVER_SPREADS	6.0
#define COVER_MIN	0.15	/* RGB distance, 0..1 device values */

static void
chart_covered(const struct work *w, struct smp_chart_found *f)
{
	static const double	d[4][2] = { { -0.5, 0 }, { 0.5, 0 }, { 0, -0.5 },
				    { 0, 0.5 } };
	double		g[SMP_CHART_PATCHES][4][3], body[3];
	double		dist[SMP_CHART_PATCHES][4], lim, x, y;
	float		v[4 * SMP_CHART_PATCHES];
	unsigned char	in[SMP_CHART_PATCHES][4];
	int		k, a, c, n;

	for (k = 0; k < SMP_CHART_PATCHES; k++)
		for (a = 0; a < 4; a++) {
			smp_homography_apply(f->H, f->lattice[k][0] + d[a][0],
			    f->lattice[k][1] + d[a][1], &x, &y);
			x -= 0.5, y -= 0.5;	/* pixel indices */
			in[k][a] = x >= 0 && y >= 0 && x <= w->w - 1 &&
			    y <= w->h - 1;
			if (in[k][a])
				work_bilinear(w, x, y, g[k][a]);
		}
	for (c = 0; c < 3; c++) {
		for (k = 0, n = 0; k < SMP_CHART_PATCHES; k++)
			for (a = 0; a < 4; a++)
				if (f->seen[k] && in[k][a])
					v[n++] = (float)g[k][a][c];
		if (n == 0)
			return;
		body[c] = smp_stats_median(v, (size_t)n);
	}
	for (k = 0, n = 0; k < SMP_CHART_PATCHES; k++)
		for (a = 0; a < 4; a++) {
			dist[k][a] = 0;
			if (!in[k][a])
				continue;
			for (c = 0; c < 3; c++)
				dist[k][a] += (g[k][a][c] - body[c]) *
				    (g[k][a][c] - body[c]);
			dist[k][a] = sqrt(dist[k][a]);
			if (f->seen[k])
				v[n++] = (float)dist[k][a];
		}
	if (n == 0)
		return;
	lim = fmax(COVER_MIN, COVER_SPREADS * 1.4826 *
	    smp_stats_median(v, (size_t)n));
	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		if (f->seen[k])
			continue;
		for (a = 0, n = 0; a < 4; a++)
			n += in[k][a] && dist[k][a] > lim;
		f->covered[k] = n >= COVER_GAPS;
	}
}

void
smp_chart_detect_clear(struct smp_chart_found *f)
{
	free(f->work);
	f->work = NULL;
}

int
smp_chart_detect_preview(struct smp_image *img, struct smp_chart_found *out,
    struct smp_err *e)
{
	struct work	w;
	int		r;

	memset(&w, 0, sizeof w);
	r = work_load(img, &w, DETECT_WORK_MAX, e);
	free(w.acc);
	free(w.cnt);
	out->work = w.rgb;
	out->work_w = w.w;
	out->work_h = w.h;
	out->work_f = w.f;
	return r;
}

/* Squares, lattices and placements on one working copy: the best
 * placement in *out (score 1e9 when there is none). */
static int
detect_on(const struct work *w, const struct smp_chart_ref *ref,
    const double (*refxyz)[3], struct smp_chart_found *out,
    struct smp_err *e)
{
	struct square	*sq = NULL;
	struct lattice	*L = NULL;
	size_t		 nsq, s, t;
	double		 second = 1e9;
	int		 k, r = -1;
	unsigned char	*used = NULL;

	L = malloc(sizeof *L);
	used = calloc(DETECT_MAX_SQ, 1);
	if (L == NULL || used == NULL) {
		smp_errf(e, SMP_E_NOMEM, "out of memory");
		goto out;
	}
	if ((nsq = find_squares(w, &sq, e)) == (size_t)-1)
		goto out;
	out->squares = (int)nsq;
	for (s = 0; s < nsq; s++) {
		double	d1x = 0, d1y = 0, b1 = 1e18, b2 = 1e18, d2x = 0, d2y = 0;

		if (used[s])
			continue;
		for (t = 0; t < nsq; t++) {
			double	dx = sq[t].x - sq[s].x, dy = sq[t].y - sq[s].y;
			double	d2 = dx * dx + dy * dy;

			if (t == s || sq[t].area < sq[s].area * 0.5 ||
			    sq[t].area > sq[s].area * 2 ||
			    d2 > 4.8 * sq[s].area || d2 < 0.9 * sq[s].area)
				continue;
			if (d2 < b1)
				b1 = d2, d1x = dx, d1y = dy;
		}
		if (b1 > 1e17)
			continue;
		for (t = 0; t < nsq; t++) {
			double	dx = sq[t].x - sq[s].x, dy = sq[t].y - sq[s].y;
			double	d2 = dx * dx + dy * dy, c;

			if (t == s || sq[t].area < sq[s].area * 0.5 ||
			    sq[t].area > sq[s].area * 2 ||
			    d2 > 4.8 * sq[s].area || d2 > 2.6 * b1)
				continue;
			c = fabs(dx * d1x + dy * d1y) / sqrt(d2 * b1);
			if (c < 0.5 && d2 < b2)
				b2 = d2, d2x = dx, d2y = dy;
		}
		if (b2 > 1e17)
			continue;
		L->H[0] = d1x, L->H[1] = d2x, L->H[2] = sq[s].x;
		L->H[3] = d1y, L->H[4] = d2y, L->H[5] = sq[s].y;
		L->H[6] = 0, L->H[7] = 0, L->H[8] = 1;
		if (!lattice_assign(L, sq, nsq, sq[s].side) || L->n < 10)
			continue;
		/* Squares of a plausible chart, or of a big other chart, need
		 * not seed again. */
		if (L->n >= 20)
			for (k = 0; k < L->n; k++)
				if (fabs(sq[L->member[k]].side / sq[s].side - 1) < 0.15)
					used[L->member[k]] = 1;
		lattice_place(w, L, sq, ref, refxyz, out,
		    &second);
	}
	out->second = second;
	r = 0;
out:
	free(sq);
	free(L);
	free(used);
	return r;
}

/* Bilinear copy of w, DETECT_UP times larger; only rgb, w, h are set. */
static int
work_upsample(const struct work *w, struct work *u, struct smp_err *e)
{
	uint32_t	x, y;
	int		k;

	memset(u, 0, sizeof *u);
	u->w = w->w * DETECT_UP, u->h = w->h * DETECT_UP;
	u->f = 1, u->in = w->in;
	if ((u->rgb = malloc((size_t)u->w * u->h * 3 * sizeof *u->rgb)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	for (y = 0; y < u->h; y++)
		for (x = 0; x < u->w; x++) {
			float	*d = u->rgb + 3 * ((size_t)y * u->w + x);
			double	 v[3];

			work_bilinear(w, (x + 0.5) / DETECT_UP - 0.5,
			    (y + 0.5) / DETECT_UP - 0.5, v);
			for (k = 0; k < 3; k++)
				d[k] = (float)v[k];
		}
	return 0;
}

int
smp_chart_detect(struct smp_image *img, const struct smp_chart_ref *ref,
    struct smp_chart_found *out, struct smp_err *e)
{
	const struct smp_image_info *in;
	struct work	 w;
	double		 refxyz[SMP_CHART_PATCHES][3];
	uint32_t	 big;
	int		 r = -1, k;

	memset(&w, 0, sizeof w);
	memset(out, 0, sizeof *out);
	out->score = 1e9;
	for (k = 0; k < SMP_CHART_PATCHES; k++) {
		cmsCIELab	l = { ref->lab[k].L, ref->lab[k].a, ref->lab[k].b };
		cmsCIEXYZ	xyz;

		cmsLab2XYZ(NULL, &xyz, &l);
		refxyz[k][0] = xyz.X, refxyz[k][1] = xyz.Y, refxyz[k][2] = xyz.Z;
	}
	in = smp_image_info(img);
	big = in->disp_width > in->disp_height ? in->disp_width :
	    in->disp_height;
	if (work_load(img, &w, big > 2 * DETECT_WORK_MAX ? DETECT_COARSE_MAX :
	    DETECT_WORK_MAX, e) == -1)
		goto out;
	out->work_f = w.f;
	if (detect_on(&w, ref, (const double (*)[3])refxyz, out, e) == -1)
		goto out;
	if (out->score > DETECT_RETRY_SCORE && big > 2 * DETECT_WORK_MAX) {
		free(w.rgb);
		memset(&w, 0, sizeof w);
		smp_chart_detect_clear(out);
		memset(out, 0, sizeof *out);
		out->score = 1e9;
		if (work_load(img, &w, DETECT_WORK_MAX, e) == -1)
			goto out;
		out->work_f = w.f;
		if (detect_on(&w, ref, (const double (*)[3])refxyz, out,
		    e) == -1)
			goto out;
	}
	if (out->score < 1e9)
		chart_covered(&w, out);
	/* A chart whose patches are a few pixels wide: search a copy
	 * upsampled DETECT_UP times, the result mapped back. */
	if (out->score > DETECT_RETRY_SCORE && w.f == 1 &&
	    w.w < DETECT_RETRY_WIDTH && w.h < DETECT_RETRY_WIDTH) {
		struct smp_chart_found	up;
		struct work		u;

		memset(&up, 0, sizeof up);
		up.score = 1e9;
		if (work_upsample(&w, &u, e) == -1 ||
		    detect_on(&u, ref, (const double (*)[3])refxyz, &up, e) == -1) {
			free(u.rgb);
			goto out;
		}
		if (up.score < 1e9)
			chart_covered(&u, &up);
		free(u.rgb);
		if (up.score < out->score) {
			for (k = 0; k < 6; k++)
				up.H[k] /= DETECT_UP;
			up.work_f = out->work_f;
			*out = up;
		}
	}
	/* Lattice -> working -> full-resolution display coordinates. */
	for (k = 0; k < 6; k++)
		out->H[k] *= w.f;
	r = 0;
out:
	out->work = w.rgb;
	out->work_w = w.w;
	out->work_h = w.h;
	free(w.acc);
	free(w.cnt);
	return r;
}

/*
 * sample.c: measure the regions of one image.  The union of the regions'
 * bounding boxes (display coordinates) is mapped to stored coordinates and
 * decoded once; each opaque pixel's device value is counted in the tally
 * of every region (or grid tile) that contains it (a row is handed to
 * each region whose box it crosses, a box's or tile's part of it as one
 * run of values), and each region's distinct values are converted to
 * Lab once, when the decoder has passed the region (pixels are converted
 * one by one only for --report's pictures).  Memory is the regions'
 * colours (16 bytes each in tables at most half full, three quarters
 * for a large region; tally.c), taken from the budget as the tallies
 * grow, plus what the plan needs up front (masks, one decoded row, the
 * tallies' first room, a large region's 512 KiB of recent values or, for
 * 8-bit RGB, its 32 MiB array, tally-direct.c), checked before anything
 * is allocated.
 */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"
#include "smp-internal.h"

enum job_kind { JOB_RECT, JOB_CIRCLE, JOB_MASK, JOB_TILE };

/* A stored-coordinate box, [x0, x1) x [y0, y1). */
struct box {
	uint32_t	x0, y0, x1, y1;
};

struct job {
	char			*label;
	enum job_kind		 kind;
	uint32_t		 x0, y0, x1, y1;	/* display bbox, [x0, x1) */
	struct box		 sbox;		/* the same, stored; no pixel
						 * from stored row sbox.y1 */
	double			 cx, cy, r2;
	const unsigned char	*mask;		/* display-sized, row-major */
	struct smp_tally	 t;		/* its pixels' colours */
	size_t			 cap;		/* pixels it can hold */
	struct smp_inset	*inset;		/* --report's picture, or NULL */
	size_t			 over;		/* pixels above the white */
	double			 threshold;	/* -S: the dots' L* bound */
	int			 done;		/* measured, tally freed */
	int			 direct;	/* a direct tally (8-bit RGB) */
	int			 sorted;	/* a sorted one (8-bit RGB) */
	int			 band;		/* counted from the band, its
						 * tally empty until then */
	int			 was_direct;	/* direct before the band */
	uint64_t		 pixels;
	int			 nm;		/* rows: 1, or skin and dots */
	struct measure {
		enum smp_class		klass;
		struct smp_stats	st;
		uint64_t		pixels;
	}			 m[2];
};

struct sampler {
	struct smp_image	*img;
	const struct smp_image_info *info;
	struct smp_pixconv	*pc;
	struct job		*jobs;
	size_t			 njobs, jobs_cap;
	size_t			 ngrids;	/* grids, whose tiles are jobs */
	unsigned char		**masks;
	size_t			 nmasks;
	struct smp_rect		 rect;	/* stored */
	/* Only pixels in some region are converted: the stored boxes of
	 * the shapes and grids, and a row's spans, merged, rect-relative. */
	struct box		*boxes;
	size_t			 nboxes;
	uint32_t		*spans;		/* 2 x nboxes */
	float			*rowlab;	/* --report: the row's Lab */
	int			 ncol;		/* colour samples a pixel */
	int			 insets;	/* a job has a picture */
	uint16_t		*conv;		/* SMP_TALLY_CHUNK pixels */
	uint64_t		*rowkey;	/* the row's device values */
	uint32_t		 nspans;	/* the row's spans */
	int			 keyed;		/* rowkey holds the row's */
	/* The row's samples (NULL until sampler_px widens them), and its
	 * 8-bit RGBA ones when the decoder has them. */
	const uint16_t		*px;
	const unsigned char	*px8;
	const char		*path;
	int			 have_white;	/* white16[] is the chart's */
	uint32_t		 white16[3];	/* over-white bounds, 0..65535 */
	int			 have_chart;	/* chart[] is the chart's bbox */
	uint32_t		 chart[4];	/* x0 y0 x1 y1, display */
	const struct smp_sample_opts *o;
	uint32_t		 next_done;	/* the least sbox.y1 not done */
	/* The band of rows that the band jobs share (band.c), if any: at
	 * most band_rows high, for jobs of at most band_cap pixels. */
	int			 banded;
	struct smp_band		 band;
	uint32_t		 band_rows;
	size_t			 band_cap;
};

static int	job_flush(struct sampler *, struct job *, struct smp_err *);
static int	job_finish(struct sampler *, struct job *, struct smp_err *);

static void
sampler_free(struct sampler *s)
{
	size_t	i;

	for (i = 0; i < s->njobs; i++) {
		free(s->jobs[i].label);
		smp_tally_free(&s->jobs[i].t);
		smp_inset_free(s->jobs[i].inset);
	}
	for (i = 0; i < s->nmasks; i++)
		free(s->masks[i]);
	free(s->masks);
	free(s->jobs);
	free(s->boxes);
	free(s->spans);
	free(s->rowlab);
	free(s->conv);
	free(s->rowkey);
	smp_band_free(&s->band);
	smp_pixconv_free(s->pc);
}

static struct job *
sampler_add(struct sampler *s, const char *label, struct smp_err *e)
{
	struct job	*j;

	/* Doubling: a grid of many tiles must not copy its jobs each time. */
	if (s->njobs == s->jobs_cap) {
		size_t	cap = s->jobs_cap ? 2 * s->jobs_cap : 16;

		if ((j = realloc(s->jobs, cap * sizeof *j)) == NULL) {
			smp_errf(e, SMP_E_NOMEM, "out of memory");
			return NULL;
		}
		s->jobs = j;
		s->jobs_cap = cap;
	}
	j = &s->jobs[s->njobs];
	memset(j, 0, sizeof *j);
	if ((j->label = strdup(label)) == NULL) {
		smp_errf(e, SMP_E_NOMEM, "out of memory");
		return NULL;
	}
	s->njobs++;
	return j;
}

struct mask_load {
	unsigned char	*bits;
	uint32_t	 w;
	int		 ch;
};

static int
mask_row(void *arg, uint32_t y, const uint16_t *px, struct smp_err *e)
{
	struct mask_load	*m = arg;
	uint32_t		 x;
	int			 k, on;

	(void)e;
	for (x = 0; x < m->w; x++, px += m->ch + 1) {
		for (k = 0, on = 0; k < m->ch; k++)
			on |= px[k] != 0;
		m->bits[(size_t)y * m->w + x] = on && px[m->ch] != 0;
	}
	return 0;
}

/* Load a mask the size of the display image; set j's bbox to its pixels. */
static int
sampler_mask(struct sampler *s, const struct smp_region *r, struct job *j,
    const struct smp_limits *lim, struct smp_err *e)
{
	struct smp_image	*m;
	const struct smp_image_info *mi;
	struct mask_load	 ml;
	struct smp_rect		 all;
	unsigned char		**v;
	uint32_t		 x, y, W = s->info->disp_width;
	uint32_t		 H = s->info->disp_height;
	size_t			 cnt = 0;

	if (smp_image_open(r->mask_path, lim, &m, e) == -1)
		return -1;
	mi = smp_image_info(m);
	if (mi->disp_width != W || mi->disp_height != H || mi->orientation != 1) {
		smp_errf(e, SMP_E_USAGE, "mask %s is %ux%u, the image is %ux%u",
		    r->mask_path, (unsigned)mi->disp_width,
		    (unsigned)mi->disp_height, (unsigned)W, (unsigned)H);
		smp_image_free(m);
		return -1;
	}
	v = realloc(s->masks, (s->nmasks + 1) * sizeof *v);
	if (v == NULL || (ml.bits = malloc((size_t)W * H)) == NULL) {
		if (v != NULL)
			s->masks = v;
		smp_image_free(m);
		return smp_errf(e, SMP_E_NOMEM, "out of memory for mask");
	}
	s->masks = v;
	s->masks[s->nmasks++] = ml.bits;
	ml.w = W;
	ml.ch = (int)mi->model;
	all = (struct smp_rect){ 0, 0, W, H };
	if (smp_image_reserve(m, (uint64_t)W * H, e) == -1 ||
	    smp_image_read(m, &all, mask_row, &ml, e) == -1) {
		smp_image_free(m);
		return -1;
	}
	smp_image_free(m);
	j->x0 = W, j->y0 = H, j->x1 = 0, j->y1 = 0;
	for (y = 0; y < H; y++)
		for (x = 0; x < W; x++)
			if (ml.bits[(size_t)y * W + x]) {
				cnt++;
				if (x < j->x0)
					j->x0 = x;
				if (x + 1 > j->x1)
					j->x1 = x + 1;
				if (y < j->y0)
					j->y0 = y;
				if (y + 1 > j->y1)
					j->y1 = y + 1;
			}
	if (cnt == 0)
		return smp_errf(e, SMP_E_USAGE, "mask %s selects no pixels",
		    r->mask_path);
	j->kind = JOB_MASK;
	j->mask = ml.bits;
	j->cap = cnt;
	return 0;
}

static uint32_t
grid_edge(uint32_t i, uint32_t n, uint32_t size)
{
	return (uint32_t)((uint64_t)i * size / n);
}

/* The largest of the four strips of the image left, right, above and
 * below the chart's bounding box. */
static void
beside_chart(struct sampler *s, struct job *j, uint32_t W, uint32_t H)
{
	const uint32_t	*c = s->chart;
	uint32_t	 r[4][4] = {
		{ 0, 0, c[0], H }, { c[2], 0, W, H },
		{ 0, 0, W, c[1] }, { 0, c[3], W, H }
	};
	uint64_t	 best = 0, a;
	char		 label[64], *l;
	int		 i;

	for (i = 0; i < 4; i++) {
		a = (uint64_t)(r[i][2] - r[i][0]) * (r[i][3] - r[i][1]);
		if (a > best) {
			best = a;
			j->x0 = r[i][0], j->y0 = r[i][1];
			j->x1 = r[i][2], j->y1 = r[i][3];
		}
	}
	snprintf(label, sizeof label, "rect:%u,%u,%u,%u", (unsigned)j->x0,
	    (unsigned)j->y0, (unsigned)(j->x1 - j->x0),
	    (unsigned)(j->y1 - j->y0));
	if ((l = strdup(label)) != NULL) {	/* else keep "all" */
		free(j->label);
		j->label = l;
	}
}

/* Turn the user's regions into jobs with display bounding boxes. */
static int
sampler_plan(struct sampler *s, const struct smp_sample_opts *o,
    struct smp_err *e)
{
	uint32_t	 W = s->info->disp_width, H = s->info->disp_height;
	struct job	*j;
	char		 label[64];
	int		 i;
	uint32_t	 c, r;

	for (i = 0; i < o->nregions; i++) {
		const struct smp_region	*rg = &o->regions[i];
		const double		*v = rg->v;

		if (rg->kind == SMP_REGION_GRID) {
			if (rg->cols > W || rg->rows > H)
				return smp_errf(e, SMP_E_USAGE, "region '%s': "
				    "more tiles than pixels in %ux%u",
				    rg->spec, (unsigned)W, (unsigned)H);
			s->ngrids++;
			for (r = 0; r < rg->rows; r++)
				for (c = 0; c < rg->cols; c++) {
					snprintf(label, sizeof label,
					    "%s:%u,%u", rg->spec, c, r);
					if ((j = sampler_add(s, label, e)) == NULL)
						return -1;
					j->kind = JOB_TILE;
					j->x0 = grid_edge(c, rg->cols, W);
					j->x1 = grid_edge(c + 1, rg->cols, W);
					j->y0 = grid_edge(r, rg->rows, H);
					j->y1 = grid_edge(r + 1, rg->rows, H);
				}
			continue;
		}
		if ((j = sampler_add(s, rg->spec, e)) == NULL)
			return -1;
		switch (rg->kind) {
		case SMP_REGION_ALL:
			j->kind = JOB_RECT;
			j->x1 = W, j->y1 = H;
			if (s->have_chart)
				beside_chart(s, j, W, H);
			break;
		case SMP_REGION_RECT:
			if (v[0] + v[2] > W || v[1] + v[3] > H)
				return smp_errf(e, SMP_E_USAGE, "region '%s' "
				    "extends outside the %ux%u image",
				    rg->spec, (unsigned)W, (unsigned)H);
			j->kind = JOB_RECT;
			j->x0 = (uint32_t)v[0], j->y0 = (uint32_t)v[1];
			j->x1 = (uint32_t)(v[0] + v[2]);
			j->y1 = (uint32_t)(v[1] + v[3]);
			break;
		case SMP_REGION_CIRCLE:
			if (v[0] - v[2] < 0 || v[1] - v[2] < 0 ||
			    v[0] + v[2] > W || v[1] + v[2] > H)
				return smp_errf(e, SMP_E_USAGE, "region '%s' "
				    "extends outside the %ux%u image",
				    rg->spec, (unsigned)W, (unsigned)H);
			j->kind = JOB_CIRCLE;
			j->cx = v[0], j->cy = v[1], j->r2 = v[2] * v[2];
			j->x0 = (uint32_t)floor(v[0] - v[2]);
			j->y0 = (uint32_t)floor(v[1] - v[2]);
			j->x1 = (uint32_t)ceil(v[0] + v[2]);
			j->y1 = (uint32_t)ceil(v[1] + v[2]);
			break;
		case SMP_REGION_MASK:
			if (sampler_mask(s, rg, j, &o->limits, e) == -1)
				return -1;
			break;
		case SMP_REGION_GRID:
			break;
		}
		if (j->x1 <= j->x0 || j->y1 <= j->y0)
			return smp_errf(e, SMP_E_USAGE, "region '%s' is empty",
			    rg->spec);
	}
	return 0;
}

/* The pictures of the regions (not of grid tiles), for --report. */
static int
sampler_insets(struct sampler *s, struct smp_err *e)
{
	size_t	i;

	for (i = 0; i < s->njobs; i++) {
		struct job	*j = &s->jobs[i];

		if (j->kind != JOB_TILE && (j->inset = smp_inset_new(j->x0,
		    j->y0, j->x1, j->y1)) == NULL)
			return smp_errf(e, SMP_E_NOMEM, "%s: out of memory",
			    s->path);
	}
	return 0;
}

/* The memory the plan needs up front: each region's first table or
 * direct tally, the masks, the row buffers. */
static uint64_t
sampler_need(const struct sampler *s)
{
	uint64_t	need = 0;
	size_t		i;

	for (i = 0; i < s->njobs; i++) {
		const struct job *j = &s->jobs[i];

		need += j->direct ? smp_tally_direct_bytes(j->cap) :
		    j->band ? 0 : smp_tally_init_bytes(j->cap);
	}
	if (s->banded)
		need += smp_band_bytes(s->rect.w, s->band_rows, s->band_cap);
	need += (uint64_t)s->nmasks * s->info->disp_width *
	    s->info->disp_height;
	need += (uint64_t)s->rect.w * 32;
	return need;
}

/* A region that a direct tally would count faster. */
static int
job_wants_direct(const struct sampler *s, const struct job *j)
{
	return s->info->bits == 8 && s->ncol == 3 &&
	    j->cap >= SMP_TALLY_DIRECT_MIN;
}

/* A region that a sorted tally counts faster than a table: one of at
 * least SORT_MIN pixels of an 8-bit RGB image, a grid's tile above all
 * (grid:10x10 of a 24 MP photo: 970 ms with tables, 560 sorted), and
 * below a direct tally's size: a larger one without a direct tally
 * keeps its table and recent values, as a sorted tally would merge
 * every chunk into a list of hundreds of thousands of colours. */
#define SORT_MIN	16384
static int
job_wants_sorted(const struct sampler *s, const struct job *j)
{
	return s->info->bits == 8 && s->ncol == 3 && j->cap >= SORT_MIN &&
	    j->cap < SMP_TALLY_DIRECT_MIN;
}

static int
cmp_job_cap_desc(const void *a, const void *b)
{
	const struct job *x = *(const struct job *const *)a;
	const struct job *y = *(const struct job *const *)b;

	return (x->cap < y->cap) - (x->cap > y->cap);
}

/* Direct tallies for the largest regions only: as many as max allows
 * beside the others' tables, in at most half of it, so that another
 * worker's image fits beside this one; returns what the plan needs. */
static uint64_t
sampler_plan_direct(struct sampler *s, uint64_t max)
{
	struct job	**by;
	uint64_t	  need, one;
	size_t		  n = 0, keep, i;

	for (i = 0; i < s->njobs; i++)
		s->jobs[i].direct = 0;
	need = sampler_need(s);
	for (i = 0; i < s->njobs; i++)
		s->jobs[i].sorted = job_wants_sorted(s, &s->jobs[i]);
	if (need >= max || (by = malloc((s->njobs + 1) * sizeof *by)) == NULL)
		return need;
	for (i = 0; i < s->njobs; i++)
		if (job_wants_direct(s, &s->jobs[i]))
			by[n++] = &s->jobs[i];
	qsort(by, n, sizeof *by, cmp_job_cap_desc);
	/* Each costs at most the largest's bytes beyond the table it spares. */
	one = n > 0 ? smp_tally_direct_bytes(by[0]->cap) : 1;
	keep = (size_t)((max - need < max / 2 ? max - need : max / 2) / one);
	for (i = 0; i < n && i < keep; i++)
		by[i]->direct = 1;
	free(by);
	return sampler_need(s);
}

/* A region that a band could count: a box of an 8-bit RGB image that a
 * sorted or a direct tally would count otherwise. */
static int
job_wants_band(const struct sampler *s, const struct job *j)
{
	return (j->kind == JOB_RECT || j->kind == JOB_TILE) &&
	    (job_wants_sorted(s, j) || job_wants_direct(s, j));
}

static int
cmp_job_y0(const void *a, const void *b)
{
	const struct job *x = *(const struct job *const *)a;
	const struct job *y = *(const struct job *const *)b;

	return (x->sbox.y0 > y->sbox.y0) - (x->sbox.y0 < y->sbox.y0);
}

/* Are there two jobs or more that a band could count (job_wants_band),
 * and each band of rows that they cross the rows of every one of them
 * that starts there (a grid's rows of tiles)?  Set how high the highest
 * band is, the largest job's pixels, and how many they have in all. */
static int
band_fits(struct sampler *s, uint64_t *pixels)
{
	struct job	**by;
	size_t		  n = 0, i;
	uint32_t	  y0 = 0, y1 = 0;
	int		  ok = 1;

	*pixels = 0;
	s->band_rows = 0;
	s->band_cap = 0;
	for (i = 0; i < s->njobs; i++)
		n += job_wants_band(s, &s->jobs[i]);
	if (n < 2 || (by = malloc(n * sizeof *by)) == NULL)
		return 0;
	for (i = 0, n = 0; i < s->njobs; i++)
		if (job_wants_band(s, &s->jobs[i]))
			by[n++] = &s->jobs[i];
	qsort(by, n, sizeof *by, cmp_job_y0);
	for (i = 0; i < n && ok; i++) {
		const struct box *b = &by[i]->sbox;

		if (i > 0 && b->y0 == y0)
			ok = b->y1 == y1;
		else
			ok = i == 0 || b->y0 >= y1;
		y0 = b->y0, y1 = b->y1;
		if (y1 - y0 > s->band_rows)
			s->band_rows = y1 - y0;
		if (by[i]->cap > s->band_cap)
			s->band_cap = by[i]->cap;
		*pixels += by[i]->cap;
	}
	free(by);
	return ok;
}

/*
 * The boxes that sorted or direct tallies would count, counted from a
 * band instead (band.c), where they lie in bands of rows (band_fits),
 * without pictures or transparency, together at least a direct tally's
 * worth of pixels (fewer would pay more for its pages than they save),
 * their band's rows at most BAND_MAX bytes, the band in at most half of
 * max (as direct tallies, sampler_plan_direct) and the plan then within
 * max; what the plan needs.  grid:5x5 of a 24 MP photo, whose tiles
 * had sorted tallies: 0.31 s, 0.25 with a band (19 MB of it, peak 41
 * MB with -S).  A band of 24 MB (grid:4x4's) took its -S peak to 47 MB,
 * too near 50.
 */
#define BAND_MAX	((uint64_t)20 << 20)
static uint64_t
sampler_plan_band(struct sampler *s, uint64_t need, uint64_t max)
{
	uint64_t	pixels, with;
	size_t		i;

	if (s->insets || s->info->has_alpha || !band_fits(s, &pixels) ||
	    pixels < SMP_TALLY_DIRECT_MIN || (uint64_t)s->band_rows *
	    s->rect.w * 4 > BAND_MAX || smp_band_bytes(s->rect.w,
	    s->band_rows, s->band_cap) > max / 2)
		return need;
	for (i = 0; i < s->njobs; i++) {
		struct job	*j = &s->jobs[i];

		j->band = job_wants_band(s, j);
		j->was_direct = j->direct;
		j->direct &= !j->band;
	}
	s->banded = 1;
	if ((with = sampler_need(s)) <= max) {
		for (i = 0; i < s->njobs; i++)
			s->jobs[i].sorted &= !s->jobs[i].band;
		return with;
	}
	for (i = 0; i < s->njobs; i++) {
		s->jobs[i].direct = s->jobs[i].was_direct;
		s->jobs[i].band = 0;
	}
	s->banded = 0;
	return need;
}

/* The jobs that convert their own colours, one at a time: the memo of
 * converted colours pays where two or more of them share colours, or
 * where a picture converts every pixel.  A sorted tally's colours are
 * converted once for all those that end on its row (a grid's row of
 * tiles), in order, where the memo's misses cost more than its hits
 * between rows save (grid:10x10 of a 24 MP photo: 410 ms with it, 390
 * without, medians of 21). */
static size_t
sampler_unsorted(const struct sampler *s)
{
	size_t	i, n = 0;

	for (i = 0; i < s->njobs; i++)
		n += !s->jobs[i].sorted && !s->jobs[i].band;
	return n;
}

static int
job_tally_init(struct job *j)
{
	if (j->direct)
		return smp_tally_direct_init(&j->t, j->cap);
	if (j->sorted)
		return smp_tally_sorted_init(&j->t, j->cap);
	if (j->band) {
		memset(&j->t, 0, sizeof j->t);
		return 0;
	}
	return smp_tally_init(&j->t, j->cap);
}

/* Check the memory the plan needs, take it with the decoder's from the
 * budget, then allocate the region store. */
static int
sampler_reserve(struct sampler *s, struct smp_image *img,
    const struct smp_sample_opts *o, struct smp_err *e)
{
	const struct smp_limits *lim = &o->limits;
	uint64_t	need = 0;
	size_t		i;

	for (i = 0; i < s->njobs; i++) {
		struct job	*j = &s->jobs[i];

		if (j->kind != JOB_MASK)
			j->cap = (size_t)(j->x1 - j->x0) * (j->y1 - j->y0);
		if (j->cap > UINT32_MAX)
			return smp_errf(e, SMP_E_LIMIT, "%s: region %s has more "
			    "than %lu pixels", s->path, j->label,
			    (unsigned long)UINT32_MAX);
	}
	need = sampler_plan_direct(s, lim->max_bytes);
	need = sampler_plan_band(s, need, lim->max_bytes);
	if (need > lim->max_bytes)
		return smp_errf(e, SMP_E_LIMIT, "%s: the regions need %llu MiB, "
		    "above the limit of %llu MiB (--max-memory)", s->path,
		    (unsigned long long)((need + (1 << 20) - 1) >> 20),
		    (unsigned long long)(lim->max_bytes >> 20));
	if (smp_image_reserve(img, need, e) == -1)
		return -1;
	for (i = 0; i < s->njobs; i++)
		if (job_tally_init(&s->jobs[i]) == -1)
			return smp_errf(e, SMP_E_NOMEM, "%s: out of memory",
			    s->path);
	if (s->banded && smp_band_init(&s->band, s->rect.w, s->band_rows,
	    s->band_cap) == -1)
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", s->path);
	if ((s->rowlab = malloc((size_t)s->rect.w * 3 * sizeof(float))) == NULL ||
	    (s->conv = malloc(SMP_TALLY_CHUNK * 5 * sizeof *s->conv)) == NULL ||
	    (s->rowkey = malloc((size_t)s->rect.w * sizeof *s->rowkey)) ==
	    NULL)
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", s->path);
	return 0;
}

static int
job_contains(const struct job *j, uint32_t x, uint32_t y, uint32_t W)
{
	double	dx, dy;

	if (x < j->x0 || x >= j->x1 || y < j->y0 || y >= j->y1)
		return 0;
	switch (j->kind) {
	case JOB_CIRCLE:
		dx = x + 0.5 - j->cx;
		dy = y + 0.5 - j->cy;
		return dx * dx + dy * dy <= j->r2;
	case JOB_MASK:
		return j->mask[(size_t)y * W + x];
	default:
		return 1;
	}
}

/* Grow j's tally, and what the image holds of the budget. */
static int
job_grow(struct sampler *s, struct job *j, struct smp_err *e)
{
	size_t	peak, after;

	peak = smp_tally_grow_bytes(&j->t, &after);
	if (smp_image_grow(s->img, peak, e) == -1)
		return -1;
	if (smp_tally_grow(&j->t) == -1)
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", s->path);
	smp_image_release(s->img, peak - after);
	return 0;
}

/* Count one pixel of device value key in j, growing its tally when the
 * colour is new and the tally full. */
static int
job_push(struct sampler *s, struct job *j, uint64_t key, struct smp_err *e)
{
	if (j->t.pixels >= j->cap || smp_tally_add(&j->t, key) == 0)
		return 0;
	if (job_grow(s, j, e) == -1)
		return -1;
	return smp_tally_add(&j->t, key);
}

/* The spans of stored row sy that some region covers, merged and in
 * order, rect-relative, into s->spans; their count. */
static uint32_t
row_spans(struct sampler *s, uint32_t sy)
{
	uint32_t	n = 0, k, m, a, b;
	size_t		i;

	for (i = 0; i < s->nboxes; i++) {
		const struct box	*bx = &s->boxes[i];

		if (sy < bx->y0 || sy >= bx->y1)
			continue;
		a = bx->x0 - s->rect.x, b = bx->x1 - s->rect.x;
		/* Insert in order of start (few boxes: insertion). */
		for (k = n; k > 0 && s->spans[2 * (k - 1)] > a; k--) {
			s->spans[2 * k] = s->spans[2 * (k - 1)];
			s->spans[2 * k + 1] = s->spans[2 * (k - 1) + 1];
		}
		s->spans[2 * k] = a, s->spans[2 * k + 1] = b;
		n++;
	}
	for (k = 0, m = 0; k < n; k++) {
		if (m > 0 && s->spans[2 * k] <= s->spans[2 * (m - 1) + 1]) {
			if (s->spans[2 * k + 1] > s->spans[2 * (m - 1) + 1])
				s->spans[2 * (m - 1) + 1] = s->spans[2 * k + 1];
			continue;
		}
		s->spans[2 * m] = s->spans[2 * k];
		s->spans[2 * m + 1] = s->spans[2 * k + 1];
		m++;
	}
	return m;
}

/* The display position of the pixel at rect column i of stored row sy. */
static inline void
display_xy(const struct sampler *s, uint32_t i, uint32_t sy, uint32_t *dx,
    uint32_t *dy)
{
	const struct smp_image_info *in = s->info;

	if (in->orientation <= 1)
		*dx = s->rect.x + i, *dy = sy;
	else
		smp_orient_to_display(in->orientation, in->width, in->height,
		    s->rect.x + i, sy, dx, dy);
}

/* Is the pixel px (nch samples, alpha last) above the chart's white? */
static int
over_white(const struct sampler *s, const uint16_t *px, int nch)
{
	int	k;

	if (!s->have_white)
		return 0;
	for (k = 0; k < nch - 1; k++)
		if (px[k] > s->white16[k < 3 ? k : 2])
			return 1;
	return 0;
}

/* The row's samples, widened from its 8-bit ones on the first call. */
static const uint16_t *
sampler_px(struct sampler *s)
{
	if (s->px == NULL)
		s->px = smp_image_row_16bit(s->img);
	return s->px;
}

/* The device values of the row's spans in s->rowkey, once a job needs
 * them: a direct tally counts the samples themselves. */
static void
sampler_keys(struct sampler *s)
{
	const uint16_t	*px;
	int		 nch = s->ncol + 1;
	uint32_t	 a, i, x0, x1;

	if (s->keyed)
		return;
	px = sampler_px(s);
	for (a = 0; a < s->nspans; a++) {
		x0 = s->spans[2 * a], x1 = s->spans[2 * a + 1];
		if (s->ncol == 3)	/* the loop unrolled: RGB */
			for (i = x0; i < x1; i++)
				s->rowkey[i] = smp__pixel_key_rgb(px +
				    (size_t)i * 4);
		else
			for (i = x0; i < x1; i++)
				s->rowkey[i] = smp__pixel_key(px +
				    (size_t)i * nch, s->ncol);
	}
	s->keyed = 1;
}

/* Count rect columns [a, b) of the row in j, the whole run at once: a
 * direct tally takes their 8-bit samples when the row has them, any
 * other tally (or row) their device values. */
/* Count j's pixels in rect columns [a, b) of the row that are above the
 * chart's white. */
static void
job_over_white(struct sampler *s, struct job *j, uint32_t a, uint32_t b)
{
	int	 nch = s->ncol + 1;
	uint32_t i;

	if (s->have_white)
		for (i = a; i < b; i++)
			j->over += over_white(s, sampler_px(s) +
			    (size_t)i * nch, nch);
}

static int
job_push_run(struct sampler *s, struct job *j, uint32_t a, uint32_t b,
    struct smp_err *e)
{
	size_t	 n, m;
	uint32_t i;

	job_over_white(s, j, a, b);
	for (i = a; i < b; i += (uint32_t)m) {
		n = j->t.pixels < j->cap ? j->cap - j->t.pixels : 0;
		if (n > b - i)
			n = b - i;
		if (n == 0)
			break;
		if ((j->direct || j->sorted) && s->px8 != NULL)
			m = smp_tally_add_rgba8(&j->t, s->px8 + (size_t)i * 4,
			    n);
		else if (!j->direct && !j->sorted && s->ncol == 3)
			m = smp_tally_add_rgb16(&j->t, sampler_px(s) +
			    (size_t)i * 4, n);
		else {
			sampler_keys(s);
			m = smp_tally_add_run(&j->t, s->rowkey + i, n);
		}
		if (m < n && job_grow(s, j, e) == -1)
			return -1;
	}
	return 0;
}

/* The same pixel by pixel, for what a box does not tell: a circle, a
 * mask, a picture (its Lab in s->rowlab) or transparent pixels. */
static int
job_push_pixels(struct sampler *s, struct job *j, uint32_t sy, uint32_t a,
    uint32_t b, struct smp_err *e)
{
	const uint16_t	*px = sampler_px(s);
	int		 nch = s->ncol + 1;
	uint32_t	 i, dx, dy, W = s->info->disp_width;

	sampler_keys(s);
	for (i = a; i < b; i++) {
		const uint16_t	*p = px + (size_t)i * nch;
		const float	*lab = s->rowlab + 3 * (size_t)i;

		if (p[nch - 1] == 0)
			continue;	/* fully transparent */
		display_xy(s, i, sy, &dx, &dy);
		if (!job_contains(j, dx, dy, W))
			continue;
		if (j->inset != NULL && (!isfinite(lab[0]) ||
		    !isfinite(lab[1]) || !isfinite(lab[2])))
			return smp_errf(e, SMP_E_COLOR, "%s: colour conversion "
			    "failed", s->path);
		if (job_push(s, j, s->rowkey[i], e) == -1)
			return -1;
		j->over += over_white(s, p, nch);
		if (j->inset != NULL)
			smp_inset_add(j->inset, dx, dy, lab);
	}
	return 0;
}

/* Hold stored row sy in the band that starts at stored row y0, its
 * 8-bit samples narrowed from the 16-bit ones when the decoder has no
 * others (an 8-bit PNG's), and ask for the next row in place. */
static void
sampler_band_row(struct sampler *s, uint32_t sy, uint32_t y0, uint32_t y1)
{
	unsigned char	*room;
	const uint16_t	*px;
	size_t		 i, n = (size_t)s->rect.w * 4;

	if (sy == y0)
		smp_band_start(&s->band, y0);
	if (s->px8 != NULL)
		(void)smp_band_put(&s->band, sy, s->px8);
	else if ((room = smp_band_room(&s->band, sy)) != NULL) {
		for (i = 0, px = sampler_px(s); i < n; i++)
			room[i] = (unsigned char)(px[i] / 257);
		(void)smp_band_put(&s->band, sy, room);
	}
	/* The next band starts where this one's room does. */
	room = sy + 1 < y1 ? smp_band_room(&s->band, sy + 1) : s->band.buf;
	smp_image_row_into(s->img, room, s->band.stride);
}

/* Hand stored row sy to every job whose box it crosses; each job sees
 * its pixels in stored order, as a whole-row reader would give them.
 * The band jobs' rows go to the band, once. */
static int
sampler_jobs_row(struct sampler *s, uint32_t sy, struct smp_err *e)
{
	size_t	 i;
	uint32_t y0 = 0, y1 = 0;
	int	 band = 0;

	for (i = 0; i < s->njobs; i++) {
		struct job	*j = &s->jobs[i];
		const struct box *b = &j->sbox;
		uint32_t	 a = b->x0 - s->rect.x, z = b->x1 - s->rect.x;
		int		 r;

		if (sy < b->y0 || sy >= b->y1)
			continue;
		if (j->band) {
			job_over_white(s, j, a, z);
			band = 1, y0 = b->y0, y1 = b->y1;
			continue;
		}
		if (j->kind == JOB_CIRCLE || j->kind == JOB_MASK ||
		    j->inset != NULL || s->info->has_alpha)
			r = job_push_pixels(s, j, sy, a, z, e);
		else
			r = job_push_run(s, j, a, z, e);
		if (r == -1)
			return -1;
	}
	if (band)
		sampler_band_row(s, sy, y0, y1);
	return 0;
}

/* smp_tally_convert_fn: n device values to Lab through the image's
 * conversion; -1 when one does not convert. */
static int
sampler_convert(void *arg, const uint64_t *keys, float *lab, size_t n)
{
	struct sampler	*s = arg;
	int		 nch = s->ncol + 1, c;
	uint64_t	 k;
	size_t		 i;

	for (i = 0; i < n; i++) {
		uint16_t	*p = s->conv + i * nch;

		for (k = keys[i], c = s->ncol - 1; c >= 0; c--, k >>= 16)
			p[c] = (uint16_t)(k & 0xffff);
		p[s->ncol] = 65535;
	}
	smp_pixconv_run(s->pc, s->conv, lab, (uint32_t)n);
	for (i = 0; i < 3 * n; i++)
		if (!isfinite(lab[i]))
			return -1;
	return 0;
}

/* How many stored rows after sy no box covers (0: the next is wanted). */
static uint32_t
rows_unwanted(const struct sampler *s, uint32_t sy)
{
	uint32_t	next = s->rect.y + s->rect.h;
	size_t		i;

	for (i = 0; i < s->nboxes; i++) {
		const struct box	*bx = &s->boxes[i];

		if (sy + 1 >= bx->y0 && sy + 1 < bx->y1)
			return 0;
		if (bx->y0 > sy + 1 && bx->y0 < next)
			next = bx->y0;
	}
	return next - sy - 1;
}

/* Convert the colours of the lists in an order (a sorted tally's or a
 * band's) among the jobs that end at sy together, each value once (a
 * grid's row of tiles: 2.4 M colours of grid:10x10 over a 24 MP photo
 * are 0.66 M values of its rows), those of each order apart; the others
 * convert their own in job_finish. */
static int
sampler_convert_shared(struct sampler *s, uint32_t sy, struct smp_err *e)
{
	static const int	  orders[] = { SMP_TALLY_KEYS, SMP_TALLY_MORTON };
	struct smp_tally	**ts;
	struct smp_err		  none = SMP_ERR_INIT;
	size_t			  i, k, o, marks;
	int			  r = 0;

	if ((ts = malloc((s->njobs + 1) * sizeof *ts)) == NULL)
		return 0;	/* each converts its own */
	for (o = 0; o < sizeof orders / sizeof *orders && r != -1; o++) {
		for (i = 0, k = 0; i < s->njobs; i++)
			if (!s->jobs[i].done && s->jobs[i].sbox.y1 <= sy &&
			    s->jobs[i].t.ordered == orders[o])
				ts[k++] = &s->jobs[i].t;
		if (k < 2)
			continue;
		/* The marks where the budget has room for them, else a
		 * merge. */
		if ((marks = smp_tally_sort_marks_bytes(ts, k)) > 0 &&
		    smp_image_grow(s->img, marks, &none) == -1)
			marks = 0;
		r = smp_tally_sort_colours(ts, k, marks > 0, sampler_convert,
		    s);
		smp_image_release(s->img, marks);
	}
	free(ts);
	if (r == -1)
		return smp_errf(e, SMP_E_COLOR, "%s: colour conversion failed",
		    s->path);
	return 0;
}

/* Count band job j from the band into its tally, a list of its colours
 * taken from the budget as the band's tally makes it. */
static int
job_band(struct sampler *s, struct job *j, struct smp_err *e)
{
	const struct box *b = &j->sbox;
	struct smp_tally *d = &s->band.d;
	size_t		  bound;

	if (smp_band_count(&s->band, b->x0 - s->rect.x, b->x1 - s->rect.x,
	    b->y0, b->y1, j->cap) != 0)
		return smp_errf(e, SMP_E_INPUT, "%s: internal: a row of "
		    "region %s was not read", s->path, j->label);
	bound = smp_tally_bytes(smp_tally_direct_bound(d));
	if (smp_image_grow(s->img, bound, e) == -1)
		return -1;
	if (smp_tally_direct_take(d, &j->t) == -1)
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", s->path);
	smp_image_release(s->img, bound - smp_tally_bytes(j->t.size));
	j->band = 0;	/* counted */
	return 0;
}

/* Measure the jobs that no stored row from sy on can reach and free
 * their tallies: a grid's memory is one row of its tiles. */
static int
sampler_finish(struct sampler *s, uint32_t sy, struct smp_err *e)
{
	size_t	i;

	for (i = 0; i < s->njobs; i++)
		if (!s->jobs[i].done && s->jobs[i].sbox.y1 <= sy &&
		    ((s->jobs[i].band && job_band(s, &s->jobs[i], e) == -1) ||
		    job_flush(s, &s->jobs[i], e) == -1))
			return -1;
	if (sampler_convert_shared(s, sy, e) == -1)
		return -1;
	s->next_done = UINT32_MAX;
	for (i = 0; i < s->njobs; i++) {
		struct job	*j = &s->jobs[i];

		if (j->done)
			continue;
		if (j->sbox.y1 <= sy) {
			if (job_finish(s, j, e) == -1)
				return -1;
		} else if (j->sbox.y1 < s->next_done)
			s->next_done = j->sbox.y1;
	}
	return 0;
}

static int
sampler_row(void *arg, uint32_t sy, const uint16_t *px, struct smp_err *e)
{
	struct sampler	*s = arg;
	int		 nch = (int)s->info->model + 1;
	uint32_t	 a, x0, x1, skip;

	s->nspans = row_spans(s, sy);
	s->keyed = 0;
	s->px = px;
	s->px8 = px == NULL ? smp_image_row_8bit(s->img) : NULL;
	if (s->insets)
		for (a = 0; a < s->nspans; a++) {
			x0 = s->spans[2 * a], x1 = s->spans[2 * a + 1];
			smp_pixconv_run(s->pc, sampler_px(s) + (size_t)x0 * nch,
			    s->rowlab + 3 * (size_t)x0, x1 - x0);
		}
	if (sampler_jobs_row(s, sy, e) == -1)
		return -1;
	if (sy + 1 >= s->next_done && sampler_finish(s, sy + 1, e) == -1)
		return -1;
	skip = rows_unwanted(s, sy);
	return skip > INT_MAX ? INT_MAX : (int)skip;
}

/* The stored box of display box [x0, x1) x [y0, y1). */
static struct box
stored_box(const struct smp_image_info *in, uint32_t x0, uint32_t y0,
    uint32_t x1, uint32_t y1)
{
	struct box	b = { UINT32_MAX, UINT32_MAX, 0, 0 };
	uint32_t	sx, sy, cx[2] = { x0, x1 - 1 }, cy[2] = { y0, y1 - 1 };
	int		i, k;

	for (i = 0; i < 2; i++)
		for (k = 0; k < 2; k++) {
			smp_orient_to_stored(in->orientation, in->width,
			    in->height, cx[i], cy[k], &sx, &sy);
			if (sx < b.x0)
				b.x0 = sx;
			if (sy < b.y0)
				b.y0 = sy;
			if (sx + 1 > b.x1)
				b.x1 = sx + 1;
			if (sy + 1 > b.y1)
				b.y1 = sy + 1;
		}
	return b;
}

/* The stored boxes of the shapes and of each grid (the whole image),
 * and the stored rectangle covering them all. */
static int
sampler_rect(struct sampler *s, struct smp_err *e)
{
	const struct smp_image_info *in = s->info;
	struct box	 u = { UINT32_MAX, UINT32_MAX, 0, 0 }, b;
	size_t		 i, n = 0;

	if ((s->boxes = malloc((s->njobs + 1) * sizeof *s->boxes)) == NULL ||
	    (s->spans = malloc((s->njobs + 1) * 2 * sizeof *s->spans)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", s->path);
	for (i = 0; i < s->njobs; i++) {
		struct job	*j = &s->jobs[i];

		b = stored_box(in, j->x0, j->y0, j->x1, j->y1);
		j->sbox = b;
		if (j->kind != JOB_TILE)
			s->boxes[n++] = b;
	}
	if (s->ngrids > 0)
		s->boxes[n++] = (struct box){ 0, 0, in->width, in->height };
	s->nboxes = n;
	for (i = 0; i < n; i++) {
		b = s->boxes[i];
		u.x0 = b.x0 < u.x0 ? b.x0 : u.x0;
		u.y0 = b.y0 < u.y0 ? b.y0 : u.y0;
		u.x1 = b.x1 > u.x1 ? b.x1 : u.x1;
		u.y1 = b.y1 > u.y1 ? b.y1 : u.y1;
	}
	s->rect = (struct smp_rect){ u.x0, u.y0, u.x1 - u.x0, u.y1 - u.y0 };
	return 0;
}

/* What every reading of one image shares. */
struct image_facts {
	const char		*path, *date, *profile;	/* -p, or NULL */
	enum smp_profile_source	 source;
	double			 calib_de00;
	unsigned		 calib_flags;
};

/* A region's Lab from a real photo through a sane profile (smp-sample(1)
 * DIAGNOSTICS: L within SMP_LAB_MARGIN of 0..100, a and b within
 * SMP_LAB_AB_MAX). */
static int
lab_possible(const struct smp_lab *l)
{
	return isfinite(l->L) && isfinite(l->a) && isfinite(l->b) &&
	    l->L >= -SMP_LAB_MARGIN && l->L <= 100 + SMP_LAB_MARGIN &&
	    fabs(l->a) <= SMP_LAB_AB_MAX && fabs(l->b) <= SMP_LAB_AB_MAX;
}

/* Measure n colours, pixels in all, as m. */
static int
measure(struct measure *m, enum smp_class klass, const struct smp_colour *c,
    size_t n, uint64_t pixels, const struct smp_sample_opts *o,
    struct smp_err *e)
{
	m->klass = klass;
	m->pixels = pixels;
	return smp_stats_compute(c, n, o->stat, &m->st, e);
}

/* Are there follicles (or dots) at all?  Enough of them, and clearly
 * darker than the skin: the rules of smp-sample(1) -S. */
static int
has_dots(const struct measure *skin, const struct measure *dots)
{
	uint64_t	ns = skin->pixels, nd = dots->pixels;

	if (nd < SMP_SEP_MIN_PIXELS || (double)nd / (double)(ns + nd) <
	    SMP_SEP_MIN_SHARE || ns == 0)
		return 0;
	return smp_delta_e(SMP_DE00, &skin->st.value, &dots->st.value) >=
	    SMP_SEP_MIN_DE;
}

/* Split a job's colours into skin and dots; a region without dots is
 * one skin row of all its pixels.  The classes share one copy of the
 * colours, skin first (job_finish took the memory). */
static int
measure_separate(struct job *j, const struct smp_sample_opts *o,
    struct smp_err *e)
{
	const struct smp_tally	*t = &j->t;
	unsigned char		*dot = NULL;
	struct smp_colour	*both = NULL, *cls[2];
	size_t			 cnt[2] = { 0, 0 }, i;
	uint64_t		 px[2] = { 0, 0 };
	double			 th;
	int			 r = -1;

	if ((dot = malloc(t->n + 1)) == NULL ||
	    (both = malloc(t->n * sizeof *both + 1)) == NULL) {
		smp_errf(e, SMP_E_NOMEM, "out of memory for --separate");
		goto out;
	}
	if (smp_separate(t->c, t->n, dot, &th, e) == -1)
		goto out;
	j->threshold = th;
	for (i = 0; i < t->n; i++)
		cnt[1] += dot[i];
	cls[0] = both;
	cls[1] = both + (t->n - cnt[1]);
	cnt[1] = 0;
	for (i = 0; i < t->n; i++) {
		int	k = dot[i];

		cls[k][cnt[k]++] = t->c[i];
		px[k] += t->c[i].n;
	}
	j->nm = 2;
	if (measure(&j->m[0], SMP_CLASS_SKIN, cls[0], cnt[0], px[0], o,
	    e) == -1 || measure(&j->m[1], SMP_CLASS_DOT, cls[1], cnt[1], px[1],
	    o, e) == -1)
		goto out;
	if (!has_dots(&j->m[0], &j->m[1])) {
		j->nm = 1;
		if (measure(&j->m[0], SMP_CLASS_SKIN, t->c, t->n, t->pixels, o,
		    e) == -1)
			goto out;
	}
	r = 0;
out:
	free(dot);
	free(both);
	return r;
}

/* Make job j's tally a list of colours: its recent values, a sorted
 * tally's chunk or a direct tally's array into it. */
static int
job_flush(struct sampler *s, struct job *j, struct smp_err *e)
{
	size_t	chunk = smp_tally_sort_chunk_bytes(&j->t);
	int	r;

	j->pixels = j->t.pixels;
	while ((r = smp_tally_flush(&j->t)) == 1)
		if (job_grow(s, j, e) == -1)
			return -1;
	smp_image_release(s->img, chunk);	/* the flush freed it */
	/* A direct tally's list of colours is made beside its array, for
	 * as many as it may hold, and keeps what it holds. */
	if (j->direct) {
		size_t	bound = smp_tally_bytes(smp_tally_direct_bound(&j->t));

		if (smp_image_grow(s->img, bound, e) == -1)
			return -1;
		if (smp_tally_direct_list(&j->t) == -1)
			return smp_errf(e, SMP_E_NOMEM, "%s: out of memory",
			    s->path);
		smp_image_release(s->img, smp_tally_direct_bytes(j->cap) +
		    bound - smp_tally_bytes(j->t.size));
	}
	return 0;
}

/* Measure job j, flushed, and free its colours, with the statistics'
 * scratch (8 bytes a colour; with -S the classes' copy and class bytes,
 * 25) taken from the image's budget while it works. */
static int
job_finish(struct sampler *s, struct job *j, struct smp_err *e)
{
	const struct smp_sample_opts *o = s->o;
	uint64_t	scratch, held;
	int		r = 0;

	j->done = 1;
	if (j->t.c == NULL && smp_tally_colours(&j->t, sampler_convert, s) ==
	    -1)
		return smp_errf(e, SMP_E_COLOR, "%s: colour conversion failed",
		    s->path);	/* the tally is freed with the sampler */
	scratch = (uint64_t)j->t.n * (sizeof(struct smp_wval) +
	    (o->separate ? sizeof(struct smp_colour) + 1 : 0));
	held = smp_tally_bytes(j->t.size);
	if (j->pixels == 0)
		j->nm = 0;	/* an error in its turn, smp_sample_regions */
	else if (smp_image_grow(s->img, scratch, e) == -1)
		return -1;
	else {
		held += scratch;
		if (o->separate)
			r = measure_separate(j, o, e);
		else {
			j->nm = 1;
			r = measure(&j->m[0], SMP_CLASS_ALL, j->t.c, j->t.n,
			    j->pixels, o, e);
		}
	}
	smp_tally_free(&j->t);
	smp_image_release(s->img, held);
	return r;
}

/* The rows of job j, in its turn. */
static int
job_readings(struct smp_readings *rs, const struct image_facts *im,
    const struct job *j, const struct smp_sample_opts *o, struct smp_err *e)
{
	struct smp_reading	*r;
	int			 k;

	if (j->nm == 0)
		return smp_errf(e, SMP_E_INPUT, "region %s: no opaque pixels to "
		    "measure", j->label);
	for (k = 0; k < j->nm; k++) {
		const struct measure	*m = &j->m[k];

		if ((r = smp_readings_add(rs, im->path, j->label, e)) == NULL ||
		    smp_readings_set_date(r, im->date, e) == -1)
			return -1;
		r->klass = m->klass;
		r->frac = (double)m->pixels / (double)j->pixels;
		r->stat = o->stat;
		r->white = o->white;
		r->source = im->source;
		r->calib_de00 = im->calib_de00;
		r->calib_flags = im->calib_flags;
		r->st = m->st;
		if (!lab_possible(&r->st.mean) || !lab_possible(&r->st.median))
			return smp_errf(e, SMP_E_COLOR, "region %s: %s gives "
			    "colours no camera can see (mean L %.4g, a %.4g, b "
			    "%.4g); the profile is damaged or not a camera's",
			    j->label, im->profile != NULL ? im->profile :
			    im->source == SMP_PROF_EMBEDDED ?
			    "the embedded profile" : "the profile",
			    r->st.mean.L, r->st.mean.a, r->st.mean.b);
		smp_readings_derive(r);
	}
	return 0;
}

int
smp_sample_regions(struct smp_image *img, const struct smp_sample_opts *o,
    const struct smp_sample_source *src, struct smp_readings *out,
    struct smp_err *e)
{
	const char		*path = smp_image_path(img);
	struct sampler		 s;
	struct image_facts	 im;
	size_t			 i, k;
	int			 r = -1;

	memset(out, 0, sizeof *out);
	memset(&s, 0, sizeof s);
	s.path = path;
	s.img = img;
	s.o = o;
	s.info = smp_image_info(img);
	s.ncol = (int)s.info->model;
	s.insets = o->insets;
	im.path = path;
	im.profile = o->profile;
	im.calib_de00 = src->calib_de00;
	im.calib_flags = src->calib_flags;
	if (src->have_white) {
		s.have_white = 1;
		for (i = 0; i < 3; i++)
			s.white16[i] = src->white[i] >= 1 ? 65535 :
			    (uint32_t)(src->white[i] * 65535);
	}
	if (src->have_chart) {
		memcpy(s.chart, src->chart, sizeof s.chart);
		s.have_chart = s.chart[2] > s.chart[0] && s.chart[3] > s.chart[1];
	}
	if (sampler_plan(&s, o, e) == -1 || sampler_rect(&s, e) == -1)
		goto out;
	if (sampler_reserve(&s, img, o, e) == -1 ||
	    (o->insets && sampler_insets(&s, e) == -1) ||
	    smp_pixconv_new(s.info, o->profile, src->icc, src->icc_len,
	    o->white, &s.pc, e) == -1)
		goto out;
	smp_pixconv_memo(s.pc, s.insets || sampler_unsorted(&s) > 1);
	im.source = smp_pixconv_source(s.pc);
	im.date = o->date != NULL ? o->date : s.info->date;
	smp_image_row_want8(img, 1);
	r = smp_image_read(img, &s.rect, sampler_row, &s, e);
	smp_image_row_want8(img, 0);
	if (r == -1 || (r = sampler_finish(&s, UINT32_MAX, e)) == -1)
		goto out;
	for (i = 0; i < s.njobs; i++) {
		struct job		*j = &s.jobs[i];

		size_t			 first = out->n;

		if ((r = job_readings(out, &im, j, o, e)) == -1)
			goto out;
		for (k = first; k < out->n; k++)
			out->r[k].over_white = s.have_white ?
			    (double)j->over / (double)j->pixels : NAN;
		if (j->inset != NULL) {		/* handed to the first row */
			smp_inset_finish(j->inset, out->r[first].klass ==
			    SMP_CLASS_SKIN && out->n > first + 1 ?
			    j->threshold : NAN);
			out->r[first].inset = j->inset;
			s.jobs[i].inset = NULL;
		}
	}
	r = 0;
out:
	if (r == -1) {
		smp_readings_clear(out);
		smp_err_prefix(e, path);	/* regions, masks: name the image */
	}
	sampler_free(&s);
	return r;
}

void
smp_sample_opts_clear(struct smp_sample_opts *o)
{
	int	i;

	for (i = 0; i < o->nregions; i++)
		smp_region_clear(&o->regions[i]);
	free(o->regions);
	o->regions = NULL;
	o->nregions = 0;
}

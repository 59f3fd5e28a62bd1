/*
 * smp.h: the libsmp API, the only header a tool includes.
 *
 * Ownership rules (all modules):
 * 1. smp_<x>_open()/_new() return an object the caller owns; smp_<x>_free()
 *    releases it and accepts NULL.
 * 2. On failure a function returns -1 (or NULL), fills the caller's
 *    struct smp_err once, where the failure was detected, and leaves no
 *    allocation behind.  Callers pass the error on without adding to it.
 * 3. Strings and arrays returned by getters are borrowed and stay valid until
 *    the owning object is freed.
 * 4. The library never prints and never exits.
 */
#ifndef SMP_H
#define SMP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define printflike(a, b) __attribute__((format(printf, a, b)))
#define smp_dead __attribute__((noreturn))

/* Exit status shared by every tool (smp(7)). */
#define SMP_EXIT_OK	 0
#define SMP_EXIT_SHORT	 1
#define SMP_EXIT_TROUBLE 2

/* err.c */
enum smp_errcode {
	SMP_E_NONE = 0,
	SMP_E_NOMEM,	/* out of memory */
	SMP_E_IO,	/* cannot open, read or write a file */
	SMP_E_INPUT,	/* malformed or unsupported input */
	SMP_E_LIMIT,	/* a configured limit would be exceeded */
	SMP_E_USAGE,	/* bad option value or region */
	SMP_E_COLOR	/* colour engine refused a profile or transform */
};

struct smp_err {
	int	code;
	char	msg[512];
};
#define SMP_ERR_INIT { SMP_E_NONE, "" }

/* Fill e (unless already filled) and return -1. */
int	smp_errf(struct smp_err *e, int code, const char *fmt, ...)
	    printflike(3, 4);
void	smp_err_clear(struct smp_err *e);

/* parse.c: strict, locale-independent parsing; whole string must match. */
int	smp_parse_double(const char *s, double min, double max, double *out,
	    struct smp_err *e);
int	smp_parse_long(const char *s, long min, long max, long *out,
	    struct smp_err *e);
/* Parse exactly n comma-separated doubles ("1.5,2,3"). */
int	smp_parse_doubles(const char *s, double *out, int n, struct smp_err *e);
/* Parse a size with an optional K/M/G suffix (powers of 1024). */
int	smp_parse_size(const char *s, uint64_t *out, struct smp_err *e);

/* table.c: the one TSV / JSON Lines writer. */
enum smp_table_format { SMP_TABLE_TSV, SMP_TABLE_JSON };

struct smp_table;
/* cols is borrowed for the table's lifetime.  The TSV header is written at
 * creation unless header is 0. */
struct smp_table *smp_table_new(FILE *fp, enum smp_table_format fmt,
	    int header, const char *const *cols, int ncols, struct smp_err *e);
void	smp_table_free(struct smp_table *t);
void	smp_table_str(struct smp_table *t, const char *s);   /* NULL: missing */
void	smp_table_num(struct smp_table *t, double v, int prec); /* !finite: missing */
void	smp_table_int(struct smp_table *t, long long v);
void	smp_table_null(struct smp_table *t);
/* Ends the row; -1 with e filled if a column count is wrong. */
int	smp_table_end_row(struct smp_table *t, struct smp_err *e);

/* color.c: lcms2 is the only colour engine. */
enum smp_white { SMP_WHITE_D50, SMP_WHITE_D65 };

struct smp_lab {
	double	L, a, b;
};

const char *smp_white_name(enum smp_white w);
/* Lab relative to white `from` -> Lab relative to `to`, Bradford adaptation. */
void	smp_lab_adapt(const struct smp_lab *in, enum smp_white from,
	    enum smp_white to, struct smp_lab *out);
void	smp_lab_lch(const struct smp_lab *lab, double *C, double *h);

enum smp_metric { SMP_DE00, SMP_DE94, SMP_CMC, SMP_DE76 };
/* ref is the reference (target, standard); it matters for CMC only. */
double	smp_delta_e(enum smp_metric m, const struct smp_lab *ref,
	    const struct smp_lab *sample);
int	smp_metric_parse(const char *s, enum smp_metric *m, struct smp_err *e);

/* ITA in degrees from D65 Lab (Chardon 1991); NAN when b* <= 0. */
double	smp_ita(const struct smp_lab *lab_d65);
/* Del Bino 2006 classes, lower bound exclusive: "very_light" ... "dark",
 * "undefined" for NAN. */
const char *smp_ita_class(double ita);

/* image.c, image-png.c, image-jpeg.c, exif.c */
enum smp_colour_model { SMP_CM_GREY = 1, SMP_CM_RGB = 3, SMP_CM_CMYK = 4 };

enum smp_profile_source {
	SMP_PROF_EMBEDDED,
	SMP_PROF_SRGB_CHUNK,
	SMP_PROF_GAMA_CHRM,
	SMP_PROF_ASSUMED_SRGB,
	SMP_PROF_GIVEN
};
const char *smp_profile_source_name(enum smp_profile_source s);

struct smp_limits {
	uint64_t	max_pixels;	/* width * height of one image */
	uint64_t	max_bytes;	/* working memory for one image */
};
#define SMP_DEFAULT_MAX_PIXELS	(100ULL * 1000 * 1000)
#define SMP_DEFAULT_MAX_BYTES	(512ULL * 1024 * 1024)
#define SMP_MAX_ICC_BYTES	(16U * 1024 * 1024)

/* What an opened image says about itself. */
struct smp_image_info {
	uint32_t		width, height;	/* as stored */
	uint32_t		disp_width, disp_height; /* after EXIF orientation */
	int			orientation;	/* EXIF 1..8, 1 when absent */
	enum smp_colour_model	model;
	int			bits;		/* 8 or 16 */
	int			has_alpha;
	const unsigned char	*icc;		/* embedded profile or NULL */
	size_t			icc_len;
	int			srgb_chunk;	/* PNG sRGB chunk present */
	int			has_gama;
	double			gama;		/* PNG file gamma, e.g. 0.45455 */
	int			has_chrm;
	double			chrm[8];	/* wx wy rx ry gx gy bx by */
	int			adobe_inverted;	/* CMYK stored inverted */
};

struct smp_rect {
	uint32_t	x, y, w, h;
};

struct smp_image;
int	smp_image_open(const char *path, const struct smp_limits *lim,
	    struct smp_image **out, struct smp_err *e);
void	smp_image_free(struct smp_image *img);
const struct smp_image_info *smp_image_info(const struct smp_image *img);
const char *smp_image_path(const struct smp_image *img);

/*
 * Rows of the stored (not display) rectangle r, top to bottom, each as
 * r.w pixels of (model channels + 1 alpha) uint16 samples, 0..65535, ink
 * values for CMYK.  A rect can be read once per opened image.  fn returns
 * 0 to go on, -1 (with e filled) to stop.
 */
typedef int (*smp_row_fn)(void *arg, uint32_t sy, const uint16_t *px,
	    struct smp_err *e);
int	smp_image_read(struct smp_image *img, const struct smp_rect *r,
	    smp_row_fn fn, void *arg, struct smp_err *e);

/* Display <-> stored coordinates for EXIF orientation o of a stored w x h. */
void	smp_orient_to_display(int o, uint32_t w, uint32_t h, uint32_t sx,
	    uint32_t sy, uint32_t *dx, uint32_t *dy);
void	smp_orient_to_stored(int o, uint32_t w, uint32_t h, uint32_t dx,
	    uint32_t dy, uint32_t *sx, uint32_t *sy);
/* EXIF orientation from an APP1 payload ("Exif\0\0" + TIFF); 1 if absent. */
int	smp_exif_orientation(const unsigned char *p, size_t n);

/* profile.c: the colour pipeline of one image. */
struct smp_pixconv;
/* given_icc (may be NULL) overrides what the image carries. */
int	smp_pixconv_new(const struct smp_image_info *info, const char *given,
	    enum smp_white white, struct smp_pixconv **out, struct smp_err *e);
void	smp_pixconv_free(struct smp_pixconv *pc);
enum smp_profile_source smp_pixconv_source(const struct smp_pixconv *pc);
/* n pixels in the layout of smp_image_read -> n Lab triplets (floats). */
void	smp_pixconv_run(struct smp_pixconv *pc, const uint16_t *px,
	    float *lab, uint32_t n);

/* region.c */
enum smp_region_kind {
	SMP_REGION_ALL, SMP_REGION_RECT, SMP_REGION_CIRCLE, SMP_REGION_MASK,
	SMP_REGION_GRID
};

struct smp_region {
	enum smp_region_kind	kind;
	char			*spec;		/* as the user wrote it */
	double			v[4];		/* rect x y w h; circle cx cy r */
	uint32_t		cols, rows;	/* grid */
	char			*mask_path;
};
int	smp_region_parse(const char *spec, struct smp_region *r,
	    struct smp_err *e);
void	smp_region_clear(struct smp_region *r);

/* stats.c */
enum smp_stat { SMP_STAT_ROBUST, SMP_STAT_MEAN, SMP_STAT_MEDIAN };
int	smp_stat_parse(const char *s, enum smp_stat *st, struct smp_err *e);

struct smp_stats {
	size_t		n;		/* pixels the estimate uses */
	size_t		n_excluded;	/* outliers left out (robust) */
	struct smp_lab	mean, median, sd, value; /* value: what --stat picks */
	double		ci95;		/* radius of the 95% confidence sphere */
};
/* Robust rule constants (documented in smp-sample(1)). */
#define SMP_ROBUST_K		3.0	/* k in median +- k * 1.4826 * MAD */
#define SMP_ROBUST_MIN_SIGMA	0.5	/* L* floor for the MAD scale */
/* lab: n float triplets; reorders nothing, uses scratch of n floats. */
int	smp_stats_compute(const float *lab, size_t n, enum smp_stat st,
	    struct smp_stats *out, struct smp_err *e);
double	smp_median(float *v, size_t n);	/* partially reorders v */

/* Split lab into skin (keep[i] = 1) and dark dots/hair (keep[i] = 0). */
int	smp_separate(const float *lab, size_t n, unsigned char *is_dot,
	    double *threshold, struct smp_err *e);

/* sample.c: measure regions of one image. */
struct smp_sample_opts {
	struct smp_region	*regions;
	int			nregions;
	const char		*profile;	/* -p, or NULL */
	enum smp_white		white;
	enum smp_stat		stat;
	int			separate;
	struct smp_limits	limits;
};

struct smp_reading {
	char			*region;	/* label of the region or tile */
	const char		*klass;		/* "all", "skin", "dot" */
	double			frac;		/* share of the region's area */
	struct smp_stats	st;
	double			C, h, ita;
	const char		*ita_class;
};

struct smp_readings {
	struct smp_reading	*r;
	size_t			n;
	enum smp_white		white;
	enum smp_profile_source	source;
};
int	smp_sample_image(const char *path, const struct smp_sample_opts *o,
	    struct smp_readings *out, struct smp_err *e);
void	smp_readings_clear(struct smp_readings *rs);

/* cli.c: only tools call these; they print and exit. */
void	smp_cli_init(const char *argv0);
const char *smp_progname(void);
void	smp_warnx(const char *fmt, ...) printflike(1, 2);
smp_dead void smp_die(const struct smp_err *e);
smp_dead void smp_usage_error(const char *fmt, ...) printflike(1, 2);
smp_dead void smp_cli_version(void);

#endif /* SMP_H */

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
#include <sys/types.h>

#define printflike(a, b) __attribute__((format(printf, a, b)))
#define smp_dead __attribute__((noreturn))

/* Exit status shared by every tool (smp(7)). */
#define SMP_EXIT_OK	 0
#define SMP_EXIT_SHORT	 1
#define SMP_EXIT_TROUBLE 2

/*
 * I/O and foundations: errors, parsing, text in and out, files, dates,
 * threads, solvers.
 */

/* err.c: the error filled once where a failure is detected. */
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
/* Prefix a filled error with "path: " unless it already names path. */
void	smp_err_prefix(struct smp_err *e, const char *path);

/* parse.c: strict, locale-independent parsing; whole string must match. */
int	smp_parse_double(const char *s, double min, double max, double *out,
	    struct smp_err *e);
int	smp_parse_long(const char *s, long min, long max, long *out,
	    struct smp_err *e);
/* Parse exactly n comma-separated doubles ("1.5,2,3"). */
int	smp_parse_doubles(const char *s, double *out, int n, struct smp_err *e);
/* Parse a size with an optional K/M/G suffix (powers of 1024). */
int	smp_parse_size(const char *s, uint64_t *out, struct smp_err *e);
/* Parse a count with an optional M/G suffix (10^6, 10^9). */
int	smp_parse_count(const char *s, uint64_t *out, struct smp_err *e);

/* names.c: the name table of each enumerated choice; names match in any
 * case; smp_names_name gives the label records write ("?" for a value
 * not in the table). */
struct smp_name {
	const char	*name;		/* as typed */
	int		 value;
	const char	*label;		/* as written, or NULL: name */
};
struct smp_names {
	const char		*what;	/* for messages: "white point" */
	const struct smp_name	*v;
	int			 n;
};
extern const struct smp_names smp_names_white, smp_names_metric,
	    smp_names_stat, smp_names_model, smp_names_hair, smp_names_view,
	    smp_names_edition, smp_names_source, smp_names_class,
	    smp_names_flag, smp_names_format, smp_names_fade_flag,
	    smp_names_criterion, smp_names_calib_flag;
/* "unknown T 'S': expected a, b or c" when s is none of them. */
int	smp_names_parse(const struct smp_names *t, const char *s, int *v,
	    struct smp_err *e);
const char *smp_names_name(const struct smp_names *t, int v);
/* The names of the bits of mask set in a table of bit values, joined by
 * commas ("" for none). */
void	smp_names_join(const struct smp_names *t, unsigned mask, char *buf,
	    size_t len);
/* The reverse: "a,b" (or "-" or "" for none) to the mask of their bits. */
int	smp_names_split(const struct smp_names *t, const char *s,
	    unsigned *mask, struct smp_err *e);

/* strbuf.c: a growing string; fail is set (and stays) on out of memory. */
struct smp_strbuf {
	char	*b;
	size_t	 n, cap;
	int	 fail;
};
void	smp_strbuf_printf(struct smp_strbuf *o, const char *fmt, ...)
	    printflike(2, 3);
void	smp_strbuf_free(struct smp_strbuf *o);
/* Write atomically (or report the out-of-memory), then free. */
int	smp_strbuf_write(struct smp_strbuf *o, const char *path,
	    struct smp_err *e);

/* grow.c: room for element n of an array of size-byte elements at base
 * with *cap allocated, doubling; the (maybe moved) array, or NULL with e
 * filled and base untouched. */
void	*smp_grow_array(void *base, size_t *cap, size_t n, size_t size,
	    struct smp_err *e);

/* tsv.c: the one TSV reader.  smp_tsv_next returns 1 with the fields of
 * the next line that is neither blank nor a '#' comment, 0 at the end, -1
 * on error; the fields are valid until the next call. */
#define SMP_TSV_MAX_LINE	(1U << 20)
/* One line from fp up to delim (not kept), at most max bytes, never
 * reading or allocating past them: its length, or one of these. */
#define SMP_LINE_END	(-1)	/* end of file (or a read error) */
#define SMP_LINE_LONG	(-2)	/* more than max bytes before delim */
#define SMP_LINE_NUL	(-3)	/* a NUL byte (delim not NUL) */
#define SMP_LINE_NOMEM	(-4)
ssize_t	smp_tsv_read_line(FILE *fp, int delim, size_t max, char **buf,
	    size_t *cap);
struct smp_tsv {
	FILE		*fp;
	const char	*path;		/* "(stdin)" for "-" */
	unsigned long	 line;
	char		*buf;
	size_t		 cap;
	char		**f;
	int		 nf, fcap, owned;
	/* JSON Lines (smp_tsv_allow_json): the keys of the first object,
	 * given as a header line, then each object's values in their order;
	 * an object with a "summary" key is skipped. */
	int		 json_ok, json;	/* allowed; this file is JSON */
	char		*keys;		/* the first object's keys, NUL-
					 * separated */
	char		**key;
	int		 nkeys, pending;	/* the first object's values
						 * still to give */
};
int	smp_tsv_open(struct smp_tsv *t, const char *path, struct smp_err *e);
void	smp_tsv_close(struct smp_tsv *t);
int	smp_tsv_next(struct smp_tsv *t, struct smp_err *e);
/* Also read a file whose first record is a JSON object as JSON Lines,
 * the tools' own --json output (smp(7)). */
void	smp_tsv_allow_json(struct smp_tsv *t);
/* Index of the field equal to name in the current line, or -1. */
int	smp_tsv_col(const struct smp_tsv *t, const char *name);
/* Fill e with "file:line: ..." and return -1. */
int	smp_tsv_errf(const struct smp_tsv *t, struct smp_err *e,
	    const char *fmt, ...) printflike(3, 4);

/* table.c: the one TSV / JSON Lines writer.  A table's columns are an
 * array of descriptors (count it with SMP_NCOLS, never by hand); a row's
 * cells are set by column index, strings copied, then written by
 * smp_table_end_row.  Unset cells and non-finite numbers are missing. */
/* names.c: tsv, json, table */
enum smp_table_format { SMP_TABLE_TSV, SMP_TABLE_JSON, SMP_TABLE_TEXT };
enum smp_col_type { SMP_COL_STR, SMP_COL_NUM, SMP_COL_INT };
struct smp_column {
	const char		*name;
	enum smp_col_type	 type;
	int			 prec;		/* SMP_COL_NUM: decimals */
};
#define SMP_NCOLS(a)	((int)(sizeof (a) / sizeof (a)[0]))

struct smp_table;
/* cols is borrowed for the table's lifetime.  The TSV header is written at
 * creation unless header is 0. */
struct smp_table *smp_table_new(FILE *fp, enum smp_table_format fmt,
	    int header, const struct smp_column *cols, int ncols,
	    struct smp_err *e);
/* Text (an aligned table for people) holds its rows until flushed, then
 * prints them under the column names; the other formats write each row
 * as it ends and flushing does nothing.  smp_table_free flushes. */
void	smp_table_flush(struct smp_table *t);
enum smp_table_format smp_table_format(const struct smp_table *t);
/* The same with only the columns i where shown[i] is set: the others take
 * their cells and leave them out. */
struct smp_table *smp_table_new_shown(FILE *fp, enum smp_table_format fmt,
	    int header, const struct smp_column *cols, int ncols,
	    const int *shown, struct smp_err *e);
void	smp_table_free(struct smp_table *t);
void	smp_table_set_str(struct smp_table *t, int col, const char *s);
void	smp_table_set_num(struct smp_table *t, int col, double v);
void	smp_table_set_int(struct smp_table *t, int col, long long v);
/* Writes the row; -1 with e filled if a cell was set with the wrong type
 * (the row is written all the same). */
int	smp_table_end_row(struct smp_table *t, struct smp_err *e);

/* atomic.c: temporary file in the same directory, fsync, rename; nothing
 * on failure. */
int	smp_atomic_write(const char *path, const void *data, size_t len,
	    struct smp_err *e);
/* Outputs (NULL entries skipped) that may be written: not two on one
 * path, not an existing file that is not regular (a device, a FIFO), not
 * the same file as an input (device and inode).  A symbolic link at an
 * output path is allowed: the write replaces the link, not its target. */
int	smp_atomic_check_outputs(const char *const *out, size_t nout,
	    const char *const *in, size_t nin, struct smp_err *e);
/* Remove the temporaries of the writes in progress; async-signal-safe. */
void	smp_atomic_abort(void);

/* date.c: days since 1970-01-01, proleptic Gregorian. */
long	smp_date_days(long y, int m, int d);
void	smp_date_civil(long days, long *y, int *m, int *d);
/* The one rule for a date: exactly YYYY-MM-DD, a real day, 1900 to
 * 9999.  smp_date_invalid says why s breaks it (NULL when it does not). */
int	smp_date_parse(const char *s, long *days);
const char *smp_date_invalid(const char *s);
void	smp_date_format(long days, char *out, size_t len);
long	smp_date_add_months(long days, int n);
/* Years as a mean Gregorian year; adding years rounds to the nearest
 * day, and a NAN (unknown) time adds nothing. */
#define SMP_DAYS_PER_YEAR	365.25
long	smp_date_add_years(long days, double years);
double	smp_date_years(long from, long to);
long	smp_date_today(void);

/* pool.c: an ordered parallel map.  work(i) runs for every i in [0, n)
 * on up to `threads` threads (must be thread-safe); emit(i, result) runs
 * on the calling thread in order 0, 1, ...  At most `threads` items are
 * in work and 64 x threads finished or in work but not yet emitted.
 * threads <= 1: no thread at all. */
#define SMP_MAX_THREADS	256
typedef void	*(*smp_pool_work)(size_t i, void *arg);
/* emit returns 0 to go on, 1 to stop taking new items (a closed pipe). */
typedef int	 (*smp_pool_emit)(size_t i, void *result, void *arg);
int	smp_pool_run(size_t n, int threads, smp_pool_work work,
	    smp_pool_emit emit, void *arg, struct smp_err *e);
/* Online processors, 1..SMP_MAX_THREADS: the default of -j. */
int	smp_pool_cpu_count(void);

/* solve.c: linear systems, least squares, Nelder-Mead, one dimension. */
#define SMP_SOLVE_MAX	16
int	smp_solve_linear(double *A, double *b, int n, double *x);
int	smp_solve_lstsq(const double *X, const double *y, const double *w,
    int m,
	    int n, double *beta);
/* Nelder-Mead from p (n <= SMP_NM_MAX_DIM dims, initial steps st, at most
 * iters iterations); p receives the best vertex. */
#define SMP_NM_MAX_DIM	18
typedef double (*smp_cost_fn)(void *arg, const double *p);
void	smp_solve_nelder_mead(smp_cost_fn cost, void *arg, double *p,
	    const double *st, int n, int iters);
/* One dimension.  smp_solve_min_1d: a local minimum of f in [a, b] to within
 * tol (Brent: golden section with parabolic steps), at most maxit
 * evaluations; *fmin receives f there.  smp_solve_root_1d: given
 * f(a) > 0 >= f(b),
 * a crossing to within tol (regula falsi, Illinois); returns the end of the
 * final bracket where f <= 0. */
typedef double (*smp_fn1)(void *arg, double x);
double	smp_solve_min_1d(smp_fn1 f, void *arg, double a, double b, double tol,
	    int maxit, double *fmin);
double	smp_solve_root_1d(smp_fn1 f, void *arg, double a, double fa, double b,
	    double fb, double tol, int maxit);
/* The first x in [a, b] with f(x) <= 0: a scan in steps of step, then
 * smp_solve_root_1d to within tol; a itself when f(a) <= 0, NAN when none. */
double	smp_solve_first_root(smp_fn1 f, void *arg, double a, double b,
    double step,
	    double tol);

/* Levenberg-Marquardt: minimise the sum of squares of the m residuals
 * fn(arg, u) writes (m <= SMP_LM_MAX_RES) over the n <= SMP_SOLVE_MAX
 * unknowns u, from u, in at most maxit steps; u receives the solution and
 * J (m x n, row-major, may be NULL) the Jacobian there.  Returns the sum
 * of squares, NAN if n or m is too large. */
#define SMP_LM_MAX_RES	72	/* three a chart patch */
typedef void (*smp_resid_fn)(void *arg, const double *u, double *r);
double	smp_solve_lm(smp_resid_fn fn, void *arg, double *u, int n, int m,
	    int maxit, double *J);

/* homography.c: plane homographies (the chart lattice in a photo). */
int	smp_homography_fit(const double *uv, const double *xy, int n,
    double *H);
void	smp_homography_apply(const double *H, double u, double v, double *x,
	    double *y);
int	smp_homography_invert(const double *m, double *r);


/*
 * Colour: CIELAB, whites, ITA, colour differences, spectra.  lcms2 is
 * the only colour engine.
 */

/* lab.c: CIELAB relative to D50 (the ICC PCS) or D65. */
enum smp_white { SMP_WHITE_D50, SMP_WHITE_D65 };

struct smp_lab {
	double	L, a, b;
};

/* Lab relative to white `from` -> Lab relative to `to`, Bradford adaptation. */
void	smp_lab_adapt(const struct smp_lab *in, enum smp_white from,
	    enum smp_white to, struct smp_lab *out);
void	smp_lab_lch(const struct smp_lab *lab, double *C, double *h);

/* delta-e.c */
enum smp_metric { SMP_DE00, SMP_DE94, SMP_CMC, SMP_DE76 };
/* ref is the reference (target, standard); it matters for CMC only. */
double	smp_delta_e(enum smp_metric m, const struct smp_lab *ref,
	    const struct smp_lab *sample);
/* The lightness term of CIEDE2000 alone (symmetric). */
double	smp_delta_e_lightness(const struct smp_lab *a,
	    const struct smp_lab *b);
/* CIEDE2000's local metric at lab: U (upper triangular) with dE00(lab,
 * lab + d) ~ |U d| for small d, from lcms2's dE00 by central differences
 * of half a unit. */
void	smp_delta_e_metric(const struct smp_lab *lab, double U[3][3]);

/* ita.c */
/* ITA in degrees from D65 Lab (Chardon 1991); NAN when b* <= 0. */
double	smp_ita(const struct smp_lab *lab_d65);
/* Del Bino 2006 classes, lower bound exclusive: "very_light" ... "dark",
 * "undefined" for NAN. */
const char *smp_ita_class(double ita);

/* spectrum.c: 31-band colorimetry, CIE 1931 2-degree observer, the
 * illuminant of the white (D50 or D65); Y = 1 for the perfect white. */
#define SMP_BANDS	31
#define SMP_BAND_NM(i)	(400 + 10 * (i))
void	smp_spectrum_xyz(const double *R, enum smp_white w, double *xyz);
void	smp_spectrum_white(enum smp_white w, double *xyz);
void	smp_spectrum_lab(const double *R, enum smp_white w,
	    struct smp_lab *lab);
void	smp_spectrum_xyz_lab(const double *xyz, enum smp_white w,
    struct smp_lab *lab);
void	smp_spectrum_lab_xyz(const struct smp_lab *lab, enum smp_white w,
    double *xyz);
/* The smoothest 31-band reflectance of lab (Burns 2020); -1 if none. */
int	smp_spectrum_smoothest(const struct smp_lab *lab, enum smp_white w,
	    double *R);


/*
 * Images: decoding a region, orientation, the colour pipeline, regions,
 * statistics, skin/dot separation, readings.
 */

/* image.c, image-png.c, image-jpeg.c */
enum smp_colour_model { SMP_CM_GREY = 1, SMP_CM_RGB = 3, SMP_CM_CMYK = 4 };

enum smp_profile_source {
	SMP_PROF_EMBEDDED,
	SMP_PROF_SRGB_CHUNK,
	SMP_PROF_GAMA_CHRM,
	SMP_PROF_ASSUMED_SRGB,
	SMP_PROF_GIVEN,
	SMP_PROF_CHART,		/* fitted on a chart in the same photo */
	SMP_PROF_UNKNOWN	/* a reading that does not say */
};

/* budget.c: the process's memory budget for images (see budget.c).
 * smp_budget_process sets its total and returns it; take waits until n
 * bytes are free and takes them, -1 at once when n exceeds the total. */
struct smp_budget;
struct smp_budget *smp_budget_process(uint64_t total);
int	smp_budget_take(struct smp_budget *b, uint64_t n);
void	smp_budget_give(struct smp_budget *b, uint64_t n);
void	smp_budget_add(struct smp_budget *b, uint64_t n);	/* no wait */

struct smp_limits {
	uint64_t	max_pixels;	/* width * height of one image */
	uint64_t	max_bytes;	/* working memory, all images at once */
	struct smp_budget *budget;	/* shared by them, or NULL: each
					 * image checked alone */
};
#define SMP_DEFAULT_MAX_PIXELS	(100ULL * 1000 * 1000)
/* With the libraries' own ~20 MB, a process stays under 256 MB. */
#define SMP_DEFAULT_MAX_BYTES	(224ULL * 1024 * 1024)
#define SMP_MAX_ICC_BYTES	(16U * 1024 * 1024)

/* What an opened image says about itself. */
struct smp_image_info {
	uint32_t		width, height;	/* as stored */
	uint32_t		disp_width,
	    disp_height; /* after EXIF orientation */
	int			orientation;	/* EXIF 1..8, 1 when absent */
	enum smp_colour_model	model;
	int			bits;		/* 8 or 16 */
	int			has_alpha;
	const unsigned char	*icc;		/* embedded profile or NULL */
	size_t			icc_len;
	int			srgb_chunk;	/* PNG sRGB chunk present */
	int			has_gama;
	double			gama;		/* PNG file gamma,
	    e.g. 0.45455 */
	int			has_chrm;
	double			chrm[8];	/* wx wy rx ry gx gy bx by */
	int			adobe_inverted;	/* CMYK stored inverted */
	char			date[11];	/* EXIF capture date or "" */
};

struct smp_rect {
	uint32_t	x, y, w, h;
};

struct smp_image;
int	smp_image_open(const char *path, const struct smp_limits *lim,
	    struct smp_image **out, struct smp_err *e);
void	smp_image_free(struct smp_image *img);
/* Take from the budget what decoding img and `extra` bytes of the
 * caller's working memory need, after giving back what img held; -1
 * (SMP_E_LIMIT, naming the image) when that is above the limit.  Given
 * back by smp_image_free.  Call once before each read, never while
 * holding memory taken for another image. */
int	smp_image_reserve(struct smp_image *img, uint64_t extra,
	    struct smp_err *e);
/* Working memory found to be needed while reading (a region's colours):
 * taken without waiting, so that no image waits while holding (the
 * budget may run over its total until img is freed; images not yet
 * reserved wait for it); -1 (SMP_E_LIMIT, naming the image) when img's
 * own need would pass the limit. */
int	smp_image_grow(struct smp_image *img, uint64_t extra,
	    struct smp_err *e);
/* Give back n bytes of what img took (memory it has freed). */
void	smp_image_release(struct smp_image *img, uint64_t n);
const struct smp_image_info *smp_image_info(const struct smp_image *img);
const char *smp_image_path(const struct smp_image *img);
/* 1 when path starts like a PNG or JPEG file or is named like one
 * (.png, .jpg, .jpeg in any case; not "-"), else 0. */
int	smp_image_sniff(const char *path);

/*
 * Rows of the stored (not display) rectangle r, top to bottom, each as
 * r.w pixels of (model channels + 1 alpha) uint16 samples, 0..65535, ink
 * values for CMYK.  Each read decodes afresh from the top of the file, so
 * an image can be read any number of times.  fn returns 0 to go on, -1
 * (with e filled) to stop, or n > 0 when the next n rows are not wanted:
 * they are not passed, and a JPEG skips them without its inverse DCT.
 */
typedef int (*smp_row_fn)(void *arg, uint32_t sy, const uint16_t *px,
	    struct smp_err *e);
int	smp_image_read(struct smp_image *img, const struct smp_rect *r,
	    smp_row_fn fn, void *arg, struct smp_err *e);
/* image-row.c, for a reader that can count 8-bit samples themselves:
 * once want8 is on, a row that the decoder has as 8-bit RGB (a JPEG's)
 * comes to fn as px == NULL, and fn takes it from row_8bit (4 samples a
 * pixel, alpha 255) or row_16bit (the usual samples, widened on demand,
 * once a row).  row_8bit is NULL for any other row. */
void	smp_image_row_want8(struct smp_image *img, int on);
/* Ask for the next row that comes as 8-bit samples to be decoded into
 * dst, room bytes, where the codec can (a JPEG's, when its row with the
 * margins it crops by fits): row_8bit then points into dst.  A request
 * lasts for one row, whether or not the codec used it. */
void	smp_image_row_into(struct smp_image *img, unsigned char *dst,
	    size_t room);
const unsigned char *smp_image_row_8bit(const struct smp_image *img);
const uint16_t *smp_image_row_16bit(struct smp_image *img);
/* The whole image reduced by *denom in each direction, a power of two
 * no larger than max_denom that the decoder can do cheaply (JPEG's DCT
 * scaling: 1, 2, 4 or 8; PNG: 1), set before the first row; rows are
 * ceil(width / *denom) pixels wide, sy counts reduced rows. */
int	smp_image_read_reduced(struct smp_image *img, int max_denom,
	    int *denom, smp_row_fn fn, void *arg, struct smp_err *e);

/* orient.c */
/* Display <-> stored coordinates for EXIF orientation o of a stored w x h. */
void	smp_orient_to_display(int o, uint32_t w, uint32_t h, uint32_t sx,
	    uint32_t sy, uint32_t *dx, uint32_t *dy);
void	smp_orient_to_stored(int o, uint32_t w, uint32_t h, uint32_t dx,
	    uint32_t dy, uint32_t *sx, uint32_t *sy);

/* exif.c */
/* EXIF orientation from an APP1 payload ("Exif\0\0" + TIFF); 1 if absent. */
int	smp_exif_orientation(const unsigned char *p, size_t n);
/* Capture date, YYYY-MM-DD in out[11] ("" and -1 if absent or bad):
 * DateTimeOriginal, else IFD0 DateTime. */
int	smp_exif_date(const unsigned char *p, size_t n, char *out);

/* pixconv.c: the colour pipeline of one image. */
struct smp_pixconv;
/* given (a file) or mem (an ICC profile in memory, from a chart in the
 * photo) overrides what the image carries; both may be NULL. */
int	smp_pixconv_new(const struct smp_image_info *info, const char *given,
	    const void *mem, size_t memlen, enum smp_white white,
	    struct smp_pixconv **out, struct smp_err *e);
void	smp_pixconv_free(struct smp_pixconv *pc);
enum smp_profile_source smp_pixconv_source(const struct smp_pixconv *pc);
/* 1 when pixels go through per-channel tables and the profile's matrix
 * (a matrix/TRC or grey TRC profile), 0 through lcms2's transform. */
int	smp_pixconv_tabled(const struct smp_pixconv *pc);
/* n pixels in the layout of smp_image_read -> n Lab triplets (floats).
 * Colours met before come from a memo unless memo(pc, 0) said that every
 * colour will come once (the same Lab either way). */
void	smp_pixconv_memo(struct smp_pixconv *pc, int on);
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

/* The Lab a region may have (sample.c): L within the margin of 0..100,
 * |a| and |b| at most 200; beyond them the profile is refused. */
#define SMP_LAB_MARGIN	5.0
#define SMP_LAB_AB_MAX	200.0

struct smp_stats {
	size_t		n;		/* pixels the estimate uses */
	size_t		n_excluded;	/* outliers left out (robust) */
	struct smp_lab	mean, median, sd, value; /* value: what --stat picks */
	double		ci95;		/* radius of the 95% confidence sphere */
};
/* Robust rule constants (documented in smp-sample(1)). */
#define SMP_ROBUST_K		3.0	/* k in median +- k * 1.4826 * MAD */
#define SMP_ROBUST_MIN_SIGMA	0.5	/* L* floor for the MAD scale */
/* A colour and the pixels that have it (n 0: none). */
struct smp_colour {
	float		lab[3];
	uint32_t	n;
};
/* The statistics of the pixels of n colours; reorders nothing, uses
 * scratch of 8 bytes a colour. */
int	smp_stats_compute(const struct smp_colour *c, size_t n,
	    enum smp_stat st, struct smp_stats *out, struct smp_err *e);
double	smp_stats_median(float *v, size_t n);	/* partially reorders v */
/* A value with its weight; the weighted median (v partially reordered;
 * NAN when nothing weighs). */
struct smp_wval {
	float		v;
	uint32_t	w;
};
double	smp_stats_wmedian(struct smp_wval *v, size_t n);

/* tally.c: a region's colours with the pixels of each, counted by device
 * value (a pixel's samples, alpha left out, packed 16 bits each).  add
 * counts one pixel of key, 1 when a new value finds the table full: grow
 * it and add again; add_run counts keys[0..n) in order and says how many
 * it counted before one found the table full; grow_bytes says what
 * growing will allocate beside what the tally holds, and *after what it
 * holds more once grown (grow: -1 out of memory).  flush puts the
 * recent values a large region keeps beside its table into the table, 1
 * when it finds the table full: grow it and flush again; it must have
 * returned 0 before colours.  colours converts each distinct value once
 * with convert (n keys to n Lab triplets; -1 fails it) and leaves the n
 * colours in c[0..n), after which only free may follow.  init: a tally
 * for a region of that many pixels, init_bytes what it takes up front;
 * bytes: what a table or list of size entries holds. */
typedef int (*smp_tally_convert_fn)(void *arg, const uint64_t *keys,
	    float *lab, size_t n);
#define SMP_TALLY_CHUNK	1024	/* the most keys convert is given */
/* The orders a tally's list can be in: by key (a sorted tally's), or by
 * the Morton index of its 8-bit colour (smp_tally_direct_take's). */
enum { SMP_TALLY_UNORDERED, SMP_TALLY_KEYS, SMP_TALLY_MORTON };
struct smp_tally {
	void			*tab;
	struct smp_colour	*c;		/* after smp_tally_colours */
	size_t			 n, size;	/* values, table entries */
	int			 bits;		/* size is 1 << bits */
	int			 list;		/* a list now, not a table */
	uint64_t		 pixels;
	size_t			 last;		/* slot added to last */
	uint64_t		*recent;	/* recent values, or NULL */
	struct smp__tally_slot	*pend;		/* given up, for the table */
	unsigned		 pend0, npend;
	uint8_t			*direct;	/* tally-direct.c, or NULL */
	uint8_t			*high;		/* its counts' high bytes */
	uint32_t		*wraps;
	size_t			 nwraps, capwraps;
	uint64_t		*touched;	/* a bit per block seen */
	uint64_t		*carried;	/* a bit per block carried into */
	uint32_t		(*morton)[256];
	int			 sorted;	/* tally-sort.c, until flushed */
	uint32_t		*codes;		/* its chunk, or NULL */
	uint32_t		*cache;		/* its recent colours */
	size_t			 ncodes, chunk;	/* colours in it, its room */
	int			 cache_bits;	/* 1 << bits recent colours */
	size_t			 runs;		/* sorted, waiting for the list */
	int			 ordered;	/* its list's order, if any */
};
size_t	smp_tally_init_bytes(size_t pixels);
size_t	smp_tally_bytes(size_t size);
int	smp_tally_init(struct smp_tally *t, size_t pixels);
int	smp_tally_flush(struct smp_tally *t);
int	smp_tally_add(struct smp_tally *t, uint64_t key);
size_t	smp_tally_add_run(struct smp_tally *t, const uint64_t *keys,
	    size_t n);
size_t	smp_tally_grow_bytes(const struct smp_tally *t, size_t *after);
int	smp_tally_grow(struct smp_tally *t);
int	smp_tally_colours(struct smp_tally *t, smp_tally_convert_fn convert,
	    void *arg);
void	smp_tally_free(struct smp_tally *t);
/* tally-direct.c: a tally for a region of at least SMP_TALLY_DIRECT_MIN
 * pixels of an 8-bit RGB image (keys of three samples v * 257), counted
 * in a 32 MiB array instead of a table: init for a region of that many
 * pixels, bytes what it holds; it never needs to grow.  bound says how
 * many distinct values a direct tally holds at most; list turns it into
 * a list of them (-1 out of memory; nothing to do for another tally),
 * which smp_tally_colours would otherwise do. */
#define SMP_TALLY_DIRECT_MIN	((size_t)1 << 20)
size_t	smp_tally_direct_bytes(size_t pixels);
int	smp_tally_direct_init(struct smp_tally *t, size_t pixels);
size_t	smp_tally_direct_bound(const struct smp_tally *t);
/* n pixels of 8-bit RGB samples with alpha (4 bytes a pixel) into a
 * direct tally that can take them. */
void	smp_tally_direct_add_rgba8(struct smp_tally *t,
	    const unsigned char *px, size_t n);
int	smp_tally_direct_list(struct smp_tally *t);
/* The same into t (whatever it held is not freed), a list in Morton
 * order, leaving direct tally d empty for another region of at most as
 * many pixels: its array is zeroed where it was counted.  -1 out of
 * memory, with t and d as they were. */
int	smp_tally_direct_take(struct smp_tally *d, struct smp_tally *t);
/* band.c: the rows of a band of an 8-bit RGB image, of width pixels
 * (rect columns) and at most rows high, held for its regions, each at
 * most pixels large, to be counted one at a time in one direct tally.
 * start begins a band at stored row y0; room is where row y of it may be
 * decoded in place (NULL outside the band); put holds row y, its 8-bit
 * RGBA samples at px (in its room, or copied there; -1 outside the
 * band).  count adds columns [x0, x1) of rows [y0, y1), at most cap
 * pixels, to the band's direct tally d, for smp_tally_direct_take to
 * make its list (1, with nothing counted, when a row was not put). */
struct smp_band {
	unsigned char		 *buf;
	const unsigned char	**row;		/* each row's samples, or NULL */
	size_t			  stride;	/* bytes of a row's room */
	uint32_t		  width, rows, y0;
	struct smp_tally	  d;
};
size_t	smp_band_bytes(uint32_t width, uint32_t rows, size_t pixels);
int	smp_band_init(struct smp_band *b, uint32_t width, uint32_t rows,
	    size_t pixels);
void	smp_band_start(struct smp_band *b, uint32_t y0);
unsigned char *smp_band_room(struct smp_band *b, uint32_t y);
int	smp_band_put(struct smp_band *b, uint32_t y, const unsigned char *px);
int	smp_band_count(struct smp_band *b, uint32_t x0, uint32_t x1,
	    uint32_t y0, uint32_t y1, size_t cap);
void	smp_band_free(struct smp_band *b);
/* tally-sort.c: a tally for a region of an 8-bit RGB image (keys of
 * three samples v * 257) counted by sorting its colours a chunk at a
 * time into a list in key order (see tally-sort.c), with tally.c's
 * calls.  Its first pixel has it grow by the chunk, which chunk_bytes
 * says (0 before that), and which the flush frees. */
int	smp_tally_sorted_init(struct smp_tally *t, size_t pixels);
size_t	smp_tally_sort_chunk_bytes(const struct smp_tally *t);
/* smp_tally_colours for k lists at once, all in one order (ordered: a
 * flushed sorted tally's, or smp_tally_direct_take's): a value that
 * several hold is converted once (a grid's row of tiles shares most of
 * its colours).  With marks, lists of many colours are matched to the
 * values by a mark for each possible colour, in the bytes marks_bytes
 * says (0: they are merged, marks or not).  -1 when convert fails; 1,
 * with nothing done, out of memory or lists in different orders. */
size_t	smp_tally_sort_marks_bytes(struct smp_tally *const *ts, size_t k);
int	smp_tally_sort_colours(struct smp_tally *const *ts, size_t k,
	    int marks, smp_tally_convert_fn convert, void *arg);
/* n pixels of 8-bit RGB samples with alpha (4 bytes a pixel) into a
 * direct or sorted tally; how many it counted before it had to grow
 * (always n for a direct tally). */
size_t	smp_tally_add_rgba8(struct smp_tally *t, const unsigned char *px,
	    size_t n);
/* n pixels of 16-bit RGB samples with alpha (4 a pixel) into a tally
 * that is neither direct nor sorted, keyed as smp_tally_add_run's; how
 * many it counted before it had to grow. */
size_t	smp_tally_add_rgb16(struct smp_tally *t, const uint16_t *px,
	    size_t n);

/* sample.c -S: a region holds dots (or follicles) only with at least
 * SMP_SEP_MIN_PIXELS of them, SMP_SEP_MIN_SHARE of its pixels, and
 * SMP_SEP_MIN_DE dE00 between their reading and the skin's. */
/* A pixel is over white when a channel exceeds the white patch's mean by
 * more than 3 of its standard deviations and half a step of 8 bits; a
 * region with more than SMP_OVER_WHITE_FLAG of them is flagged. */
#define SMP_OVER_WHITE_SD	3.0
#define SMP_OVER_WHITE_FLAG	0.01
#define SMP_SEP_MIN_PIXELS	4
#define SMP_SEP_MIN_SHARE	0.001
#define SMP_SEP_MIN_DE		3.0
/* separate.c: split n colours into skin (is_dot[i] = 0) and dark dots or
 * hair (is_dot[i] = 1); threshold receives the L* below which pixels are
 * dots. */
int	smp_separate(const struct smp_colour *c, size_t n,
	    unsigned char *is_dot, double *threshold, struct smp_err *e);

/* readings.c: the readings format, its writer and its reader.  The class
 * says what a row measured: skin, the dark class of a separated region
 * (dots or stubble), hair (given by hand), or the whole region (all). */
enum smp_class { SMP_CLASS_ALL, SMP_CLASS_SKIN, SMP_CLASS_DOT, SMP_CLASS_HAIR };
/* Skin, or dark: the dots or hair a match targets, the dots a fade series
 * follows.  An unseparated region (class all) is whatever the caller
 * measured: smp-match takes it for skin, smp-fade --fit for the dots. */
enum smp_role { SMP_ROLE_SKIN, SMP_ROLE_DARK };
enum smp_role smp_readings_role(enum smp_class c, enum smp_role all);

struct smp_reading {
	char			*file;		/* owned: image or input file */
	char			*region;	/* owned: region or tile */
	enum smp_class		 klass;
	double			 frac;		/* share of the region */
	struct smp_stats	 st;		/* st.value is the reading */
	enum smp_stat		 stat;		/* what st.value is */
	double			 C, h, ita;	/* of st.value; ITA from D65 */
	enum smp_white		 white;
	enum smp_profile_source	 source;
	double			 calib_de00;	/* --chart: its error */
	unsigned		 calib_flags;	/* --chart: SMP_CALIB_FLAG_* */
	double			 over_white;	/* --chart: share of the region
						 * above the white patch */
	char			*date;		/* owned; "" when unknown */
	unsigned long		 line;		/* input line; 0 when sampled */
	struct smp_inset	*inset;		/* owned, or NULL */
};
struct smp_readings {
	struct smp_reading	*r;
	size_t			 n, cap;
};
/* A new last row for file and region: NAN numbers, class all, D50. */
struct smp_reading *smp_readings_add(struct smp_readings *rs,
	    const char *file, const char *region, struct smp_err *e);
int	smp_readings_set_date(struct smp_reading *r, const char *date,
	    struct smp_err *e);
/* C, h and ITA from st.value and white. */
void	smp_readings_derive(struct smp_reading *r);
/* A table with the readings columns, and one row per reading. */
struct smp_table *smp_readings_table(FILE *fp, enum smp_table_format fmt,
	    int header, struct smp_err *e);
int	smp_readings_write(struct smp_table *t, const struct smp_readings *rs,
	    struct smp_err *e);
/* Append the rows of path ("-": stdin); dflt is the white of rows without
 * a white column. */
int	smp_readings_read(const char *path, enum smp_white dflt,
	    struct smp_readings *rs, struct smp_err *e);
void	smp_readings_clear(struct smp_readings *rs);

/* sample.c: measure regions of one image. */
/* inset.c: a region in cells of scale x scale display pixels, for
 * pictures: mean Lab per cell (NAN: none) and the cells with a dark-class
 * pixel. */
struct smp_inset {
	uint32_t	 x0, y0, w, h, scale;
	float		*lab, *minL;
	size_t		*count;
	unsigned char	*dot;
};
struct smp_inset *smp_inset_new(uint32_t x0, uint32_t y0, uint32_t x1,
	    uint32_t y1);
void	smp_inset_add(struct smp_inset *in, uint32_t x, uint32_t y,
	    const float *lab);
void	smp_inset_finish(struct smp_inset *in, double threshold);
void	smp_inset_free(struct smp_inset *in);

struct smp_sample_opts {
	struct smp_region	*regions;
	int			nregions;
	const char		*profile;	/* -p, or NULL */
	int			 chart;		/* --chart: calibrate first */
	int			 avoid_chart;	/* with chart: "all" means the
						 * largest strip beside it */
	enum smp_white		white;
	enum smp_stat		stat;
	int			separate;
	const char		*date;		/* --date, or NULL: EXIF */
	struct smp_limits	limits;
	int			 insets;	/* keep a picture per region
						 * (not tiles) on its first row */
};

/* Where the colours of an image come from beyond what it carries: an
 * ICC profile in memory (fitted on a chart in the photo), its error, and
 * the chart's box, which region "all" keeps away from. */
struct smp_sample_source {
	const void	*icc;
	size_t		 icc_len;
	double		 calib_de00;	/* NAN without a chart */
	unsigned	 calib_flags;	/* SMP_CALIB_FLAG_* */
	/* The chart's white patch (19): a pixel with a channel above
	 * white[c] (device, 0..1) is extrapolated by the camera model. */
	int		 have_white;
	double		 white[3];
	int		 have_chart;
	uint32_t	 chart[4];	/* x0 y0 x1 y1, display */
};
int	smp_sample_regions(struct smp_image *img,
	    const struct smp_sample_opts *o,
	    const struct smp_sample_source *src, struct smp_readings *out,
	    struct smp_err *e);
/* Free the regions. */
void	smp_sample_opts_clear(struct smp_sample_opts *o);

/* photo.c: the readings of one photo: opened once, calibrated on its own
 * chart with o->chart, then sampled (smp-sample(1)). */
int	smp_photo_sample(const char *path, const struct smp_sample_opts *o,
	    struct smp_readings *out, struct smp_err *e);


/*
 * Chart and camera: the ColorChecker, finding it, sampling it, fitting
 * and writing a camera profile.
 */

/* chart.c: the ColorChecker Classic 24 and its reference values.  Patch k
 * (0..23) is column k % 6, row k / 6 of the chart held with the neutral
 * row at the bottom (0 dark skin, 5 bluish green, 18 white, 23 black). */
#define SMP_CHART_PATCHES	24
#define SMP_CHART_MAX_SETS	4096	/* rows a reference file may have */
enum smp_chart_edition { SMP_EDITION_2014, SMP_EDITION_PRE2014 };

struct smp_chart_ref {
	struct smp_lab	lab[SMP_CHART_PATCHES];	/* D50 */
	char		name[300];
};
const char *smp_chart_patch_name(int k);
void	smp_chart_builtin(enum smp_chart_edition ed, struct smp_chart_ref *ref);
/* A CGATS file with LAB_* or XYZ_* fields and ids A01..D06 (or 24 sets). */
int	smp_chart_load_cie(const char *path, struct smp_chart_ref *ref,
	    struct smp_err *e);
/* Where the chart is in a photo (chart-detect.c, or from --corners). */
struct smp_chart_found {
	double		H[9];		/* lattice -> display pixels */
	int		lattice[SMP_CHART_PATCHES][2]; /* patch centres */
	double		score;		/* mean dE00 of the placement fit */
	double		second;		/* the runner-up's score */
	int		found;		/* squares on the winning lattice */
	unsigned char	seen[SMP_CHART_PATCHES]; /* a square found there */
	unsigned char	covered[SMP_CHART_PATCHES]; /* something over it */
	int		squares;	/* candidate squares in the photo */
	uint32_t	work_f;		/* downsampling of the working copy */
	float		*work;		/* the working copy (RGB 0..1), owned */
	uint32_t	work_w, work_h;
};
/* --corners: display x,y of the patch-area corners at patches 1, 6, 24, 19. */
int	smp_chart_from_corners(const double *c8, struct smp_chart_found *out,
	    struct smp_err *e);
/* Display position of point (u, v) in patch k's own frame, -0.5..0.5. */
void	smp_chart_point(const struct smp_chart_found *f, int k, double u,
	    double v, double *x, double *y);
/* The chart's display bounding box, x0 y0 x1 y1, with a margin of one
 * patch pitch, clipped to W x H. */
void	smp_chart_bbox(const struct smp_chart_found *f, uint32_t W,
	    uint32_t H, uint32_t *box);

/* chart-detect.c */
void	smp_chart_detect_clear(struct smp_chart_found *f);
/* Only the working copy, for an overlay when --corners skips detection. */
int	smp_chart_detect_preview(struct smp_image *img,
    struct smp_chart_found *out,
	    struct smp_err *e);
int	smp_chart_detect(struct smp_image *img, const struct smp_chart_ref *ref,
	    struct smp_chart_found *out, struct smp_err *e);

/* chart-sample.c */
struct smp_patch {
	double	rgb[3];		/* robust mean device value, 0..1 */
	double	sd[3];		/* standard deviation, 0..1 */
	double	x, y;		/* centre, display pixels */
	size_t	n;
};
/* Sample the central half of every patch at full resolution. */
#define SMP_PATCH_SAMPLE	0.5	/* side of the sampled square,
    in pitches */
int	smp_chart_sample(struct smp_image *img, const struct smp_chart_found *f,
	    struct smp_patch *p, struct smp_err *e);

/* chart-overlay.c: draw the sampled squares (have_chart) on the working
 * copy; green when ok, red when not; write the PNG atomically. */
int	smp_chart_overlay(const struct smp_chart_found *f, int have_chart,
	    int ok, const char *path, struct smp_err *e);

/* camera.c: camera models, device RGB 0..1 -> PCS XYZ (D50, Y = 1 white). */
/* The fitted models, then auto (choose among them, camera-fit.c). */
enum smp_model { SMP_MODEL_SHAPER, SMP_MODEL_MATRIX, SMP_MODEL_ROOTPOLY,
	SMP_MODEL_CURVES, SMP_MODEL_CURVEPOLY, SMP_MODEL_AUTO };
#define SMP_MODEL_NFIT	SMP_MODEL_AUTO

/* camera-tone.c: a monotone tone curve through knots in log-log space. */
#define SMP_TONE_KNOTS	8
struct smp_tone {
	int	n;
	double	x[SMP_TONE_KNOTS], y[SMP_TONE_KNOTS];	/* log v, log lin */
	double	d[SMP_TONE_KNOTS];	/* slopes at the knots */
	double	lo, hi;			/* log-log slopes beyond the ends */
};
/* Knots (x, y), both > 0, in any order; -1 if fewer than two are
 * increasing in both. */
int	smp_camera_tone_build(struct smp_tone *t, const double *x, const double *y,
	    int n);
/* One slope above the lightest knot for the three curves t[0..2]. */
void	smp_camera_tone_share_high(struct smp_tone *t);
double	smp_camera_tone_eval(const struct smp_tone *t, double v);

struct smp_camera {
	enum smp_model	model;
	double		gamma[3], flare[3];	/* shaper-matrix, root-poly */
	struct smp_tone	tone[3];		/* curve-matrix, curve-poly */
	double		M[3][6];		/* 3 x 3, or 3 x 6 root-poly */
};
double	smp_camera_curve(const struct smp_camera *c, int ch, double v);
void	smp_camera_xyz(const struct smp_camera *c, const double *rgb,
	    double *xyz);
void	smp_camera_lab(const struct smp_camera *c, const double *rgb,
	    struct smp_lab *lab);
/* The same from values already through the curves (smp_camera_curve). */
void	smp_camera_lab_linear(const struct smp_camera *c, const double *lin,
	    struct smp_lab *lab);

/* chart-light.c: how much the light falls off across the patches (0 even,
 * 0.2 a fifth less light on the darker side), from a plane in log
 * luminance fitted to the leave-one-out predictions pred[] of ref[];
 * *share: the part of the luminance error the plane explains.  NAN (and
 * share 0) when fewer than 9 colour patches are predicted above black. */
double	smp_chart_light_falloff(const struct smp_lab *ref,
	    const struct smp_lab *pred, double *share);

/* camera-fit.c */
#define SMP_FIT_PRUNE	1.25
struct smp_fit_report {
	struct smp_lab	fit[SMP_CHART_PATCHES];	/* self-fit prediction */
	double		de[SMP_CHART_PATCHES];	/* self-fit dE00 */
	double		loo[SMP_CHART_PATCHES];	/* leave-one-out dE00 */
	struct smp_lab	loofit[SMP_CHART_PATCHES]; /* ...and its prediction */
	double		light;			/* smp_chart_light_falloff */
	double		light_share;
	double		mean[2], median[2], max[2];	/* [0] self, [1] loo */
	/* The weighted leave-one-out mean of each model tried (auto tries
	 * them all), the weights being smp_camera_fit_weight(). */
	double		score[SMP_MODEL_NFIT];
	unsigned char	tried[SMP_MODEL_NFIT];
	/* auto passes over the leave-one-out of a model whose weighted
	 * self-fit mean (self[]) is already SMP_FIT_PRUNE times the best
	 * weighted leave-one-out mean: leaving a patch out cannot make a
	 * least-squares fit predict it better, so it cannot win. */
	double		self[SMP_MODEL_NFIT];
	unsigned char	pruned[SMP_MODEL_NFIT];
	unsigned	flags;			/* SMP_CALIB_FLAG_* */
};
/* How much patch k (0..23) counts in the weighted leave-one-out mean:
 * more for the greys, the skin patches and the dark patches. */
double	smp_camera_fit_weight(int k, const struct smp_lab *ref);
/* Fit model (or each, for auto) with its leave-one-out refits, these on
 * up to jobs threads (the result is the same for every jobs). */
int	smp_camera_fit(const double (*rgb)[3], const struct smp_lab *ref,
	    enum smp_model model, int jobs, struct smp_camera *cam,
	    struct smp_fit_report *rep, struct smp_err *e);

/* camera-icc.c */
int	smp_camera_icc_write(const struct smp_camera *c, const char *desc,
	    const char *path, struct smp_err *e);
/* The same profile in memory; *buf is the caller's to free. */
int	smp_camera_icc(const struct smp_camera *c, const char *desc,
	    unsigned char **buf, size_t *len, struct smp_err *e);

/* calibrate.c: the whole of smp-calibrate(1) but the printing. */
struct smp_calib_opts {
	struct smp_chart_ref	 ref;
	enum smp_model		 model;
	int			 corners;	/* corner[] given */
	double			 corner[8];
	const char		*output;	/* profile, or NULL */
	const char		*overlay;	/* PNG, or NULL */
	const char		*ti3;		/* CGATS CTI3, or NULL */
	int			 want_icc;	/* fill res->icc */
	struct smp_limits	 limits;
	/* Called on the calling thread as each photo is registered. */
	void			(*on_photo)(void *arg);
	void			*on_photo_arg;
};

struct smp_calib_result {
	struct smp_chart_found	 found;
	struct smp_patch	 patch[SMP_CHART_PATCHES];
	struct smp_camera	 cam;
	struct smp_fit_report	 rep;
	int			 have_chart;	/* a grid to draw */
	int			 ok;		/* registration and fit passed */
	unsigned char		*icc;		/* want_icc: the caller frees */
	size_t			 icc_len;
};
/* Warnings on a calibration (smp-calibrate(1) FLAGS). */
#define SMP_CALIB_FLAG_POOR_FIT		0x1u	/* loo mean > 3 */
#define SMP_CALIB_FLAG_POOR_SKIN	0x2u	/* patch 1 or 2 loo > 5 */
#define SMP_CALIB_FLAG_POOR_GREY	0x4u	/* a grey's loo > 5 */
#define SMP_CALIB_FLAG_UNEVEN_LIGHT	0x8u	/* light > LIGHT_POOR */
#define SMP_CALIB_LOO_POOR		3.0
#define SMP_CALIB_PATCH_POOR		5.0
#define SMP_CALIB_LIGHT_POOR		0.10
#define SMP_CALIB_LIGHT_SHARE		0.4
unsigned smp_calibrate_flags(const struct smp_fit_report *rep);
/* The flags as records write them: "a,b", or "-" for none. */
void	smp_calibrate_report_flags(unsigned f, char *buf, size_t len);
/* Writes the outputs asked for; the overlay also on failure.  Call
 * smp_chart_detect_clear(&res->found) afterwards. */
int	smp_calibrate_image(struct smp_image *img,
	    const struct smp_calib_opts *o, struct smp_calib_result *res,
	    struct smp_err *e);
/* Several photos of one chart, camera and light, registered on up to
 * `jobs` threads and pooled into one profile (calibrate.c); the overlay
 * shows the first.  Any photo refused, or one that disagrees with the
 * others, refuses the whole. */
int	smp_calibrate_many(const char *const *paths, size_t n, int jobs,
	    const struct smp_calib_opts *o, struct smp_calib_result *res,
	    struct smp_err *e);


/* calibrate-report.c: the patch rows (and with JSON the summary
 * object, naming the first of nphotos photos) of smp-calibrate, and its
 * one-line summary. */
int	smp_calibrate_report_write(FILE *fp, enum smp_table_format fmt,
	    int header, size_t nphotos, const char *first,
	    const struct smp_calib_opts *o, const struct smp_calib_result *r,
	    struct smp_err *e);
void	smp_calibrate_report_line(char *buf, size_t len, size_t nphotos,
	    const char *first, const struct smp_calib_opts *o,
	    const struct smp_calib_result *r);
/* "flagged F: why" for flag f of r, or "" if r does not carry it. */
void	smp_calibrate_report_flag(char *buf, size_t len, unsigned f,
	    const struct smp_calib_result *r);
/* Why auto chose its model (the weighted leave-one-out of each model
 * tried), or "" for a model given. */
void	smp_calibrate_report_choice(char *buf, size_t len,
	    const struct smp_calib_opts *o, const struct smp_calib_result *r);

/*
 * Optics and match: skin optics, the stipple, the catalogue, ranking
 * pigments and dilutions.
 */

/* tissue.c: optical coefficients of skin (cm^-1, wavelength in nm). */
double	smp_tissue_mua_eumelanin(double nm);
double	smp_tissue_mua_pheomelanin(double nm);

/* skin.c: layered Kubelka-Munk skin (smp-model(7)). */
struct smp_skin {
	double	f_mel;		/* epidermal melanosome volume fraction */
	double	f_pheo;		/* pheomelanin share of the melanin */
	double	f_blood;	/* dermal blood volume fraction */
	double	sto2;		/* oxygen saturation of that blood */
	double	d_epi;		/* epidermis, cm */
	double	mus500;		/* reduced scattering a' at 500 nm, cm^-1 */
	double	f_ray;		/* its Rayleigh share at 500 nm */
	double	d_above;	/* pigment-free dermis over the deposit, cm */
	double	d_pig;		/* deposit layer, cm */
	double	k1, k2;		/* Saunderson surface terms */
};
/* The fit's prior centres and the default deposit geometry. */
void	smp_skin_defaults(struct smp_skin *s);
void	smp_skin_reflectance(const struct smp_skin *s, double *R);
/* The epidermis of s over a body of reflectance Rb, with the surface. */
void	smp_skin_over(const struct smp_skin *s, const double *Rb, double *R);

/* skin-fit.c: the seven freedoms, f_mel to f_ray in struct order, fitted
 * to a reading (maximum a posteriori within published bounds). */
#define SMP_SKIN_NPAR	7
struct smp_skin_fit {
	struct smp_skin	s;		/* fitted */
	double		de00;		/* model skin vs reading */
	double		u[SMP_SKIN_NPAR];	/* the solution, unbounded */
	double		H[SMP_SKIN_NPAR][SMP_SKIN_NPAR];  /* J'J there */
	double		Jlab[3][SMP_SKIN_NPAR];	/* per Lab unit */
};
/* Fit the skin of geometry (d_above, d_pig, k1, k2 are kept) to lab;
 * returns the residual dE00. */
double	smp_skin_fit(const struct smp_lab *lab, enum smp_white w,
	    const struct smp_skin *geometry, struct smp_skin_fit *f);
void	smp_skin_fit_apply(const double *u, struct smp_skin *s);
/* The skin refitted, to first order, for the reading changed by dlab
 * (L, a, b) with the scattering amplitude times mus_factor. */
void	smp_skin_fit_perturb(const struct smp_skin_fit *f, const double *dlab,
	    double mus_factor, struct smp_skin *out);

/* stack.c */
/* A skin with everything above a deposit at depth d_above precomputed. */
struct smp_stack {
	double	R1[SMP_BANDS], R1b[SMP_BANDS];	/* epidermis + free dermis, */
	double	T1[SMP_BANDS];			/* from above and below */
	double	mua[SMP_BANDS], mus[SMP_BANDS];	/* dermis */
	double	Rg[SMP_BANDS];			/* semi-infinite dermis */
	double	d_pig, k1, k2;
};
void	smp_stack_init(struct smp_stack *st, const struct smp_skin *s,
	    double d_above);
/* Observed reflectance with load * mua_add and load * mus_add (either may
 * be NULL) added to the deposit layer. */
void	smp_stack_reflectance(const struct smp_stack *st, const double *mua_add,
	    const double *mus_add, double load, double *R);

/* catalogue.c: pigment catalogue (smp-catalogue(5)).  Spectra are
 * absorption and reduced scattering, cm^-1, of the undiluted ink in the
 * deposit layer. */
#define SMP_NAME_MAX		64
#define SMP_MAX_COMPONENTS	64
#define SMP_MAX_MIX		8
#define SMP_MAX_PIGMENTS	4096
struct smp_component {
	char	name[SMP_NAME_MAX];
	double	photolability;		/* per SED */
	double	heal;			/* fraction retained after healing */
	double	mua[SMP_BANDS], mus[SMP_BANDS];
};
struct smp_pigment {
	char	name[SMP_NAME_MAX], maker[SMP_NAME_MAX], desc[256];
	struct {
		int	comp;		/* index into the catalogue's comp[] */
		double	conc;
	} mix[SMP_MAX_MIX];
	int	nmix;
	double	mua[SMP_BANDS], mus[SMP_BANDS];	/* the mixture */
};
struct smp_catalogue {
	struct smp_component	 comp[SMP_MAX_COMPONENTS];
	int			 ncomp;
	struct smp_pigment	*pig;
	size_t			 npig, cap;
};
int	smp_catalogue_load(const char *path, struct smp_catalogue **out,
	    struct smp_err *e);
void	smp_catalogue_free(struct smp_catalogue *c);
const struct smp_pigment *smp_catalogue_find(const struct smp_catalogue *c,
	    const char *name);
/* The pigments as a table: name, maker, components, description. */
int	smp_catalogue_list(const struct smp_catalogue *c, FILE *fp,
	    enum smp_table_format fmt, int header, struct smp_err *e);

/* match.c: rank pigments and dilutions for one skin (smp-match(1)). */
enum smp_view { SMP_VIEW_DOT, SMP_VIEW_BLEND };
enum smp_hair { SMP_HAIR_BLACK, SMP_HAIR_DARK_BROWN, SMP_HAIR_BROWN,
	SMP_HAIR_GREY };
enum smp_target_source { SMP_TARGET_HAIR, SMP_TARGET_GIVEN,
	SMP_TARGET_READING };

/* hair.c: the body reflectance of hair fibres of a colour. */
void	smp_hair_reflectance(enum smp_hair h, double *R);

/* What should worry a user of a match (smp_names_flag). */
enum smp_match_flag {
	SMP_FLAG_SKIN_FIT = 1,		/* the skin fit is poor */
	SMP_FLAG_EQUIVALENT = 2,	/* several candidates look the same */
	SMP_FLAG_PATCH_FIT = 4,		/* the test patch fit is poor */
	SMP_FLAG_MAX_DILUTION = 8,	/* the best wants more water */
	SMP_FLAG_NO_MATCH = 16,		/* no pigment near the target */
	SMP_FLAG_FAINT = 32,		/* the dots would barely show */
	SMP_FLAG_UNCALIBRATED = 64,	/* the photo's colours are assumed */
	SMP_FLAG_NOISY = 128,		/* the reading is wider than the gaps */
	SMP_FLAG_OVER_WHITE = 256,	/* the skin is partly above the chart's
					 * white patch */
	SMP_FLAG_POOR_CALIBRATION = 512	/* its calibration is flagged */
};
#define SMP_MATCH_DRAWS		200	/* Monte Carlo draws by default */
#define SMP_MATCH_MAX_DRAWS	100000
#define SMP_MATCH_JND		1.0	/* dE00: "looks the same" */
#define SMP_MATCH_CORR_MAX	0.10	/* the XYZ correction, each way */
#define SMP_MATCH_FIT_POOR	2.0	/* dE00: a fit that needs a flag */
#define SMP_MATCH_SKIN_MIN_B	2.0	/* b*: below, not a skin colour */
#define SMP_MATCH_NO_MATCH	3.0	/* dE00: no pigment is this close */
#define SMP_MATCH_FAINT		3.0	/* dE00 dot to skin: barely shows */
struct smp_match_opts {
	struct smp_skin	skin;		/* geometry: d_above, d_pig, k1, k2 */
	enum smp_metric	metric;
	enum smp_view	view;
	enum smp_hair	hair;
	double		dot_mm, pitch_mm;	/* stipple */
	double		yn;			/* Yule-Nielsen n */
	double		max_dilution;		/* parts water per part ink */
	double		strength;		/* x the catalogue's ink */
	int		draws;			/* 0: no uncertainty */
	double		depth_sd;		/* cm: depth's prior spread */
	double		strength_sd;		/* log units */
	double		mus_sd;			/* log units, scattering */
};

/* halftone.c: dot coverage and the blended colour. */
double	smp_halftone_coverage(const struct smp_match_opts *o);
/* Yule-Nielsen modified Murray-Davies over dot coverage A, factor n. */
void	smp_halftone_yule_nielsen(const double *Rdot, const double *Rskin,
	    double A, double n, double *R);
/* The same on tristimulus values, for colours known only as Lab. */
void	smp_halftone_yule_nielsen_xyz(const double *dot, const double *skin,
	    double A, double n, double *out);

void	smp_match_defaults(struct smp_match_opts *o);
/* A client's skin, fitted once, with the deposit where it is taken to
 * be and the ink's strength. */
struct smp_match_skin {
	struct smp_lab		lab;		/* the reading */
	enum smp_white		white;
	struct smp_skin_fit	fit;		/* fit.s: the skin */
	double			xyz[3];		/* the reading's XYZ */
	double			corr[3];	/* reading / model, bounded */
	int			corr_clamped;	/* the bound was reached */
	double			R[SMP_BANDS];	/* model skin reflectance */
	double			depth;		/* d_above of the deposit, cm */
	double			strength;	/* x the catalogue's ink */
	struct smp_stack	deposit;
};
void	smp_match_skin_fit(const struct smp_lab *lab, enum smp_white w,
	    const struct smp_match_opts *o, struct smp_match_skin *ms);
/* ms for the skin s (fit left as it is) with a deposit at depth. */
void	smp_match_skin_from(const struct smp_lab *lab, enum smp_white w,
	    const struct smp_skin *s, double depth, double strength,
	    struct smp_match_skin *ms);
/* Dot and (if blend) blended colour of reflectance R on this skin. */
void	smp_match_colours(const struct smp_match_skin *ms,
	    const struct smp_match_opts *o, const double *R,
	    struct smp_lab *dot, struct smp_lab *blend);
/* The same for load x strength x (mua, mus) in the deposit. */
void	smp_match_render(const struct smp_match_skin *ms,
	    const struct smp_match_opts *o, const double *mua,
	    const double *mus, double load, struct smp_lab *dot,
	    struct smp_lab *blend);

/* match-target.c */
struct smp_target {
	struct smp_lab		dot, blend;
	enum smp_target_source	source;
	enum smp_hair		hair;		/* SMP_TARGET_HAIR */
};
void	smp_match_target_hair(const struct smp_match_skin *ms,
	    const struct smp_match_opts *o, enum smp_hair h,
	    struct smp_target *t);
/* The same under the epidermis of s (a draw of the skin). */
void	smp_match_target_hair_skin(const struct smp_match_skin *ms,
	    const struct smp_skin *s, const struct smp_match_opts *o,
	    enum smp_hair h, struct smp_target *t);
void	smp_match_target_lab(const struct smp_match_skin *ms,
	    const struct smp_match_opts *o, const struct smp_lab *lab,
	    enum smp_target_source src, struct smp_target *t);

struct smp_candidate {
	int		pig;		/* index in the catalogue */
	double		dilution, load;	/* load = 1 / (1 + dilution) */
	int		at_max;		/* dilution at --max-dilution */
	struct smp_lab	dot, blend;
	double		de;		/* the chosen metric, chosen view */
	double		de00;		/* dE00, chosen view */
	int		spread;		/* p_best and the interval are set */
	double		p_best;		/* share of draws it is best in */
	double		de00_lo, de00_hi;	/* 95 % of the draws */
	int		equivalent;	/* within SMP_MATCH_JND of the best */
};
/* Every pigment at its best dilution, best first; out has npig entries. */
void	smp_match_rank(const struct smp_catalogue *cat,
	    const struct smp_match_skin *ms, const struct smp_target *t,
	    const struct smp_match_opts *o, struct smp_candidate *out);

/* random.c: SplitMix64 uniforms and Box-Muller normals. */
struct smp_random {
	uint64_t	state;
	double		spare;
	int		have_spare;
};
void	smp_random_seed(struct smp_random *r, uint64_t seed);
double	smp_random_uniform(struct smp_random *r);
double	smp_random_normal(struct smp_random *r);

/* match-patch.c: a healed test patch read as depth and strength. */
struct smp_patch_fit {
	double		depth, depth_lo, depth_hi;	/* cm */
	double		strength, strength_lo, strength_hi;
	double		de00;		/* the fit's residual */
	struct smp_lab	model;		/* the patch as fitted */
	double		u[2], chol[2][2];	/* posterior, fit coordinates */
};
/* ms: the patch's own skin; p at dilution; obs: the patch reading. */
void	smp_match_patch_fit(const struct smp_match_skin *ms,
	    const struct smp_match_opts *o, const struct smp_pigment *p,
	    double dilution, const struct smp_lab *obs, double ci95,
	    struct smp_patch_fit *pf);
void	smp_match_patch_draw(const struct smp_patch_fit *pf,
	    struct smp_random *rng, double *depth, double *strength);

/* match-spread.c: the ranking's uncertainty, and its order. */
struct smp_spread_in {
	double				 skin_ci, target_ci;	/* ci95 */
	const struct smp_patch_fit	*patch;		/* NULL: priors */
};
/* o->draws draws over the best candidates of cand (ranked); sets
 * p_best, de00_lo, de00_hi and spread. */
int	smp_match_spread(const struct smp_catalogue *cat,
	    const struct smp_match_skin *ms, const struct smp_target *tg,
	    const struct smp_match_opts *o, const struct smp_spread_in *in,
	    struct smp_candidate *cand, size_t n, struct smp_err *e);
/* Mark the candidates within SMP_MATCH_JND of the best equivalent and
 * order them by p_best; returns how many there are. */
size_t	smp_match_spread_order(struct smp_candidate *cand, size_t n);

/* match-group.c: the readings of one input as the skins to match, by
 * (file, region) in order of first appearance: a skin or unseparated row
 * is the skin, a dot or hair row the target (smp_readings_role).  file
 * and region are borrowed from the readings. */
struct smp_match_group {
	const char	*file, *region;
	struct smp_lab	 skin, dark;	/* in white */
	double		 skin_ci, dark_ci;	/* their ci95 radii */
	int		 have_skin, have_dark;
	enum smp_profile_source source;		/* of the skin reading */
	double		 calib_de00;		/* --chart: its error */
	unsigned	 calib_flags;		/* --chart: SMP_CALIB_FLAG_* */
	double		 over_white;		/* --chart: the skin's share
						 * above the white patch */
	const struct smp_inset *inset;		/* its picture, or NULL */
	enum smp_white	 white;
};
int	smp_match_group_readings(const struct smp_readings *rs,
	    struct smp_match_group **out, size_t *n, struct smp_err *e);
/* What the user asked for beyond the options: a given target, an
 * explicit hair colour, a test patch (its reading given, or the dark
 * reading of the region patch_region). */
struct smp_match_request {
	int		 have_target;
	struct smp_lab	 target;
	enum smp_white	 target_white;
	int		 have_hair;
	int		 have_patch, patch_pig;
	double		 patch_dilution;
	int		 have_patch_lab;
	struct smp_lab	 patch_lab;
	enum smp_white	 patch_white;
	const char	*patch_region;
	const char	*catalogue;	/* its path, for the records */
	int		 chart;		/* images calibrated on a chart */
};
struct smp_match_result {
	struct smp_match_skin	 ms;
	struct smp_target	 tg;
	int			 default_hair;	/* no follicles, no --hair */
	double			 ita;		/* of the skin reading */
	struct smp_candidate	*cand;		/* every pigment, best first */
	size_t			 ncand;
	size_t			 nequiv;	/* equivalent at the top */
	unsigned		 flags;		/* enum smp_match_flag */
	int			 have_patch;
	struct smp_patch_fit	 patch;
};
/* Read the test patch (from the group pg of the patch region, or the
 * request's reading on g's skin), fit the skin, choose the target
 * (given, explicit hair, the group's dark reading, the default hair),
 * rank, weigh the uncertainty and flag; -1 when g has no skin reading. */
int	smp_match_group_run(const struct smp_catalogue *cat,
	    const struct smp_match_opts *o, const struct smp_match_request *rq,
	    const struct smp_match_group *g, const struct smp_match_group *pg,
	    struct smp_match_result *res, struct smp_err *e);
void	smp_match_group_clear(struct smp_match_result *res);
/* The groups of one input: an image is sampled with so, anything else
 * read as readings (rs holds the rows the groups borrow from). */
int	smp_match_group_input(const char *path,
	    const struct smp_sample_opts *so, struct smp_readings *rs,
	    struct smp_match_group **g, size_t *ng, struct smp_err *e);
/* Match n groups on up to jobs threads; emit gets each in order with its
 * result, or NULL and why; it returns 1 to stop (a closed pipe).  The
 * groups of rq->patch_region are the test patch, not emitted; -1 when
 * there is none with skin and dots. */
typedef int (*smp_match_emit)(void *arg, const struct smp_match_group *g,
	    const struct smp_match_result *r, const struct smp_err *why);
int	smp_match_group_batch(const struct smp_catalogue *cat,
	    const struct smp_match_opts *o, const struct smp_match_request *rq,
	    const struct smp_match_group *g, size_t n, int jobs,
	    smp_match_emit emit, void *arg, struct smp_err *e);

/* match-table.c: smp-match's rows, the best k candidates of a group;
 * calibrated: with the chart calibration's columns. */
struct smp_table *smp_match_table(FILE *fp, enum smp_table_format fmt,
	    int header, const struct smp_match_opts *o,
	    const struct smp_match_request *rq, int calibrated,
	    struct smp_err *e);
int	smp_match_table_write(struct smp_table *t,
	    const struct smp_catalogue *cat, const struct smp_match_opts *o,
	    const struct smp_match_request *rq, const struct smp_match_group *g,
	    const struct smp_match_result *r, int k, struct smp_err *e);

/* report.c: --report, one self-contained HTML page: add each reading's
 * section as it comes, then write the page atomically. */
struct smp_report;
struct smp_report *smp_report_new(struct smp_err *e);
int	smp_report_add(struct smp_report *rp, const struct smp_catalogue *cat,
	    const struct smp_match_opts *o, const struct smp_match_group *g,
	    const struct smp_match_result *r, struct smp_err *e);
int	smp_report_write(struct smp_report *rp, const char *path,
	    const char *catalogue, struct smp_err *e);
void	smp_report_free(struct smp_report *rp);

/* match-text.c: smp-match for people: the aligned table's columns (rank,
 * pigment, mix, dE00, p_best, flags) and rows, a heading and a verdict
 * line per reading, the mix as a practitioner writes it, and the flags
 * in words. */
struct smp_table *smp_match_text_table(FILE *fp, int header,
	    const struct smp_match_opts *o, struct smp_err *e);
int	smp_match_text_write(struct smp_table *t,
	    const struct smp_catalogue *cat, const struct smp_match_result *r,
	    int k, struct smp_err *e);
/* "1:2.5": one part ink to r parts water, to what a syringe measures. */
void	smp_match_text_mix(double r, char *buf, size_t len);
void	smp_match_text_heading(const struct smp_match_group *g,
	    const struct smp_match_result *r, char *buf, size_t len);
void	smp_match_text_verdict(const struct smp_catalogue *cat,
	    const struct smp_match_result *r, char *buf, size_t len);
/* One sentence per flag set in flags, or NULL past the last. */
const char *smp_match_text_flag(unsigned flags, int *i);

/*
 * Fade: pigment loss over the years, touch-ups, a client's own rate,
 * and the pictures and reminders of smp-fade.
 */

/* fade.c, fade-fit.c: fading and touch-up (smp-fade(1)).  Times are
 * years after the first session unless said otherwise. */
#define SMP_FADE_MAX_SESSIONS	20
#define SMP_FADE_MAX_TOUCHUPS	64
#define SMP_FADE_SCAN		(1 / 24.0)	/* years: touch-up search step */
#define SMP_FADE_K_BIO		0.42	/* per year, calibrated (fade.c) */
enum smp_fade_criterion {
	SMP_FADE_CONTRAST,	/* a share of the healed dot-to-skin contrast */
	SMP_FADE_HEALED		/* a dE00 of the dot from its healed colour */
};
struct smp_fade_opts {
	double	dilution;		/* parts water per part ink */
	int	sessions;
	double	interval_weeks, heal_weeks;
	double	uv;			/* erythemal dose, SED per year */
	double	site;			/* scalp dose / personal dose */
	double	protection;		/* 0..1 */
	double	k_bio, f_age;		/* per year, factor */
	double	retention;		/* healing, every part; NAN: catalogue's */
	enum smp_fade_criterion criterion;
	double	contrast_loss;		/* contrast: the share lost */
	double	threshold;		/* healed: dE00; NAN: from ITA */
	double	noise;			/* sigma_repeat, dE00 */
	int	draws;			/* the interval's Monte Carlo */
	double	heal_sd, k_bio_sd, photo_sd;	/* retention; log units */
	double	depth_lo, depth_hi;	/* cm, 95 %; NAN: the prior */
	double	strength_lo, strength_hi;	/* NAN: the prior */
};
void	smp_fade_defaults(struct smp_fade_opts *o);
/* ln 2 / k, NAN unless k > 0. */
double	smp_fade_half_life(double k);
double	smp_fade_threshold_ita(double ita);
double	smp_fade_uv_transmittance(double ita);

struct smp_fade {
	const struct smp_catalogue	*cat;
	const struct smp_pigment	*pig;
	struct smp_match_opts		 mo;
	struct smp_fade_opts		 o;
	struct smp_match_skin		 ms;
	double		 ita, t_epi;
	double		 contrast_healed;	/* of the healed dot */
	/* contrast: at is the share lost, threshold the dot-to-skin dE00 at
	 * which the touch-up is due; healed: at is AT, threshold max(AT,
	 * 2 noise) from the healed colour */
	double		 at, threshold;
	double		 k[SMP_MAX_MIX], heal[SMP_MAX_MIX], dep[SMP_MAX_MIX];
	double		 t_dep[SMP_FADE_MAX_SESSIONS + SMP_FADE_MAX_TOUCHUPS];
	int		 ndep;			/* deposits: sessions first */
	double		 touchup[SMP_FADE_MAX_TOUCHUPS];
	int		 ntouchup;		/* after smp_fade_plan */
	double		 t_healed, c_healed[SMP_MAX_MIX], load_healed;
	double		 k_eff;			/* load-weighted when healed */
	struct smp_lab	 healed_dot, healed_blend;
};
int	smp_fade_init(struct smp_fade *f, const struct smp_catalogue *cat,
	    const struct smp_pigment *pig, const struct smp_lab *skin,
	    enum smp_white w, const struct smp_match_opts *mo,
	    const struct smp_fade_opts *o, struct smp_err *e);
/* Factors on the biological rate and the photolabilities and a change of
 * every healing retention: one draw of the uncertainty. */
struct smp_fade_vary {
	double	bio, photo, heal;
};
/* The deposits, rates, healed colours and criterion of f from f->ms,
 * f->mo and f->o (smp_fade_init calls it with v NULL). */
void	smp_fade_setup(struct smp_fade *f, const struct smp_fade_vary *v);
void	smp_fade_loads(const struct smp_fade *f, double t, double *c);
void	smp_fade_render(const struct smp_fade *f, const double *c,
	    struct smp_lab *dot, struct smp_lab *blend);
struct smp_fade_point {
	double		t, load;	/* load relative to healed */
	struct smp_lab	dot, blend;
	double		de_dot, de_blend;	/* from the healed colours */
	double		contrast;	/* smp_fade_contrast */
};
void	smp_fade_at(const struct smp_fade *f, double t,
	    struct smp_fade_point *p);
/* What a person sees of dots against the skin: their CIEDE2000 lightness
 * difference (smp-model(7): at a dot's size colour differences fade from
 * sight before lightness ones). */
double	smp_fade_contrast(const struct smp_fade *f, const struct smp_lab *dot);
/* The contrast at which dots of healed contrast healed are due: the share
 * o.contrast_loss lost, and at least twice the repeat-capture sigma. */
double	smp_fade_due_contrast(const struct smp_fade *f, double healed);
/* How faded p is on the criterion's own scale (the share of the healed
 * contrast lost, or dE00 from healed), and where the touch-up is due. */
double	smp_fade_faded(const struct smp_fade *f,
	    const struct smp_fade_point *p);
double	smp_fade_faded_due(const struct smp_fade *f);
/* The first touch-up (without any planned ones), NAN beyond horizon. */
double	smp_fade_touchup(const struct smp_fade *f, double horizon);
/* Positive until the criterion is met at t, then <= 0. */
double	smp_fade_margin(const struct smp_fade *f, double t);
/* Plan touch-ups within horizon: each adds one session's deposit. */
int	smp_fade_plan(struct smp_fade *f, double horizon);
/* The colour change at t that plain fading does not explain: the dot
 * against the dot of the same total load in its healed proportions (hue
 * angle dh in degrees, chroma dC, both the dot's minus the even one's);
 * _most: the largest (de00) from healing to horizon, at d->t. */
struct smp_fade_drift {
	double		t;
	struct smp_lab	dot, even;
	double		de00, dh, dC;
};
void	smp_fade_drift(const struct smp_fade *f, double t,
	    struct smp_fade_drift *d);
void	smp_fade_drift_most(const struct smp_fade *f, double horizon,
	    struct smp_fade_drift *d);
/* fade-spread.c: the first touch-up's 95 % interval over f->o.draws
 * draws of the assumptions (NAN: beyond horizon, or no draws). */
int	smp_fade_spread(const struct smp_fade *f, double horizon,
	    double *early, double *late, struct smp_err *e);

struct smp_fade_obs {
	long		date;		/* days since 1970-01-01 */
	struct smp_lab	dot;
	int		used;		/* on or after the baseline */
	double		t;		/* years after the baseline */
	double		load, fit_de;	/* inverted load (x healed), residual */
	double		de;		/* dE00 from the baseline reading */
	double		faded;		/* on the criterion's scale, from it */
	double		off;		/* dE00 to the fitted curve */
};
/* What should worry a user of a fade (smp_names_fade_flag). */
enum smp_fade_flag {
	SMP_FADE_FLAG_DUE = 1,		/* the latest reading is past it */
	SMP_FADE_FLAG_LACK_OF_FIT = 2,	/* readings off the fitted curve */
	SMP_FADE_FLAG_DARKENING = 4,	/* the rate's interval <= 0 */
	SMP_FADE_FLAG_BEYOND = 8,	/* no touch-up within the horizon */
	SMP_FADE_FLAG_OPEN = 16		/* the rate's interval is unbounded */
};
/* The flags that withhold a fit's touch-up date (smp-fade exits 1). */
#define SMP_FADE_FLAGS_NO_DATE	(SMP_FADE_FLAG_LACK_OF_FIT | \
	    SMP_FADE_FLAG_DARKENING | SMP_FADE_FLAG_OPEN)
struct smp_fade_fitres {
	size_t		n_used,
	    baseline;	/* readings; index of baseline */
	double		k, k_lo, k_hi;		/* per year, 95 % interval */
	double		s0,
	    rmse;		/* baseline load; ln-load rmse */
	double		half_life;
	double		touchup, touchup_early, touchup_late; /* after base */
	struct smp_lab	healed;			/* at s0 */
	double		rms_off;		/* readings to the curve, dE00 */
	unsigned	flags;			/* enum smp_fade_flag */
	size_t		due;			/* with FLAG_DUE: that reading */
};

/* fade-series.c: dots (class dot or all) with dates, adapted to the
 * skin's white, and the first skin row unless have_skin is set already. */
struct smp_fade_series {
	struct smp_fade_obs	*obs;
	size_t			 n;
	struct smp_lab		 skin;
	enum smp_white		 white;		/* of skin and obs */
	int			 have_skin;
	const char		*region;	/* only these dots, or NULL */
	int			 any_region;	/* every region as one */
};
int	smp_fade_series_read(const char *path, enum smp_white dflt,
	    struct smp_fade_series *s, struct smp_err *e);
void	smp_fade_series_clear(struct smp_fade_series *s);
double	smp_fade_fit_invert(const struct smp_fade *f, const struct smp_lab *obs,
	    double *de);
/* Readings dated before first_usable are not used; needs 2 follow-ups. */
int	smp_fade_fit(const struct smp_fade *f, struct smp_fade_obs *obs,
	    size_t n, long first_usable, double horizon,
	    struct smp_fade_fitres *r, struct smp_err *e);
/* fade-profile.c: k (searched about k0 +- 4 k_sd) with the interval
 * where the sum of squares rises by t2 times the variance; *u gets ln s0.
 * An end of the interval at +-SMP_FADE_K_BOUND: the readings leave it
 * open. */
#define SMP_FADE_K_BOUND	10.0	/* per year */
double	smp_fade_profile_fit(const struct smp_fade *f,
	    const struct smp_fade_obs *obs, size_t n, double k0, double k_sd,
	    double t2, double *k_lo, double *k_hi, double *u);
double	smp_fade_fit_de(const struct smp_fade *f,
	    const struct smp_fade_fitres *r, double t);
double	smp_fade_fit_due(const struct smp_fade *f,
	    const struct smp_fade_fitres *r);

/* fade-plot.c: --plot, SVG: how faded the dots are against years, in
 * the caller's unit (ylabel), with a legend entry for what is drawn.  NAN
 * touch-up times are left out; labels are UTF-8. */
struct smp_fade_plot {
	const char	*title, *xlabel, *ylabel;
	const char	*dot_label, *blend_label, *points_label;
	const char	*threshold_label, *touchup_label;
	const double	*t, *de;	/* the dot curve */
	size_t		 n;
	const double	*t2, *de2;	/* the blended curve, or n2 = 0 */
	size_t		 n2;
	const double	*pt, *pde;	/* measured points, or np = 0 */
	size_t		 np;
	double		 threshold, touchup, touchup_early, touchup_late;
	const double	*later;		/* later touch-ups, marked only */
	size_t		 nlater;
};
int	smp_fade_plot_write(const char *path, const struct smp_fade_plot *p,
	    struct smp_err *e);
/* The same SVG into o; standalone adds the XML declaration (leave it out
 * to put the picture inside an HTML page). */
void	smp_fade_plot_svg(const struct smp_fade_plot *p, int standalone,
	    struct smp_strbuf *o);

/* fade-report.c: what smp-fade writes for predictions and fits. */
enum smp_fade_report_kind {
	SMP_FADE_REPORT_STEPS, SMP_FADE_REPORT_SUMMARY, SMP_FADE_REPORT_FIT
};
struct smp_fade_report {
	const struct smp_catalogue	*cat;
	const struct smp_pigment	*pig;
	struct smp_match_opts		 mo;
	struct smp_fade_opts		 fo;
	long				 start;		/* first session */
	int				 have_start;	/* given, not today */
	double				 years;		/* horizon */
	int				 step;		/* months per row */
	int				 summary;	/* one row per skin */
	int				 touchups;	/* plan them */
};
struct smp_table *smp_fade_report_table(FILE *fp, enum smp_table_format fmt,
	    int header, enum smp_fade_report_kind kind, struct smp_err *e);
/* A prediction's first touch-up and its 95 % interval, years after the
 * first session (NAN: beyond the horizon). */
struct smp_fade_when {
	double	tu, early, late;
};
/* One prediction for a skin: f fitted, *when its first touch-up, its
 * summary row or its timeline written to t. */
int	smp_fade_report_predict(struct smp_table *t,
	    const struct smp_fade_report *rp, const char *file,
	    const char *region, const struct smp_lab *skin, enum smp_white w,
	    struct smp_fade *f, struct smp_fade_when *when, struct smp_err *e);
/* The predictions for the skin and unseparated rows of rs; the first's
 * in *first and *first_when.  The number of them, or -1. */
int	smp_fade_report_readings(struct smp_table *t,
	    const struct smp_fade_report *rp, const struct smp_readings *rs,
	    struct smp_fade *first, struct smp_fade_when *first_when,
	    struct smp_err *e);
int	smp_fade_pictures_plot(const char *path, const struct smp_fade_report *rp,
	    const struct smp_fade *f, const struct smp_fade_when *when,
	    struct smp_err *e);
/* That plot's SVG into o (-1: out of memory). */
int	smp_fade_pictures_plot_svg(const struct smp_fade_report *rp,
	    const struct smp_fade *f, const struct smp_fade_when *when,
	    int standalone, struct smp_strbuf *o);
/* The reminder at the early end of the interval; 1 (nothing written)
 * when there is no date. */
int	smp_fade_pictures_ics(const char *path, const struct smp_fade_report *rp,
	    const struct smp_fade *f, const struct smp_fade_when *when,
	    struct smp_err *e);
/* A client's rate fitted to the series read from path, its row. */
int	smp_fade_report_fit(struct smp_table *t,
	    const struct smp_fade_report *rp, const char *path,
	    struct smp_fade_series *ser, struct smp_fade *f,
	    struct smp_fade_fitres *r, struct smp_err *e);
int	smp_fade_pictures_fit_plot(const char *path,
	    const struct smp_fade_report *rp, const struct smp_fade *f,
	    const struct smp_fade_series *ser, const struct smp_fade_fitres *r,
	    struct smp_err *e);
/* 1 (nothing written) without a date, or with a flag that withholds it. */
int	smp_fade_pictures_fit_ics(const char *path,
	    const struct smp_fade_report *rp, const struct smp_fade *f,
	    const struct smp_fade_series *ser, const struct smp_fade_fitres *r,
	    struct smp_err *e);
/* One line on what flag (one enum smp_fade_flag) of r means, into b. */
size_t	smp_fade_report_explain(const struct smp_fade_report *rp,
	    const struct smp_fade *f, const struct smp_fade_series *ser,
	    const struct smp_fade_fitres *r, unsigned flag, char *b, size_t n);

/* ics.c: --ics, one all-day event on date, DTSTAMP from stamp (days).
 * summary and description are ASCII. */
struct smp_ics_event {
	long		 date, stamp;
	const char	*summary, *description;
};
int	smp_ics_write(const char *path, const struct smp_ics_event *ev,
	    struct smp_err *e);


/*
 * Output pictures: the swatch, and the canvas and PNG encoder shared by
 * the overlay and the swatch.
 */

/* swatch.c: the --swatch picture, PNG or SVG by the file's suffix. */
struct smp_swatch_row {
	struct smp_lab	 skin, target;	/* in white */
	enum smp_white	 white;
	const char	*target_name;
	int		 target_hair;	/* the name is a hair colour */
	struct {
		const char	*name;
		double		 dilution, de;
		int		 same;		/* equivalent */
		struct smp_lab	 dot;
	} cand[16];
};
#define SMP_SWATCH_MAX_K	16
/* The rows of a picture, one per group: its skin, target and best k. */
struct smp_swatch {
	struct smp_swatch_row	*rows;
	size_t			 n, cap;
};
int	smp_swatch_add(struct smp_swatch *sw, const struct smp_catalogue *cat,
	    const struct smp_match_group *g,
	    const struct smp_match_result *res, int k, struct smp_err *e);
void	smp_swatch_free(struct smp_swatch *sw);
/* 1 when path names a swatch the writer knows (.png or .svg, any case). */
int	smp_swatch_path_ok(const char *path);
int	smp_swatch_write(const char *path, const struct smp_swatch *sw,
	    int k, const struct smp_match_opts *o, struct smp_err *e);

/* canvas.c */
struct smp_canvas {
	unsigned char	*px;		/* RGB, row-major */
	uint32_t	 w, h;
};
/* Filled with rgb; -1 when out of memory.  Free c->px. */
int	smp_canvas_new(struct smp_canvas *c, uint32_t w, uint32_t h,
	    const unsigned char *rgb);
void	smp_canvas_put(struct smp_canvas *c, long x, long y,
	    const unsigned char *rgb);
void	smp_canvas_rect(struct smp_canvas *c, long x, long y, long w, long h,
	    const unsigned char *rgb);
void	smp_canvas_disc(struct smp_canvas *c, double cx, double cy, double r,
	    const unsigned char *rgb);
void	smp_canvas_line(struct smp_canvas *c, double x0, double y0, double x1,
	    double y1, const unsigned char *rgb);
/* Text in the 5 x 7 font, cells SMP_CANVAS_CELL * scale wide and
 * SMP_CANVAS_LINE * scale high with the spacing; returns the end x. */
#define SMP_CANVAS_CELL	6
#define SMP_CANVAS_LINE	9
long	smp_canvas_text(struct smp_canvas *c, long x, long y, const char *s,
	    int scale, const unsigned char *rgb);
/* png-encode.c: PNG (8-bit RGB, sRGB chunk) in memory; *out is the
 * caller's to free. */
int	smp_png_encode(const unsigned char *px, uint32_t w, uint32_t h,
	    unsigned char **out, size_t *len);

#endif /* SMP_H */

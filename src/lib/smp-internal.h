/*
 * smp-internal.h: declarations shared between src/lib files only.  Tools
 * must not include it.
 */
#ifndef SMP_INTERNAL_H
#define SMP_INTERNAL_H

#include <stddef.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"

/* lab.c: the lcms2 XYZ of a white, adaptation between whites, and
 * cmsXYZ2Lab's Lab with a cheaper cube root. */
const cmsCIEXYZ	*smp__lab_white_xyz(enum smp_white w);
void		 smp__lab_of_xyz(const cmsCIEXYZ *white, const cmsCIEXYZ *xyz,
		    cmsCIELab *lab);
void		 smp__lab_xyz_adapt(const cmsCIEXYZ *in, enum smp_white from,
		    enum smp_white to, cmsCIEXYZ *out);

/* lcms.c: a context per caller whose log handler fills a struct smp_err. */
cmsContext	 smp__lcms_context(struct smp_err *e);
void		 smp__lcms_context_free(cmsContext ctx);
/* Point the context's error sink at e (NULL to discard messages). */
void		 smp__lcms_context_sink(cmsContext ctx, struct smp_err *e);
/* Lab (D50) doubles to 8-bit sRGB, relative colorimetric. */
cmsHTRANSFORM	 smp__lcms_lab_to_srgb(cmsContext ctx, struct smp_err *e);

/* A pixel's ncol colour samples (alpha left out) packed 16 bits each,
 * first sample highest: the key of pixconv.c's memo and of tally.c. */
static inline uint64_t
smp__pixel_key(const uint16_t *p, int ncol)
{
	uint64_t	k = 0;
	int		c;

	for (c = 0; c < ncol; c++)
		k = k << 16 | p[c];
	return k;
}

/* The same for a pixel of three colour samples and alpha, p[0..3]: on a
 * little-endian machine one load of the four samples, rearranged. */
static inline uint64_t
smp__pixel_key_rgb(const uint16_t *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t	v;

	memcpy(&v, p, sizeof v);
	return (v & 0xffff) << 32 | (v & 0xffff0000) | (v >> 32 & 0xffff);
#else
	return smp__pixel_key(p, 3);
#endif
}

/* tally-direct.c, for tally.c: count keys[0..n) in a direct tally. */
void	smp__tally_direct_free(struct smp_tally *t);
void	smp__tally_direct_run(struct smp_tally *t, const uint64_t *keys,
	    size_t n);

/* tally-sort.c, for tally.c: count keys or 8-bit samples in a sorted
 * tally (how many before it must grow), set up the chunk of a region
 * of that many pixels, what it takes, allocate it, flush it
 * (1: grow and flush again), free it. */
size_t	smp__tally_sort_run(struct smp_tally *t, const uint64_t *keys,
	    size_t n);
size_t	smp__tally_sort_rgba8(struct smp_tally *t, const unsigned char *px,
	    size_t n);
void	smp__tally_sort_setup(struct smp_tally *t, size_t pixels);
size_t	smp__tally_sort_bytes(const struct smp_tally *t);
int	smp__tally_sort_alloc(struct smp_tally *t);
int	smp__tally_sort_flush(struct smp_tally *t);
void	smp__tally_sort_free(struct smp_tally *t);

/* tally.c: a slot of a tally's table, a device value and its pixels (n
 * 0: empty), the same size as the smp_colour it becomes.  In a list in
 * an order (smp_tally's ordered), order is the entry's place in it: its
 * 24-bit colour in key order, its Morton index in a direct tally's. */
struct smp__tally_slot {
	uint64_t	key;
	uint32_t	n;
	uint32_t	order;
};

/* tally-direct.c: a Morton index back into a key, a byte of it at a
 * time (each entry the channel bits that byte stands for, in place). */
typedef uint64_t smp__unmorton_t[3][256];
void	smp__tally_direct_unmorton(smp__unmorton_t u);
uint64_t smp__tally_direct_key(const smp__unmorton_t u, uint32_t k);

/* Turn a list's entry into its colour, of Lab lab and the entry's count,
 * in place: the two stored apart, not through a colour built first,
 * whose one wide load after its narrow stores stalled every entry. */
static inline void
smp__tally_slot_colour(struct smp__tally_slot *sl, const float *lab)
{
	unsigned char	*o = (unsigned char *)sl;
	uint32_t	 n = sl->n;

	memcpy(o + offsetof(struct smp_colour, lab), lab,
	    sizeof ((struct smp_colour *)0)->lab);
	memcpy(o + offsetof(struct smp_colour, n), &n, sizeof n);
}

/* pixconv-shaper.c: the D50 XYZ of a matrix/TRC or grey TRC profile
 * from tables; NULL when lcms2 would not treat p as one (or no memory).
 * Pixels are 16-bit codes, stride values apart, RGB or grey first. */
struct smp_pixconv_shaper;
struct smp_pixconv_shaper *smp__pixconv_shaper_new(cmsHPROFILE p);
void	smp__pixconv_shaper_free(struct smp_pixconv_shaper *sh);
void	smp__pixconv_shaper_run(struct smp_pixconv_shaper *sh,
	    const uint16_t *px, int stride, double *xyz, uint32_t n);

/* camera-fit.c: the patches a camera model is fitted to. */
struct smp_camera_data {
	const double		(*rgb)[3];
	const struct smp_lab	*ref;
	double			 xyz[SMP_CHART_PATCHES][3];	/* of ref */
	double			 w[SMP_CHART_PATCHES];	/* smp_camera_fit_weight */
};
/* camera-anchor.c: curve-matrix or curve-poly on the patches in use.
 * curve-poly starts from pre, the curve-matrix fit on the same patches,
 * when it is not NULL (the same numbers, without fitting it again). */
int	smp__camera_anchor_fit(const struct smp_camera_data *d,
	    const unsigned char *use, enum smp_model model,
	    const struct smp_camera *pre, struct smp_camera *cam);

/* tissue.c: epidermal and dermal absorption and the shared reduced
 * scattering of band i of skin s, cm^-1. */
void		 smp__tissue_band(const struct smp_skin *s, int i,
		    double *mua_e, double *mua_d, double *mus);

/* report-figure.c: the report's pictures, written into o: an sRGB hex
 * colour, the inset as a PNG <img>, a dot field at true size and a
 * swatch as inline SVG. */
void	smp__report_figure_hex(cmsHTRANSFORM xf, const struct smp_lab *lab,
	    enum smp_white w, char *hex);
int	smp__report_figure_inset(struct smp_strbuf *o, cmsHTRANSFORM xf,
	    const struct smp_inset *in, enum smp_white w, const char *alt);
void	smp__report_figure_field(struct smp_strbuf *o, const char *skin,
	    const char *dot, double size_mm, double dot_mm, double pitch_mm,
	    const char *label);
void	smp__report_figure_swatch(struct smp_strbuf *o, const char *colour,
	    const char *label);

/* image.c: the decoder back-ends (image-png.c, image-jpeg.c). */
struct smp_image {
	char			*path;
	FILE			*fp;
	struct smp_image_info	 info;
	struct smp_limits	 lim;
	unsigned char		*icc;
	int			 used;		/* a rect has been read */
	uint64_t		 decode_bytes;	/* the codec's most for a read,
						 * set by open */
	uint64_t		 held;		/* taken from lim.budget */
	uint64_t		 need;		/* reserved and grown */
	int			 (*open)(struct smp_image *,
				    struct smp_err *);	/* the codec */
	int			 denom;		/* reduced read: 1/denom */
	/* The row being passed: 8-bit RGBA samples, and where they widen
	 * to on demand (smp_image_row_16bit); want8: the caller takes them. */
	int			 want8;
	unsigned char		*into;		/* the next row's room, or NULL */
	size_t			 into_room;	/* its bytes */
	const unsigned char	*row8;
	uint16_t		*row16;
	size_t			 row8_samples;
	int			 widened;
	int			 (*read)(struct smp_image *,
				    const struct smp_rect *, smp_row_fn,
				    void *, struct smp_err *);
	void			 (*close)(struct smp_image *);
	/* The largest reduction <= max the codec does (a power of 2), and
	 * the reduced size; NULL: no reduction. */
	int			 (*reduce)(struct smp_image *, int max,
				    uint32_t *w, uint32_t *h);
	void			*codec;
};

/* image-row.c: pass a row of 8-bit RGBA samples to fn, as px == NULL
 * with the row held for smp_image_row_8bit/16bit when the caller wants
 * 8 bits, else widened into wide first. */
int	smp__image_row_pass(struct smp_image *img, uint32_t sy,
	    const unsigned char *row, size_t samples, uint16_t *wide,
	    smp_row_fn fn, void *arg, struct smp_err *e);
/* image-row.c: where the codec decodes its next row of rowbytes bytes
 * (8-bit RGBA): in what smp_image_row_into asked for when it has room,
 * else fallback; the request is used up either way.  row_start is where
 * a row of room rowbytes + SMP_IMAGE_ROW_SLACK at p starts (see
 * image-row.c). */
#define SMP_IMAGE_ROW_SLACK	16
unsigned char *smp__image_row_start(unsigned char *p);
unsigned char *smp__image_row_dest(struct smp_image *img,
	    unsigned char *fallback, size_t rowbytes);
int	smp__image_png_open(struct smp_image *img, struct smp_err *e);
int	smp__image_jpeg_open(struct smp_image *img, struct smp_err *e);
int	smp__image_png_is(const unsigned char *sig, size_t n);
int	smp__image_jpeg_is(const unsigned char *sig, size_t n);

#endif /* SMP_INTERNAL_H */

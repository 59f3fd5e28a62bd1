/*
 * smp-internal.h: declarations shared between src/lib files only.  Tools
 * must not include it.
 */
#ifndef SMP_INTERNAL_H
#define SMP_INTERNAL_H

#include <lcms2.h>

#include "smp.h"

/* color.c */
void		 smp__d65_xyz(cmsCIEXYZ *out);
const cmsCIEXYZ	*smp__white_xyz(enum smp_white w);
void		 smp__xyz_adapt(const cmsCIEXYZ *in, enum smp_white from,
		    enum smp_white to, cmsCIEXYZ *out);

/* lcms.c: a context per caller whose log handler fills a struct smp_err. */
cmsContext	 smp__lcms_context(struct smp_err *e);
void		 smp__lcms_context_free(cmsContext ctx);
/* Point the context's error sink at e (NULL to discard messages). */
void		 smp__lcms_context_sink(cmsContext ctx, struct smp_err *e);

/* image.c: the decoder back-ends. */
struct smp_image {
	char			*path;
	FILE			*fp;
	struct smp_image_info	 info;
	struct smp_limits	 lim;
	unsigned char		*icc;
	int			 used;		/* a rect has been read */
	int			 denom;		/* reduced read: 1/denom */
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

int	smp__png_open(struct smp_image *img, struct smp_err *e);
int	smp__jpeg_open(struct smp_image *img, struct smp_err *e);
int	smp__png_is(const unsigned char *sig, size_t n);
int	smp__jpeg_is(const unsigned char *sig, size_t n);

#endif /* SMP_INTERNAL_H */

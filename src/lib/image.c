/*
 * image.c: open an image by content (PNG or JPEG), expose its header, and
 * hand the codec's rows of a rectangle to a callback.  Every read after
 * the first starts the codec again from the top of the open file, so one
 * handle serves detection, patch sampling and region sampling.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "smp.h"
#include "smp-internal.h"

/* Copy standard input to an unnamed temporary file so decoders can rewind. */
static FILE *
image_spool_stdin(struct smp_err *e)
{
	char	 buf[65536];
	FILE	*tmp;
	size_t	 n;

	if ((tmp = tmpfile()) == NULL) {
		smp_errf(e, SMP_E_IO, "-: cannot create a temporary file: %s",
		    strerror(errno));
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
		if (fwrite(buf, 1, n, tmp) != n) {
			smp_errf(e, SMP_E_IO, "-: cannot spool input: %s",
			    strerror(errno));
			fclose(tmp);
			return NULL;
		}
	}
	if (ferror(stdin)) {
		smp_errf(e, SMP_E_IO, "-: read error: %s", strerror(errno));
		fclose(tmp);
		return NULL;
	}
	rewind(tmp);
	return tmp;
}

/* Read the header from the top of the file with the codec found by
 * smp_image_open: the first time, and again for every further read. */
static int
image_start(struct smp_image *img, struct smp_err *e)
{
	if (img->close != NULL)
		img->close(img);
	img->close = NULL;
	img->read = NULL;
	img->reduce = NULL;
	free(img->icc);
	img->icc = NULL;
	memset(&img->info, 0, sizeof img->info);
	img->denom = 1;
	if (fseek(img->fp, 0, SEEK_SET) == -1)
		return smp_errf(e, SMP_E_IO, "%s: %s", img->path,
		    strerror(errno));
	if (img->open(img, e) == -1)
		return -1;
	if (img->info.orientation >= 5) {
		img->info.disp_width = img->info.height;
		img->info.disp_height = img->info.width;
	} else {
		img->info.disp_width = img->info.width;
		img->info.disp_height = img->info.height;
	}
	return 0;
}

int
smp_image_open(const char *path, const struct smp_limits *lim,
    struct smp_image **out, struct smp_err *e)
{
	struct smp_image	*img;
	struct stat		 st;
	unsigned char		 sig[8];
	size_t			 n;

	*out = NULL;
	if ((img = calloc(1, sizeof *img)) == NULL ||
	    (img->path = strdup(path)) == NULL) {
		free(img);
		return smp_errf(e, SMP_E_NOMEM, "%s: out of memory", path);
	}
	img->lim = *lim;
	if (strcmp(path, "-") == 0)
		img->fp = image_spool_stdin(e);
	else if ((img->fp = fopen(path, "rb")) == NULL)
		smp_errf(e, SMP_E_IO, "%s: %s", path, strerror(errno));
	else if (fstat(fileno(img->fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		smp_errf(e, SMP_E_IO, "%s: is a directory", path);
		fclose(img->fp);
		img->fp = NULL;
	}
	if (img->fp == NULL) {
		smp_image_free(img);
		return -1;
	}
	n = fread(sig, 1, sizeof sig, img->fp);
	if (ferror(img->fp)) {
		smp_errf(e, SMP_E_IO, "%s: %s", path, strerror(errno));
		smp_image_free(img);
		return -1;
	}
	rewind(img->fp);
	if (smp__image_png_is(sig, n))
		img->open = smp__image_png_open;
	else if (smp__image_jpeg_is(sig, n))
		img->open = smp__image_jpeg_open;
	else if (n == 0)
		smp_errf(e, SMP_E_INPUT, "%s: empty file", path);
	else
		smp_errf(e, SMP_E_INPUT, "%s: not a PNG or JPEG image", path);
	if (img->open == NULL || image_start(img, e) == -1) {
		smp_image_free(img);
		return -1;
	}
	*out = img;
	return 0;
}

int
smp_image_reserve(struct smp_image *img, uint64_t extra, struct smp_err *e)
{
	uint64_t	need = img->decode_bytes + extra;

	if (img->lim.budget != NULL)
		smp_budget_give(img->lim.budget, img->held);
	img->held = 0;
	if (need > img->lim.max_bytes || (img->lim.budget != NULL &&
	    smp_budget_take(img->lim.budget, need) == -1))
		return smp_errf(e, SMP_E_LIMIT, "%s: decoding and measuring "
		    "need %llu MiB, above the limit of %llu MiB (--max-memory)",
		    img->path, (unsigned long long)((need + (1 << 20) - 1) >> 20),
		    (unsigned long long)(img->lim.max_bytes >> 20));
	if (img->lim.budget != NULL)
		img->held = need;
	img->need = need;
	return 0;
}

int
smp_image_grow(struct smp_image *img, uint64_t extra, struct smp_err *e)
{
	uint64_t	need = img->need + extra;

	if (need > img->lim.max_bytes)
		return smp_errf(e, SMP_E_LIMIT, "%s: its regions' colours need "
		    "more than the limit of %llu MiB (--max-memory)", img->path,
		    (unsigned long long)(img->lim.max_bytes >> 20));
	if (img->lim.budget != NULL) {
		smp_budget_add(img->lim.budget, extra);
		img->held += extra;
	}
	img->need = need;
	return 0;
}

void
smp_image_release(struct smp_image *img, uint64_t n)
{
	n = n < img->need ? n : img->need;
	img->need -= n;
	if (img->lim.budget != NULL && n <= img->held) {
		smp_budget_give(img->lim.budget, n);
		img->held -= n;
	}
}

void
smp_image_free(struct smp_image *img)
{
	if (img == NULL)
		return;
	if (img->lim.budget != NULL)
		smp_budget_give(img->lim.budget, img->held);
	if (img->close != NULL)
		img->close(img);
	if (img->fp != NULL)
		fclose(img->fp);
	free(img->icc);
	free(img->path);
	free(img);
}

const struct smp_image_info *
smp_image_info(const struct smp_image *img)
{
	return &img->info;
}

const char *
smp_image_path(const struct smp_image *img)
{
	return img->path;
}

int
smp_image_read(struct smp_image *img, const struct smp_rect *r,
    smp_row_fn fn, void *arg, struct smp_err *e)
{
	int	rc;

	if (img->used && image_start(img, e) == -1)
		return -1;
	if (r->w == 0 || r->h == 0 || r->x > img->info.width ||
	    r->w > img->info.width - r->x || r->y > img->info.height ||
	    r->h > img->info.height - r->y)
		return smp_errf(e, SMP_E_INPUT,
		    "%s: internal: rectangle outside the image", img->path);
	img->used = 1;
	rc = img->read(img, r, fn, arg, e);
	img->into = NULL;	/* no request outlives its read */
	return rc;
}

int
smp_image_read_reduced(struct smp_image *img, int max_denom, int *denom,
    smp_row_fn fn, void *arg, struct smp_err *e)
{
	struct smp_rect	all = { 0, 0, img->info.width, img->info.height };

	*denom = 1;
	if (img->used && image_start(img, e) == -1)
		return -1;
	if (img->reduce != NULL && max_denom > 1)
		*denom = img->reduce(img, max_denom, &all.w, &all.h);
	img->denom = *denom;
	img->used = 1;
	return img->read(img, &all, fn, arg, e);
}

int
smp_image_sniff(const char *path)
{
	const char	*dot = strrchr(path, '.');
	unsigned char	 sig[8];
	size_t		 n;
	FILE		*fp;

	if (dot != NULL && strchr(dot, '/') == NULL &&
	    (strcasecmp(dot, ".png") == 0 || strcasecmp(dot, ".jpg") == 0 ||
	    strcasecmp(dot, ".jpeg") == 0))
		return 1;
	if (strcmp(path, "-") == 0 || (fp = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(sig, 1, sizeof sig, fp);
	fclose(fp);
	return smp__image_png_is(sig, n) || smp__image_jpeg_is(sig, n);
}

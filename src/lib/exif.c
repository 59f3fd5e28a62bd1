/*
 * exif.c: the Orientation tag (0x0112) of IFD0 and the capture date
 * (DateTimeOriginal 0x9003 of the Exif IFD, else DateTime 0x0132 of IFD0)
 * in an EXIF APP1 payload.  Every offset is bounds-checked; anything
 * malformed means "no rotation" or "no date".
 */
#include "config.h"

#include <string.h>

#include "smp.h"

static unsigned
exif_u16(const unsigned char *p, int le)
{
	return le ? (unsigned)p[0] | (unsigned)p[1] << 8 :
	    (unsigned)p[0] << 8 | (unsigned)p[1];
}

static unsigned long
exif_u32(const unsigned char *p, int le)
{
	return le ? (unsigned long)p[0] | (unsigned long)p[1] << 8 |
	    (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24 :
	    (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | (unsigned long)p[3];
}

/* The TIFF structure after "Exif\0\0": its bytes, byte order, IFD0. */
struct tiff {
	const unsigned char	*t;
	size_t			 n, ifd0;
	int			 le;
};

static int
tiff_open(const unsigned char *p, size_t n, struct tiff *tf)
{
	if (n < 6 + 8 || memcmp(p, "Exif\0\0", 6) != 0)
		return -1;
	tf->t = p + 6;
	tf->n = n - 6;
	if (memcmp(tf->t, "II*\0", 4) == 0)
		tf->le = 1;
	else if (memcmp(tf->t, "MM\0*", 4) == 0)
		tf->le = 0;
	else
		return -1;
	tf->ifd0 = exif_u32(tf->t + 4, tf->le);
	return tf->ifd0 < 8 || tf->ifd0 > tf->n - 2 ? -1 : 0;
}

/* Offset of tag's 12-byte entry in the IFD at ifd, or 0. */
static size_t
ifd_find(const struct tiff *tf, size_t ifd, unsigned tag)
{
	size_t	i, count;

	if (ifd < 8 || ifd > tf->n - 2)
		return 0;
	count = exif_u16(tf->t + ifd, tf->le);
	for (i = 0; i < count; i++) {
		size_t	off = ifd + 2 + 12 * i;

		if (off > tf->n - 12)
			return 0;
		if (exif_u16(tf->t + off, tf->le) == tag)
			return off;
	}
	return 0;
}

/* An ASCII "YYYY:MM:DD HH:MM:SS" entry as YYYY-MM-DD in out[11]. */
static int
entry_date(const struct tiff *tf, size_t off, char *out)
{
	char		 buf[20];
	size_t		 count, at;
	long		 days;

	if (off == 0 || exif_u16(tf->t + off + 2, tf->le) != 2)	/* ASCII */
		return -1;
	count = exif_u32(tf->t + off + 4, tf->le);
	if (count < 11 || count > 64)
		return -1;
	at = exif_u32(tf->t + off + 8, tf->le);
	if (at > tf->n || count > tf->n - at)
		return -1;
	count = count < sizeof buf ? count : sizeof buf - 1;
	memcpy(buf, tf->t + at, count);
	buf[count] = '\0';
	/* EXIF writes "YYYY:MM:DD HH:MM:SS"; the day is its first ten. */
	if (buf[4] != ':' || buf[7] != ':' || (buf[10] != ' ' &&
	    buf[10] != '\0'))
		return -1;
	buf[4] = buf[7] = '-';
	buf[10] = '\0';
	if (smp_date_parse(buf, &days) == -1)
		return -1;
	smp_date_format(days, out, 11);
	return 0;
}

int
smp_exif_date(const unsigned char *p, size_t n, char *out)
{
	struct tiff	tf;
	size_t		off;

	out[0] = '\0';
	if (tiff_open(p, n, &tf) == -1)
		return -1;
	if ((off = ifd_find(&tf, tf.ifd0, 0x8769)) != 0 &&
	    exif_u16(tf.t + off + 2, tf.le) == 4 &&		/* LONG */
	    entry_date(&tf, ifd_find(&tf, exif_u32(tf.t + off + 8, tf.le),
	    0x9003), out) == 0)
		return 0;
	return entry_date(&tf, ifd_find(&tf, tf.ifd0, 0x0132), out);
}

int
smp_exif_orientation(const unsigned char *p, size_t n)
{
	struct tiff	tf;
	size_t		off;
	unsigned	v;

	if (tiff_open(p, n, &tf) == -1 ||
	    (off = ifd_find(&tf, tf.ifd0, 0x0112)) == 0 ||
	    exif_u16(tf.t + off + 2, tf.le) != 3)		/* SHORT */
		return 1;
	v = exif_u16(tf.t + off + 8, tf.le);
	return v >= 1 && v <= 8 ? (int)v : 1;
}

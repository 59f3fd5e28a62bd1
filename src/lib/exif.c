/*
 * exif.c: the Orientation tag (0x0112) of IFD0 in an EXIF APP1 payload.
 * Every offset is bounds-checked; anything malformed means "no rotation".
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

int
smp_exif_orientation(const unsigned char *p, size_t n)
{
	const unsigned char	*t;
	size_t			 tn, ifd, i, count;
	unsigned		 v;
	int			 le;

	if (n < 6 + 8 || memcmp(p, "Exif\0\0", 6) != 0)
		return 1;
	t = p + 6;
	tn = n - 6;
	if (memcmp(t, "II*\0", 4) == 0)
		le = 1;
	else if (memcmp(t, "MM\0*", 4) == 0)
		le = 0;
	else
		return 1;
	ifd = exif_u32(t + 4, le);
	if (ifd < 8 || ifd > tn - 2)
		return 1;
	count = exif_u16(t + ifd, le);
	for (i = 0; i < count; i++) {
		size_t	off = ifd + 2 + 12 * i;

		if (off > tn - 12)
			return 1;
		if (exif_u16(t + off, le) != 0x0112)
			continue;
		if (exif_u16(t + off + 2, le) != 3)	/* SHORT */
			return 1;
		v = exif_u16(t + off + 8, le);
		return v >= 1 && v <= 8 ? (int)v : 1;
	}
	return 1;
}

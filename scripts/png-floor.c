/*
 * png-floor: the least any PNG reader can do to see rows 0..LAST of a
 * file: inflate and unfilter them with libpng, then stop.  The floor
 * scripts/bench-sample.sh measures smp-sample's PNG path against.
 * Shares no code with libsmp.
 *
 * usage: png-floor FILE.png [LAST]   (LAST defaults to the last row)
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include <png.h>

int
main(int argc, char *argv[])
{
	png_structp	 png;
	png_infop	 info;
	png_bytep	 row;
	png_uint_32	 h, y, last;
	FILE		*fp;
	static unsigned long sum;

	if (argc < 2 || (fp = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: png-floor FILE.png [LAST]\n");
		return 2;
	}
	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	info = png_create_info_struct(png);
	if (png == NULL || info == NULL || setjmp(png_jmpbuf(png))) {
		fprintf(stderr, "png-floor: %s: cannot read\n", argv[1]);
		return 2;
	}
#ifdef PNG_IGNORE_ADLER32	/* as smp-sample: the chunks' CRCs suffice */
	png_set_option(png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);
#endif
	png_init_io(png, fp);
	png_read_info(png, info);
	if (png_get_interlace_type(png, info) != PNG_INTERLACE_NONE) {
		fprintf(stderr, "png-floor: interlaced files are not a floor\n");
		return 2;
	}
	h = png_get_image_height(png, info);
	last = argc > 2 ? (png_uint_32)strtoul(argv[2], NULL, 10) : h - 1;
	if (last >= h)
		last = h - 1;
	if ((row = malloc(png_get_rowbytes(png, info))) == NULL)
		return 2;
	for (y = 0; y <= last; y++) {
		png_read_row(png, row, NULL);
		sum += row[0];
	}
	printf("%lu\n", sum);	/* so that the rows are used */
	free(row);
	png_destroy_read_struct(&png, &info, NULL);
	fclose(fp);
	return 0;
}

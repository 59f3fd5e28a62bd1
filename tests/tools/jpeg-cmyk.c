/*
 * jpeg-cmyk: print the CMYK samples of a rectangle of a CMYK JPEG as ink
 * percentages (0..100) for transicc, decoded by libjpeg directly.  Files
 * with an Adobe APP14 marker store inverted CMYK (the Photoshop convention
 * that lcms2's own jpgicc also follows), so their samples are inverted.
 * usage: jpeg-cmyk FILE X Y W H
 */
#include <stdio.h>
#include <stdlib.h>

#include <jpeglib.h>

int
main(int argc, char *argv[])
{
	struct jpeg_decompress_struct	c;
	struct jpeg_error_mgr		je;
	FILE				*fp;
	JSAMPROW			 row;
	unsigned			 x, y, x0, y0, w, h, k, v;

	if (argc != 6 || (fp = fopen(argv[1], "rb")) == NULL)
		return 2;
	x0 = (unsigned)atoi(argv[2]), y0 = (unsigned)atoi(argv[3]);
	w = (unsigned)atoi(argv[4]), h = (unsigned)atoi(argv[5]);
	c.err = jpeg_std_error(&je);
	jpeg_create_decompress(&c);
	jpeg_stdio_src(&c, fp);
	jpeg_read_header(&c, TRUE);
	c.out_color_space = JCS_CMYK;
	jpeg_start_decompress(&c);
	row = malloc((size_t)c.output_width * 4);
	for (y = 0; y < y0 + h; y++) {
		jpeg_read_scanlines(&c, &row, 1);
		if (y < y0)
			continue;
		for (x = x0; x < x0 + w; x++) {
			for (k = 0; k < 4; k++) {
				v = row[x * 4 + k];
				if (c.saw_Adobe_marker)
					v = 255 - v;
				printf("%s%.4f", k ? " " : "", v * 100.0 / 255);
			}
			printf("\n");
		}
	}
	jpeg_abort_decompress(&c);
	jpeg_destroy_decompress(&c);
	fclose(fp);
	free(row);
	return 0;
}

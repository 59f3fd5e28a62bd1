/*
 * render-img: draw a test image whose true colours are known.  Shapes are
 * given in CIELAB (D50) on standard input and converted to device values
 * with lcms2 (relative colorimetric) through the chosen encoding, so the
 * expected Lab of every pixel is what the script says.  Written for the
 * tests only; it shares no code with libsmp.
 *
 * usage: render-img [options] W H OUT.png|OUT.jpg < script
 *   -e srgb|linear|FILE.icc  encoding (default srgb)
 *   -t none|iccp|srgb|gama   what the PNG says about it (default none)
 *   -d 8|16                  PNG bit depth (default 8)
 *   -g                       greyscale (L* only)
 *   -n SIGMA                 Gaussian noise, in 8-bit device units
 *   -s SEED                  noise seed (default 1)
 *   -o 1..8                  store with this EXIF orientation (JPEG only);
 *                            W H and the script stay in display terms
 *   -q QUALITY               JPEG quality (default 95)
 *   -a                       alpha channel; "clear" shapes are transparent
 *   -f                       fast, optimised lcms2 transform (benchmarks)
 * script lines (display coordinates, Lab D50):
 *   bg L a b | rect X Y W H L a b | circle CX CY R L a b |
 *   dots PITCH R L a b | clear X Y W H
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jpeglib.h>
#include <lcms2.h>
#include <png.h>

static int	W, H, depth = 8, grey, alpha, orient = 1, quality = 95, fast;
static double	*lab;		/* W * H * 3 */
static unsigned char *opaque;

static void
die(const char *m)
{
	fprintf(stderr, "render-img: %s\n", m);
	exit(2);
}

static void
put(int x, int y, const double *v)
{
	if (x < 0 || y < 0 || x >= W || y >= H)
		return;
	memcpy(lab + 3 * ((size_t)y * W + x), v, 3 * sizeof *v);
}

static void
script(void)
{
	char	line[512], cmd[32];
	double	p[7];
	int	x, y, n;

	while (fgets(line, sizeof line, stdin) != NULL) {
		n = sscanf(line, "%31s %lf %lf %lf %lf %lf %lf %lf", cmd, &p[0],
		    &p[1], &p[2], &p[3], &p[4], &p[5], &p[6]);
		if (n < 1 || cmd[0] == '#')
			continue;
		if (strcmp(cmd, "bg") == 0 && n == 4) {
			for (y = 0; y < H; y++)
				for (x = 0; x < W; x++)
					put(x, y, p);
		} else if (strcmp(cmd, "rect") == 0 && n == 8) {
			for (y = (int)p[1]; y < (int)(p[1] + p[3]); y++)
				for (x = (int)p[0]; x < (int)(p[0] + p[2]); x++)
					put(x, y, p + 4);
		} else if (strcmp(cmd, "circle") == 0 && n == 7) {
			for (y = 0; y < H; y++)
				for (x = 0; x < W; x++)
					if (hypot(x + 0.5 - p[0], y + 0.5 - p[1])
					    <= p[2])
						put(x, y, p + 3);
		} else if (strcmp(cmd, "dots") == 0 && n == 6) {
			for (y = 0; y < H; y++)
				for (x = 0; x < W; x++) {
					double	cx = (floor(x / p[0]) + 0.5) * p[0];
					double	cy = (floor(y / p[0]) + 0.5) * p[0];

					if (hypot(x + 0.5 - cx, y + 0.5 - cy) <= p[1])
						put(x, y, p + 2);
				}
		} else if (strcmp(cmd, "clear") == 0 && n == 5) {
			for (y = (int)p[1]; y < (int)(p[1] + p[3]); y++)
				for (x = (int)p[0]; x < (int)(p[0] + p[2]); x++)
					if (x >= 0 && y >= 0 && x < W && y < H)
						opaque[(size_t)y * W + x] = 0;
		} else
			die("bad script line");
	}
}

/* Box-Muller, seeded, so every run draws the same noise. */
static double
gauss(void)
{
	double	u = (rand() + 1.0) / (RAND_MAX + 2.0);
	double	v = (rand() + 1.0) / (RAND_MAX + 2.0);

	return sqrt(-2 * log(u)) * cos(2 * M_PI * v);
}

static cmsHPROFILE
encoding(const char *enc)
{
	cmsCIExyY	 d65 = { 0.3127, 0.3290, 1 };
	cmsCIExyYTRIPLE	 p = { { 0.64, 0.33, 1 }, { 0.30, 0.60, 1 },
			    { 0.15, 0.06, 1 } };
	cmsToneCurve	*c[3];
	cmsFloat64Number srgb[5] = { 2.4, 1 / 1.055, 0.055 / 1.055,
			    1 / 12.92, 0.04045 };
	cmsHPROFILE	 h;

	if (strcmp(enc, "srgb") == 0 && !grey)
		return cmsCreate_sRGBProfile();
	if (strcmp(enc, "srgb") == 0) {
		c[0] = cmsBuildParametricToneCurve(NULL, 4, srgb);
		h = cmsCreateGrayProfile(&d65, c[0]);
		cmsFreeToneCurve(c[0]);
		return h;
	}
	if (strcmp(enc, "linear") == 0) {
		c[0] = c[1] = c[2] = cmsBuildGamma(NULL, 1.0);
		h = grey ? cmsCreateGrayProfile(&d65, c[0]) :
		    cmsCreateRGBProfile(&d65, &p, c);
		cmsFreeToneCurve(c[0]);
		return h;
	}
	if ((h = cmsOpenProfileFromFile(enc, "r")) == NULL)
		die("cannot open profile");
	return h;
}

int
main(int argc, char *argv[])
{
	const char	*enc = "srgb", *tag = "none", *out;
	cmsHPROFILE	 src, dst;
	cmsHTRANSFORM	 xf;
	double		 sigma = 0;
	unsigned	 seed = 1;
	int		 ch, nch, x, y, k;
	size_t		 i;
	uint16_t	*dev;

	while ((ch = getopt(argc, argv, "ae:ft:d:gn:s:o:q:")) != -1) {
		switch (ch) {
		case 'a': alpha = 1; break;
		case 'f': fast = 1; break;
		case 'e': enc = optarg; break;
		case 't': tag = optarg; break;
		case 'd': depth = atoi(optarg); break;
		case 'g': grey = 1; break;
		case 'n': sigma = atof(optarg); break;
		case 's': seed = (unsigned)atoi(optarg); break;
		case 'o': orient = atoi(optarg); break;
		case 'q': quality = atoi(optarg); break;
		default: die("bad option");
		}
	}
	if (argc - optind != 3)
		die("usage: render-img [options] W H OUT < script");
	W = atoi(argv[optind]);
	H = atoi(argv[optind + 1]);
	out = argv[optind + 2];
	if (W < 1 || H < 1 || W > 20000 || H > 20000)
		die("bad size");
	lab = calloc((size_t)W * H * 3, sizeof *lab);
	opaque = malloc((size_t)W * H);
	nch = grey ? 1 : 3;
	dev = malloc((size_t)W * H * nch * sizeof *dev);
	if (lab == NULL || opaque == NULL || dev == NULL)
		die("out of memory");
	memset(opaque, 1, (size_t)W * H);
	script();
	srand(seed);
	src = cmsCreateLab4Profile(NULL);
	dst = encoding(enc);
	xf = cmsCreateTransform(src, TYPE_Lab_DBL, dst,
	    grey ? TYPE_GRAY_16 : TYPE_RGB_16, INTENT_RELATIVE_COLORIMETRIC,
	    fast ? cmsFLAGS_NOCACHE : cmsFLAGS_NOOPTIMIZE | cmsFLAGS_NOCACHE);
	if (xf == NULL)
		die("cannot build transform");
	cmsDoTransform(xf, lab, dev, (cmsUInt32Number)((size_t)W * H));
	if (sigma > 0)
		for (i = 0; i < (size_t)W * H * nch; i++) {
			double	v = dev[i] + gauss() * sigma * 257;

			dev[i] = (uint16_t)(v < 0 ? 0 : v > 65535 ? 65535 :
			    lround(v));
		}
	if (strlen(out) > 4 && strcmp(out + strlen(out) - 4, ".jpg") == 0) {
		struct jpeg_compress_struct	c;
		struct jpeg_error_mgr		je;
		FILE				*fp;
		JSAMPLE				*row;
		int				 sw = orient >= 5 ? H : W;
		int				 sh = orient >= 5 ? W : H;
		unsigned char			 exif[] = {
			'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8,
			0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0,
			0, 0, 0, 0 };

		exif[24] = 0, exif[25] = (unsigned char)orient;
		if ((fp = fopen(out, "wb")) == NULL)
			die("cannot write output");
		c.err = jpeg_std_error(&je);
		jpeg_create_compress(&c);
		jpeg_stdio_dest(&c, fp);
		c.image_width = (JDIMENSION)sw;
		c.image_height = (JDIMENSION)sh;
		c.input_components = nch;
		c.in_color_space = grey ? JCS_GRAYSCALE : JCS_RGB;
		jpeg_set_defaults(&c);
		jpeg_set_quality(&c, quality, TRUE);
		jpeg_start_compress(&c, TRUE);
		if (orient != 1)
			jpeg_write_marker(&c, JPEG_APP0 + 1, exif, sizeof exif);
		if (strcmp(tag, "iccp") == 0) {
			cmsUInt32Number	 n = 0;
			unsigned char	*icc;

			cmsSaveProfileToMem(dst, NULL, &n);
			icc = malloc(n);
			cmsSaveProfileToMem(dst, icc, &n);
			jpeg_write_icc_profile(&c, icc, n);
			free(icc);
		}
		row = malloc((size_t)sw * nch);
		for (y = 0; y < sh; y++) {
			for (x = 0; x < sw; x++) {
				int	dx, dy;

				switch (orient) {
				case 2: dx = sw - 1 - x, dy = y; break;
				case 3: dx = sw - 1 - x, dy = sh - 1 - y; break;
				case 4: dx = x, dy = sh - 1 - y; break;
				case 5: dx = y, dy = x; break;
				case 6: dx = sh - 1 - y, dy = x; break;
				case 7: dx = sh - 1 - y, dy = sw - 1 - x; break;
				case 8: dx = y, dy = sw - 1 - x; break;
				default: dx = x, dy = y;
				}
				for (k = 0; k < nch; k++)
					row[x * nch + k] = (JSAMPLE)((dev[((size_t)dy
					    * W + dx) * nch + k] + 128) / 257);
			}
			jpeg_write_scanlines(&c, &row, 1);
		}
		jpeg_finish_compress(&c);
		jpeg_destroy_compress(&c);
		fclose(fp);
		free(row);
	} else {
		png_structp	 png;
		png_infop	 info;
		FILE		*fp;
		unsigned char	*row;
		int		 bpc = depth / 8, pch = nch + alpha;
		int		 ct = (grey ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB) |
				    (alpha ? PNG_COLOR_MASK_ALPHA : 0);

		if ((fp = fopen(out, "wb")) == NULL)
			die("cannot write output");
		png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL,
		    NULL);
		info = png_create_info_struct(png);
		png_init_io(png, fp);
		png_set_IHDR(png, info, (png_uint_32)W, (png_uint_32)H, depth, ct,
		    PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
		    PNG_FILTER_TYPE_DEFAULT);
		if (strcmp(tag, "srgb") == 0)
			png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
		else if (strcmp(tag, "gama") == 0) {
			png_set_gAMA(png, info, strcmp(enc, "linear") == 0 ?
			    1.0 : 1 / 2.2);
			png_set_cHRM(png, info, 0.3127, 0.3290, 0.64, 0.33,
			    0.30, 0.60, 0.15, 0.06);
		} else if (strcmp(tag, "iccp") == 0) {
			cmsUInt32Number	 n = 0;
			unsigned char	*icc;

			cmsSaveProfileToMem(dst, NULL, &n);
			icc = malloc(n);
			cmsSaveProfileToMem(dst, icc, &n);
			png_set_iCCP(png, info, "test", 0, icc, n);
			free(icc);
		}
		png_write_info(png, info);
		row = malloc((size_t)W * pch * bpc);
		for (y = 0; y < H; y++) {
			unsigned char	*p = row;

			for (x = 0; x < W; x++) {
				for (k = 0; k <= nch; k++) {
					unsigned	v;

					if (k == nch && !alpha)
						break;
					v = k == nch ? (opaque[(size_t)y * W + x] ?
					    65535 : 0) : dev[((size_t)y * W + x) *
					    nch + k];
					if (bpc == 2) {
						*p++ = (unsigned char)(v >> 8);
						*p++ = (unsigned char)v;
					} else
						*p++ = (unsigned char)((v + 128)
						    / 257);
				}
			}
			png_write_row(png, row);
		}
		png_write_end(png, info);
		png_destroy_write_struct(&png, &info);
		fclose(fp);
		free(row);
	}
	cmsDeleteTransform(xf);
	cmsCloseProfile(src);
	cmsCloseProfile(dst);
	free(lab);
	free(opaque);
	free(dev);
	return 0;
}

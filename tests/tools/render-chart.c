/*
 * render-chart: a photo of a ColorChecker Classic 24 through a known
 * camera, for the calibration tests.  Shares no code with libsmp.
 *
 * Camera: XYZ (D50) -> Bradford D65 -> linear sRGB primaries -> channel
 * crosstalk X -> white-balance gains g -> exposure -> vignetting ->
 * flare and tone curve v = (0.01 + 0.99 lin)^(1/2.2) -> Gaussian noise ->
 * 8-bit PNG or JPEG, or 16-bit PNG.  Reference Lab comes from a CSV
 * (index,...,L,a,b columns last), e.g. the shared X-Rite table.
 *
 * usage: render-chart [options] REF.csv W H OUT.png|OUT.jpg
 *   -a DEG     rotation (default 0)      -k K     keystone, 0..0.4
 *   -s FRAC    chart width / image width (default 0.5)
 *   -x CX -y CY chart centre as fractions (default 0.5 0.5)
 *   -n SIGMA   noise, 8-bit units        -v V     vignetting (0..0.5)
 *   -d 16      16-bit PNG                -q Q     JPEG quality
 *   -T FILE    write truth: "k x y" patch centres in pixels
 *   -O FILE    write 200 held-out colours: "R G B L a b", R..B 0..255
 *   -f         flip the chart upside down (180 degrees more)
 *   -S SEED    noise seed (default 7)    -e E     exposure (default 0.88)
 *   -L GX,GY   uneven light: illuminance 1 - GX (u - 2.5) / 5 - GY (v - 1.5) / 3
 *              at chart point (u, v), so the first and last patch
 *              columns differ by GX and the first and last rows by GY
 *   -B SCENE   background from a Lab D50 raster ("LABF W H\n" and W*H*3
 *              native floats, as render-scalp writes) instead of clutter
 *   -H K,K...  cover patches K (1..24) each with a shaded skin-coloured
 *              disc 1.44 pitches across (a fingertip) that spills over
 *              the gaps around it
 *   -C CAMERA  the camera's tone and colour processing (default plain):
 *              plain      flare 0.01 and gamma 2.2, as above
 *              gamma      plain gamma 2.2, no flare
 *              shoulder   gamma 2.0 / 2.2 / 2.4 per channel after a
 *                         highlight shoulder y = c (1 + s) / (c + s),
 *                         s = 0.35
 *              strong     the shoulder with s = 0.12, gamma 2.2
 *              crosstalk  red and blue mixed with sqrt(r g) and
 *                         sqrt(g b) (12 %, 10 %), then the shoulder 0.35
 *              chroma     the shoulder 0.35, then a picture style that
 *                         boosts chroma 1.3x around luma in device space
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jpeglib.h>
#include <lcms2.h>
#include <png.h>

static double	ref[24][3];
static double	X[3][3] = { { 0.85, 0.12, 0.03 }, { 0.08, 0.84, 0.08 },
		    { 0.02, 0.15, 0.83 } };
static double	gain[3] = { 0.92, 1.0, 1.12 }, expo = 0.88;
static cmsHTRANSFORM lab2lin;
static enum { CAM_PLAIN, CAM_GAMMA, CAM_SHOULDER, CAM_STRONG, CAM_CROSSTALK,
	CAM_CHROMA } cam;
static float	*scene;
static int	hide[24];
static double	lightx, lighty;

static void
die(const char *m)
{
	fprintf(stderr, "render-chart: %s\n", m);
	exit(2);
}

/* Lab D50 -> camera values 0..1 before noise, v = vignetting factor. */
static double
shoulder(double c, double s)
{
	return c * (1 + s) / (c + s);
}

/* Lab D50 -> camera values 0..1 before noise, v = vignetting factor. */
static void
camera(const double *lab, double vign, double *out)
{
	static const double	gch[3] = { 2.0, 2.2, 2.4 };
	double	lin[3], c[3], y;
	int	i, k;

	cmsDoTransform(lab2lin, lab, lin, 1);
	for (i = 0; i < 3; i++) {
		c[i] = 0;
		for (k = 0; k < 3; k++)
			c[i] += X[i][k] * lin[k];
		c[i] *= gain[i] * expo * vign;
		c[i] = c[i] < 0 ? 0 : c[i] > 1 ? 1 : c[i];
	}
	if (cam == CAM_CROSSTALK) {
		double	r = c[0], b = c[2];

		c[0] = 0.88 * r + 0.12 * sqrt(r * c[1]);
		c[2] = 0.90 * b + 0.10 * sqrt(c[1] * b);
	}
	for (i = 0; i < 3; i++)
		switch (cam) {
		case CAM_PLAIN:
			out[i] = pow(0.01 + 0.99 * c[i], 1 / 2.2);
			break;
		case CAM_GAMMA:
			out[i] = pow(c[i], 1 / 2.2);
			break;
		case CAM_SHOULDER:
			out[i] = pow(shoulder(c[i], 0.35), 1 / gch[i]);
			break;
		case CAM_STRONG:
			out[i] = pow(shoulder(c[i], 0.12), 1 / 2.2);
			break;
		default:
			out[i] = pow(shoulder(c[i], 0.35), 1 / 2.2);
			break;
		}
	if (cam == CAM_CHROMA) {
		y = 0.30 * out[0] + 0.59 * out[1] + 0.11 * out[2];
		for (i = 0; i < 3; i++) {
			out[i] = y + 1.3 * (out[i] - y);
			out[i] = out[i] < 0 ? 0 : out[i] > 1 ? 1 : out[i];
		}
	}
}

static double
gauss(void)
{
	double	u = (rand() + 1.0) / (RAND_MAX + 2.0);
	double	v = (rand() + 1.0) / (RAND_MAX + 2.0);

	return sqrt(-2 * log(u)) * cos(2 * M_PI * v);
}

/* Chart units: patch k centre at (k % 6, k / 6), pitch 1, patch side 0.82,
 * black frame from -0.9 to 5.9 and -0.9 to 3.9. */
static int
chart_colour(double u, double v, double *lab)
{
	static const double	black[3] = { 8, 0, 0 };
	int			c = (int)lround(u), r = (int)lround(v);

	if (u < -0.9 || u > 5.9 || v < -0.9 || v > 3.9)
		return 0;
	for (int k = 0; k < 24; k++) {
		double	d = hypot(u - k % 6, v - k / 6) / 0.72;

		if (hide[k] && d < 1) {
			lab[0] = 64 - 14 * d * d, lab[1] = 14, lab[2] = 17;
			return 1;
		}
	}
	if (c >= 0 && c < 6 && r >= 0 && r < 4 && fabs(u - c) < 0.41 &&
	    fabs(v - r) < 0.41)
		memcpy(lab, ref[r * 6 + c], sizeof ref[0]);
	else
		memcpy(lab, black, sizeof black);
	return 1;
}

static void
scene_load(const char *path, int W, int H)
{
	FILE	*fp = fopen(path, "rb");
	int	 w, h;

	if (fp == NULL || fscanf(fp, "LABF %d %d", &w, &h) != 2 ||
	    fgetc(fp) != '\n' || w != W || h != H)
		die("cannot read the scene, or its size differs");
	if ((scene = malloc((size_t)W * H * 3 * sizeof *scene)) == NULL ||
	    fread(scene, sizeof *scene, (size_t)W * H * 3, fp) !=
	    (size_t)W * H * 3)
		die("short scene");
	fclose(fp);
}

static void
clutter(int x, int y, int W, int H, double *lab)
{
	if (scene != NULL) {
		for (int k = 0; k < 3; k++)
			lab[k] = scene[((size_t)y * W + x) * 3 + k];
		return;
	}
	unsigned	h = (unsigned)(x / 37) * 2654435761u ^ (unsigned)(y / 29) * 40503u;

	lab[0] = 30 + (h % 60) * (0.5 + 0.5 * y / (double)H);
	lab[1] = (double)((h >> 8) % 60) - 30;
	lab[2] = (double)((h >> 16) % 60) - 30 + 10.0 * x / W;
}

int
main(int argc, char *argv[])
{
	double		 ang = 0, key = 0, scale = 0.5, cx = 0.5, cy = 0.5;
	double		 sigma = 0, vig = 0, H[9];
	int		 depth = 8, q = 92, flip = 0, ch, W, Hh, x, y, k, i;
	unsigned	 seed = 7;
	const char	*truth = NULL, *held = NULL, *out, *bg = NULL;
	FILE		*fp;
	char		 line[512];
	uint16_t	*img;

	while ((ch = getopt(argc, argv, "a:k:s:x:y:n:v:d:q:T:O:fB:S:e:C:L:H:")) != -1) {
		switch (ch) {
		case 'a': ang = atof(optarg) * M_PI / 180; break;
		case 'S': seed = (unsigned)atoi(optarg); break;
		case 'e': expo = atof(optarg); break;
		case 'k': key = atof(optarg); break;
		case 's': scale = atof(optarg); break;
		case 'x': cx = atof(optarg); break;
		case 'y': cy = atof(optarg); break;
		case 'n': sigma = atof(optarg); break;
		case 'v': vig = atof(optarg); break;
		case 'd': depth = atoi(optarg); break;
		case 'q': q = atoi(optarg); break;
		case 'T': truth = optarg; break;
		case 'O': held = optarg; break;
		case 'f': flip = 1; break;
		case 'B': bg = optarg; break;
		case 'H':
			for (char *t = strtok(optarg, ","); t != NULL;
			    t = strtok(NULL, ",")) {
				k = atoi(t);
				if (k < 1 || k > 24)
					die("-H takes patch numbers 1..24");
				hide[k - 1] = 1;
			}
			break;
		case 'L':
			if (sscanf(optarg, "%lf,%lf", &lightx, &lighty) != 2)
				die("-L GX,GY");
			break;
		case 'C':
			if (strcmp(optarg, "plain") == 0) cam = CAM_PLAIN;
			else if (strcmp(optarg, "gamma") == 0) cam = CAM_GAMMA;
			else if (strcmp(optarg, "shoulder") == 0) cam = CAM_SHOULDER;
			else if (strcmp(optarg, "strong") == 0) cam = CAM_STRONG;
			else if (strcmp(optarg, "crosstalk") == 0) cam = CAM_CROSSTALK;
			else if (strcmp(optarg, "chroma") == 0) cam = CAM_CHROMA;
			else die("-C: plain, gamma, shoulder, strong, crosstalk or chroma");
			break;
		default: die("bad option");
		}
	}
	if (argc - optind != 4)
		die("usage: render-chart [options] REF.csv W H OUT");
	if ((fp = fopen(argv[optind], "r")) == NULL)
		die("cannot read the reference CSV");
	for (k = 0; fgets(line, sizeof line, fp) != NULL && k < 24;) {
		char	*p = strrchr(line, ',');
		double	 b, a, L;

		if (p == NULL || !isdigit((unsigned char)line[0]))
			continue;
		b = atof(p + 1), *p = 0, p = strrchr(line, ',');
		a = atof(p + 1), *p = 0, p = strrchr(line, ',');
		L = atof(p + 1);
		ref[k][0] = L, ref[k][1] = a, ref[k][2] = b;
		k++;
	}
	fclose(fp);
	if (k != 24)
		die("reference CSV needs 24 rows");
	W = atoi(argv[optind + 1]);
	Hh = atoi(argv[optind + 2]);
	out = argv[optind + 3];
	if (bg != NULL)
		scene_load(bg, W, Hh);
	{
		cmsHPROFILE	 lab = cmsCreateLab4Profile(NULL);
		cmsCIExyY	 d65 = { 0.3127, 0.3290, 1 };
		cmsCIExyYTRIPLE	 p = { { 0.64, 0.33, 1 }, { 0.30, 0.60, 1 },
				    { 0.15, 0.06, 1 } };
		cmsToneCurve	*g = cmsBuildGamma(NULL, 1.0);
		cmsToneCurve	*g3[3] = { g, g, g };
		cmsHPROFILE	 lin = cmsCreateRGBProfile(&d65, &p, g3);

		lab2lin = cmsCreateTransform(lab, TYPE_Lab_DBL, lin, TYPE_RGB_DBL,
		    INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOOPTIMIZE |
		    cmsFLAGS_NOCACHE);
		cmsFreeToneCurve(g);
		cmsCloseProfile(lab);
		cmsCloseProfile(lin);
	}
	/* Homography from chart units to pixels: centre, rotate, keystone. */
	{
		double	w = scale * W / 6.8, c = cos(ang + (flip ? M_PI : 0));
		double	s = sin(ang + (flip ? M_PI : 0));
		double	uv[8] = { -0.9, -0.9, 5.9, -0.9, 5.9, 3.9, -0.9, 3.9 };
		double	A[64], b[8], h[8];
		int	r, j, piv;

		for (i = 0; i < 4; i++) {
			double	u = (uv[2 * i] - 2.5) * w, v = (uv[2 * i + 1] - 1.5) * w;
			double	shrink = 1 - key * (uv[2 * i + 1] < 0 ? 1 : -1) / 2;
			double	px = u * shrink * c - v * s + cx * W;
			double	py = u * shrink * s + v * c + cy * Hh;
			double	U = uv[2 * i], V = uv[2 * i + 1];
			double	r0[8] = { U, V, 1, 0, 0, 0, -U * px, -V * px };
			double	r1[8] = { 0, 0, 0, U, V, 1, -U * py, -V * py };

			memcpy(A + 16 * i, r0, sizeof r0);
			memcpy(A + 16 * i + 8, r1, sizeof r1);
			b[2 * i] = px, b[2 * i + 1] = py;
		}
		for (i = 0; i < 8; i++) {
			piv = i;
			for (r = i + 1; r < 8; r++)
				if (fabs(A[r * 8 + i]) > fabs(A[piv * 8 + i]))
					piv = r;
			for (j = 0; j < 8; j++) {
				double	t = A[i * 8 + j];

				A[i * 8 + j] = A[piv * 8 + j], A[piv * 8 + j] = t;
			}
			{ double t = b[i]; b[i] = b[piv]; b[piv] = t; }
			for (r = i + 1; r < 8; r++) {
				double	f = A[r * 8 + i] / A[i * 8 + i];

				for (j = i; j < 8; j++)
					A[r * 8 + j] -= f * A[i * 8 + j];
				b[r] -= f * b[i];
			}
		}
		for (i = 7; i >= 0; i--) {
			double	t = b[i];

			for (j = i + 1; j < 8; j++)
				t -= A[i * 8 + j] * h[j];
			h[i] = t / A[i * 8 + i];
		}
		memcpy(H, h, sizeof h);
		H[8] = 1;
	}
	if (truth != NULL) {
		if ((fp = fopen(truth, "w")) == NULL)
			die("cannot write truth");
		for (k = 0; k < 24; k++) {
			double	u = k % 6, v = k / 6, w = H[6] * u + H[7] * v + 1;

			fprintf(fp, "%d %.3f %.3f\n", k + 1,
			    (H[0] * u + H[1] * v + H[2]) / w,
			    (H[3] * u + H[4] * v + H[5]) / w);
		}
		fclose(fp);
	}
	if (held != NULL) {
		if ((fp = fopen(held, "w")) == NULL)
			die("cannot write held-out colours");
		srand(12345);
		for (i = 0; i < 200; i++) {
			double	lab[3], rgb[3];

			if (i < 150) {		/* skin: L 25..75, a 4..24, b 6..30 */
				lab[0] = 25 + 50.0 * rand() / RAND_MAX;
				lab[1] = 4 + 20.0 * rand() / RAND_MAX;
				lab[2] = 6 + 24.0 * rand() / RAND_MAX;
			} else {		/* dark pigments, near neutral */
				lab[0] = 15 + 30.0 * rand() / RAND_MAX;
				lab[1] = -3 + 6.0 * rand() / RAND_MAX;
				lab[2] = -8 + 13.0 * rand() / RAND_MAX;
			}
			camera(lab, 1, rgb);
			fprintf(fp, "%.4f %.4f %.4f %.4f %.4f %.4f\n", rgb[0] * 255,
			    rgb[1] * 255, rgb[2] * 255, lab[0], lab[1], lab[2]);
		}
		fclose(fp);
	}
	/* Inverse homography by adjugate, for pixel -> chart. */
	{
		double	*m = H, Hi[9], det;

		Hi[0] = m[4] * m[8] - m[5] * m[7];
		Hi[1] = m[2] * m[7] - m[1] * m[8];
		Hi[2] = m[1] * m[5] - m[2] * m[4];
		Hi[3] = m[5] * m[6] - m[3] * m[8];
		Hi[4] = m[0] * m[8] - m[2] * m[6];
		Hi[5] = m[2] * m[3] - m[0] * m[5];
		Hi[6] = m[3] * m[7] - m[4] * m[6];
		Hi[7] = m[1] * m[6] - m[0] * m[7];
		Hi[8] = m[0] * m[4] - m[1] * m[3];
		det = m[0] * Hi[0] + m[1] * Hi[3] + m[2] * Hi[6];
		for (i = 0; i < 9; i++)
			Hi[i] /= det;
		if ((img = malloc((size_t)W * Hh * 3 * sizeof *img)) == NULL)
			die("out of memory");
		double	last[3] = { -1, 0, 0 }, lastg = -1, lastrgb[3], g;

		srand(seed);
		for (y = 0; y < Hh; y++)
			for (x = 0; x < W; x++) {
				double	acc[3] = { 0, 0, 0 }, lab[3], rgb[3];
				double	rr = hypot(x - W / 2.0, y - Hh / 2.0) /
					    hypot(W / 2.0, Hh / 2.0);
				int	sx, sy;

				for (sy = 0; sy < 2; sy++)
					for (sx = 0; sx < 2; sx++) {
						double	px = x + 0.25 + 0.5 * sx;
						double	py = y + 0.25 + 0.5 * sy;
						double	w = Hi[6] * px + Hi[7] * py + Hi[8];
						double	u = (Hi[0] * px + Hi[1] * py + Hi[2]) / w;
						double	v = (Hi[3] * px + Hi[4] * py + Hi[5]) / w;

						int	on = chart_colour(u, v, lab);

						if (!on)
							clutter(x, y, W, Hh, lab);
						/* Neighbours repeat colours: reuse. */
						g = 1 - vig * rr * rr;
						if (on)
							g *= 1 - lightx * (u - 2.5) / 5 -
							    lighty * (v - 1.5) / 3;
						if (memcmp(lab, last, sizeof lab) != 0 ||
						    g != lastg) {
							camera(lab, g, lastrgb);
							memcpy(last, lab, sizeof last);
							lastg = g;
						}
						memcpy(rgb, lastrgb, sizeof rgb);
						for (k = 0; k < 3; k++)
							acc[k] += rgb[k] / 4;
					}
				for (k = 0; k < 3; k++) {
					double	d = acc[k] * 65535 + (sigma > 0 ?
					    sigma * 257 * gauss() : 0);

					img[((size_t)y * W + x) * 3 + k] = (uint16_t)(d < 0 ?
					    0 : d > 65535 ? 65535 : lround(d));
				}
			}
	}
	if (strlen(out) > 4 && strcmp(out + strlen(out) - 4, ".jpg") == 0) {
		struct jpeg_compress_struct	c;
		struct jpeg_error_mgr		je;
		JSAMPLE				*row = malloc((size_t)W * 3);

		if ((fp = fopen(out, "wb")) == NULL || row == NULL)
			die("cannot write output");
		c.err = jpeg_std_error(&je);
		jpeg_create_compress(&c);
		jpeg_stdio_dest(&c, fp);
		c.image_width = (JDIMENSION)W, c.image_height = (JDIMENSION)Hh;
		c.input_components = 3, c.in_color_space = JCS_RGB;
		jpeg_set_defaults(&c);
		jpeg_set_quality(&c, q, TRUE);
		jpeg_start_compress(&c, TRUE);
		for (y = 0; y < Hh; y++) {
			for (i = 0; i < W * 3; i++)
				row[i] = (JSAMPLE)((img[(size_t)y * W * 3 + i] + 128) / 257);
			jpeg_write_scanlines(&c, &row, 1);
		}
		jpeg_finish_compress(&c);
		jpeg_destroy_compress(&c);
		fclose(fp);
		free(row);
	} else {
		png_structp	 png = png_create_write_struct(PNG_LIBPNG_VER_STRING,
				    NULL, NULL, NULL);
		png_infop	 info = png_create_info_struct(png);
		unsigned char	*row = malloc((size_t)W * 6);

		if ((fp = fopen(out, "wb")) == NULL || row == NULL)
			die("cannot write output");
		png_init_io(png, fp);
		png_set_IHDR(png, info, (png_uint_32)W, (png_uint_32)Hh, depth,
		    PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
		    PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
		png_write_info(png, info);
		for (y = 0; y < Hh; y++) {
			for (i = 0; i < W * 3; i++) {
				unsigned	v = img[(size_t)y * W * 3 + i];

				if (depth == 16)
					row[2 * i] = (unsigned char)(v >> 8),
					row[2 * i + 1] = (unsigned char)v;
				else
					row[i] = (unsigned char)((v + 128) / 257);
			}
			png_write_row(png, row);
		}
		png_write_end(png, info);
		png_destroy_write_struct(&png, &info);
		fclose(fp);
		free(row);
	}
	free(img);
	free(scene);
	cmsDeleteTransform(lab2lin);
	return 0;
}

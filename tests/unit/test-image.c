/* test-image: EXIF orientation parsing and coordinate mapping; the
 * memoised pixel conversion against lcms2 directly. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <lcms2.h>

#include "smp.h"

static void
test_orient_roundtrip(void **state)
{
	uint32_t	w = 5, h = 3, sx, sy, dx, dy, bx, by, dw, dh;
	int		o, seen[15][15];

	(void)state;
	for (o = 1; o <= 8; o++) {
		dw = o >= 5 ? h : w;
		dh = o >= 5 ? w : h;
		memset(seen, 0, sizeof seen);
		for (sy = 0; sy < h; sy++)
			for (sx = 0; sx < w; sx++) {
				smp_orient_to_display(o, w, h, sx, sy, &dx, &dy);
				assert_true(dx < dw && dy < dh);
				assert_int_equal(seen[dy][dx], 0);
				seen[dy][dx] = 1;
				smp_orient_to_stored(o, w, h, dx, dy, &bx, &by);
				assert_true(bx == sx && by == sy);
			}
	}
	/* Orientation 6 (rotate 90 CW): stored top-left goes to top-right. */
	smp_orient_to_display(6, w, h, 0, 0, &dx, &dy);
	assert_true(dx == h - 1 && dy == 0);
	/* Orientation 8 (rotate 90 CCW): stored top-left to bottom-left. */
	smp_orient_to_display(8, w, h, 0, 0, &dx, &dy);
	assert_true(dx == 0 && dy == w - 1);
}

static void
test_exif(void **state)
{
	unsigned char	mm[] = { 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42,
	    0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,
	    0, 0, 0, 0 };
	unsigned char	ii[] = { 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0,
	    8, 0, 0, 0, 2, 0, 0x10, 0x01, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0,
	    0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0 };
	unsigned char	bad[sizeof mm];

	(void)state;
	assert_int_equal(smp_exif_orientation(mm, sizeof mm), 6);
	assert_int_equal(smp_exif_orientation(ii, sizeof ii), 8);
	/* Truncated, wrong type, out-of-range value, bad offsets: 1. */
	assert_int_equal(smp_exif_orientation(mm, 20), 1);
	memcpy(bad, mm, sizeof mm);
	bad[19] = 4;
	assert_int_equal(smp_exif_orientation(bad, sizeof bad), 1);
	memcpy(bad, mm, sizeof mm);
	bad[25] = 9;
	assert_int_equal(smp_exif_orientation(bad, sizeof bad), 1);
	memcpy(bad, mm, sizeof mm);
	bad[13] = 0xff;
	assert_int_equal(smp_exif_orientation(bad, sizeof bad), 1);
	/* The entry runs past the end of the payload. */
	assert_int_equal(smp_exif_orientation(mm, 24), 1);
	assert_int_equal(smp_exif_orientation((const unsigned char *)"Exif", 4), 1);
}

/* Rows with repeated colours (memo hits), more distinct colours than the
 * memo has slots (collisions), and greyscale into an RGB profile: every
 * pixel is its own colour as lcms2's float path gives it (untagged RGB is
 * lcms2's built-in sRGB, relative colorimetric to XYZ D50, then
 * cmsXYZ2Lab), to the single-precision rounding of the tables that
 * replace that path for sRGB (test-pixconv); a slot handed to the wrong
 * colour is off by far more. */
#define NEAR(got, want)	assert_true(fabs((got) - (want)) < 1e-4)

static void
test_pixconv_memo(void **state)
{
	struct smp_image_info	 in;
	struct smp_pixconv	*pc;
	struct smp_err		 e = SMP_ERR_INIT;
	cmsHPROFILE		 srgb = cmsCreate_sRGBProfile(),
				 xyz = cmsCreateXYZProfile();
	cmsHTRANSFORM		 ref;
	enum { N = 3000, ROWS = 60 };
	uint16_t		*px = malloc(N * 4 * sizeof *px);
	float			*lab = malloc(N * 3 * sizeof *lab);
	double			 x[3];
	cmsCIEXYZ		 c;
	cmsCIELab		 l;
	int			 row, i;

	(void)state;
	ref = cmsCreateTransform(srgb, TYPE_RGBA_16, xyz, TYPE_XYZ_DBL,
	    INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE);
	memset(&in, 0, sizeof in);
	in.model = SMP_CM_RGB;
	in.bits = 16;
	assert_int_equal(smp_pixconv_new(&in, NULL, NULL, 0, SMP_WHITE_D50,
	    &pc, &e), 0);
	srand(11);
	for (row = 0; row < ROWS; row++) {
		for (i = 0; i < N; i++) {
			/* Half the rows from 40 colours, half all distinct. */
			unsigned	u = (unsigned)(row % 2 ? rand() :
					    rand() % 40);

			px[4 * i] = (uint16_t)(u * 7919u);
			px[4 * i + 1] = (uint16_t)(u * 104729u >> 3);
			px[4 * i + 2] = (uint16_t)(rand() % 2 ? u : 65535 - u);
			px[4 * i + 3] = 65535;
		}
		smp_pixconv_run(pc, px, lab, N);
		for (i = 0; i < N; i++) {
			cmsDoTransform(ref, px + 4 * i, x, 1);
			c.X = x[0], c.Y = x[1], c.Z = x[2];
			cmsXYZ2Lab(cmsD50_XYZ(), &l, &c);
			NEAR(lab[3 * i], l.L);
			NEAR(lab[3 * i + 1], l.a);
			NEAR(lab[3 * i + 2], l.b);
		}
	}
	smp_pixconv_free(pc);
	/* Greyscale pixels (grey, alpha) through the same sRGB profile. */
	in.model = SMP_CM_GREY;
	assert_int_equal(smp_pixconv_new(&in, NULL, NULL, 0, SMP_WHITE_D50,
	    &pc, &e), 0);
	for (i = 0; i < N; i++) {
		px[2 * i] = (uint16_t)(rand() % 2 ? 30000 : rand());
		px[2 * i + 1] = 65535;
	}
	smp_pixconv_run(pc, px, lab, N);
	for (i = 0; i < N; i++) {
		uint16_t	rgba[4] = { px[2 * i], px[2 * i], px[2 * i], 65535 };

		cmsDoTransform(ref, rgba, x, 1);
		c.X = x[0], c.Y = x[1], c.Z = x[2];
		cmsXYZ2Lab(cmsD50_XYZ(), &l, &c);
		NEAR(lab[3 * i], l.L);
		NEAR(lab[3 * i + 2], l.b);
	}
	smp_pixconv_free(pc);
	cmsDeleteTransform(ref);
	cmsCloseProfile(srgb);
	cmsCloseProfile(xyz);
	free(px);
	free(lab);
}

struct taker {
	struct smp_budget	*b;
	int			 got;
};

static void *
take_30(void *arg)
{
	struct taker	*t = arg;

	t->got = smp_budget_take(t->b, 30) == 0;
	return NULL;
}

/* The process budget: an amount above the total is refused at once; one
 * that does not fit beside what is held waits for it to be given back. */
static void
test_budget(void **state)
{
	struct smp_budget	*b = smp_budget_process(100);
	struct taker		 t = { b, 0 };
	pthread_t		 th;

	(void)state;
	assert_int_equal(smp_budget_take(b, 101), -1);
	assert_int_equal(smp_budget_take(b, 80), 0);
	assert_int_equal(pthread_create(&th, NULL, take_30, &t), 0);
	smp_budget_give(b, 80);
	assert_int_equal(pthread_join(th, NULL), 0);
	assert_int_equal(t.got, 1);
	assert_int_equal(smp_budget_take(b, 70), 0);	/* 30 + 70 fit */
	smp_budget_give(b, 100);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_orient_roundtrip),
		cmocka_unit_test(test_exif),
		cmocka_unit_test(test_pixconv_memo),
		cmocka_unit_test(test_budget),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

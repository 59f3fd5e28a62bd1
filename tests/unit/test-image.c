/* test-image: EXIF orientation parsing and coordinate mapping. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_orient_roundtrip),
		cmocka_unit_test(test_exif),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

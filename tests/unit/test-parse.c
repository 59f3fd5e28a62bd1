/* test-parse: strict numbers and REGION specifications. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "smp.h"

static void
test_double(void **state)
{
	struct smp_err	e = SMP_ERR_INIT;
	double		v;

	(void)state;
	assert_int_equal(smp_parse_double("1.5", 0, 2, &v, &e), 0);
	assert_true(v == 1.5);
	assert_int_equal(smp_parse_double("-0.25e1", -10, 10, &v, &e), 0);
	assert_true(v == -2.5);
	static const char *bad[] = { "", " 1", "1 ", "1x", "nan", "inf",
	    "1e999", "--1", "1,5", "0x", NULL };
	for (int i = 0; bad[i] != NULL; i++) {
		smp_err_clear(&e);
		assert_int_equal(smp_parse_double(bad[i], -1e300, 1e300, &v,
		    &e), -1);
		assert_int_equal(e.code, SMP_E_USAGE);
	}
	smp_err_clear(&e);
	assert_int_equal(smp_parse_double("3", 0, 2, &v, &e), -1);
	assert_non_null(strstr(e.msg, "out of range"));
}

static void
test_long_size_list(void **state)
{
	struct smp_err	e = SMP_ERR_INIT;
	long		l;
	uint64_t	u;
	double		d[4];

	(void)state;
	assert_int_equal(smp_parse_long("42", 0, 100, &l, &e), 0);
	assert_int_equal(l, 42);
	assert_int_equal(smp_parse_long("4.2", 0, 100, &l, &e), -1);
	smp_err_clear(&e);
	assert_int_equal(smp_parse_long("99999999999999999999", 0, 100, &l,
	    &e), -1);
	smp_err_clear(&e);
	assert_int_equal(smp_parse_size("512M", &u, &e), 0);
	assert_true(u == 512ULL << 20);
	assert_int_equal(smp_parse_size("2k", &u, &e), 0);
	assert_true(u == 2048);
	assert_int_equal(smp_parse_size("M", &u, &e), -1);
	smp_err_clear(&e);
	assert_int_equal(smp_parse_doubles("1,2.5,-3", d, 3, &e), 0);
	assert_true(d[0] == 1 && d[1] == 2.5 && d[2] == -3);
	assert_int_equal(smp_parse_doubles("1,2", d, 3, &e), -1);
	smp_err_clear(&e);
	assert_int_equal(smp_parse_doubles("1,2,3,4", d, 3, &e), -1);
	smp_err_clear(&e);
	assert_int_equal(smp_parse_doubles("1,,3", d, 3, &e), -1);
}

static void
test_region(void **state)
{
	struct smp_err		e = SMP_ERR_INIT;
	struct smp_region	r;

	(void)state;
	assert_int_equal(smp_region_parse("all", &r, &e), 0);
	assert_int_equal(r.kind, SMP_REGION_ALL);
	smp_region_clear(&r);
	assert_int_equal(smp_region_parse("rect:1,2,3,4", &r, &e), 0);
	assert_true(r.kind == SMP_REGION_RECT && r.v[0] == 1 && r.v[3] == 4);
	assert_string_equal(r.spec, "rect:1,2,3,4");
	smp_region_clear(&r);
	assert_int_equal(smp_region_parse("circle:10.5,20,3.25", &r, &e), 0);
	assert_true(r.kind == SMP_REGION_CIRCLE && r.v[2] == 3.25);
	smp_region_clear(&r);
	assert_int_equal(smp_region_parse("grid:12x3", &r, &e), 0);
	assert_true(r.cols == 12 && r.rows == 3);
	smp_region_clear(&r);
	assert_int_equal(smp_region_parse("mask:m.png", &r, &e), 0);
	assert_string_equal(r.mask_path, "m.png");
	smp_region_clear(&r);
	static const char *bad[] = { "rect:1,2,3", "rect:-1,2,3,4",
	    "rect:1,2,0,4", "rect:1.5,2,3,4", "circle:1,2,0", "circle:1,2",
	    "grid:0x3", "grid:3x", "grid:3x4x", "grid:x3", "mask:", "ALL",
	    "rect:1,2,3,4,", NULL };
	for (int i = 0; bad[i] != NULL; i++) {
		smp_err_clear(&e);
		assert_int_equal(smp_region_parse(bad[i], &r, &e), -1);
		assert_true(e.msg[0] != '\0');
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_double),
		cmocka_unit_test(test_long_size_list),
		cmocka_unit_test(test_region),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

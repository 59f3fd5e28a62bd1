/* test-table: the TSV / JSON Lines writer. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smp.h"

enum { C_NAME, C_V, C_N };
static const struct smp_column cols[] = {
	[C_NAME] = { "name", SMP_COL_STR, 0 },
	[C_V] = { "v", SMP_COL_NUM, 3 },
	[C_N] = { "n", SMP_COL_INT, 0 },
};

static char *
render(enum smp_table_format fmt, int header)
{
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_table	*t;
	char			*buf = NULL;
	size_t			 len = 0;
	FILE			*fp = open_memstream(&buf, &len);

	t = smp_table_new(fp, fmt, header, cols, SMP_NCOLS(cols), &e);
	/* Cells in any order; strings are copied. */
	smp_table_set_int(t, C_N, -7);
	smp_table_set_num(t, C_V, 1.23456);
	{
		char	tmp[32] = "a\tb\\c\n\"q\"";

		smp_table_set_str(t, C_NAME, tmp);
		memset(tmp, 'x', sizeof tmp - 1);
	}
	assert_int_equal(smp_table_end_row(t, &e), 0);
	/* NULL, NAN and unset cells are missing; -0.0001 prints as 0.000. */
	smp_table_set_str(t, C_NAME, NULL);
	smp_table_set_num(t, C_V, -0.0001);
	assert_int_equal(smp_table_end_row(t, &e), 0);
	smp_table_set_num(t, C_V, NAN);
	assert_int_equal(smp_table_end_row(t, &e), 0);
	/* A cell set with the wrong type is refused, the row still written. */
	smp_table_set_str(t, C_NAME, "typed");
	smp_table_set_num(t, C_N, 1);
	assert_int_equal(smp_table_end_row(t, &e), -1);
	assert_non_null(strstr(e.msg, "wrong type"));
	smp_table_free(t);
	fclose(fp);
	return buf;
}

static void
test_tsv(void **state)
{
	char	*s = render(SMP_TABLE_TSV, 1);

	(void)state;
	assert_string_equal(s, "name\tv\tn\n"
	    "a\\tb\\\\c\\n\"q\"\t1.235\t-7\n"
	    "\t0.000\t\n"
	    "\t\t\n"
	    "typed\t\t\n");
	free(s);
	s = render(SMP_TABLE_TSV, 0);
	assert_true(s[0] == 'a');
	free(s);
}

static void
test_json(void **state)
{
	char	*s = render(SMP_TABLE_JSON, 1);

	(void)state;
	assert_string_equal(s,
	    "{\"name\":\"a\\tb\\\\c\\n\\\"q\\\"\",\"v\":1.235,\"n\":-7}\n"
	    "{\"name\":null,\"v\":0.000,\"n\":null}\n"
	    "{\"name\":null,\"v\":null,\"n\":null}\n"
	    "{\"name\":\"typed\",\"v\":null,\"n\":null}\n");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

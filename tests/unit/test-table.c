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

#include "smp.h"

static const char *const cols[] = { "name", "v", "n" };

static char *
render(enum smp_table_format fmt, int header)
{
	struct smp_err		 e = SMP_ERR_INIT;
	struct smp_table	*t;
	char			*buf = NULL;
	size_t			 len = 0;
	FILE			*fp = open_memstream(&buf, &len);

	t = smp_table_new(fp, fmt, header, cols, 3, &e);
	smp_table_str(t, "a\tb\\c\n\"q\"");
	smp_table_num(t, 1.23456, 3);
	smp_table_int(t, -7);
	assert_int_equal(smp_table_end_row(t, &e), 0);
	smp_table_str(t, NULL);
	smp_table_num(t, NAN, 2);
	smp_table_num(t, -0.0001, 2);
	assert_int_equal(smp_table_end_row(t, &e), 0);
	smp_table_str(t, "short");
	assert_int_equal(smp_table_end_row(t, &e), -1);
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
	    "\t\t0.00\n"
	    "short\n");
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
	    "{\"name\":null,\"v\":null,\"n\":0.00}\n"
	    "{\"name\":\"short\"}\n");
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

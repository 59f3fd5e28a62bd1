#!/bin/sh
# Replay every fuzz harness (tests/fuzz) over its seed corpus and its
# regression inputs, without libFuzzer: the inputs must run to the end
# (under the ASan build and valgrind in CI, with nothing reported).
. "$SMP_SRCDIR/tests/cli/common.sh"
for t in png jpeg icc cgats catalogue readings series options; do
	set -- "$SMP_SRCDIR/tests/fuzz/corpus/$t"
	[ -d "$SMP_SRCDIR/tests/fuzz/regressions/$t" ] &&
	    set -- "$@" "$SMP_SRCDIR/tests/fuzz/regressions/$t"
	if [ -n "${SMP_VALGRIND:-}" ]; then
		valgrind -q --error-exitcode=99 --leak-check=full \
		    --errors-for-leak-kinds=definite \
		    "$SMP_BUILDDIR/tests/fuzz/replay-$t" "$@" ||
		    fail "replay-$t under valgrind"
	else
		"$SMP_BUILDDIR/tests/fuzz/replay-$t" "$@" || fail "replay-$t"
	fi
done

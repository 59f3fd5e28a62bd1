#!/bin/sh
# compare-builds.sh OLD_BUILDDIR [BUILDDIR]: run the CLI scenarios of
# BUILDDIR (default .) with every tool call made on both builds, and
# report the calls whose standard output, standard error, exit status or
# written files differ (tests/tools/compare-call.sh does one call).  For
# refactors that must not change behaviour: "same N of N" is the proof.
#
# Scenarios that stop a tool from outside (closed pipes, full disks,
# faults injected into writes, signals) are left out: a call whose output
# is buffered for comparison cannot see them.  SMP_COMPARE_KEEP=DIR keeps
# the files of every call that differs.
set -u
old=$(cd "${1:?usage: compare-builds.sh OLD_BUILDDIR [BUILDDIR]}" && pwd)
new=$(cd "${2:-.}" && pwd)
[ -x "$old/src/smp-sample" ] || { echo "$old: no built tools" >&2; exit 2; }
skip="atomic-writes sample-write-error tools-write-error fuzz-replay \
man-options man-diagnostics"
log=$(mktemp "${TMPDIR:-/tmp}/smp-compare.XXXXXX")
tests=
for t in $(sed -n 's/^\t\(tests\/cli\/[a-z0-9-]*\.sh\).*/\1/p' \
    "$new/Makefile.am" "$(dirname "$0")/../Makefile.am" 2>/dev/null | sort -u); do
	b=$(basename "$t" .sh)
	case " $skip " in *" $b "*) continue ;; esac
	tests="$tests $t"
done
SMP_COMPARE_OLD=$old SMP_COMPARE_LOG=$log make -C "$new" check \
    TESTS="$tests" >"$log.make" 2>&1
status=$?
tty=$(grep -ac '^tty' "$log")
total=$(($(wc -l <"$log") - tty))
same=$(grep -ac '^same' "$log")
echo "compared $total tool calls in $(echo "$tests" | wc -w) scenarios:" \
    "same $same of $total ($tty more on a terminal, run as they are)"
grep -a '^differ' "$log" | cut -f2- | head -50
grep -E '^(FAIL|ERROR)' "$log.make"
[ $status -eq 0 ] || echo "make check failed (see $log.make)" >&2
[ "$same" -eq "$total" ] && [ $status -eq 0 ]

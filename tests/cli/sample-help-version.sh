#!/bin/sh
# --help and --version go to stdout with status 0.
. "$SMP_SRCDIR/tests/cli/common.sh"
"$SAMPLE" --help >"$tmp/out" 2>"$tmp/err" || fail "--help exit $?"
grep -q '^usage: smp-sample' "$tmp/out" || fail "--help: no usage line"
[ -s "$tmp/err" ] && fail "--help wrote to stderr"
"$SAMPLE" --version >"$tmp/out" || fail "--version exit $?"
grep -q '^smp-sample (smptools) [0-9]' "$tmp/out" || fail "--version text"
exit 0

#!/bin/sh
# Bad options and bad regions: exit 2 with a message, nothing on stdout.
. "$SMP_SRCDIR/tests/cli/common.sh"
echo "bg 60 10 15" | "$RENDER" 40 30 "$tmp/a.png"
check() {
	want="$1"; shift
	"$SAMPLE" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ $rc -eq 2 ] || fail "$*: exit $rc, want 2"
	grep -q -- "$want" "$tmp/err" || fail "$*: stderr lacks '$want': $(cat "$tmp/err")"
	[ -s "$tmp/out" ] && [ "$(wc -l <"$tmp/out")" -gt 1 ] && fail "$*: data on stdout"
	echo "ok: $*"
}
check "no image given"
check "unrecognized option" --frobnicate "$tmp/a.png"
for tool in "$SAMPLE" "$CAL" "$MATCH" "$FADE"; do
	"$tool" --frobnicate >/dev/null 2>"$tmp/err" && fail "$tool: accepted"
	[ "$(wc -l <"$tmp/err")" -eq 2 ] && grep -q "^Try '.* --help' for more" "$tmp/err" ||
	    fail "$tool: not one line and a pointer to --help: $(cat "$tmp/err")"
done
echo "ok: an unknown option is one line and 'Try --help', not the usage"
check "expected d50 or d65" --white d55 "$tmp/a.png"
check "unknown statistic" --stat mode "$tmp/a.png"
check "unknown region" -r square:1 "$tmp/a.png"
check "whole pixels" -r rect:1.5,0,2,2 "$tmp/a.png"
check "comma-separated" -r rect:1,2,3 "$tmp/a.png"
check "not a number" -r rect:1,2,x,4 "$tmp/a.png"
check "not a finite number" -r circle:nan,2,1 "$tmp/a.png"
check "empty rectangle" -r rect:0,0,0,4 "$tmp/a.png"
check "expected grid" -r grid:3 "$tmp/a.png"
check "a.png: region 'rect:30,0,11,5' extends outside the 40x30 image" -r rect:30,0,11,5 "$tmp/a.png"
check "a.png: region 'circle:5,5,6' extends outside" -r circle:5,5,6 "$tmp/a.png"
check "more tiles than pixels" -r grid:41x2 "$tmp/a.png"
check "is less than 1" --max-pixels 0 "$tmp/a.png"
check "not a usable ICC profile" -p "$tmp/a.png" "$tmp/a.png"
exit 0

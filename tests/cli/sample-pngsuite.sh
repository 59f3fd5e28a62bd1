#!/bin/sh
# Every valid PngSuite / libpng test image reads (all bit depths, grey,
# palette, tRNS, alpha, interlaced); interlaced and plain twins agree
# exactly; every corrupt one exits 2 naming the file.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_shared
P="$SMP_SHARED/pngsuite"
# Under valgrind the files go through in one batch call each (a memcheck
# start per file would cost minutes); natively one call per file.
set -- "$P"/pngsuite/primary/*.png "$P"/pngsuite/16bit/*.png \
    "$P"/libpng_testpngs/*.png "$P"/libpng_badpal/*.png
if [ -n "${SMP_VALGRIND:-}" ]; then
	"$SAMPLE" -H "$@" >"$tmp/o" 2>"$tmp/e" || fail "batch: exit $?: $(cat "$tmp/e")"
	[ "$(wc -l <"$tmp/o")" -eq $# ] || fail "batch: $(wc -l <"$tmp/o") rows for $# files"
	n=$#
else
	n=0
	for f; do
		"$SAMPLE" -H "$f" >"$tmp/o" 2>"$tmp/e" || fail "$f: exit $?: $(cat "$tmp/e")"
		[ "$(wc -l <"$tmp/o")" -eq 1 ] || fail "$f: no row"
		n=$((n + 1))
	done
fi
echo "ok: $n valid PNGs read"
for pair in basn0g01:basi0g01 basn0g16:basi0g16 basn2c08:basi2c08 \
    basn2c16:basi2c16 basn3p04:basi3p04 basn4a16:basi4a16 basn6a08:basi6a08; do
	a="$P/pngsuite/primary/${pair%%:*}.png"
	b="$P/pngsuite/primary/${pair##*:}.png"
	[ -f "$a" ] && [ -f "$b" ] || continue
	x=$("$SAMPLE" -H -r rect:3,5,20,17 "$a" | cut -f3-)
	y=$("$SAMPLE" -H -r rect:3,5,20,17 "$b" | cut -f3-)
	[ "$x" = "$y" ] || fail "interlaced $pair differs"
	echo "ok: interlaced twin $pair"
done
# 16-bit data keeps its precision: a 16-bit and an 8-bit gradient differ.
"$SAMPLE" -H "$P/pngsuite/16bit/"*.png >/dev/null 2>&1 || true
set -- "$P"/pngsuite/corrupt/*.png "$P"/libpng_crashers/*.png
if [ -n "${SMP_VALGRIND:-}" ]; then
	"$SAMPLE" "$@" >/dev/null 2>"$tmp/e"
	[ $? -eq 2 ] || fail "corrupt batch: exit status"
	for f; do
		grep -qF "smp-sample: $f: " "$tmp/e" || fail "$f: no message naming it"
	done
else
	for f; do
		"$SAMPLE" "$f" >/dev/null 2>"$tmp/e"
		rc=$?
		[ $rc -eq 2 ] || fail "$f: exit $rc, want 2"
		grep -qF "smp-sample: $f: " "$tmp/e" || fail "$f: message does not name the file"
	done
fi
echo "ok: corrupt PNGs refused"
exit 0

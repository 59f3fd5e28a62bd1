#!/bin/sh
# Baseline, progressive and arithmetic-coded JPEGs with the same DCT
# coefficients (lossless jpegtran transcodes) give identical readings, on
# aligned and unaligned crops; greyscale JPEGs read as neutral.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_cmd jpegtran
echo "bg 60 12 18" | "$RENDER" -n 3 -q 90 203 151 "$tmp/base.jpg"
jpegtran -progressive "$tmp/base.jpg" >"$tmp/prog.jpg" || fail "jpegtran -progressive"
jpegtran -arithmetic "$tmp/base.jpg" >"$tmp/ari.jpg" || fail "jpegtran -arithmetic"
for r in all rect:0,0,203,151 rect:17,9,50,33 rect:150,100,53,51 circle:101,75,40; do
	a=$("$SAMPLE" -H -r $r "$tmp/base.jpg" | cut -f3-)
	b=$("$SAMPLE" -H -r $r "$tmp/prog.jpg" | cut -f3-)
	c=$("$SAMPLE" -H -r $r "$tmp/ari.jpg" | cut -f3-)
	[ -n "$a" ] && [ "$a" = "$b" ] && [ "$a" = "$c" ] || fail "$r differs"
	echo "ok: $r identical in baseline, progressive, arithmetic"
done
if [ -n "${SMP_SHARED:-}" ] && [ -d "$SMP_SHARED/jpeg/libjpeg-turbo" ]; then
	D="$SMP_SHARED/jpeg/libjpeg-turbo"
	a=$("$SAMPLE" -H -r rect:10,10,50,40 "$D/testimgint.jpg" | cut -f3-)
	b=$("$SAMPLE" -H -r rect:10,10,50,40 "$D/testimgari.jpg" | cut -f3-)
	[ "$a" = "$b" ] || fail "libjpeg-turbo testimgint and testimgari differ"
fi
# Rows between regions are skipped (libjpeg-turbo's jpeg_skip_scanlines,
# started at odd rows of a 4:2:0 file) and only the regions' pixels are
# converted: regions far apart give, together, exactly what each gives
# alone, in stored and in rotated (EXIF 6) files and in a PNG.
printf 'bg 60 12 18\ncircle 40 30 25 35 4 6\ncircle 160 120 25 45 -2 -8\n' |
    "$RENDER" -n 4 -q 90 203 151 "$tmp/far.jpg" || fail "render-img"
printf 'bg 60 12 18\ncircle 40 30 25 35 4 6\ncircle 160 120 25 45 -2 -8\n' |
    "$RENDER" -n 4 -o 6 -q 90 203 151 "$tmp/far6.jpg" || fail "render-img -o 6"
printf 'bg 60 12 18\ncircle 40 30 25 35 4 6\ncircle 160 120 25 45 -2 -8\n' |
    "$RENDER" -n 4 203 151 "$tmp/far.png" || fail "render-img png"
for f in far.jpg far6.jpg far.png; do
	R1="-r rect:3,1,61,47"
	R2="-r circle:160,120,27"
	R3="-r rect:171,33,31,9"
	"$SAMPLE" -H -S $R1 $R2 $R3 "$tmp/$f" >"$tmp/together" || fail "$f together"
	for r in "$R1" "$R2" "$R3"; do
		"$SAMPLE" -H -S $r "$tmp/$f" || fail "$f $r"
	done >"$tmp/alone"
	cmp -s "$tmp/together" "$tmp/alone" ||
	    fail "$f: regions together differ from each alone: $(diff "$tmp/together" "$tmp/alone" | head -4)"
	echo "ok: $f: three regions far apart, together = each alone"
done
echo "bg 47 0 0" | "$RENDER" -g -q 100 64 64 "$tmp/grey.jpg"
"$SAMPLE" "$tmp/grey.jpg" >"$tmp/o" || fail "grey JPEG exit $?"
assert_de00 "$(lab_of "$tmp/o" 1)" "47 0 0" 0.3 "greyscale JPEG"
exit 0

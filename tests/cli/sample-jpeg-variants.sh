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
echo "bg 47 0 0" | "$RENDER" -g -q 100 64 64 "$tmp/grey.jpg"
"$SAMPLE" "$tmp/grey.jpg" >"$tmp/o" || fail "grey JPEG exit $?"
assert_de00 "$(lab_of "$tmp/o" 1)" "47 0 0" 0.3 "greyscale JPEG"
exit 0

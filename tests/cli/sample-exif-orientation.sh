#!/bin/sh
# Regions are in display orientation: a JPEG stored rotated or mirrored
# with an EXIF Orientation tag reads the same as the upright image.
. "$SMP_SRCDIR/tests/cli/common.sh"
for o in 1 2 3 4 5 6 7 8; do
	"$RENDER" -o $o -q 100 96 64 "$tmp/o$o.jpg" <<'S'
bg 75 5 10
rect 0 0 32 32 40 25 15
rect 64 32 32 32 55 -20 -15
S
	"$SAMPLE" -r rect:4,4,24,24 -r rect:68,36,24,24 -r rect:44,44,8,8 \
	    "$tmp/o$o.jpg" >"$tmp/out" || fail "orientation $o: exit $?"
	assert_de00 "$(lab_of "$tmp/out" 1)" "40 25 15" 1.5 "orientation $o top-left"
	assert_de00 "$(lab_of "$tmp/out" 2)" "55 -20 -15" 1.5 "orientation $o bottom-right"
	assert_de00 "$(lab_of "$tmp/out" 3)" "75 5 10" 1.5 "orientation $o background"
done
# The display size applies: a 96x64 image stored as 64x96 (orientation 6).
"$SAMPLE" -r rect:0,0,96,64 "$tmp/o6.jpg" >/dev/null || fail "display size"
"$SAMPLE" -r rect:0,0,64,96 "$tmp/o6.jpg" >/dev/null 2>&1 && fail "stored size accepted"
exit 0

#!/bin/sh
# Benchmark smp-sample on one 256x256 region of a 24-megapixel photo
# against the floor (libjpeg-turbo's djpeg -crop) and against ImageMagick
# and libvips doing the same ICC-correct measurement (ANCHORS.md,
# Appendix B).  Prints median wall times over RUNS runs, ratios, and peak
# memory (with GNU time).  Not a test: run it by hand.
# usage: scripts/bench-sample.sh [BUILDDIR] [RUNS]
set -eu
B=$(cd "${1:-.}" && pwd)
RUNS=${2:-7}
SAMPLE="$B/src/smp-sample"
make -C "$B" src/smp-sample tests/tools/render-img >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/smp-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
W=6000 H=4000 X=2900 Y=1700
prof=
for p in /usr/share/color/argyll/ref/ClayRGB1998.icm \
    "${SMP_SHARED:-../shared/data}/icc/argyll_ref/ClayRGB1998.icm"; do
	[ -f "$p" ] && prof=$p && break
done
enc=${prof:-srgb}
scene() {
	echo "bg 62 11 16"
	echo "dots 40 9 44 -1 -4"
	echo "rect 500 500 1500 1000 50 30 20"
}
echo "rendering ${W}x$H test photos (encoding: $enc)..." >&2
scene | "$B/tests/tools/render-img" -f -e "$enc" -t iccp -n 2 -q 92 $W $H "$tmp/big.jpg"
scene | "$B/tests/tools/render-img" -f -e "$enc" -t iccp -n 2 -d 16 $W $H "$tmp/big.png"
srgb=$prof
[ -f /usr/share/color/argyll/ref/sRGB.icm ] && srgb=/usr/share/color/argyll/ref/sRGB.icm

now() { date +%s.%N; }
# median wall seconds of RUNS runs of "$@"
timeit() {
	i=0
	: >"$tmp/times"
	while [ $i -lt "$RUNS" ]; do
		t0=$(now)
		"$@" >/dev/null 2>&1
		t1=$(now)
		echo "$t0 $t1" | awk '{ printf "%.4f\n", $2 - $1 }' >>"$tmp/times"
		i=$((i + 1))
	done
	sort -n "$tmp/times" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
peak() {	# peak RSS in MB, or "?" without GNU time
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 |
		    awk '{ printf "%.1f", $1 / 1024 }'
	else
		printf '?'
	fi
}
vips_measure() {
	vips extract_area "$1" "$tmp/c.v" $X $Y 256 256 &&
	    vips icc_import "$tmp/c.v" "$tmp/i.v" --intent relative &&
	    vips stats "$tmp/i.v" "$tmp/s.csv"
}
im_measure() {
	convert "$1" -crop 256x256+$X+$Y +repage -profile "$srgb" -colorspace Lab \
	    -format '%[fx:100*mean.r] %[fx:255*(mean.g-0.5)] %[fx:255*(mean.b-0.5)]' info:
}
report() {	# NAME SECONDS PEAK
	printf '%-34s %9.4f s %8s MB %9s\n' "$1" "$2" "$3" \
	    "$(awk -v a="$2" -v b="$ours" 'BEGIN { printf "%.2fx", a / b }')"
}
for f in big.jpg big.png; do
	echo
	echo "== $f, 256x256 region at $X,$Y (ratio = tool time / smp-sample time)"
	ours=$(timeit "$SAMPLE" -r rect:$X,$Y,256,256 "$tmp/$f")
	report "smp-sample" "$ours" "$(peak "$SAMPLE" -r rect:$X,$Y,256,256 "$tmp/$f")"
	if [ $f = big.jpg ] && command -v djpeg >/dev/null; then
		t=$(timeit djpeg -crop 256x256+$X+$Y -pnm "$tmp/$f")
		report "djpeg -crop (floor)" "$t" "$(peak djpeg -crop 256x256+$X+$Y -pnm "$tmp/$f")"
	fi
	if command -v vips >/dev/null; then
		t=$(timeit vips_measure "$tmp/$f")
		report "libvips extract+icc_import+stats" "$t" "?"
	fi
	if convert -version 2>/dev/null | grep -q ImageMagick && [ -n "$srgb" ]; then
		t=$(timeit im_measure "$tmp/$f")
		report "ImageMagick crop+profile+Lab" "$t" "$(peak convert "$tmp/$f" -crop 256x256+$X+$Y +repage -profile "$srgb" -colorspace Lab -format '%[fx:mean.r]' info:)"
	fi
done

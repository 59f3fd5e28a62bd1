#!/bin/sh
# Benchmark a batch: smp-sample over a generated set of N photos (default
# 500; nine in ten JPEGs of 12, 16, 20 and 24 megapixels, one in ten
# 16-bit PNGs of 12 megapixels; AdobeRGB, embedded profiles), one 256x256
# region each, at -j 1 and -j 2, against the same ICC-correct measurement
# by libvips and by ImageMagick (ANCHORS.md Appendix B; one file after
# another, one core) and against djpeg -crop on the JPEGs (decoding the
# region and nothing else: the floor).  Prints files per second, the
# ratios measured in this run, the -j 2 scaling, and peak memory (GNU
# time).  The set is six rendered photos copied to N files; it needs
# about (N / 10) * 60 MB of disk under TMPDIR.  Not a test: run it by hand.
# usage: scripts/bench-batch.sh [BUILDDIR] [N]
set -eu
B=$(cd "${1:-.}" && pwd)
N=${2:-500}
S=$(cd "$(dirname "$0")/.." && pwd)
SAMPLE="$B/src/smp-sample"
make -C "$B" src/smp-sample tests/tools/render-img >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/smp-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prof=
for p in /usr/share/color/argyll/ref/ClayRGB1998.icm \
    "${SMP_SHARED:-$S/../shared/data}/icc/argyll_ref/ClayRGB1998.icm"; do
	[ -f "$p" ] && prof=$p && break
done
enc=${prof:-srgb}
srgb=$prof
[ -f /usr/share/color/argyll/ref/sRGB.icm ] && srgb=/usr/share/color/argyll/ref/sRGB.icm
scene() {
	echo "bg 62 11 16"
	echo "dots 40 9 44 -1 -4"
}
echo "rendering the base photos (encoding: $enc)..." >&2
mkdir "$tmp/base" "$tmp/set"
for wh in "4000 3000" "4620 3464" "5164 3872" "6000 4000"; do
	set -- $wh
	scene | "$B/tests/tools/render-img" -f -e "$enc" -t iccp -n 2 -q 90 \
	    "$1" "$2" "$tmp/base/$1.jpg"
done
scene | "$B/tests/tools/render-img" -f -e "$enc" -t iccp -n 2 -d 16 \
    4000 3000 "$tmp/base/4000.png"
echo "copying to $N files..." >&2
i=0
: >"$tmp/all" ; : >"$tmp/jpg" ; : >"$tmp/png"
while [ $i -lt "$N" ]; do
	if [ $((i % 10)) -eq 9 ]; then
		f="$tmp/set/p$i.png"
		cp "$tmp/base/4000.png" "$f"
		echo "$f" >>"$tmp/png"
	else
		set -- 4000 4620 5164 6000
		shift $((i % 4))
		f="$tmp/set/p$i.jpg"
		cp "$tmp/base/$1.jpg" "$f"
		echo "$f" >>"$tmp/jpg"
	fi
	echo "$f" >>"$tmp/all"
	i=$((i + 1))
done
# The region: 256x256 at the centre of a 4000x3000 frame, inside all.
X=1872 Y=1372 R=256
now() { date +%s.%N; }
# rate LIST SECONDS: files per second
rate() { awk -v n="$(wc -l <"$1")" -v t="$2" 'BEGIN { printf "%.1f", n / t }'; }
# run LIST CMD...: wall seconds of CMD over every file of LIST, one after
# another ("{}" is the file)
run_each() {
	list=$1
	shift
	t0=$(now)
	while read -r f; do
		eval "$*" >/dev/null 2>&1 || true
	done <"$list"
	t1=$(now)
	echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }'
}
timed() {	# wall seconds and peak MB of one command
	t0=$(now)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$tmp/peak" "$@" >/dev/null 2>&1 || true
		pk=$(awk '{ printf "%.1f", $1 / 1024 }' "$tmp/peak")
	else
		"$@" >/dev/null 2>&1 || true
		pk="?"
	fi
	t1=$(now)
	echo "$t0 $t1 $pk" | awk '{ printf "%.3f %s", $2 - $1, $3 }'
}
vips_one() {
	vips extract_area "$f" "$tmp/c.v" $X $Y $R $R &&
	    vips icc_import "$tmp/c.v" "$tmp/i.v" --intent relative &&
	    vips stats "$tmp/i.v" "$tmp/s.csv"
}
im_one() {
	convert "$f" -crop ${R}x$R+$X+$Y +repage -profile "$srgb" -colorspace Lab \
	    -format '%[fx:100*mean.r] %[fx:255*(mean.g-0.5)] %[fx:255*(mean.b-0.5)]' info:
}
line() {	# NAME SECONDS LIST PEAK REF-SECONDS
	printf '%-40s %8.1f files/s %8s MB %9s\n' "$1" "$(rate "$3" "$2")" "$4" \
	    "$(awk -v a="$5" -v b="$2" 'BEGIN { printf "%.2fx", a / b }')"
}
echo
echo "== $N photos ($(wc -l <"$tmp/jpg") JPEG 12-24 MP, $(wc -l <"$tmp/png") 16-bit PNG 12 MP), one ${R}x$R region each"
echo "   (ratio = that tool's rate / smp-sample -j 1's rate; sequential peers run on one core)"
for set in all jpg png; do
	[ -s "$tmp/$set" ] || continue
	echo
	echo "-- $set: $(wc -l <"$tmp/$set") files"
	set -- $(timed "$SAMPLE" -j 1 -r rect:$X,$Y,$R,$R --files-from "$tmp/$set")
	t1=$1
	line "smp-sample -j 1" "$t1" "$tmp/$set" "$2" "$t1"
	set -- $(timed "$SAMPLE" -j 2 -r rect:$X,$Y,$R,$R --files-from "$tmp/$set")
	line "smp-sample -j 2" "$1" "$tmp/$set" "$2" "$t1"
	echo "   -j 2 scaling: $(awk -v a="$t1" -v b="$1" 'BEGIN { printf "%.2fx", a / b }') (target 1.8x on 2 cores)"
	if [ "$set" = jpg ] && command -v djpeg >/dev/null; then
		t=$(run_each "$tmp/$set" 'djpeg -crop ${R}x$R+$X+$Y -pnm "$f"')
		line "djpeg -crop, one by one (floor)" "$t" "$tmp/$set" "-" "$t1"
	fi
	if command -v vips >/dev/null; then
		t=$(run_each "$tmp/$set" vips_one)
		line "libvips extract+icc_import+stats" "$t" "$tmp/$set" "-" "$t1"
	fi
	if convert -version 2>/dev/null | grep -q ImageMagick && [ -n "$srgb" ]; then
		t=$(run_each "$tmp/$set" im_one)
		line "ImageMagick crop+profile+Lab" "$t" "$tmp/$set" "-" "$t1"
	fi
done
echo
echo "-- peak memory on one file (MB)"
for f in "$tmp/base/6000.jpg" "$tmp/base/4000.png"; do
	printf '%-12s smp-sample %s' "$(basename "$f")" \
	    "$(timed "$SAMPLE" -r rect:$X,$Y,$R,$R "$f" | cut -d' ' -f2)"
	command -v djpeg >/dev/null && case $f in *.jpg)
		printf ', djpeg -crop %s' "$(timed djpeg -crop ${R}x$R+$X+$Y -pnm "$f" | cut -d' ' -f2)" ;;
	esac
	command -v vips >/dev/null &&
	    printf ', vips extract_area %s' "$(timed vips extract_area "$f" "$tmp/c.v" $X $Y $R $R | cut -d' ' -f2)"
	printf ', ImageMagick %s\n' "$(timed convert "$f" -crop ${R}x$R+$X+$Y +repage -profile "$srgb" -colorspace Lab -format '%[fx:mean.r]' info: | cut -d' ' -f2)"
done

#!/bin/sh
# Benchmark smp-sample side by side with the floor of each case: a real
# 8 MP phone photo from the shared data tiled to 24 MP (JPEG q90 4:2:0,
# cjpeg) and to 48 MP, and the same 24 MP pixels as a 16-bit PNG.  The
# floor is djpeg -crop of the region (djpeg of the whole file for grid
# and all), and for PNG scripts/png-floor.c, which inflates and unfilters
# rows up to the region's last and stops.  Each row gives the median CPU
# time (user + system) of RUNS interleaved runs, the ratio ours / floor
# and peak memory (GNU time); ImageMagick and libvips are timed on region
# all where they are installed (ANCHORS.md, Appendix B).  Not a test: run
# it by hand.  Needs SMP_SHARED (default ../shared/data).
# usage: scripts/bench-sample.sh [BUILDDIR] [RUNS]
set -eu
B=$(cd "${1:-.}" && pwd)
RUNS=${2:-5}
S=$(cd "$(dirname "$0")" && pwd)
SAMPLE="$B/src/smp-sample"
photo=${SMP_SHARED:-$S/../../shared/data}/photos/jarrelscy_IMG_20140613_203438.jpg
[ -f "$photo" ] || { echo "bench-sample: no $photo (set SMP_SHARED)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-sample: needs GNU time" >&2; exit 2; }
make -C "$B" src/smp-sample >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/smp-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -O2 -o "$tmp/png-floor" "$S/png-floor.c" -lpng
echo "tiling $(basename "$photo") to 24 and 48 MP..." >&2
djpeg "$photo" >"$tmp/p.ppm"
python3 "$S/tile.py" "$tmp/p.ppm" 3 1 "$tmp/t24.ppm" "$tmp/t24.png"
python3 "$S/tile.py" "$tmp/p.ppm" 3 2 "$tmp/t48.ppm"
cjpeg -quality 90 -sample 2x2 "$tmp/t24.ppm" >"$tmp/t24.jpg"
cjpeg -quality 90 -sample 2x2 "$tmp/t48.ppm" >"$tmp/t48.jpg"
rm -f "$tmp/t24.ppm" "$tmp/t48.ppm" "$tmp/p.ppm"
set -- $(djpeg "$tmp/t24.jpg" | head -c 20 | sed -n 2p)
W=$1 H=$2

# cpu COMMAND...: "seconds peak_MB" of one run (user + system), from
# $REP runs in a row (GNU time counts in 10 ms steps)
REP=1
cpu() {
	/usr/bin/time -f '%U %S %M' sh -c 'n=$1; shift; i=0
	    while [ $i -lt $n ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done' \
	    sh "$REP" "$@" 2>&1 >/dev/null | tail -1 |
	    awk -v n="$REP" '{ printf "%.4f %.1f\n", ($1 + $2) / n, $3 / 1024 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# row NAME "OURS..." "FLOOR...": interleaved runs, medians, the ratio
row() {
	name=$1 ours=$2 floor=$3
	: >"$tmp/a"
	: >"$tmp/b"
	i=0
	while [ $i -lt "$RUNS" ]; do
		eval "cpu $ours" >>"$tmp/a"
		eval "cpu $floor" >>"$tmp/b"
		i=$((i + 1))
	done
	ta=$(cut -d' ' -f1 "$tmp/a" | median)
	tb=$(cut -d' ' -f1 "$tmp/b" | median)
	ma=$(cut -d' ' -f2 "$tmp/a" | median)
	mb=$(cut -d' ' -f2 "$tmp/b" | median)
	printf '%-36s %8.3f %8.3f %7s %8s %8s\n' "$name" "$ta" "$tb" \
	    "$(awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.2fx", (b > 0 ? a / b : 0) }')" \
	    "$ma" "$mb"
}
J="$tmp/t24.jpg"
P="$tmp/t24.png"
echo "== ${W}x$H JPEG and 16-bit PNG; CPU s, median of $RUNS interleaved runs"
printf '%-36s %8s %8s %7s %8s %8s\n' case ours floor ratio "ours MB" "floor MB"
for at in tl centre br; do
	for s in 256 2000; do
		case $at in
		tl) x=0 y=0 ;;
		centre) x=$(((W - s) / 2)) y=$(((H - s) / 2)) ;;
		br) x=$((W - s)) y=$((H - s)) ;;
		esac
		REP=$((s == 256 ? 20 : 2))
		row "${s}x$s $at" "\"$SAMPLE\" -j 1 -r rect:$x,$y,$s,$s \"$J\"" \
		    "djpeg -crop ${s}x$s+$x+$y \"$J\""
	done
done
REP=2
row "2000x2000 centre, -S" \
    "\"$SAMPLE\" -j 1 -S -r rect:$(((W - 2000) / 2)),$(((H - 2000) / 2)),2000,2000 \"$J\"" \
    "djpeg -crop 2000x2000+$(((W - 2000) / 2))+$(((H - 2000) / 2)) \"$J\""
REP=20
row "two 256x256, opposite corners" \
    "\"$SAMPLE\" -j 1 -r rect:0,0,256,256 -r rect:$((W - 256)),$((H - 256)),256,256 \"$J\"" \
    "\"$SAMPLE\" -j 1 -r rect:$((W - 256)),$((H - 256)),256,256 \"$J\""
echo "   (the floor of that row is the bottom-right region alone)"
REP=1
M="--max-memory 2G"
row "grid:10x10" "\"$SAMPLE\" -j 1 $M -r grid:10x10 \"$J\"" "djpeg \"$J\""
row "grid:20x20" "\"$SAMPLE\" -j 1 $M -r grid:20x20 \"$J\"" "djpeg \"$J\""
row "region all, JPEG" "\"$SAMPLE\" -j 1 $M \"$J\"" "djpeg \"$J\""
row "region all, JPEG, -S" "\"$SAMPLE\" -j 1 $M -S \"$J\"" "djpeg \"$J\""
row "region all, 16-bit PNG" "\"$SAMPLE\" -j 1 $M \"$P\"" "\"$tmp/png-floor\" \"$P\""
REP=5
row "256x256 centre, 16-bit PNG" \
    "\"$SAMPLE\" -j 1 -r rect:$(((W - 256) / 2)),$(((H - 256) / 2)),256,256 \"$P\"" \
    "\"$tmp/png-floor\" \"$P\" $(((H + 256) / 2 - 1))"
REP=1
if command -v vips >/dev/null; then
	row "region all: libvips icc_import+stats" \
	    "sh -c 'vips icc_import \"$J\" \"$tmp/i.v\" --intent relative && vips stats \"$tmp/i.v\" \"$tmp/s.csv\"'" \
	    "djpeg \"$J\""
fi
if convert -version 2>/dev/null | grep -q ImageMagick; then
	row "region all: ImageMagick to Lab, mean" \
	    "convert \"$J\" -colorspace Lab -format %[fx:mean] info:" "djpeg \"$J\""
fi
echo
echo "== 48 MP JPEG, region all at the default limits"
if "$SAMPLE" -j 1 "$tmp/t48.jpg" >/dev/null 2>"$tmp/e"; then
	echo "runs: $(cpu "$SAMPLE" -j 1 "$tmp/t48.jpg") (CPU s, MB)"
else
	echo "refused: $(cat "$tmp/e")"
fi
echo
echo "== -j 2 against -j 1: four copies, a 2000x2000 centre region each (wall s)"
for k in 1 2 3 4; do cp "$J" "$tmp/c$k.jpg"; done
R="rect:$(((W - 2000) / 2)),$(((H - 2000) / 2)),2000,2000"
for j in 1 2; do
	: >"$tmp/w"
	i=0
	while [ $i -lt "$RUNS" ]; do
		/usr/bin/time -f %e "$SAMPLE" -j $j -r "$R" "$tmp"/c?.jpg 2>&1 \
		    >/dev/null | tail -1 >>"$tmp/w"
		i=$((i + 1))
	done
	eval "w$j=$(median <"$tmp/w")"
done
echo "-j 1 $w1 s, -j 2 $w2 s: $(awk -v a="$w1" -v b="$w2" 'BEGIN { printf "%.2fx", a / b }')"

#!/bin/sh
# smp-calibrate side by side with ArgyllCMS scanin + colprof (-aS, -as):
#  1. held-out CIEDE2000 on 200 skin and pigment colours, on synthetic
#     captures through a known camera (tests/tools/render-chart); Argyll
#     gets the chart cropped and as TIFF, with the same reference values;
#  2. detection on the real photos in ../shared/data/photos (Argyll gets
#     TIFFs resized to 1200 px, as its documentation advises);
#  3. wall time on a 24-megapixel JPEG, as a ratio to one djpeg of it.
# Needs a configured build, SMP_SHARED (or ../shared/data), ArgyllCMS,
# ImageMagick, djpeg and lcms2's transicc.  Not a test: run it by hand.
# usage: scripts/bench-calibrate.sh [BUILDDIR]
set -eu
B=$(cd "${1:-.}" && pwd)
S=${SMP_SHARED:-$(dirname "$0")/../../shared/data}
REF="$S/colorchecker/xrite_classic24_after_nov2014_lab_d50__colour.csv"
make -C "$B" src/smp-calibrate tests/tools/render-chart tests/tools/ciede2000 >/dev/null
CAL="$B/src/smp-calibrate" CHART="$B/tests/tools/render-chart" DE="$B/tests/tools/ciede2000"
AREF=/usr/share/color/argyll/ref
tmp=$(mktemp -d "${TMPDIR:-/tmp}/smp-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# The same post-2014 reference for Argyll, as CGATS.
{
	printf 'IT8.7/2\nORIGINATOR "smptools bench"\nNUMBER_OF_FIELDS 4\n'
	printf 'BEGIN_DATA_FORMAT\nSAMPLE_ID LAB_L LAB_A LAB_B\nEND_DATA_FORMAT\n'
	printf 'NUMBER_OF_SETS 24\nBEGIN_DATA\n'
	awk -F, 'NR > 1 { printf "%s %s %s %s\n", $3, $5, $6, $7 }' "$REF"
	printf 'END_DATA\n'
} >"$tmp/ref.cie"
# Absolute colorimetric: Argyll puts the media white at the chart's white
# patch, so its relative intent would rescale; ours has a D50 white point,
# for which both intents agree.
heldout() {	# PROFILE -> "mean max" over the 200 held-out colours
	awk '{ print $1, $2, $3 }' "$tmp/held" |
	    transicc -t3 -n -i "$1" -o '*Lab' 2>/dev/null >"$tmp/l"
	awk '{ print $4, $5, $6 }' "$tmp/held" | paste -d' ' - "$tmp/l" | "$DE" |
	    awk '{ s += $1; if ($1 > m) m = $1 } END { printf "%.2f %.2f", s / NR, m }'
}
echo "== 1. held-out dE00 (mean max), 200 skin + pigment colours"
echo "   (ours finds the chart itself; Argyll is given exact fiducials)"
printf '%-12s %-14s %-14s %-14s\n' case smp-calibrate "argyll -aS" "argyll -as"
for c in "flat:-s 0.6 -n 0.5" "rot12:-a 12 -s 0.5 -n 1" "keystone:-a 5 -k 0.12 -s 0.5 -n 1" \
    "vignette:-s 0.7 -n 1 -v 0.25"; do
	name=${c%%:*} opts=${c#*:}
	"$CHART" $opts -T "$tmp/truth" -O "$tmp/held" "$REF" 1600 1200 "$tmp/c.png"
	"$CAL" -o "$tmp/ours.icc" "$tmp/c.png" >/dev/null 2>&1 && ours=$(heldout "$tmp/ours.icc") || ours=failed
	# Argyll: 16-bit TIFF and exact fiducials (-F), so that its fit is
	# judged on a correct registration.  ColorChecker.cht puts patch
	# (c, r) at (35 + 52.5c, 34.5 + 52.5r) and its fiducials at
	# (10, 9.75) (321.25, 9.75) (321.26, 217) (10, 217); the truth gives
	# the patch centres in the image (bilinear in between).
	fid=$(awk '{ x[$1] = $2; y[$1] = $3 } END {
	    split("10 9.75 321.25 9.75 321.26 217 10 217", f, " ")
	    for (i = 0; i < 4; i++) {
		s = (f[2 * i + 1] - 35) / 52.5 / 5; t = (f[2 * i + 2] - 34.5) / 52.5 / 3
		px = (1 - s) * (1 - t) * x[1] + s * (1 - t) * x[6] + s * t * x[24] + (1 - s) * t * x[19]
		py = (1 - s) * (1 - t) * y[1] + s * (1 - t) * y[6] + s * t * y[24] + (1 - s) * t * y[19]
		printf "%s%.1f,%.1f", i ? "," : "", px, py
	    } }' "$tmp/truth")
	convert "$tmp/c.png" -depth 16 "$tmp/a.tif"
	a1=failed a2=failed
	if (cd "$tmp" && scanin -F "$fid" -O a.ti3 a.tif "$AREF/ColorChecker.cht" ref.cie >/dev/null 2>&1); then
		cp "$tmp/a.ti3" "$tmp/s.ti3" && (cd "$tmp" && colprof -qm -aS s >/dev/null 2>&1) && a1=$(heldout "$tmp/s.icc")
		cp "$tmp/a.ti3" "$tmp/m.ti3" && (cd "$tmp" && colprof -qm -as m >/dev/null 2>&1) && a2=$(heldout "$tmp/m.icc")
	fi
	printf '%-12s %-14s %-14s %-14s\n' "$name" "$ours" "$a1" "$a2"
done
echo
echo "== 1b. cameras outside the shaper-matrix family (render-chart -C), same"
echo "   patch values for everyone (the --ti3 smp-calibrate writes); held-out"
echo "   dE00 mean/max; ratio = our default's mean / Argyll's best mean"
printf '%-10s %-12s %-12s %-12s %-12s %-12s %-12s %-12s %s\n' camera auto \
    curve-matrix curve-poly shaper-matrix "colprof -as" "colprof -aS" \
    "colprof -al" ratio
for cam in shoulder strong crosstalk chroma gamma plain; do
	"$CHART" -C "$cam" -s 0.6 -n 0.5 -O "$tmp/held" "$REF" 1600 1200 "$tmp/c.png"
	row="" best=1000 ours=0
	for m in auto curve-matrix curve-poly shaper-matrix; do
		if "$CAL" --model "$m" --ti3 "$tmp/p.ti3" -o "$tmp/o.icc" \
		    "$tmp/c.png" >/dev/null 2>&1; then
			h=$(heldout "$tmp/o.icc")
		else
			h=failed
		fi
		[ "$m" = auto ] && { ours=${h%% *}; cp "$tmp/p.ti3" "$tmp/same.ti3"; }
		row="$row $(echo "$h" | tr ' ' /)"
	done
	for a in as aS al; do
		cp "$tmp/same.ti3" "$tmp/a.ti3"
		rm -f "$tmp/a.icc"
		if (cd "$tmp" && colprof -qm -u -"$a" a >/dev/null 2>&1); then
			h=$(heldout "$tmp/a.icc")
			best=$(echo "$h $best" | awk '{ print ($1 < $3) ? $1 : $3 }')
		else
			h=failed
		fi
		row="$row $(echo "$h" | tr ' ' /)"
	done
	printf '%-10s' "$cam"
	for c in $row; do printf ' %-12s' "$c"; done
	echo "$ours $best" | awk '{ printf " %.2f\n", $1 / $2 }'
done
echo
echo "== 2. detection on real photos (exit status; Argyll's exit 0 is unverified)"
for f in "$S"/photos/*.jpg "$S"/photos/*.png; do
	case "$f" in *mask*) continue ;; esac
	"$CAL" -o "$tmp/p.icc" "$f" >/dev/null 2>"$tmp/err" && o=found || o="refused"
	convert "$f" -resize '1200x1200>' -alpha off -depth 8 "$tmp/p.tif" 2>/dev/null
	(cd "$tmp" && scanin -O p.ti3 p.tif "$AREF/ColorChecker.cht" ref.cie >/dev/null 2>&1) && a="exit 0" || a="failed"
	printf '%-42s %-8s %s\n' "$(basename "$f")" "$o" "$a"
done
echo
echo "== 3. wall time, 24 MP photo (6000x4000 JPEG), medians of 3 interleaved runs"
"$CHART" -a 7 -s 0.35 -n 1 "$REF" 1500 1000 "$tmp/small.png"
convert "$tmp/small.png" -resize 6000x4000 -quality 92 "$tmp/big.jpg"
convert "$tmp/big.jpg" -depth 16 "$tmp/big.tif"
now() { date +%s.%N; }
med() { sort -n | sed -n 2p; }
: >"$tmp/t.cal"; : >"$tmp/t.one"; : >"$tmp/t.djpeg"
for i in 1 2 3; do
	t0=$(now); "$CAL" -o "$tmp/big.icc" "$tmp/big.jpg" >/dev/null 2>&1 || echo "smp-calibrate failed"
	t1=$(now); "$CAL" --model curve-matrix -o "$tmp/one.icc" "$tmp/big.jpg" >/dev/null 2>&1 || echo "smp-calibrate failed"
	t2=$(now); djpeg -outfile /dev/null "$tmp/big.jpg"
	t3=$(now)
	echo "$t0 $t1" | awk '{ print $2 - $1 }' >>"$tmp/t.cal"
	echo "$t1 $t2" | awk '{ print $2 - $1 }' >>"$tmp/t.one"
	echo "$t2 $t3" | awk '{ print $2 - $1 }' >>"$tmp/t.djpeg"
done
t0=$(now)
(cd "$tmp" && scanin -O big.ti3 big.tif "$AREF/ColorChecker.cht" ref.cie >/dev/null 2>&1 &&
    colprof -qm -aS big >/dev/null 2>&1) || echo "(argyll failed on the uncropped 24 MP photo)"
t1=$(now)
echo "$(med <"$tmp/t.cal") $(med <"$tmp/t.one") $(med <"$tmp/t.djpeg") $t0 $t1" | awk '{
	printf "smp-calibrate (detect + fit + profile, --model auto): %.2f s, %.1fx djpeg\n", $1, $1 / $3
	printf "smp-calibrate --model curve-matrix: %.2f s, %.1fx djpeg\n", $2, $2 / $3
	printf "djpeg of the same file: %.2f s (target: auto within 4x)\n", $3
	printf "scanin + colprof -aS: %.2f s (%.1fx ours)\n", $5 - $4, ($5 - $4) / $1 }'

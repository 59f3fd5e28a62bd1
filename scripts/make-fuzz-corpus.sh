#!/bin/sh
# Regenerate the seed corpora of tests/fuzz/corpus/TARGET: valid and broken
# inputs the project makes itself (no third-party files).  Needs a built
# tree: the tools, tests/tools/render-img and render-chart.
# usage: scripts/make-fuzz-corpus.sh BUILDDIR
set -eu
B=$(cd "${1:-.}" && pwd)
S=$(cd "$(dirname "$0")/.." && pwd)
C="$S/tests/fuzz/corpus"
R="$B/tests/tools/render-img"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
rm -rf "$C"
for t in png jpeg icc cgats catalogue readings series options; do
	mkdir -p "$C/$t"
done
# half: the first half of a file, a truncated input.
half() { head -c $(($(wc -c <"$1") / 2)) "$1" >"$2"; }

scene() { printf 'bg 62 11 16\ndots 6 2 40 0 -2\nrect 2 2 5 5 20 5 7\n'; }
scene | "$R" -t srgb 24 16 "$C/png/srgb8.png"
scene | "$R" -t iccp -d 16 24 16 "$C/png/iccp16.png"
scene | "$R" -t gama -e linear 24 16 "$C/png/gama-linear.png"
scene | "$R" -g 24 16 "$C/png/grey.png"
scene | "$R" -a -t srgb 24 16 "$C/png/alpha.png"
half "$C/png/srgb8.png" "$C/png/truncated.png"
scene | "$R" 24 16 "$C/jpeg/plain.jpg"
scene | "$R" -o 6 24 16 "$C/jpeg/exif-orient6.jpg"
scene | "$R" -t iccp 24 16 "$C/jpeg/icc.jpg"
scene | "$R" -g -q 50 24 16 "$C/jpeg/grey.jpg"
half "$C/jpeg/icc.jpg" "$C/jpeg/truncated.jpg"

# Profiles: what smp-calibrate writes (matrix and CLUT models), cut short.
"$B/tests/tools/render-scalp" "$S/data/pigments.tsv" 64 64 "$T/scene" \
    "$T/truth" "$T/chart.csv"
"$B/tests/tools/render-chart" -s 0.8 "$T/chart.csv" 320 240 "$T/chart.png"
"$B/src/smp-calibrate" -o "$C/icc/matrix.icc" --ti3 "$C/cgats/chart.ti3" \
    "$T/chart.png" >/dev/null
half "$C/icc/matrix.icc" "$C/icc/truncated.icc"
head -c 128 "$C/icc/matrix.icc" >"$C/icc/header-only.icc"

# CGATS: a ColorChecker reference in the built-in values, and the CTI3.
{
	printf 'CGATS.17\nORIGINATOR "smptools corpus"\nNUMBER_OF_FIELDS 4\n'
	printf 'BEGIN_DATA_FORMAT\nSAMPLE_ID LAB_L LAB_A LAB_B\nEND_DATA_FORMAT\n'
	printf 'NUMBER_OF_SETS 24\nBEGIN_DATA\n'
	awk -F, '{ printf "%s%d %s %s %s\n", substr("ABCD", int(($1 - 1) / 6) + 1, 1),
	    ($1 - 1) % 6 + 1, $2, $3, $4 }' "$T/chart.csv"
	printf 'END_DATA\n'
} >"$C/cgats/colorchecker.cie"
half "$C/cgats/colorchecker.cie" "$C/cgats/truncated.cie"
sed 's/NUMBER_OF_SETS 24/NUMBER_OF_SETS 99/' "$C/cgats/colorchecker.cie" \
    >"$C/cgats/wrong-count.cie"

# Catalogues: the bundled one, one shade, and broken ones.
cp "$S/data/pigments.tsv" "$C/catalogue/bundled.tsv"
{ grep -v '^pigment' "$S/data/pigments.tsv"; grep '^pigment' \
    "$S/data/pigments.tsv" | head -1; } >"$C/catalogue/one.tsv"
half "$C/catalogue/one.tsv" "$C/catalogue/truncated.tsv"
sed 's/^component	carbon-black	0.0001/component	carbon-black	nan/' \
    "$C/catalogue/one.tsv" >"$C/catalogue/nan.tsv"

# Readings and series.
"$B/src/smp-sample" -S "$C/png/srgb8.png" "$C/jpeg/icc.jpg" \
    >"$C/readings/sample.tsv"
"$B/src/smp-sample" --date 2026-05-01 -S "$C/png/srgb8.png" \
    >"$C/series/sample-dated.tsv"
"$B/src/smp-sample" --json -S "$C/png/srgb8.png" >"$C/readings/sample.jsonl"
"$B/src/smp-sample" --json --date 2026-05-01 -S "$C/png/srgb8.png" \
    >"$C/series/sample-dated.jsonl"
printf '{"L":62,"a":11,"b":16,"file":"x\\udcff\\u00e9"}\n{"summary":"x"}\n{"b":-2,"a":0,"L":40}\n' \
    >"$C/readings/lab.jsonl"
printf 'L\ta\tb\n62\t11\t16\n40\t0\t-2\n' >"$C/readings/lab.tsv"
printf 'L\ta\tb\n62\t11\t1e400\n' >"$C/readings/overflow.tsv"
printf 'date\tL\ta\tb\n2026-05-24\t44.0\t-2.8\t-3.1\n2027-05-24\t44.3\t-2.7\t-2.8\n2028-05-24\t44.7\t-2.5\t-2.4\n2029-05-24\t45.2\t-2.2\t-2.0\n' \
    >"$C/series/dates.tsv"
printf 'file\tregion\tclass\tL\ta\tb\twhite\tdate\nf\tall\tskin\t62\t11\t16\tD65\t2026-05-24\nf\tall\tdot\t44\t-3\t-3\tD50\t2026-05-24\ng\tall\tdot\t45\t-2\t-2\tD50\t2027:05:24 10:00:00\n' \
    >"$C/series/classes.tsv"

# Option strings.
i=0
for s in all rect:10,20,30,40 circle:5,5,2.5 grid:4x3 mask:m.png \
    rect:1,2,3 1.5 -0 1e308 nan 0x10 12M 512K 2G 2026-02-28 2024:02:29 \
    dark-brown de00 cmc robust 62,11,16 ''; do
	printf '%s' "$s" >"$C/options/$i"
	i=$((i + 1))
done

#!/bin/sh
# Regenerate data/example-scalp.png: a 160x160 patch of light-intermediate
# scalp skin (Lab D50 62 11 16, ITA about 24) with carbon SMP dots at a
# 1 mm pitch (8 px) and 0.5 mm diameter, a few darker stubble hairs, sensor
# noise, encoded as sRGB with an sRGB chunk.  Needs a configured build.
# usage: scripts/make-example.sh BUILDDIR
set -e
B=${1:-.}
make -C "$B" tests/tools/render-img >/dev/null
{
	echo "bg 62 11 16"
	echo "dots 8 2 44 -1 -4"
	for y in 5 37 69 101 133; do
		echo "rect $((y % 50 + 20)) $y 2 7 24 5 7"
		echo "rect $((y % 70 + 90)) $((y + 11)) 2 6 24 5 7"
	done
} | "$B/tests/tools/render-img" -t srgb -n 1.2 -s 7 160 160 \
    "$(dirname "$0")/../data/example-scalp.png"

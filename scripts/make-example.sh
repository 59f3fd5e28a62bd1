#!/bin/sh
# Regenerate data/example-scalp.png and data/example-scalp.truth: a
# consultation photo, 720x480, at 20 px/mm, of intermediate scalp skin
# (epidermal melanin 6 %, blood 1.2 %, textured) with sparse natural
# dark-brown follicles, some stubble, an 8 x 8 mm test patch of
# smp-neutral-black dots at 1:2 (0.3 mm dots, 1 mm pitch), and a
# ColorChecker beside it.  The scene comes from libsmp's skin optics
# (tests/tools/render-scalp); the picture is taken through the simulated
# camera of tests/tools/render-chart (crosstalk, white balance, flare,
# gamma 2.2, vignetting, noise), 8-bit and untagged, so that only the
# chart says what its colours mean.  The output is deterministic.
# usage: scripts/make-example.sh BUILDDIR
set -e
B=${1:-.}
D=$(cd "$(dirname "$0")/../data" && pwd)
# (make check has built them already and sets SMP_NO_MAKE)
[ -n "${SMP_NO_MAKE:-}" ] ||
    make -C "$B" tests/tools/render-scalp tests/tools/render-chart >/dev/null
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$B/tests/tools/render-scalp" -p smp-neutral-black -r 2 -H dark-brown \
    "$D/pigments.tsv" 720 480 "$T/scene" "$T/truth" "$T/chart.csv"
"$B/tests/tools/render-chart" -B "$T/scene" -s 0.4 -x 0.22 -y 0.5 -a 4 \
    -n 1.0 -v 0.05 "$T/chart.csv" 720 480 "$T/example.png"
mv "$T/example.png" "$D/example-scalp.png"
mv "$T/truth" "$D/example-scalp.truth"

#!/bin/sh
# Regenerate data/example-scalp.png and data/example-scalp.truth: a
# consultation photo, 720x480, at 20 px/mm, of intermediate scalp skin
# (epidermal melanin 6 %, blood 1.2 %, textured) with sparse natural
# follicles of brown hair, stubble in the left part, an 8 x 8 mm healed
# test patch of smp-neutral-black dots at 1:2 (0.3 mm dots, 1 mm pitch,
# deposited 50 um under the epidermis at 0.7 x the catalogue's strength),
# and a ColorChecker beside it.  The scene comes from libsmp's skin
# optics (tests/tools/render-scalp); the picture is taken through the
# simulated camera of tests/tools/render-chart (crosstalk, white balance,
# flare, gamma 2.2, vignetting, noise), 8-bit and untagged, so that only
# the chart says what its colours mean.  The output is deterministic.
# usage: scripts/make-example.sh BUILDDIR
set -e
B=${1:-.}
D=$(cd "$(dirname "$0")/../data" && pwd)
# (make check has built them already and sets SMP_NO_MAKE)
[ -n "${SMP_NO_MAKE:-}" ] ||
    make -C "$B" tests/tools/render-scalp tests/tools/render-chart >/dev/null
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$B/tests/tools/render-scalp" -p smp-neutral-black -r 2 -d 50 -s 0.7 -H brown \
    "$D/pigments.tsv" 720 480 "$T/scene" "$T/truth" "$T/chart.csv"
"$B/tests/tools/render-chart" -B "$T/scene" -s 0.4 -x 0.22 -y 0.5 -a 4 \
    -n 1.0 -v 0.05 "$T/chart.csv" 720 480 "$T/example.png"
mv "$T/example.png" "$D/example-scalp.png"
mv "$T/truth" "$D/example-scalp.truth"

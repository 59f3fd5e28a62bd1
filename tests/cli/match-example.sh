#!/bin/sh
# The bundled example photo: scripts/make-example.sh still makes exactly
# the committed file, and smp-match --chart on it recovers the skin the
# scene was rendered with (Lab and the model's melanin and blood) and
# predicts the SMP test patch's colour for its own pigment.
. "$SMP_SRCDIR/tests/cli/common.sh"
ex="$SMP_SRCDIR/data/example-scalp.png"
truth="$SMP_SRCDIR/data/example-scalp.truth"
need_cmd python3

# Regenerate into a copy of data/ and compare pixel by pixel (allowing one
# 8-bit step, for libm differences between machines) and the truth file.
mkdir "$tmp/src" "$tmp/src/data" "$tmp/src/scripts"
cp "$SMP_SRCDIR/data/pigments.tsv" "$tmp/src/data/"
cp "$SMP_SRCDIR/scripts/make-example.sh" "$tmp/src/scripts/"
SMP_NO_MAKE=1 sh "$tmp/src/scripts/make-example.sh" "$SMP_BUILDDIR" ||
    fail "make-example.sh"
px() { python3 "$SMP_SRCDIR/tests/tools/pixels.py" "$1" 0 0 720 480; }
px "$ex" | tr ' ' '\n' >"$tmp/a"
px "$tmp/src/data/example-scalp.png" | tr ' ' '\n' >"$tmp/b"
[ -s "$tmp/a" ] || fail "no pixels read"
paste "$tmp/a" "$tmp/b" | awk '{ d = $1 - $2; if (d < 0) d = -d;
    if (d > m) m = d } END { m += 0; { print "max pixel difference", m; exit m > 1 } }' ||
    fail "the committed example differs from what make-example.sh makes"
paste "$truth" "$tmp/src/data/example-scalp.truth" | awk '
    $1 == "pigment" { next }
    { for (i = 2; i <= 4; i++) { d = $i - $(i + NF / 2); if (d < 0) d = -d;
      if (d > 0.02) exit 1 } }' || fail "example-scalp.truth is stale"

t() { awk -v k="$1" '$1 == k { print $2, $3, $4 }' "$truth"; }
fm=$(awk '$1 == "skin_model" { print $5 }' "$truth")
fb=$(awk '$1 == "skin_model" { print $6 }' "$truth")

"$MATCH" --chart -k 14 "$ex" >"$tmp/m" || fail "smp-match --chart (exit $?)"
[ "$(col target_source <"$tmp/m" | sort -u)" = reading ] ||
    fail "the target should be the photo's dark dots"
[ "$(col white <"$tmp/m" | sort -u)" = D50 ] || fail "white D50"
skin="$(col skin_L <"$tmp/m" | head -1) $(col skin_a <"$tmp/m" | head -1) \
$(col skin_b <"$tmp/m" | head -1)"
assert_de00 "$skin" "$(t skin)" 0.5 "skin through the camera and the chart"
assert_num "$(col f_mel <"$tmp/m" | head -1 | awk -v t="$fm" \
    '{ d = $1 / t - 1; print d < 0 ? -d : d }')" "<" 0.03 \
    "fitted melanin within 3 % of the scene's $fm"
assert_num "$(col f_blood <"$tmp/m" | head -1 | awk -v t="$fb" \
    '{ d = $1 / t - 1; print d < 0 ? -d : d }')" "<" 0.03 \
    "fitted blood within 3 % of the scene's $fb"
# The dark class mixes follicles, the patch, stubble shafts (warm) and
# pixels on dot edges: it must sit near the follicles or the patch, far
# from the skin.
target=$(awk -F'\t' 'NR == 2 { print $12, $13, $14 }' "$tmp/m")
d1=$(echo "$target $(t follicle)" | "$DE00")
d2=$(echo "$target $(t smp)" | "$DE00")
assert_num "$(awk -v a="$d1" -v b="$d2" 'BEGIN { print a < b ? a : b }')" \
    "<" 4 "photo target $target near the follicles or the patch"
assert_num "$(echo "$target $(t skin)" | "$DE00")" ">" 10 \
    "photo target far from the skin"
assert_num "$(col de00 <"$tmp/m" | head -1)" "<" 1.5 "a close best match"

# Aim at the patch as rendered: its own pigment predicts it, through the
# camera and the chart calibration, within 0.5 dE00.
"$MATCH" --chart -k 14 --target "$(t smp | tr ' ' ',')" "$ex" >"$tmp/p" ||
    fail "--target the patch"
pig=$(awk '$1 == "pigment" { print $2 }' "$truth")
de=$(awk -F'\t' -v p="$pig" '$4 == p { print $15 }' "$tmp/p")
assert_num "$de" "<" 0.5 "$pig predicts its own patch"

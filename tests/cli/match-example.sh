#!/bin/sh
# The bundled example photo: scripts/make-example.sh still makes exactly
# the committed file; smp-match --chart with the test patch on it recovers
# the skin the scene was rendered with, reads the patch as the scene's
# depth and strength (inside the intervals it reports), and ranks first
# the pigment the truth file's follicle colour implies; README's copy of
# its table for people is what it prints.
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
depth=$(awk '$1 == "deposit" { print $2 }' "$truth")
strength=$(awk '$1 == "deposit" { print $3 }' "$truth")
pig=$(awk '$1 == "pigment" { print $2 }' "$truth")
dil=$(awk '$1 == "pigment" { print $3 }' "$truth")

# The README's run: the follicles right of the patch, the patch itself.
region=rect:625,10,90,460
patch=rect:452,160,161,161
"$MATCH" --chart -k 14 -r $region --test-patch "$pig:$dil" \
    --patch-region $patch "$ex" >"$tmp/m" 2>"$tmp/e" ||
    fail "smp-match --chart --test-patch (exit $?)"
[ "$(col target_source <"$tmp/m" | sort -u)" = reading ] ||
    fail "the target should be the photo's follicles"
[ "$(col region <"$tmp/m" | sort -u)" = $region ] ||
    fail "the patch region is not matched itself"
[ "$(col white <"$tmp/m" | sort -u)" = D50 ] || fail "white D50"
skin="$(col skin_L <"$tmp/m" | head -1) $(col skin_a <"$tmp/m" | head -1) \
$(col skin_b <"$tmp/m" | head -1)"
assert_de00 "$skin" "$(t skin)" 0.5 "skin through the camera and the chart"
assert_num "$(col f_mel <"$tmp/m" | head -1 | awk -v t="$fm" \
    '{ d = $1 / t - 1; print d < 0 ? -d : d }')" "<" 0.10 \
    "fitted melanin within 10 % of the scene's $fm"
assert_num "$(col f_blood <"$tmp/m" | head -1 | awk -v t="$fb" \
    '{ d = $1 / t - 1; print d < 0 ? -d : d }')" "<" 0.25 \
    "fitted blood within 25 % of the scene's $fb"
target=$(awk -F'\t' 'NR == 2 { print $12, $13, $14 }' "$tmp/m")
assert_de00 "$target" "$(t follicle)" 1.5 "photo target against the follicles"
# The patch: its fit, and the scene's depth and strength inside the
# intervals it gives.
r() { col "$1" <"$tmp/m" | head -1; }
assert_num "$(r patch_fit_de00)" "<" 2 "patch fit"
assert_num "$(r depth_lo_um)" "<=" "$depth" "depth interval low end"
assert_num "$(r depth_hi_um)" ">=" "$depth" "depth interval high end"
assert_num "$(r strength_lo)" "<=" "$strength" "strength interval low end"
assert_num "$(r strength_hi)" ">=" "$strength" "strength interval high end"
assert_num "$(r depth_um | awk -v t="$depth" '{ d = $1 - t; print d < 0 ? -d : d }')" \
    "<=" 10 "fitted depth within 10 um of the scene's $depth"
# Rank 1 is what the truth implies: the scene's skin, its follicle colour
# as the target, its depth and strength.
"$MATCH" -k 1 --skin "$(t skin | tr ' ' ',')" --target "$(t follicle |
    tr ' ' ',')" --depth "$depth" --strength "$strength" >"$tmp/t" 2>/dev/null ||
    fail "the truth's match"
want=$(col pigment <"$tmp/t")
got=$(col pigment <"$tmp/m" | head -1)
[ "$got" = "$want" ] || fail "rank 1 $got, the truth implies $want"
echo "ok: rank 1 $got, as the truth implies"
# Aim at the patch as rendered: its own pigment at its own dilution,
# depth and strength predicts it through the camera and the chart.
"$MATCH" --chart -k 14 -r $patch --target "$(t smp | tr ' ' ',')" \
    --depth "$depth" --strength "$strength" --draws 0 "$ex" >"$tmp/p" 2>/dev/null ||
    fail "--target the patch"
de=$(awk -F'\t' -v p="$pig" '$4 == p { print $15 }' "$tmp/p")
assert_num "$de" "<" 0.5 "$pig predicts its own patch"
# README shows this run's table for people: it must be what smp-match
# prints for it.
awk '/^    data\/example-scalp.png, region/ { on = 1 } !on { next }
    { last = /^    verdict:/; sub(/^    /, ""); print } last { exit }' \
    "$SMP_SRCDIR/README" >"$tmp/readme"
[ -s "$tmp/readme" ] || fail "no example output in README"
(cd "$SMP_SRCDIR" && "$MATCH" --chart -r $region --test-patch \
    smp-neutral-black:2 --patch-region $patch --format table \
    data/example-scalp.png) >"$tmp/table" 2>/dev/null || fail "--format table"
# The words must be the same and each number within one unit of its last
# digit (a value on a rounding edge may round either way on another libm).
shape() { awk 'NF' "$1" | sed -E 's/[0-9]+(\.[0-9]+)?/#/g'; }
nums() { awk 'NF' "$1" | grep -oE '[0-9]+(\.[0-9]+)?'; }
shape "$tmp/readme" >"$tmp/ra"
shape "$tmp/table" >"$tmp/ta"
nums "$tmp/readme" >"$tmp/rn"
nums "$tmp/table" >"$tmp/tn"
diff "$tmp/ra" "$tmp/ta" >"$tmp/diff" &&
    [ "$(wc -l <"$tmp/rn")" -eq "$(wc -l <"$tmp/tn")" ] &&
    paste "$tmp/rn" "$tmp/tn" | awk '{ p = index($1, ".");
    u = p ? 10 ^ -(length($1) - p) : 1; d = $1 - $2; if (d < 0) d = -d;
    if (d > 1.001 * u) { print "README " $1 ", smp-match " $2; bad = 1 } }
    END { exit bad }' >"$tmp/diff" ||
    fail "README's example output is stale: $(cat "$tmp/diff")"
echo "ok: README's example output is what smp-match prints"

#!/bin/sh
# What cannot be answered is refused, never ranked with empty numbers: a
# region without opaque pixels (a 1x1 transparent PNG) and a reading that
# is not a skin colour (a uniform grey image) are exit 2 naming the file
# and region, and the batch goes on; a plain skin patch is one skin row
# (no dot row) that smp-match takes as skin only, with the default hair
# and a note; the README's grid pipeline runs end to end; --max-de trips
# on a best that is not within the limit; no output has an empty number.
. "$SMP_SRCDIR/tests/cli/common.sh"
R="$SMP_BUILDDIR/tests/tools/render-img"
printf 'bg 60 10 15\nclear 0 0 1 1\n' | "$R" -a 1 1 "$tmp/clear.png" ||
    fail "render-img"
echo "bg 50 0 0" | "$R" 24 24 "$tmp/grey.png" || fail "render-img"
echo "bg 62 11 16" | "$R" -n 1 64 64 "$tmp/skin.png" || fail "render-img"
printf 'bg 62 11 16\ndots 8 1.5 35 2 4\n' | "$R" -n 1 96 96 "$tmp/dots.png" ||
    fail "render-img"

"$SAMPLE" -S "$tmp/clear.png" >"$tmp/o" 2>"$tmp/e"
[ $? -eq 2 ] || fail "smp-sample on a transparent image: exit $?"
grep -q "clear.png: region all: no opaque pixels to measure" "$tmp/e" ||
    fail "$(cat "$tmp/e")"
"$SAMPLE" -S "$tmp/skin.png" >"$tmp/o" || fail "plain skin"
[ "$(col class <"$tmp/o" | tr '\n' ' ')" = "skin " ] ||
    fail "plain skin: classes $(col class <"$tmp/o" | tr '\n' ' ')"
assert_num "$(col frac <"$tmp/o")" "==" 1 "the skin row has every pixel"
"$SAMPLE" -S "$tmp/dots.png" >"$tmp/o" || fail "dots"
[ "$(col class <"$tmp/o" | tr '\n' ' ')" = "skin dot " ] ||
    fail "dots: classes $(col class <"$tmp/o" | tr '\n' ' ')"
echo "ok: smp-sample -S: plain skin is one row, dots are two"

"$MATCH" --draws 0 "$tmp/clear.png" "$tmp/grey.png" "$tmp/skin.png" \
    "$tmp/dots.png" >"$tmp/m" 2>"$tmp/e"
[ $? -eq 2 ] || fail "smp-match batch: exit $?"
grep -q "clear.png: region all: no opaque pixels to measure" "$tmp/e" ||
    fail "transparent: $(cat "$tmp/e")"
grep -q "grey.png: region all: Lab 50.0, 0.0, 0.0 is not a skin colour" \
    "$tmp/e" || fail "grey: $(cat "$tmp/e")"
grep -q "skin.png: region all: note: no follicles in the photo; the target is dark-brown hair" \
    "$tmp/e" || fail "plain skin: no note: $(cat "$tmp/e")"
[ "$(col file <"$tmp/m" | sort -u | sed 's|.*/||' | tr '\n' ' ')" = \
    "dots.png skin.png " ] || fail "rows for: $(col file <"$tmp/m" | sort -u)"
src() { awk -F'\t' -v f="$1" 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
    $1 ~ f { print $h["target_source"]; exit }' "$tmp/m"; }
[ "$(src skin.png)" = hair:dark-brown ] || fail "plain skin target $(src skin.png)"
[ "$(src dots.png)" = reading ] || fail "dots target $(src dots.png)"
# No empty field anywhere (TSV), no null (JSON).
awk -F'\t' 'NR > 1 { for (i = 1; i <= NF; i++) if ($i == "") { print NR, i; bad = 1 } }
    END { exit bad }' "$tmp/m" || fail "an empty field"
"$MATCH" --json --draws 0 "$tmp/skin.png" "$tmp/dots.png" 2>/dev/null |
    grep -q null && fail "null in JSON"
echo "ok: refused with file and region, the batch goes on, no empty numbers"

# The grid pipeline: tiles without dots are skin only.
"$SAMPLE" -S -r grid:4x3 "$tmp/dots.png" "$tmp/skin.png" >"$tmp/g" ||
    fail "smp-sample grid"
"$MATCH" --draws 0 -k 1 "$tmp/g" >"$tmp/gm" 2>/dev/null || fail "grid into smp-match"
[ "$(($(wc -l <"$tmp/gm") - 1))" -eq 24 ] || fail "24 tiles, $(($(wc -l <"$tmp/gm") - 1)) rows"
echo "ok: smp-sample -S -r grid:4x3 | smp-match"

# --max-de: a target no pigment reaches trips it.
"$MATCH" --draws 0 --skin 60,10,15 --target 30,40,40 --max-de 5 >/dev/null 2>&1
[ $? -eq 1 ] || fail "--max-de 5 on an unreachable target: exit $?"
"$MATCH" --draws 0 --skin 60,10,15 --max-de 5 >/dev/null 2>&1 || fail "--max-de 5"

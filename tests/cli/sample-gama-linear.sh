#!/bin/sh
# PNG gAMA 1.0 + cHRM (16-bit linear light) is honoured: the value the
# test rendered in linear sRGB primaries comes back (libvips reads L 27).
. "$SMP_SRCDIR/tests/cli/common.sh"
echo "bg 55 18 22" | "$RENDER" -e linear -t gama -d 16 64 64 "$tmp/lin.png"
"$SAMPLE" "$tmp/lin.png" >"$tmp/o" || fail "exit $?"
assert_de00 "$(lab_of "$tmp/o" 1)" "55 18 22" 0.05 "gAMA 1.0 + cHRM"
[ "$(col profile_source <"$tmp/o")" = gama-chrm ] || fail "profile_source"
# The same pixels read as sRGB would be far off; -p overrides.
"$SAMPLE" -p "$tmp/none.icc" "$tmp/lin.png" >/dev/null 2>&1 && fail "missing -p profile accepted"
echo "bg 62 0 0" | "$RENDER" -g -e linear -t gama -d 16 64 64 "$tmp/glin.png"
"$SAMPLE" "$tmp/glin.png" >"$tmp/o" || fail "grey exit $?"
assert_de00 "$(lab_of "$tmp/o" 1)" "62 0 0" 0.05 "grey gAMA 1.0"
exit 0

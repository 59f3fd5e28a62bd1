#!/bin/sh
# data/pigments.tsv is exactly what scripts/make-catalogue.py makes, so
# that a change to a documented component cannot drift from the catalogue
# that ships; and the catalogue loads (smp-match runs on it).
. "$SMP_SRCDIR/tests/cli/common.sh"
need_cmd python3
python3 "$SMP_SRCDIR/scripts/make-catalogue.py" >"$tmp/p.tsv" ||
    fail "make-catalogue.py"
cmp "$tmp/p.tsv" "$SMP_SRCDIR/data/pigments.tsv" ||
    fail "data/pigments.tsv is stale: run scripts/make-catalogue.py"
n=$(grep -c '^pigment	' "$tmp/p.tsv")
assert_num "$n" ">=" 12 "generic shades in the catalogue"
"$MATCH" -c "$tmp/p.tsv" -k "$n" --skin 62,11,16 >"$tmp/m" ||
    fail "smp-match on the generated catalogue"
[ "$(($(wc -l <"$tmp/m") - 1))" -eq "$n" ] || fail "every shade ranked"

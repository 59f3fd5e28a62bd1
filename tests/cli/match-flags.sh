#!/bin/sh
# Every flag of smp-match (smp(7) Flags) is raised where it should be,
# in the flags column and in one line on standard error per reading:
# skin-fit, equivalent, patch-fit (match-uncertainty.sh), max-dilution,
# no-match, faint, uncalibrated, noisy; and a plain case raises none of
# the worrying ones.
. "$SMP_SRCDIR/tests/cli/common.sh"
# flags_of ARGS...: the flags column of rank 1, stderr in $tmp/e
flags_of() {
	"$MATCH" --draws 0 -k 1 "$@" >"$tmp/o" 2>"$tmp/e" || [ $? -eq 1 ] ||
	    fail "smp-match $*: exit $?"
	col flags <"$tmp/o" | head -1
}
has() {		# has FLAG WHAT ARGS...
	f=$1 what=$2
	shift 2
	got=$(flags_of "$@")
	echo ",$got," | grep -q ",$f," || fail "$what: no $f in '$got'"
	grep -q "flagged .*$f" "$tmp/e" || fail "$what: no warning for $f"
	[ "$(grep -c flagged "$tmp/e")" -eq 1 ] || fail "$what: one line per reading"
	echo "ok: $f: $what"
}
has skin-fit "Monk 1, lighter than any skin" --white d65 --skin 94.21,1.50,5.43
has equivalent "a light skin: near-blacks look alike" --skin 62,11,16
# (carbon alone: a grey pigment would need no water)
grep -v '^pigment' "$SMP_SRCDIR/data/pigments.tsv" >"$tmp/carbon.tsv"
grep '^pigment	smp-neutral-black	' "$SMP_SRCDIR/data/pigments.tsv" \
    >>"$tmp/carbon.tsv"
has max-dilution "grey hair, carbon, at most 1 part water" -c "$tmp/carbon.tsv" \
    --skin 62,11,16 --hair grey --max-dilution 1
has no-match "a target no ink reaches" --skin 60,10,15 --target 30,40,40
has faint "a target next to the skin" --skin 60,10,15 --target 58.5,9,14 \
    --max-dilution 100
echo "bg 60 10 15" | "$SMP_BUILDDIR/tests/tools/render-img" -n 1 32 32 \
    "$tmp/u.png" || fail "render-img"
has uncalibrated "a photo without a profile" "$tmp/u.png"
printf 'file\tregion\tclass\tL\ta\tb\tci95\nf\tall\tskin\t62\t11\t16\t4\n' \
    >"$tmp/n.tsv"
has noisy "a reading with ci95 4" "$tmp/n.tsv"
got=$(flags_of --skin 62,11,16 --hair black)
for f in skin-fit no-match faint uncalibrated noisy; do
	echo ",$got," | grep -q ",$f," && fail "a plain skin flagged $f"
done
echo "ok: a plain skin: no worrying flag ($got)"

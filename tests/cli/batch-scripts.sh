#!/bin/sh
# Batches on many machines: scripts/smp-slurm.sh run as the tasks of a job
# array (SLURM_ARRAY_TASK_ID set by hand) plus scripts/smp-merge, and
# scripts/smp-parallel over GNU parallel's local login (":", twice, so
# two "hosts" share the jobs) give exactly the rows of one smp-sample run
# over the whole list: one header, list order, bad files reported and
# exit 2.  The GNU parallel part skips when it is not installed.
. "$SMP_SRCDIR/tests/cli/common.sh"
S="$SMP_SRCDIR/scripts"
mkdir "$tmp/photos"
for i in 1 2 3 4 5 6 7; do
	echo "bg $((30 + 7 * i)) $i $((10 + i))" |
	    "$RENDER" -n 2 24 16 "$tmp/photos/p$i.png" || fail "render"
	echo "$tmp/photos/p$i.png" >>"$tmp/list"
	[ $i -eq 4 ] && echo "$tmp/photos/missing.png" >>"$tmp/list"
done
# The reference: one run over the whole list.
"$SAMPLE" -j 1 -r grid:2x1 --files-from "$tmp/list" >"$tmp/want" 2>/dev/null
[ $? -eq 2 ] || fail "reference run: want exit 2 for the missing file"
[ "$(sed 1d "$tmp/want" | wc -l)" -eq 14 ] || fail "reference rows"

# Slurm: 3, 5 and 9 tasks over 8 files (9: one more task than files, so
# an empty shard).
for count in 3 5 9; do
	rm -rf "$tmp/out"
	bad=0
	id=0
	while [ $id -lt $count ]; do
		LIST="$tmp/list" OUT="$tmp/out" TOOL="$SAMPLE" SLURM_ARRAY_TASK_ID=$id \
		    SLURM_ARRAY_TASK_COUNT=$count sh "$S/smp-slurm.sh" -r grid:2x1 \
		    2>>"$tmp/slurm.err"
		rc=$?
		[ $rc -eq 0 ] || [ $rc -eq 2 ] || fail "task $id of $count: exit $rc"
		[ $rc -eq 2 ] && bad=$((bad + 1))
		id=$((id + 1))
	done
	[ $bad -eq 1 ] || fail "$count tasks: $bad tasks reported a bad file, want 1"
	sh "$S/smp-merge" -n $count "$tmp/out"/shard-*.tsv >"$tmp/got" ||
	    fail "smp-merge of $count shards"
	cmp -s "$tmp/want" "$tmp/got" || fail "$count shards merged differ from one run"
	echo "ok: $count Slurm tasks merged equal one run"
done
grep -q "missing.png: No such file" "$tmp/slurm.err" || fail "task message"
# A missing shard, a mismatched header, no array id.
rm "$tmp/out/shard-00001.tsv"
sh "$S/smp-merge" -n 9 "$tmp/out"/shard-*.tsv >"$tmp/got" 2>"$tmp/e"
[ $? -eq 2 ] && grep -q "8 shards, expected 9" "$tmp/e" && [ ! -s "$tmp/got" ] ||
    fail "missing shard: $(cat "$tmp/e")"
"$SAMPLE" -H "$tmp/photos/p1.png" >"$tmp/noheader.tsv"
sh "$S/smp-merge" "$tmp/out/shard-00000.tsv" "$tmp/noheader.tsv" >"$tmp/got" 2>"$tmp/e"
[ $? -eq 2 ] && grep -q "header differs" "$tmp/e" || fail "header check"
LIST="$tmp/list" OUT="$tmp/out" sh "$S/smp-slurm.sh" >/dev/null 2>"$tmp/e"
[ $? -ne 0 ] && grep -q "not a task of a Slurm job array" "$tmp/e" || fail "no task id"
echo "ok: smp-merge refuses a missing shard and a different header"

if ! command -v parallel >/dev/null 2>&1; then
	echo "SKIP: GNU parallel not installed: smp-parallel not tested" >&2
	exit 0
fi
# ":" is GNU parallel's name for this machine without ssh; "1/:" is the
# same machine as a second login.
export HOME="$tmp"	# parallel keeps its state under $HOME
for n in 1 3 100; do
	sh "$S/smp-parallel" -n $n -S : -S 1/: "$SAMPLE" -j 1 -r grid:2x1 \
	    <"$tmp/list" >"$tmp/got" 2>"$tmp/e"
	rc=$?
	[ $rc -eq 2 ] || fail "smp-parallel -n $n: exit $rc, want 2: $(cat "$tmp/e")"
	cmp -s "$tmp/want" "$tmp/got" || fail "smp-parallel -n $n differs from one run"
	grep -q "missing.png: No such file" "$tmp/e" || fail "smp-parallel message"
done
tr '\n' '\0' <"$tmp/list" | grep -zv missing |
    sh "$S/smp-parallel" -0 -n 2 "$SAMPLE" -j 1 -r grid:2x1 >"$tmp/got" ||
    fail "smp-parallel -0 on good files: exit $?"
grep -v missing "$tmp/list" | "$SAMPLE" -j 1 -r grid:2x1 --files-from - |
    cmp -s - "$tmp/got" || fail "smp-parallel -0 differs"
sh "$S/smp-parallel" -n 0 "$SAMPLE" </dev/null >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "-n 0 accepted"
echo "ok: smp-parallel over two local logins equals one run, exit status kept"
exit 0

#!/bin/sh
#SBATCH --job-name=smp-sample
#SBATCH --array=0-15
#SBATCH --cpus-per-task=8
#SBATCH --mem=8G
#SBATCH --output=smp-slurm-%A_%a.log
# One task of a Slurm job array: shard k of the file list LIST (a
# contiguous block, so that merged shards keep the list's order) through
# an smptools batch, into OUT/shard-K.tsv (K zero-padded, written to a
# temporary and renamed when complete).  Merge with scripts/smp-merge.
#
# usage: LIST=files.txt OUT=results sbatch [--array=0-N] scripts/smp-slurm.sh [ARG...]
#        scripts/smp-merge -n N+1 results/shard-*.tsv > readings.tsv
#
#   LIST   the files, one per line; OUT  the directory for the shards
#   TOOL   the program (default smp-sample); ARG... its options, e.g.
#          -r circle:2000,1500,150
# Each task runs TOOL with -j $SLURM_CPUS_PER_TASK.  The task's exit status
# is TOOL's (2 when a file was bad; its rows are still in the shard).
# Outside Slurm, set SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT.
set -u
prog=smp-slurm
: "${LIST:?$prog: set LIST to the file list}"
: "${OUT:?$prog: set OUT to the output directory}"
id=${SLURM_ARRAY_TASK_ID:?$prog: not a task of a Slurm job array}
count=${SLURM_ARRAY_TASK_COUNT:?$prog: SLURM_ARRAY_TASK_COUNT is not set}
k=$((id - ${SLURM_ARRAY_TASK_MIN:-0}))
tool=${TOOL:-smp-sample}
[ -r "$LIST" ] || { echo "$prog: $LIST: cannot read the file list" >&2; exit 2; }
n=$(grep -c '' "$LIST")
per=$(( (n + count - 1) / count ))
first=$((k * per + 1))
last=$(((k + 1) * per))
mkdir -p "$OUT" || exit 2
out=$(printf '%s/shard-%05d.tsv' "$OUT" "$k")
rm -f "$out"
if [ "$first" -gt "$n" ]; then
	: >"$out"	# more tasks than files: an empty shard
	exit 0
fi
sed -n "${first},${last}p" "$LIST" |
    "$tool" -j "${SLURM_CPUS_PER_TASK:-1}" --no-progress --files-from - "$@" \
    >"$out.tmp"
status=$?
# Write errors and usage errors leave no shard; bad files do not.
if [ "$status" -le 2 ] && [ -s "$out.tmp" ]; then
	mv "$out.tmp" "$out" || exit 2
else
	rm -f "$out.tmp"
	[ "$status" -ne 0 ] || status=2
fi
exit "$status"

#!/bin/sh
# compare-call.sh TOOL ARG...: run one tool call of a CLI scenario on the
# build under test and on an older build ($SMP_COMPARE_OLD), and append
# to $SMP_COMPARE_LOG whether standard output, standard error, the exit
# status and every file written through an output option are the same.
# The scenario goes on with the new build's results.  Used by
# scripts/compare-builds.sh; not a test by itself.
#
# The old build writes its files under a scratch directory instead (the
# output options are rewritten), and its messages are mapped back to the
# original names before they are compared.  Progress lines carry timings
# and are left out of the comparison; ICC files are compared without
# their creation time (header bytes 24..35).
tool=$1
shift
new="$SMP_BUILDDIR/src/$tool"
old="$SMP_COMPARE_OLD/src/$tool"
# The log has one line a call: a name's newlines and tabs become spaces.
oneline() { printf '%s' "$*" | tr '\n\t' '  '; }
# On a terminal the tools behave differently (progress, tables): run as is.
if [ -t 1 ] || [ -t 2 ]; then
	printf 'tty\t%s\t%s\t\n' "${SMP_COMPARE_TEST:-?}" \
	    "$(oneline "$tool $*")" >>"${SMP_COMPARE_LOG:-/dev/stderr}"
	exec "$new" "$@"
fi
d=$(mktemp -d "${TMPDIR:-/tmp}/smp-cmp.XXXXXX")
if [ -t 0 ]; then : >"$d/in"; else cat >"$d/in"; fi
orig="$*"

# stamp PATH: what identifies the file at PATH now ("-" if none).
stamp() {
	if [ -f "$1" ]; then
		echo "$(stat -c '%i %s %Y' "$1") $(cksum <"$1")"
	else
		echo -
	fi
}
# The output paths before the call, to tell which ones it wrote.
for a in "$@"; do
	case $a in --*=*) a=${a#*=} ;; esac
	printf '%s\t%s\n' "$a" "$(stamp "$a")"
done >"$d/before"

"$new" "$@" <"$d/in" >"$d/new.out" 2>"$d/new.err"
rc=$?

# The old build's arguments: outputs into $d/o, renamed options back.
printf '%s\n' "$@" >"$d/args"
refused() {
	[ "$(grep -Fxc -- "$1" "$d/args")" -gt 1 ] && return 0
	[ -e "$1" ] || return 1
	[ -f "$1" ] || return 0
	while read -r x; do
		[ "$x" != "$1" ] && [ -e "$x" ] && [ "$x" -ef "$1" ] && return 0
	done <"$d/args"
	return 1
}
n=0
map=
set -- "$@" --smp-cmp-end
while [ "$1" != --smp-cmp-end ]; do
	a=$1
	shift
	out=
	case $a in
	-o|--output|--overlay|--plot|--ics|--swatch|--ti3|--report)
		set -- "$@" "$a"
		out=$1
		shift ;;
	--output=*|--overlay=*|--plot=*|--ics=*|--swatch=*|--ti3=*|--report=*)
		set -- "$@" "${a%%=*}"
		out=${a#*=} ;;
	*)
		# Options renamed since the old build (one letter, one meaning).
		case "$tool $a" in
		"smp-sample -C") a=-c ;;
		esac
		set -- "$@" "$a"
		continue ;;
	esac
	# An output the tools must refuse (named twice, the same file as
	# another argument, or not a regular file) is given to the old build
	# as it is: in a scratch directory it would not be refused.
	if refused "$out"; then
		set -- "$@" "$out"
		continue
	fi
	n=$((n + 1))
	# An output in a missing directory stays in a missing one.
	if [ -d "$(dirname -- "$out")" ]; then
		mkdir -p "$d/o/$n"
	else
		mkdir -p "$d/o/$n" && n="$n/missing"
	fi
	scratch="$d/o/$n/$(basename -- "$out")"
	set -- "$@" "$scratch"
	map="$map$n $out
"
done
shift	# --smp-cmp-end

"$old" "$@" <"$d/in" >"$d/old.out" 2>"$d/old.err"
orc=$?

# Map scratch names in the old output back to the originals, and the old
# program's name (getopt prints argv[0]) to the new one's.
printf '%s' "$map" | while read -r k path; do
	[ -n "$k" ] || continue
	for f in old.err old.out; do
		sed "s|$d/o/$k/$(basename -- "$path")|$path|g" "$d/$f" >"$d/e.tmp" &&
		    mv "$d/e.tmp" "$d/$f"
	done
done
sed "s|$old|$new|g" "$d/old.err" >"$d/e.tmp" && mv "$d/e.tmp" "$d/old.err"
unprogress() {
	grep -Ev '^smp-[a-z]+: [0-9]+/[0-9]+ [a-z]+ \(|^smp-[a-z]+: [0-9]+ [a-z]+ in [0-9.]+ s' "$1"
}
verdict=same
why=
[ "$rc" = "$orc" ] || { verdict=differ; why="$why exit $orc->$rc"; }
cmp -s "$d/old.out" "$d/new.out" || { verdict=differ; why="$why stdout"; }
unprogress "$d/old.err" >"$d/old.e"
unprogress "$d/new.err" >"$d/new.e"
cmp -s "$d/old.e" "$d/new.e" || { verdict=differ; why="$why stderr"; }
printf '%s' "$map" >"$d/map"
while read -r k path; do
	[ -n "$k" ] || continue
	s="$d/o/$k/$(basename -- "$path")"
	was=$(awk -F'\t' -v p="$path" '$1 == p { print $2; exit }' "$d/before")
	wrote=0
	[ "$(stamp "$path")" != "$was" ] && [ -f "$path" ] && wrote=1
	if [ -f "$s" ] && [ $wrote = 1 ]; then
		case $path in
		*.icc|*.icm)
			a=$(od -An -v -tx1 "$s" | tr -d ' \n' | cut -c1-48,73-)
			b=$(od -An -v -tx1 "$path" | tr -d ' \n' | cut -c1-48,73-)
			[ "$a" = "$b" ] || { verdict=differ; why="$why $path"; } ;;
		*)
			cmp -s "$s" "$path" || { verdict=differ; why="$why $path"; } ;;
		esac
	elif [ -f "$s" ] || [ $wrote = 1 ]; then
		verdict=differ
		why="$why $path(written by one build only)"
	fi
done <"$d/map"
printf '%s\t%s\t%s\t%s\n' "$verdict" "${SMP_COMPARE_TEST:-?}" \
    "$(oneline "$tool $orig")" \
    "$why" >>"${SMP_COMPARE_LOG:-/dev/stderr}"
if [ "$verdict" = differ ] && [ -n "${SMP_COMPARE_KEEP:-}" ]; then
	mkdir -p "$SMP_COMPARE_KEEP"
	cp -r "$d" "$SMP_COMPARE_KEEP/" 2>/dev/null
fi

cat "$d/new.out"
cat "$d/new.err" >&2
rm -rf "$d"
exit "$rc"

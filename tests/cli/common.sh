# Sourced by every CLI scenario: C locale, a private temp dir, helpers.
# Exit 77 means "skipped" to the automake harness.
LC_ALL=C
export LC_ALL
set -u
: "${SMP_BUILDDIR:?run through make check}"
SAMPLE="$SMP_BUILDDIR/src/smp-sample"
CAL="$SMP_BUILDDIR/src/smp-calibrate"
MATCH="$SMP_BUILDDIR/src/smp-match"
FADE="$SMP_BUILDDIR/src/smp-fade"
SMP_CATALOGUE="$SMP_SRCDIR/data/pigments.tsv"
export SMP_CATALOGUE
RENDER="$SMP_BUILDDIR/tests/tools/render-img"
DE00="$SMP_BUILDDIR/tests/tools/ciede2000"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/smp-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# wrap_tools LINE: point SAMPLE, CAL, MATCH and FADE at scripts in $tmp
# that run LINE, in which TOOL is the tool's name and ARGS its arguments.
wrap_tools() {
	for t in smp-sample smp-calibrate smp-match smp-fade; do
		printf '#!/bin/sh\n%s\n' "$(echo "$1" | sed "s|TOOL|$t|g" |
		    sed 's|ARGS|"$@"|g')" >"$tmp/$t"
		chmod +x "$tmp/$t"
	done
	SAMPLE="$tmp/smp-sample"
	CAL="$tmp/smp-calibrate"
	MATCH="$tmp/smp-match"
	FADE="$tmp/smp-fade"
}
# .ci/run sets SMP_VALGRIND=1 to run every tool call under memcheck, any
# error fatal (exit 99, which no scenario accepts).
[ -z "${SMP_VALGRIND:-}" ] ||
    wrap_tools "exec valgrind -q --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite \"$SMP_BUILDDIR/src/TOOL\" ARGS"
# scripts/compare-builds.sh sets SMP_COMPARE_OLD to an older build's top
# directory: every tool call then runs on both builds and the differences
# are logged (tests/tools/compare-call.sh).
if [ -n "${SMP_COMPARE_OLD:-}" ]; then
	SMP_COMPARE_TEST=$(basename "$0" .sh)
	export SMP_COMPARE_TEST
	wrap_tools "exec sh \"$SMP_SRCDIR/tests/tools/compare-call.sh\" TOOL ARGS"
fi

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	echo "SKIP: $*" >&2
	exit 77
}

# Tests that need ../shared/data find it through SMP_SHARED only.
need_shared() {
	[ -n "${SMP_SHARED:-}" ] && [ -d "$SMP_SHARED" ] ||
	    skip "shared reference data not found (set SMP_SHARED)"
}

# limit_vm KIB: cap virtual memory, except under ASan or valgrind, which
# reserve large address ranges themselves (SMP_NO_ULIMIT=1).
limit_vm() {
	[ -n "${SMP_NO_ULIMIT:-}" ] || ulimit -v "$1"
}

# Scenarios about something other than the camera model (files, options,
# errors) calibrate with the cheapest model: auto fits five models with a
# leave-one-out refit of each, ten times the cost, which under valgrind
# is minutes per scenario.
CHEAP_MODEL="--model curve-matrix"

need_cmd() {
	command -v "$1" >/dev/null 2>&1 || skip "$1 not installed"
}

# col NAME: print column NAME of TSV on stdin (header looked up by name).
col() {
	awk -F'\t' -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next } { print $k }'
}

# colno NAME: the number of column NAME in the TSV header on stdin.
colno() {
	awk -F'\t' -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) print i; exit }'
}

# lab_of FILE-OF-TSV ROWNUM: "L a b" of a data row (1-based).
lab_of() {
	awk -F'\t' -v r="$2" 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
	    NR == r + 1 { print $h["L"], $h["a"], $h["b"] }' "$1"
}

# assert_de00 "L a b" "L a b" MAX WHAT
assert_de00() {
	d=$(echo "$1 $2" | "$DE00")
	awk -v d="$d" -v m="$3" 'BEGIN { exit !(d ~ /^[0-9.]+$/ && d + 0 <= m + 0) }' ||
	    fail "$4: dE00 $d > $3 (got $1, want $2)"
	echo "ok: $4: dE00 $d <= $3"
}

# assert_num VALUE OP BOUND WHAT   (OP is an awk comparison)
assert_num() {
	awk -v v="$1" -v b="$3" "BEGIN { exit !((v + 0) $2 (b + 0)) }" ||
	    fail "$4: $1 is not $2 $3"
	echo "ok: $4: $1 $2 $3"
}

# monk_tsv OUT.tsv: the 10 Monk Skin Tone swatches (sRGB, skintone.google)
# as skin readings monk1..monk10, CIELAB D65 by IEC 61966-2-1.
monk_tsv() {
	printf 'f6ede4\nf3e7db\nf7ead0\neadaba\nd7bd96\na07e56\n825c43\n604134\n3a312a\n292420\n' |
	awk 'function hex(s, d) { d = "0123456789abcdef"
	    return 16 * index(d, substr(s, 1, 1)) + index(d, substr(s, 2, 1)) - 17 }
	function lin(v) { v /= 255
	    return v <= 0.04045 ? v / 12.92 : exp(2.4 * log((v + 0.055) / 1.055)) }
	function f(t) {
	    return t > 216 / 24389 ? exp(log(t) / 3) : (24389 / 27 * t + 16) / 116 }
	BEGIN { print "file\tregion\tclass\tL\ta\tb\twhite" }
	{ r = lin(hex(substr($1, 1, 2))); g = lin(hex(substr($1, 3, 2)))
	  b = lin(hex(substr($1, 5, 2)))
	  X = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b
	  Y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
	  Z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b
	  fx = f(X / 0.95047); fy = f(Y); fz = f(Z / 1.08883)
	  printf "monk%d\tall\tskin\t%.2f\t%.2f\t%.2f\tD65\n", NR,
	      116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz) }' >"$1"
}

# chart_photo OUT.png: a ColorChecker photo through render-chart's camera,
# from the corpus' CGATS reference (the built-in 2014 values).
chart_photo() {
	awk '/^[A-D][1-6] / { k++; printf "%d,%s,%s,%s\n", k, $2, $3, $4 }' \
	    "$SMP_SRCDIR/tests/fuzz/corpus/cgats/colorchecker.cie" >"$tmp/ref.csv"
	"$SMP_BUILDDIR/tests/tools/render-chart" -s 0.6 "$tmp/ref.csv" 240 180 \
	    "$1" || fail "render-chart"
}

#!/bin/sh
# The DIAGNOSTICS sections list every message: each run of literal text
# (two words or more) in a diagnostic format of the sources
# (tests/tools/messages.py) is found in the rendered DIAGNOSTICS of the
# manuals; a tool's own messages (src/smp-TOOL.c) in its own manual.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_cmd mandoc
need_cmd python3
# diag PAGE...: the DIAGNOSTICS sections as one line of single spaces.
diag() {
	for m in "$@"; do
		mandoc -Tascii -O width=500 "$m" | command col -b |
		    sed -n '/^DIAGNOSTICS/,/^[A-Z][A-Z ]*$/p'
	done | tr -s ' \t\n' '   '
}
diag "$SMP_SRCDIR"/man/*.[1-9] >"$tmp/all"
python3 "$SMP_SRCDIR/tests/tools/messages.py" "$SMP_SRCDIR" >"$tmp/msgs" ||
    fail "messages.py"
n=$(wc -l <"$tmp/msgs")
[ "$n" -gt 150 ] || fail "only $n message fragments found in the sources"
missing=0
while IFS='	' read -r src frag; do
	case $src in
	src/smp-*.c) page="$SMP_SRCDIR/man/$(basename "$src" .c).1"
		diag "$page" >"$tmp/own"
		where="$tmp/own" ;;
	*) where="$tmp/all" ;;
	esac
	if ! grep -qF -- "$frag" "$where"; then
		echo "not documented: $src: $frag" >&2
		missing=$((missing + 1))
	fi
done <"$tmp/msgs"
[ "$missing" -eq 0 ] || fail "$missing of $n message fragments are not in DIAGNOSTICS"
echo "ok: all $n message fragments are in the manuals' DIAGNOSTICS"
exit 0

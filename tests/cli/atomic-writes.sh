#!/bin/sh
# Files the tools write (profiles, CTI3, overlays, swatches, plots,
# calendars) are written atomically: on a full disk (writes of the
# temporary fail with ENOSPC) and when the process is killed between
# writing and renaming (SIGTERM at fsync), the previous file is intact,
# no temporary is left, and a full disk is exit 2 naming the file.
# Faults come from an LD_PRELOAD shim, tests/tools/faults.c.  SIGKILL
# leaves nothing where the file system has unnamed temporaries; new
# files follow the umask, overwritten ones keep their mode, and a name
# too long for a NAME.tmp.XXXXXX beside it is written all the same.
. "$SMP_SRCDIR/tests/cli/common.sh"
CC=${CC:-cc}
command -v "$CC" >/dev/null 2>&1 || skip "no C compiler for the fault shim"
"$CC" -shared -fPIC -o "$tmp/faults.so" "$SMP_SRCDIR/tests/tools/faults.c" \
    -ldl 2>"$tmp/cc.log" || skip "cannot build the fault shim: $(cat "$tmp/cc.log")"
# ASan wants its runtime first; the shim only wraps write and fsync.
ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0"
export ASAN_OPTIONS
mkdir "$tmp/out"
chart_photo "$tmp/c.png"
P="--pigment smp-neutral-black --skin 60,10,15 --start 2026-01-01"
# name command...: the command writes $tmp/out/name
writers() {
	"$@" icc "$CAL" $CHEAP_MODEL -o "$tmp/out/x.icc" "$tmp/c.png"
	"$@" ti3 "$CAL" $CHEAP_MODEL -o "$tmp/out/y.icc" --ti3 "$tmp/out/x.ti3" \
	    "$tmp/c.png"
	"$@" overlay "$CAL" $CHEAP_MODEL -o "$tmp/out/z.icc" \
	    --overlay "$tmp/out/x.png" "$tmp/c.png"
	"$@" swatch-png "$MATCH" --skin 60,10,15 --swatch "$tmp/out/s.png"
	"$@" swatch-svg "$MATCH" --skin 60,10,15 --swatch "$tmp/out/s.svg"
	"$@" plot "$FADE" $P --plot "$tmp/out/f.svg"
	"$@" ics "$FADE" $P --ics "$tmp/out/f.ics"
}
target() {	# the file a writer writes
	case $1 in
	icc) echo x.icc ;; ti3) echo x.ti3 ;; overlay) echo x.png ;;
	swatch-png) echo s.png ;; swatch-svg) echo s.svg ;; plot) echo f.svg ;;
	ics) echo f.ics ;;
	esac
}
no_temporaries() {
	ls "$tmp/out" | grep -q '\.tmp\.' && fail "$1: temporary left: $(ls "$tmp/out")"
	return 0
}
# Each writer first works without faults.
works() {
	name=$1
	shift
	"$@" >/dev/null 2>"$tmp/e" || fail "$name: $(cat "$tmp/e")"
	[ -s "$tmp/out/$(target "$name")" ] || fail "$name: nothing written"
}
writers works
# faulted: with SMP_FAULT=$fault, the old file stays and no temporary is
# left; a full disk is exit 2 naming the file, SIGTERM at fsync kills.
faulted() {
	name=$1
	shift
	f="$tmp/out/$(target "$name")"
	echo old >"$f"
	SMP_FAULT=$fault LD_PRELOAD="$tmp/faults.so" "$@" >/dev/null 2>"$tmp/e"
	rc=$?
	if [ "$fault" = enospc ]; then
		[ $rc -eq 2 ] || fail "$name on a full disk: exit $rc"
		grep -q "$(basename "$f")" "$tmp/e" ||
		    fail "$name: message: $(cat "$tmp/e")"
	else
		[ $rc -ne 0 ] || fail "$name: survived SIGTERM at fsync"
	fi
	[ "$(cat "$f")" = old ] || fail "$name: old file replaced"
	no_temporaries "$name"
	echo "ok: $name, $fault (exit $rc): old file kept, no temporary"
}
fault=enospc
writers faulted
fault=kill
writers faulted
# SIGKILL cannot be caught: the temporary has no name until it is
# complete (O_TMPFILE), so none is left where the file system has them.
if python3 -c 'import os, sys
os.close(os.open(sys.argv[1], os.O_TMPFILE | os.O_WRONLY, 0o600))' "$tmp/out" 2>/dev/null; then
	fault=sigkill
	writers faulted
else
	echo "note: no O_TMPFILE on this file system; SIGKILL not tried"
fi

# Modes: a new file gets 0666 less the umask, an overwritten one keeps
# its own; a name of 250 bytes (no room for NAME.tmp.XXXXXX) is written.
mode() { stat -c %a "$1"; }
rm -f "$tmp/out/f.ics"
(umask 027; "$FADE" $P --ics "$tmp/out/f.ics" >/dev/null) || fail "ics"
[ "$(mode "$tmp/out/f.ics")" = 640 ] || fail "umask 027 gave $(mode "$tmp/out/f.ics")"
chmod 604 "$tmp/out/f.ics"
(umask 077; "$FADE" $P --ics "$tmp/out/f.ics" >/dev/null) || fail "ics"
[ "$(mode "$tmp/out/f.ics")" = 604 ] || fail "overwrite gave $(mode "$tmp/out/f.ics")"
long=$(awk 'BEGIN { for (i = 0; i < 246; i++) printf "n"; print ".ics" }')
"$FADE" $P --ics "$tmp/out/$long" >/dev/null 2>"$tmp/e" || fail "a 250-byte name: $(cat "$tmp/e")"
[ -s "$tmp/out/$long" ] || fail "the 250-byte name not written"
no_temporaries "long name"
echo "ok: new files follow the umask, overwritten ones keep their mode, 250-byte names work"

# Several outputs, a later one failing (smp(7) FILES): the ones complete
# before it are in place, the failing one and those after it keep their
# old contents, no temporary is left, exit 2 naming the failing file.
for f in m.png m.ti3 m.icc; do echo old >"$tmp/out/$f"; done
SMP_FAULT=enospc-after LD_PRELOAD="$tmp/faults.so" "$CAL" $CHEAP_MODEL \
    -o "$tmp/out/m.icc" --ti3 "$tmp/out/m.ti3" --overlay "$tmp/out/m.png" \
    "$tmp/c.png" >/dev/null 2>"$tmp/e"
rc=$?
[ $rc -eq 2 ] || fail "several outputs, the second failing: exit $rc"
grep -q "m.ti3" "$tmp/e" || fail "the failing output not named: $(cat "$tmp/e")"
echo old >"$tmp/old"
cmp -s "$tmp/out/m.png" "$tmp/old" && fail "the overlay, complete first, was not written"
[ "$(cat "$tmp/out/m.ti3")" = old ] || fail "the failing CTI3 was replaced"
[ "$(cat "$tmp/out/m.icc")" = old ] || fail "the profile after the failure was written"
no_temporaries "several outputs"
echo "ok: several outputs, the second failing: the first written, the rest kept, exit 2"

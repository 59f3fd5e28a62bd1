#!/bin/sh
# The layers, read from the built objects (tests/tools/layers.py): libsmp
# never prints to stdout or stderr and never exits; it never calls the
# CLI layer; no two modules of src/ depend on each other.  And every name
# libsmp exports carries its file's name (tests/tools/names.py).
. "$SMP_SRCDIR/tests/cli/common.sh"
need_cmd python3
NM=${NM:-nm}
need_cmd "$NM"
b=$SMP_BUILDDIR
python3 "$SMP_SRCDIR/tests/tools/layers.py" "$NM" "$b/src/lib/libsmp.a" \
    "$b/src/cli/libsmpcli.a" "$b"/src/smp-*.o || fail "layering"
python3 "$SMP_SRCDIR/tests/tools/names.py" "$NM" "$b/src/lib/libsmp.a" ||
    fail "exported names"
# The checks themselves can fail: an object that prints and a cycle are seen.
cat >"$tmp/p.c" <<'C'
#include <stdio.h>
void p(void) { fputs("x", stderr); }
C
cat >"$tmp/a.c" <<'C'
void b(void); void a(void) { b(); }
C
cat >"$tmp/b.c" <<'C'
void a(void); void b(void) { a(); }
C
cc -c -o "$tmp/p.o" "$tmp/p.c" && cc -c -o "$tmp/a.o" "$tmp/a.c" &&
    cc -c -o "$tmp/b.o" "$tmp/b.c" || skip "no C compiler"
ar rc "$tmp/l.a" "$tmp/p.o" "$tmp/a.o" "$tmp/b.o"
python3 "$SMP_SRCDIR/tests/tools/layers.py" "$NM" "$tmp/l.a" \
    "$b/src/cli/libsmpcli.a" >"$tmp/out" && fail "a printing library passed"
grep -q 'p.o prints or exits: stderr' "$tmp/out" || fail "stderr not seen"
grep -q 'cycle: lib/a.o <-> lib/b.o' "$tmp/out" || fail "cycle not seen"
python3 "$SMP_SRCDIR/tests/tools/names.py" "$NM" "$tmp/l.a" >"$tmp/out" &&
    fail "names a(), b(), p() in a.o, b.o, p.o passed"
grep -q '^p.o: p$' "$tmp/out" || fail "a misnamed function not seen"
echo "ok: libsmp neither prints nor exits nor calls the CLI; no cycles;" \
    "its names carry their files' names"
exit 0

#!/bin/sh
# Hardening II: a progressive JPEG with 883 valid scans is refused before
# it is decoded; a profile whose colours no camera can see (negative
# primaries, written by tests/tools/matrix-icc.py) is an error naming the
# profile while the batch goes on; text readers stop at their line limit
# (/dev/zero, a 3 MB line, a 5000-byte name in --files-from); no output
# replaces an input, a device or FIFO, or another output; a CGATS
# reference with 25,000 keyword lines is refused before lcms2 parses it;
# workers share one memory budget.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_cmd python3
T="$SMP_SRCDIR/tests/tools"
python3 "$T/jpeg-scans.py" 1024 1024 1 "$tmp/scans.jpg" || fail "jpeg-scans.py"
djpeg "$tmp/scans.jpg" >/dev/null 2>&1 || fail "the scan bomb is not a valid JPEG"
for tool in "$SAMPLE -r rect:0,0,16,16" "$CAL -o $tmp/x.icc" "$MATCH"; do
	$tool "$tmp/scans.jpg" >/dev/null 2>"$tmp/e" && fail "$tool: accepted"
	[ $? -eq 2 ] || fail "$tool: exit status"
	grep -q "scans.jpg: more than 100 progressive scans (a decompression bomb)" \
	    "$tmp/e" || fail "$tool: $(cat "$tmp/e")"
done
[ ! -e "$tmp/x.icc" ] || fail "a profile was written"
echo "ok: 883 progressive scans refused by every tool"

python3 "$T/matrix-icc.py" "$tmp/neg.icc" 2.2 -3 -2 -1 0.3 0.7 0.1 0.15 0.06 0.7 ||
    fail "matrix-icc.py"
printf 'bg 60 10 15\n' | "$SMP_BUILDDIR/tests/tools/render-img" 32 32 "$tmp/a.png"
cp "$tmp/a.png" "$tmp/b.png"
"$SAMPLE" -H -p "$tmp/neg.icc" "$tmp/a.png" "$tmp/b.png" >"$tmp/o" 2>"$tmp/e" &&
    fail "negative primaries accepted"
[ "$(grep -c "neg.icc gives colours no camera can see" "$tmp/e")" -eq 2 ] ||
    fail "not named for both images: $(cat "$tmp/e")"
grep -q 'a.png: region all: .*neg.icc' "$tmp/e" || fail "image not named"
[ ! -s "$tmp/o" ] || fail "a row was printed"
"$MATCH" -p "$tmp/neg.icc" "$tmp/a.png" >/dev/null 2>"$tmp/e" && fail "smp-match accepted it"
grep -q "gives colours no camera can see" "$tmp/e" || fail "smp-match: $(cat "$tmp/e")"
echo "ok: a profile no camera has is refused, naming it, image by image"
# A profile lcms2 opens but cannot convert from (a white point and no
# colorants or curves): the message names the profile and lcms2's reason.
python3 - "$tmp/bare.icc" <<'PY' || fail "bare.icc"
import struct, sys
def s15(x): return struct.pack('>i', int(round(x * 65536)))
d50 = s15(0.9642) + s15(1.0) + s15(0.8249)
wtpt = b'XYZ ' + b'\0' * 4 + d50
table = struct.pack('>I', 1) + b'wtpt' + struct.pack('>II', 144, len(wtpt))
size = 128 + len(table) + len(wtpt)
hdr = (struct.pack('>I', size) + b'none' + bytes([2, 0x10, 0, 0]) + b'mntr'
       + b'RGB XYZ ' + b'\0' * 12 + b'acsp' + b'\0' * 24 + d50 + b'\0' * 52)
open(sys.argv[1], 'wb').write(hdr + table + wtpt)
PY
"$SAMPLE" -p "$tmp/bare.icc" "$tmp/a.png" >/dev/null 2>"$tmp/e" && fail "a bare profile accepted"
grep -q "a.png: profile $tmp/bare.icc: cannot build a colour transform from it (lcms2: " \
    "$tmp/e" || fail "bare profile: $(cat "$tmp/e")"
echo "ok: a profile lcms2 cannot convert from is named with lcms2's reason"

"$MATCH" /dev/zero >/dev/null 2>"$tmp/e" && fail "/dev/zero accepted"
grep -q "/dev/zero:1: NUL byte in a text line" "$tmp/e" || fail "$(cat "$tmp/e")"
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" }' >"$tmp/long"
for tool in "$MATCH" "$FADE --pigment smp-neutral-black --fit" "$MATCH -c"; do
	case "$tool" in *-c) args="--skin 60,10,15" ;; *) args= ;; esac
	$tool "$tmp/long" $args >/dev/null 2>"$tmp/e" && fail "$tool: a 3 MB line accepted"
	grep -q "long:1: line 1 longer than 1048576 bytes" "$tmp/e" ||
	    fail "$tool: $(cat "$tmp/e")"
done
{ echo "$tmp/a.png"; awk 'BEGIN { for (i = 0; i < 5000; i++) printf "y"; print "" }'; } >"$tmp/list"
"$SAMPLE" --files-from "$tmp/list" >/dev/null 2>"$tmp/e" && fail "a 5000-byte name accepted"
grep -q "list: line 2 longer than 4096 bytes" "$tmp/e" || fail "$(cat "$tmp/e")"
[ "$(wc -c <"$tmp/e")" -lt 300 ] || fail "the name is echoed whole"
awk 'BEGIN { print "CGATS.17"; for (i = 0; i < 25000; i++) print "KEYWORD \"K" i "\"" }' >"$tmp/kw.cie"
"$CAL" --reference "$tmp/kw.cie" -o "$tmp/x.icc" "$tmp/a.png" >/dev/null 2>"$tmp/e" &&
    fail "25,000 keyword lines accepted"
grep -q "kw.cie:1001: more than 1000 keyword lines: not a chart reference" "$tmp/e" ||
    fail "$(cat "$tmp/e")"
: >"$tmp/empty.cie"
"$CAL" --reference "$tmp/empty.cie" -o "$tmp/x.icc" "$tmp/a.png" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "an empty reference: exit status"
grep -q "empty.cie: empty file: not a CGATS file" "$tmp/e" || fail "$(cat "$tmp/e")"
echo "ok: lines are judged at their limit, not read whole"

sum=$(cksum <"$tmp/a.png")
for cmd in "$CAL -o $tmp/a.png $tmp/a.png" "$CAL -o $tmp/x.icc --overlay $tmp/a.png $tmp/a.png" \
    "$MATCH --swatch $tmp/a.png $tmp/a.png"; do
	$cmd >/dev/null 2>"$tmp/e" && fail "$cmd: accepted"
	grep -q "a.png: is the input .*a.png; refusing to overwrite it" "$tmp/e" ||
	    fail "$cmd: $(cat "$tmp/e")"
	[ "$(cksum <"$tmp/a.png")" = "$sum" ] || fail "$cmd: the input changed"
done
printf 'L\ta\tb\n60\t10\t15\n' >"$tmp/r.svg"
"$FADE" --pigment smp-neutral-black --plot "$tmp/r.svg" "$tmp/r.svg" >/dev/null 2>"$tmp/e" &&
    fail "smp-fade: --plot over its input accepted"
grep -q "r.svg: is the input .*r.svg; refusing to overwrite it" "$tmp/e" || fail "$(cat "$tmp/e")"
mkfifo "$tmp/fifo"
"$CAL" -o "$tmp/fifo" "$tmp/a.png" >/dev/null 2>"$tmp/e" && fail "a FIFO replaced"
grep -q "fifo: exists and is not a regular file; refusing to replace it" "$tmp/e" ||
    fail "$(cat "$tmp/e")"
[ -p "$tmp/fifo" ] || fail "the FIFO is gone"
"$CAL" -o "$tmp/same.png" --overlay "$tmp/same.png" "$tmp/a.png" >/dev/null 2>"$tmp/e" &&
    fail "two outputs on one path accepted"
grep -q "same.png: given for two outputs" "$tmp/e" || fail "$(cat "$tmp/e")"
echo "ok: no output replaces an input, a FIFO or another output"

nl='
'
esc=$(printf '\033')
cp "$tmp/a.png" "$tmp/x${nl}smp-sample: forged${esc}]0;t.png"
"$SAMPLE" -r rect:0,0,99,99 "$tmp/x${nl}smp-sample: forged${esc}]0;t.png" \
    >/dev/null 2>"$tmp/e" && fail "an outside region accepted"
[ "$(wc -l <"$tmp/e")" -eq 1 ] || fail "a name forged a line: $(cat "$tmp/e")"
grep -q 'x\\nsmp-sample: forged\\x1b\]0;t.png' "$tmp/e" || fail "not escaped: $(cat "$tmp/e")"
echo "ok: control characters in names are escaped in messages"
# --json with a name that is not UTF-8 (Latin-1 "é", a lone 0xff):
# every line parses, and surrogateescape gives the bytes back.
bad=$(printf 'caf\351\377.png')
cp "$tmp/a.png" "$tmp/$bad"
"$SAMPLE" --json "$tmp/$bad" >"$tmp/j" || fail "--json on a Latin-1 name"
python3 - "$tmp/j" "$tmp/$bad" <<'PY' || fail "--json: not JSON, or the name lost"
import json, os, sys
want = os.fsencode(sys.argv[2])
for line in open(sys.argv[1], 'rb'):
    o = json.loads(line.decode('utf-8'))
    assert o['file'].encode('utf-8', 'surrogateescape') == want, o['file']
PY
echo "ok: --json escapes names that are not UTF-8, recoverably"

# One memory budget for all workers: four greyscale progressive
# 6000x6000 JPEGs (71 MiB of coefficients each) at -j 4 under a 160 MiB
# budget decode two at a time, all read; a colour 9000x9000 one (232 MiB)
# is refused at the default budget.  Peaks measured natively only.
need_cmd cjpeg
pnm() {	# pnm P5|P6 W H: a flat image, streamed
	python3 -c 'import sys
t, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
o = sys.stdout.buffer
o.write(b"%s %d %d 255\n" % (t.encode(), w, h))
row = b"x" * (w * (3 if t == "P6" else 1))
for y in range(h):
    o.write(row)' "$@"
}
pnm P6 9000 9000 | cjpeg -progressive >"$tmp/big.jpg" || fail "cjpeg"
"$SAMPLE" -r rect:0,0,16,16 "$tmp/big.jpg" >/dev/null 2>"$tmp/e" &&
    fail "a 232 MiB progressive JPEG accepted at the default budget"
grep -q "big.jpg: progressive JPEG needs 232 MiB to decode, above the limit of 224 MiB (--max-memory)" \
    "$tmp/e" || fail "$(cat "$tmp/e")"
if [ -z "${SMP_VALGRIND:-}" ]; then
	pnm P5 6000 6000 | cjpeg -progressive -grayscale >"$tmp/g1.jpg" || fail "cjpeg"
	for i in 2 3 4; do cp "$tmp/g1.jpg" "$tmp/g$i.jpg"; done
	peak="$tmp/peak"
	if [ -z "${SMP_NO_ULIMIT:-}" ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
		set -- /usr/bin/time -f %M -o "$peak"
	else
		set --
	fi
	"$@" "$SAMPLE" -H -j 4 --max-memory 160M -r rect:0,0,16,16 "$tmp"/g[1-4].jpg \
	    >"$tmp/o" 2>"$tmp/e" || fail "-j 4 under the budget: $(cat "$tmp/e")"
	[ "$(wc -l <"$tmp/o")" -eq 4 ] || fail "-j 4: $(wc -l <"$tmp/o") rows"
	if [ $# -gt 0 ]; then
		kb=$(tail -1 "$peak")
		# Two images' 71 MiB at a time, never three or four.
		[ "$kb" -lt 175000 ] || fail "-j 4 peaked at $kb KiB under a 160 MiB budget"
		echo "ok: -j 4 on four 71 MiB progressive JPEGs peaked at $kb KiB (budget 160 MiB)"
	fi
fi
echo "ok: one memory budget across the workers"
exit 0

#!/bin/sh
# Decompression bombs are refused before allocation, under bounded memory.
. "$SMP_SRCDIR/tests/cli/common.sh"
need_cmd python3
# A PNG header claiming 65536 x 65536 RGB, with a tiny IDAT.
python3 - "$tmp/bomb.png" <<'PY'
import struct, sys, zlib
def chunk(k, d):
    return struct.pack('>I', len(d)) + k + d + struct.pack('>I', zlib.crc32(k + d))
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 65536, 65536, 8, 2, 0, 0, 0))
png += chunk(b'IDAT', zlib.compress(b'\0' * 1000)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
PY
(limit_vm 262144; "$SAMPLE" "$tmp/bomb.png") >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "PNG bomb not refused"
grep -q "65536x65536 (4295.0 Mpx), above the limit of 100.0 Mpx (--max-pixels)" "$tmp/e" ||
    fail "bomb message: $(cat "$tmp/e")"
# Raising --max-pixels moves the refusal to the region's size (a
# region's colours are counted in 32 bits).
(limit_vm 262144; "$SAMPLE" --max-pixels 5G "$tmp/bomb.png") >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "PNG bomb with --max-pixels not refused"
grep -q "bomb.png: region all has more than 4294967295 pixels" "$tmp/e" ||
    fail "region size message: $(cat "$tmp/e")"
# A small region of the same header needs little memory, and then fails
# on the missing data, not on allocation.
(limit_vm 262144; "$SAMPLE" --max-pixels 5G -r rect:0,0,16,16 "$tmp/bomb.png") >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "short IDAT accepted"
grep -q "above the limit" "$tmp/e" && fail "region read refused by a limit"
# The shared 280-megapixel JPEG.
if [ -n "${SMP_SHARED:-}" ] && [ -f "$SMP_SHARED/jpeg/sharp/giant-image.jpg" ]; then
	(limit_vm 262144; "$SAMPLE" "$SMP_SHARED/jpeg/sharp/giant-image.jpg") >/dev/null 2>"$tmp/e"
	[ $? -eq 2 ] || fail "giant JPEG accepted"
	grep -q "20000x14000 (280.0 Mpx)" "$tmp/e" || fail "giant message"
	# With the pixel limit raised, a 64x64 region decodes in bounded memory.
	(limit_vm 262144; "$SAMPLE" --max-pixels 300M -r rect:10000,7000,64,64 \
	    "$SMP_SHARED/jpeg/sharp/giant-image.jpg") >"$tmp/o" 2>"$tmp/e" ||
	    fail "giant JPEG region: $(cat "$tmp/e")"
fi
# --max-memory applies to the region store: up front for the tables the
# regions start with (32 bytes for a tile of one pixel: 2.7 MiB for
# 90000 of them), and as a
# region's table grows (a 256x256 PNG of 65536 colours holds 2 MiB).
python3 - "$tmp/c.png" <<'PY'
import struct, sys, zlib
def chunk(k, d):
    return struct.pack('>I', len(d)) + k + d + struct.pack('>I', zlib.crc32(k + d))
rows = b''.join(b'\0' + bytes(v for x in range(256) for v in (x, y, 77))
    for y in range(256))
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 256, 256, 8, 2, 0, 0, 0))
png += chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
PY
"$SAMPLE" --max-memory 1M "$tmp/c.png" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "--max-memory ignored by the colours"
grep -q "c.png: its regions' colours need more than the limit of 1 MiB (--max-memory)" \
    "$tmp/e" || fail "colour memory message: $(cat "$tmp/e")"
"$SAMPLE" --max-memory 4M "$tmp/c.png" >/dev/null || fail "4M should do"
echo "bg 50 0 0" | "$RENDER" 300 300 "$tmp/m.png"
"$SAMPLE" --max-memory 2M "$tmp/m.png" >/dev/null || fail "2M should do"
"$SAMPLE" --max-memory 2M -r grid:300x300 "$tmp/m.png" >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] || fail "--max-memory ignored by 90000 tiles"
grep -q "m.png: the regions need 3 MiB, above the limit of 2 MiB" "$tmp/e" || fail "region memory message: $(cat "$tmp/e")"
exit 0

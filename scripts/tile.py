#!/usr/bin/env python3
"""tile.py IN.ppm NX NY OUT.ppm [OUT16.png]: tile a binary PPM NX by NY
(for scripts/bench-sample.sh); with OUT16.png also a 16-bit RGB PNG of
the same pixels (v * 257).  Standard library only."""
import struct
import sys
import zlib


def read_ppm(path):
    with open(path, 'rb') as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b'#':
            pos = data.index(b'\n', pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b'P6' or fields[3] != b'255':
        sys.exit('tile.py: %s: not an 8-bit P6 PPM' % path)
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1:pos + 1 + w * h * 3]


def png_chunk(kind, body):
    c = kind + body
    return struct.pack('>I', len(body)) + c + struct.pack('>I', zlib.crc32(c))


def main():
    src, nx, ny, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    w, h, px = read_ppm(src)
    rows = [px[y * w * 3:(y + 1) * w * 3] * nx for y in range(h)]
    with open(out, 'wb') as f:
        f.write(b'P6\n%d %d\n255\n' % (w * nx, h * ny))
        for _ in range(ny):
            f.writelines(rows)
    if len(sys.argv) > 5:
        z = zlib.compressobj(1)
        parts = []
        for _ in range(ny):
            for r in rows:
                wide = bytearray(len(r) * 2)
                wide[0::2] = r
                wide[1::2] = r
                parts.append(z.compress(b'\0' + bytes(wide)))
        parts.append(z.flush())
        with open(sys.argv[5], 'wb') as f:
            f.write(b'\x89PNG\r\n\x1a\n')
            f.write(png_chunk(b'IHDR', struct.pack('>IIBBBBB', w * nx,
                                                   h * ny, 16, 2, 0, 0, 0)))
            f.write(png_chunk(b'sRGB', b'\0'))
            f.write(png_chunk(b'IDAT', b''.join(parts)))
            f.write(png_chunk(b'IEND', b''))


main()

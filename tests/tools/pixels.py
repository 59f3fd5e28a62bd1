#!/usr/bin/env python3
"""pixels.py: print the pixels of a rectangle as "c1 c2 c3 ..." lines on the
0..255 scale (16-bit samples divided by 257), for feeding lcms2's transicc.

Reads binary PPM/PGM (as djpeg writes) and non-interlaced PNG with its own
decoder (zlib + PNG filters), so the test oracle does not go through libsmp.

usage: pixels.py FILE X Y W H
"""
import struct
import sys
import zlib


def read_pnm(data):
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
    pos += 1
    magic, w, h, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    ch = 3 if magic == b'P6' else 1
    depth = 2 if maxval > 255 else 1
    return w, h, ch, depth, data[pos:]


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_png(data):
    pos, idat = 8, b''
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    if interlace or depth < 8 or ctype == 3:
        sys.exit('pixels.py: only non-interlaced 8/16-bit grey/RGB(A) PNG')
    ch = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
    bpp = ch * depth // 8
    stride = w * bpp
    raw = zlib.decompress(idat)
    out, prev = bytearray(), bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + (0, a, b, (a + b) // 2, paeth(a, b, c))[f]) & 255
        out += line
        prev = line
    return w, h, ch, depth // 8, bytes(out)


def main():
    path, x, y, w, h = sys.argv[1], *map(int, sys.argv[2:6])
    data = open(path, 'rb').read()
    if data[:8] == b'\x89PNG\r\n\x1a\n':
        iw, ih, ch, bps, px = read_png(data)
    else:
        iw, ih, ch, bps, px = read_pnm(data)
    colour = 3 if ch >= 3 else 1
    for yy in range(y, y + h):
        for xx in range(x, x + w):
            off = ((yy * iw) + xx) * ch * bps
            vals = []
            for k in range(colour):
                o = off + k * bps
                v = px[o] if bps == 1 else (px[o] << 8 | px[o + 1]) / 257.0
                vals.append('%.4f' % v)
            print(' '.join(vals))


main()

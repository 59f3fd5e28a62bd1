#!/usr/bin/env python3
"""jpeg-scans.py W H NCOMP OUT.jpg: a valid progressive JPEG of a flat
grey with 1 + 882 * NCOMP scans (a DC scan, then for every component and
every AC coefficient a first scan at Al 13 and 13 refinement scans), the
scan bomb of a decoder that does not bound its scans.  Written from the
JPEG standard (ITU-T T.81, G.1.2); shares no code with libsmp."""
import struct
import sys


class Bits:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.n = 0

    def put(self, code, length):
        for i in range(length - 1, -1, -1):
            self.acc = (self.acc << 1) | ((code >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0)
                self.acc = self.n = 0

    def flush(self):
        while self.n:
            self.put(1, 1)
        return bytes(self.out)


def segment(marker, body):
    return struct.pack(">BBH", 0xFF, marker, len(body) + 2) + body


def dht(cls, ident, lengths, symbols):
    bits = bytes(lengths[i] for i in range(16))
    return segment(0xC4, bytes([cls << 4 | ident]) + bits + bytes(symbols))


def sos(comps, ss, se, ah, al):
    body = bytes([len(comps)])
    for c in comps:
        body += bytes([c + 1, 0x00])
    return segment(0xDA, body + bytes([ss, se, ah << 4 | al]))


def eob_runs(bits, blocks):
    # AC table: '0' is EOB14 (symbol 0xE0, 14 extra bits: runs of
    # 16384..32767 blocks), '10' is EOB0 (a run of one block).
    bits.put(0, 1)
    bits.put(blocks - 16384, 14)


def main():
    w, h, nc, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    bw, bh = (w + 7) // 8, (h + 7) // 8
    blocks = bw * bh
    data = bytearray(b"\xFF\xD8")
    data += segment(0xDB, bytes([0]) + bytes([1] * 64))
    sof = struct.pack(">BHHB", 8, h, w, nc)
    for c in range(nc):
        sof += bytes([c + 1, 0x11, 0])
    data += segment(0xC2, sof)
    data += dht(0, 0, [1] + [0] * 15, [0x00])           # DC: '0' = diff 0
    data += dht(1, 0, [1, 1] + [0] * 14, [0xE0, 0x00])  # AC: EOB14, EOB0
    # DC first scan, interleaved: every block's difference is 0.
    data += sos(range(nc), 0, 0, 0, 0)
    b = Bits()
    for _ in range(blocks * nc):
        b.put(0, 1)
    data += b.flush()
    for c in range(nc):
        for k in range(1, 64):
            for ah, al in [(0, 13)] + [(a, a - 1) for a in range(13, 0, -1)]:
                data += sos([c], k, k, ah, al)
                b = Bits()
                left = blocks
                while left >= 16384:
                    eob_runs(b, 16384)
                    left -= 16384
                for _ in range(left):
                    b.put(2, 2)
                data += b.flush()
    data += b"\xFF\xD9"
    with open(out, "wb") as f:
        f.write(data)


main()

#!/usr/bin/env python3
"""Draws Outpost's app icons (a white flag on a teal tile) as PNGs with the standard
library only, so no image tool is needed. Run: python3 scripts/make-icons.py"""
import pathlib
import struct
import zlib

TEAL = (15, 92, 77)
WHITE = (255, 255, 255)
OUT = pathlib.Path(__file__).resolve().parent.parent / "public" / "icons"


def png(path, size, pixels):
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    path.write_bytes(data)


def inside_rounded(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def flag(u, v):
    """The mark in unit coordinates (0..1): a pole and a pennant, like a field outpost."""
    pole = 0.30 <= u <= 0.36 and 0.18 <= v <= 0.84
    base = 0.22 <= u <= 0.46 and 0.80 <= v <= 0.86
    # A pennant from the pole's top, narrowing to a point on the right.
    t = (u - 0.36) / 0.42
    pennant = 0 <= t <= 1 and 0.20 + 0.13 * t <= v <= 0.52 - 0.13 * t
    return pole or base or pennant


def draw(size, maskable):
    # Maskable icons keep the mark inside the central 80 % safe zone and fill the tile.
    radius = 0 if maskable else size * 0.2
    scale = 0.62 if maskable else 0.8
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            if not inside_rounded(x + 0.5, y + 0.5, size, radius):
                row.append((0, 0, 0, 0))
                continue
            u = ((x + 0.5) / size - 0.5) / scale + 0.5
            v = ((y + 0.5) / size - 0.5) / scale + 0.5
            row.append(WHITE + (255,) if flag(u, v) else TEAL + (255,))
        rows.append(row)
    return rows


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    png(OUT / "icon-192.png", 192, draw(192, False))
    png(OUT / "icon-512.png", 512, draw(512, False))
    png(OUT / "icon-maskable-512.png", 512, draw(512, True))
    print("icons written to", OUT)

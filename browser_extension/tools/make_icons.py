"""Draws the extension's toolbar icons (a page with a magnifying glass) as PNGs, standard library only.

Run: python3 browser_extension/tools/make_icons.py  (writes browser_extension/src/icons/icon-*.png)
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "icons"
SIZES = (16, 32, 48, 128)
SUPERSAMPLE = 4
BACKGROUND = (23, 78, 112)  # deep blue
PAGE = (255, 255, 255)
LINES = (160, 180, 195)
LENS = (242, 153, 0)  # amber


def _colour_at(x: float, y: float) -> tuple[int, int, int, int] | None:
    """The colour at (x, y) in a 1x1 design space, or None for transparent."""
    # rounded square background
    r = 0.18
    cx, cy = min(max(x, r), 1 - r), min(max(y, r), 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return None
    colour = (*BACKGROUND, 255)
    # the page with text lines
    if 0.2 <= x <= 0.62 and 0.16 <= y <= 0.78:
        colour = (*PAGE, 255)
        for top in (0.27, 0.38, 0.49, 0.6):
            if 0.27 <= x <= 0.55 and top <= y <= top + 0.045:
                colour = (*LINES, 255)
    # magnifying glass: ring and handle
    gx, gy, outer, inner = 0.62, 0.6, 0.2, 0.13
    d = math.hypot(x - gx, y - gy)
    if inner <= d <= outer:
        colour = (*LENS, 255)
    # handle along the diagonal from the ring to the lower right corner
    t = ((x - gx) + (y - gy)) / 2
    off = abs((x - gx) - (y - gy)) / math.sqrt(2)
    if outer * 0.9 / math.sqrt(2) <= t <= 0.3 and off <= 0.055:
        colour = (*LENS, 255)
    return colour


def render(size: int) -> bytes:
    rows = []
    n = SUPERSAMPLE
    for py in range(size):
        row = bytearray([0])  # filter type: none
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    c = _colour_at((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)
                    if c is not None:
                        for i in range(3):
                            acc[i] += c[i] * c[3]
                        acc[3] += c[3]
            alpha = acc[3] / (n * n)
            rgb = [round(acc[i] / acc[3]) if acc[3] else 0 for i in range(3)]
            row += bytes([*rgb, round(alpha)])
        rows.append(bytes(row))
    return _png(size, size, b"".join(rows))


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        (OUT / f"icon-{size}.png").write_bytes(render(size))


if __name__ == "__main__":
    main()

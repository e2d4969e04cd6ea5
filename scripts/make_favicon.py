"""Write webapp/static/favicon.ico (a 32x32 PNG inside an ICO) from the same drawing as favicon.svg:
a magnifying glass over a page, in the site's colours. Run once; the output is committed."""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

SIZE = 32
BLUE, WHITE, CLEAR = (0x1F, 0x4E, 0x79, 255), (255, 255, 255, 255), (0, 0, 0, 0)


def pixel(x: float, y: float) -> tuple[int, int, int, int]:
    cx, cy, r = 13.5, 13.5, 8.0
    d = math.hypot(x - cx, y - cy)
    if r - 2.5 <= d <= r + 0.5:
        return BLUE  # the lens ring
    if d < r - 2.5:
        return WHITE
    # the handle: a thick line from the ring towards the lower right corner
    t = ((x - cx) + (y - cy)) / 2
    off = abs((x - cx) - (y - cy)) / math.sqrt(2)
    if t > r * 0.7 and t < 13.5 and off < 2.2:
        return BLUE
    return CLEAR


def png() -> bytes:
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x + 0.5, y + 0.5)) for x in range(SIZE)) for y in range(SIZE))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def ico(image: bytes) -> bytes:
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 22) + image


if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "webapp/static/favicon.ico"
    out.write_bytes(ico(png()))
    print(f"wrote {out} ({out.stat().st_size} bytes)")

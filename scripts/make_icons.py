"""Draw the add-in's icons as PNG files (plain zlib and struct, no imaging library).

    python scripts/make_icons.py        # writes plugin/taskpane/assets/*.png

The mark: two overlapping rings (two partners) on a page. Ribbon icons (16, 32, 80 px, plus 64
and 128 for the add-in-only manifest an admin deployment generates) show the page on a
transparent ground; the app icon (color.png, 192 px) puts white rings on Word blue; the outline
icon (outline.png, 32 px) is white lines on transparent, as the manifest requires.
"""

from __future__ import annotations

import math
import struct
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "plugin" / "taskpane" / "assets"

Colour = tuple[int, int, int, int]
Shape = Callable[[float, float], bool]

WORD_BLUE: Colour = (43, 87, 154, 255)
TEAL: Colour = (15, 123, 108, 255)
WHITE: Colour = (255, 255, 255, 255)
MINT: Colour = (160, 225, 214, 255)


def rounded_rect(x0: float, y0: float, x1: float, y1: float, r: float) -> Shape:
    def inside(x: float, y: float) -> bool:
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

    return inside


def ring(cx: float, cy: float, radius: float, width: float) -> Shape:
    return lambda x, y: abs(math.hypot(x - cx, y - cy) - radius) <= width / 2


def render(size: int, layers: list[tuple[Shape, Colour]], samples: int = 4) -> bytes:
    """RGBA rows, each shape painted over the ones before, anti-aliased by supersampling."""
    rows = []
    step = 1 / (size * samples)
    for py in range(size):
        row = bytearray([0])  # PNG filter type 0 for this row
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(samples):
                for sx in range(samples):
                    x = (px * samples + sx + 0.5) * step
                    y = (py * samples + sy + 0.5) * step
                    colour: Colour = (0, 0, 0, 0)
                    for shape, paint in layers:
                        if shape(x, y):
                            colour = paint
                    alpha = colour[3] / 255
                    for i in range(3):
                        acc[i] += colour[i] * alpha
                    acc[3] += alpha
            n = samples * samples
            alpha = acc[3] / n
            rgb = [round(acc[i] / acc[3]) if acc[3] else 0 for i in range(3)]
            row += bytes([*rgb, round(alpha * 255)])
        rows.append(bytes(row))
    return b"".join(rows)


def png(size: int, pixels: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels, 9))
        + chunk(b"IEND", b"")
    )


def ribbon_icon() -> list[tuple[Shape, Colour]]:
    return [
        (rounded_rect(0.14, 0.04, 0.86, 0.96, 0.08), WORD_BLUE),
        (rounded_rect(0.21, 0.11, 0.79, 0.89, 0.04), WHITE),
        (ring(0.40, 0.52, 0.17, 0.08), WORD_BLUE),
        (ring(0.60, 0.52, 0.17, 0.08), TEAL),
    ]


def colour_icon() -> list[tuple[Shape, Colour]]:
    return [
        (rounded_rect(0.0, 0.0, 1.0, 1.0, 0.2), WORD_BLUE),
        (ring(0.39, 0.5, 0.2, 0.075), WHITE),
        (ring(0.61, 0.5, 0.2, 0.075), MINT),
    ]


def outline_icon() -> list[tuple[Shape, Colour]]:
    return [
        (ring(0.37, 0.5, 0.25, 0.1), WHITE),
        (ring(0.63, 0.5, 0.25, 0.1), WHITE),
    ]


ICONS = {
    "icon-16.png": (16, ribbon_icon),
    "icon-32.png": (32, ribbon_icon),
    "icon-64.png": (64, ribbon_icon),
    "icon-80.png": (80, ribbon_icon),
    "icon-128.png": (128, ribbon_icon),
    "color.png": (192, colour_icon),
    "outline.png": (32, outline_icon),
}


def main(folder: Path = ASSETS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (size, layers) in ICONS.items():
        (folder / name).write_bytes(png(size, render(size, layers())))
        print(f"{folder / name} ({size}x{size})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ASSETS)

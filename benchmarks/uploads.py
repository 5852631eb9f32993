"""How long a shared file takes to be checked, kept or refused, as a teacher's phone sends it.

    python benchmarks/uploads.py [--runs 5]

``portable.uploads.check_upload`` on what people send: a 12-megapixel phone photo (with its GPS position), a
screenshot, a family letter as PDF; and on what is refused: a 12 MB file, a picture whose header claims
40 billion pixels, a web page named ``.png``. Prints the median of ``--runs`` for each, and its ratio to the
floor: the SHA-256 of the same bytes, the least any server does with a file it keeps.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import os
import struct
import sys
import zlib
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import median_time  # noqa: E402

from bsc_widgets.portable.limits import MB  # noqa: E402
from bsc_widgets.portable.uploads import UploadRefused, check_upload  # noqa: E402


def phone_photo() -> bytes:
    """4000 × 3000 of camera noise over a gradient (noise is what makes real photos large), with a position."""
    base = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
    noise = Image.effect_noise((4000, 3000), 40).convert("RGB")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)}
    out = io.BytesIO()
    Image.blend(base, noise, 0.3).save(out, "JPEG", quality=92, exif=exif.tobytes())
    return out.getvalue()


def screenshot() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1170, 2532), (245, 245, 245)).save(out, "PNG")
    return out.getvalue()


def letter() -> bytes:
    body = b"BT /F1 12 Tf 72 720 Td (Dear families) Tj ET\n" * 2000
    head = b"%PDF-1.4\n1 0 obj << /Length " + str(len(body)).encode() + b" >> stream\n"
    return head + body + b"endstream endobj\n%%EOF\n"


def bomb() -> bytes:
    chunk = lambda kind, body: struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))  # noqa: E731
    header = struct.pack(">IIBBBBB", 200_000, 200_000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b"")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    files = {
        "phone photo, 12 MP (kept)": ("IMG_2041.jpg", phone_photo()),
        "screenshot PNG (kept)": ("screen.png", screenshot()),
        "family letter PDF (kept)": ("letter.pdf", letter()),
        "12 MB file (refused)": ("huge.jpg", b"\xff\xd8\xff\xe0" + os.urandom(12 * MB)),
        "40-gigapixel header (refused)": ("bomb.png", bomb()),
        "web page named .png (refused)": ("page.png", b"<html><script>alert(1)</script></html>" * 100),
    }

    def check(name: str, data: bytes):
        try:
            return check_upload(name, data)
        except UploadRefused as refused:
            return refused

    print(f"{'file':<32}{'size MB':>9}{'check, ms':>11}{'÷ SHA-256':>11}  result")
    for label, (name, data) in files.items():
        took, result = median_time(lambda: check(name, data), args.runs)
        floor, _ = median_time(lambda: hashlib.sha256(data).hexdigest(), args.runs)
        said = (f"kept {len(result.content) / MB:.2f} MB" if not isinstance(result, UploadRefused)
                else "refused: " + result.problems[0].message[:40])
        print(f"{label:<32}{len(data) / MB:>9.2f}{took * 1000:>11.2f}{took / floor:>10.1f}×  {said}", flush=True)


if __name__ == "__main__":
    main()

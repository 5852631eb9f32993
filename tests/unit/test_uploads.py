"""A file a team uploads is taken by what it holds, never by its name: a photo comes out upright, smaller and without
what the camera wrote beside it (GPS above all); HTML, SVG, scripts in PDFs, damaged and oversized files are refused
with one plain sentence each, before the work they would cost."""
import io
import struct
import zlib

import pytest
from PIL import Image

from bsc_widgets.portable import limits
from bsc_widgets.portable.uploads import UploadRefused, check_upload

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def photo(size=(3000, 2000), orientation: int | None = None, gps: bool = True, fmt: str = "JPEG",
          mode: str = "RGB") -> bytes:
    """What a phone's camera writes: the picture, its position and its make beside it."""
    im = Image.new(mode, size, (200, 120, 40, 255)[:len(mode)])
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"                       # the camera's make
    if orientation:
        exif[ORIENTATION] = orientation
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)}
    out = io.BytesIO()
    im.save(out, fmt, exif=exif.tobytes())
    return out.getvalue()


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_a_photo_with_its_position_comes_out_without_it_upright_and_smaller():
    original = photo(orientation=6)          # taken with the phone turned: stored sideways, marked to turn
    assert opened(original).getexif().get_ifd(GPS_IFD), "the test photo carries a position"
    kept = check_upload("IMG_2041.jpg", original)
    im = opened(kept.content)
    assert kept.media_type == "image/jpeg" and im.format == "JPEG"
    assert dict(im.getexif()) == {} and not im.getexif().get_ifd(GPS_IFD)
    assert b"PhoneMaker" not in kept.content and b"Exif" not in kept.content
    assert im.size == (round(limits.UPLOAD_SIDE * 2000 / 3000), limits.UPLOAD_SIDE)   # turned upright, smaller
    small = opened(kept.thumbnail)
    assert max(small.size) == limits.THUMBNAIL_SIDE and dict(small.getexif()) == {}


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "GIF"])
def test_other_photos_are_taken_and_stored_as_jpeg_or_png(fmt):
    kept = check_upload(f"drawing.{fmt.lower()}", photo((400, 300), gps=False, fmt=fmt))
    assert kept.media_type in ("image/jpeg", "image/png") and opened(kept.content).size == (400, 300)


def test_a_picture_with_see_through_parts_stays_a_png():
    kept = check_upload("cut-out.png", photo((200, 100), gps=False, fmt="PNG", mode="RGBA"))
    assert kept.media_type == "image/png" and opened(kept.content).mode == "RGBA"


@pytest.mark.parametrize("name, data", [
    ("schedule.png", b"<html><body><script>alert(document.cookie)</script></body></html>"),
    ("schedule.png", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
    ("letter.pdf", b"MZ\x90\x00 a program, named as a letter"),
    ("notes.jpg", "plain words, named as a photo".encode()),
])
def test_a_file_that_is_not_a_photo_or_pdf_is_refused_whatever_its_name(name, data):
    with pytest.raises(UploadRefused) as refused:
        check_upload(name, data)
    assert refused.value.message == (f"“{name}” was not added: only photos (JPEG, PNG, WebP, GIF) and PDF files can be "
                                  "shared, and this file is neither, whatever its name says.")


def test_an_oversized_file_is_refused_before_it_is_opened():
    with pytest.raises(UploadRefused, match="larger than 10 MB"):
        check_upload("huge.jpg", b"\xff\xd8\xff" + bytes(limits.UPLOAD_BYTES))


def test_a_picture_claiming_more_pixels_than_a_page_needs_is_refused_from_its_header():
    """A few hundred bytes that would decode to 40 GB: the header is read, the pixels never are."""
    header = struct.pack(">IIBBBBB", 200_000, 200_000, 8, 2, 0, 0, 0)
    chunk = lambda kind, body: struct.pack(">I", len(body)) + kind + body + struct.pack(  # noqa: E731
        ">I", zlib.crc32(kind + body))
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + \
        chunk(b"IEND", b"")
    with pytest.raises(UploadRefused, match=r"too large \(over 50 million pixels\)"):
        check_upload("bomb.png", bomb)


@pytest.mark.parametrize("data, why", [
    (b"\xff\xd8\xff\xe0" + b"\0" * 200, "cannot be read"),                       # a JPEG's start, then nothing
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n", "incomplete or damaged"),  # no end
    (b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n", "a script"),
    (b"", "empty"),
])
def test_damaged_files_and_pdfs_that_run_things_are_refused_plainly(data, why):
    with pytest.raises(UploadRefused, match=why):
        check_upload("file", data)


def test_a_plain_pdf_is_kept_as_it_came():
    letter = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
              b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    kept = check_upload("family letter.pdf", letter)
    assert kept.media_type == "application/pdf" and kept.content == letter and kept.thumbnail is None


def test_a_picture_just_past_the_pixel_limit_is_refused_too():
    with pytest.raises(UploadRefused, match=r"too large \(over 50 million pixels\)"):
        check_upload("wide.png", photo((10_000, 5_001), gps=False, fmt="PNG", mode="L"))

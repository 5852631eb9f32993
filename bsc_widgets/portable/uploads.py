"""A file a team uploads to share (a photo of a visual schedule, a family letter, a checklist), checked by what it
holds, never by its name.

Only photos (JPEG, PNG, WebP, GIF) and PDFs. A photo is opened within a pixel limit, turned upright, made no
larger than a page needs, and encoded again: what the camera wrote beside the picture (GPS position, the phone's
make, the time) does not survive. A PDF must look like one from its first bytes to its end marker, and is refused
if it asks to run anything. SVG and HTML are never taken: they can carry script. Each limit is checked before the
work it bounds, so an oversized or hostile file is refused in bounded time.
"""
from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass

from ..base.errors import BscError, Problem
from ..base.language import _
from ..model.files import JPEG, PDF, PNG
from . import limits

_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}         # what Pillow may open: nothing else is tried
_PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA|SubmitForm|ImportData)\b")


class UploadRefused(BscError):
    """A file that is not taken; its one problem says why in plain words."""


@dataclass(frozen=True)
class Upload:
    media_type: str
    content: bytes
    thumbnail: bytes | None     # a small JPEG/PNG for cards (photos only)
    width: int | None = None
    height: int | None = None

    @property
    def sha256(self) -> str:
        return digest(self.content)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def refuse(name: str, why: str) -> UploadRefused:
    return UploadRefused(_("“%(name)s” was not added: %(why)s", name=name, why=why), [Problem(why, file=name)])


def sniff(data: bytes) -> str | None:
    """What the first bytes say the file is (None: nothing we take)."""
    head = data[:16]
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith(b"%PDF-"):
        return PDF
    return None


def check_upload(name: str, data: bytes) -> Upload:
    """The file as it will be stored and shown, or ``UploadRefused`` saying why (nothing is kept of a refused one)."""
    if len(data) > limits.UPLOAD_BYTES:
        raise refuse(name, _("it is larger than %(most)s MB. Take a smaller photo, or save the PDF smaller.",
                             most=limits.UPLOAD_BYTES // limits.MB))
    if not data:
        raise refuse(name, _("the file is empty."))
    kind = sniff(data)
    if kind is None:
        raise refuse(name, _("only photos (JPEG, PNG, WebP, GIF) and PDF files can be shared, and this file is "
                             "neither, whatever its name says."))
    return _pdf(name, data) if kind == PDF else _image(name, data)


def _pdf(name: str, data: bytes) -> Upload:
    if b"%%EOF" not in data[-2048:]:
        raise refuse(name, _("the PDF is incomplete or damaged (it has no end). Save it again and add it again."))
    if _PDF_ACTIVE.search(data):
        raise refuse(name, _("the PDF holds a script, a form that sends data or an attached file. Print it to a new "
                             "PDF (“Save as PDF”) and add that one."))
    return Upload(PDF, data, None)


def _image(name: str, data: bytes) -> Upload:
    from PIL import Image, ImageOps, UnidentifiedImageError

    damaged = _("the photo cannot be read (it is damaged, or not a photo).")
    too_large = _("the picture is too large (over %(most)s million pixels).", most=limits.UPLOAD_PIXELS // 1_000_000)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=sorted(_IMAGE_FORMATS)) as im:
                if im.width * im.height > limits.UPLOAD_PIXELS:
                    raise refuse(name, too_large)
                im.seek(0)                     # a moving GIF: its first picture
                im.load()
                upright = ImageOps.exif_transpose(im)
    except UploadRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):     # Pillow's own guard, from the header
        raise refuse(name, too_large) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise refuse(name, damaged) from None
    alpha = upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info)
    picture = upright.convert("RGBA" if alpha else "RGB")
    media_type = PNG if alpha else JPEG
    picture.thumbnail((limits.UPLOAD_SIDE, limits.UPLOAD_SIDE))
    small = picture.copy()
    small.thumbnail((limits.THUMBNAIL_SIDE, limits.THUMBNAIL_SIDE))
    return Upload(media_type, _encode(picture, media_type), _encode(small, media_type), picture.width, picture.height)


def _encode(picture, media_type: str) -> bytes:
    """The pixels alone: no EXIF, XMP, text chunks or colour profile is written."""
    out = io.BytesIO()
    if media_type == JPEG:
        picture.save(out, "JPEG", quality=85, optimize=True)
    else:
        picture.save(out, "PNG", optimize=True)
    return out.getvalue()

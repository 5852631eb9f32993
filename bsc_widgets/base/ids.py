"""Identifiers (team slugs and the like): validated before they touch a query or a path."""
from __future__ import annotations

import re
import unicodedata

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
SLUG_RULE = "lower-case letters, digits and dashes, 1–64 characters, starting and ending with a letter or digit"


def is_slug(value: object) -> bool:
    return isinstance(value, str) and bool(SLUG_RE.match(value))


def slugify(text: str, max_length: int = 48) -> str:
    """A readable slug from a name: "Niños Felices FCC" -> "ninos-felices-fcc"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "item"


def unique_slug(base: str, taken: set[str]) -> str:
    """``base`` made into a slug, with -2, -3… added until it is not in ``taken``."""
    root = slugify(base, 56)
    candidate, n = root, 1
    while candidate in taken:
        n += 1
        candidate = f"{root}-{n}"
    return candidate

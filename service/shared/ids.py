"""Slugs for deterministic node ids (person:<slug>, place:<slug>), the same in the extractor and the API."""

from __future__ import annotations

import re
import unicodedata


def slug(name: str) -> str:
    """Lowercase ASCII words joined by "-": "Recep Tayyip Erdoğan" -> "recep-tayyip-erdogan"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")

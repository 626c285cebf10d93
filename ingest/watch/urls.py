"""One key per story URL, whatever variant a feed links to, so that a story is fetched once.

`courlan.normalize_url(strict=True)` lower-cases the host, drops the fragment, sorts the query and removes tracking
parameters (utm_*, fbclid, gclid, ref, ...) and AMP query flags (`?amp=1`, `outputType=amp`); on top of that the key
drops what makes AMP and mobile variants of one page: `amp.`, `m.`, `mobile.` and `www.` host prefixes, a `/amp`
path segment at either end, an `.amp` before the extension, the trailing slash and the scheme (http and https name
the same story).
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit, urlunsplit

import courlan

_HOST_PREFIX = re.compile(r"^(?:(?:www|amp|m|mobile)\.)+")
_AMP_PATH = (re.compile(r"/amp/?$"), re.compile(r"^/amp(?=/)"), re.compile(r"\.amp(?=\.html?$|$)"))


def normalise(url: str) -> str:
    """The URL with tracking parameters and the fragment removed (courlan); the URL as given when courlan cannot
    read it."""
    try:
        return courlan.normalize_url(url.strip(), strict=True)
    except (ValueError, AttributeError):
        return url.strip()


def variant_form(url: str) -> str:
    """host/path?query with the variants of one story made equal (see the module's note)."""
    parts = urlsplit(normalise(url))
    host = _HOST_PREFIX.sub("", (parts.hostname or "").lower())
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path or "/"
    for pattern in _AMP_PATH:
        path = pattern.sub("", path)
    path = path.rstrip("/") or "/"
    return urlunsplit(("", host, path, parts.query, "")).lstrip("/")


def url_key(url: str) -> str:
    """The seen-key of a story URL: "url:" and 128 bits of the SHA-256 of its variant form."""
    return "url:" + hashlib.sha256(variant_form(url).encode("utf-8")).hexdigest()[:32]


def text_key(text: str) -> str:
    """The seen-key of a story's text: whitespace and case folded, so a page re-rendered with other markup or
    spacing is the same story."""
    folded = " ".join(text.split()).casefold()
    return "text:" + hashlib.sha256(folded.encode("utf-8")).hexdigest()[:32]


def same_site(a: str, b: str) -> bool:
    """Both URLs on one host, ignoring the www, AMP and mobile prefixes and the scheme."""
    return variant_form(a).split("/")[0] == variant_form(b).split("/")[0]

"""What an article's `source` may say outside the server: never a server path (issue 13).

The worker stores, for a file ingested from disk, only the file's name (`13_summit.html`, or `feed.jsonl:4` for a
line of a JSON Lines file); the API passes every stored source through the same function, so a path stored by an
older version (`/tmp/.../samples/13_summit.html`) is shown as its last part. A URL keeps only its host (a `file:`
URL, its file's name); a name without a slash (a host, a feed's name) is kept as it is.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_SEPARATORS = re.compile(r"[\\/]")


def public_source(value: str | None) -> str | None:
    """`value` without any folder: the last part of a POSIX or Windows path, the host of a URL; None when nothing
    is left."""
    if value is None:
        return None
    text = value.strip()
    if "://" in text:
        try:
            host = urlsplit(text).hostname
        except ValueError:  # a malformed URL (bad port, brackets): its last part, as for a path
            host = None
        if host:
            return host
    return _SEPARATORS.split(text)[-1].strip() or None

"""Deterministic node ids, so that writing the same thing twice finds the same node.

    article  sha256(URL) or, without a URL, sha256(canonical text), first 24 hex digits
    place    place:<slug of the name>
    event    ev-<16 hex: type and sides>-<8 hex: the first known date>

An event's id starts with its *dyad key* (type + who did what to whom), so the events that a new mention could be
the same as are found with `e.id STARTS WITH <prefix>`, a prefix seek in the index behind the Event id uniqueness
constraint; among them the date decides (ingest/load.py). The date part is the date the event was created with: a
later, more precise date updates the node's `date` but never its id.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

from ingest.models import Event
from service.shared.ids import slug

__all__ = ["slug"]

ARTICLE_ID_HEX = 24


def canonical_text(text: str) -> str:
    """Whitespace-normalised text: the same story re-flowed or re-indented hashes the same."""
    return " ".join(text.split())


def text_hash(text: str) -> str:
    return _sha256(canonical_text(text))


def canonical_url(url: str | None) -> str | None:
    """The URL without surrounding spaces or #fragment (a fragment names a place in the same page)."""
    if url is None or not url.strip():
        return None
    parts = urlsplit(url.strip())
    return urlunsplit(parts._replace(fragment=""))


def article_id(url: str | None, text: str) -> str:
    canonical = canonical_url(url)
    return _sha256(canonical if canonical is not None else canonical_text(text))[:ARTICLE_ID_HEX]


def place_id(name: str) -> str:
    return "place:" + slug(name)


def sides_key(event: Event) -> str:
    """Who did what to whom, order-free: "CONSULT|DEU+FRA" (symmetric), "ASSAULT|RUS>UKR" (source > target)."""
    if event.symmetric:
        return f"{event.type}|{'+'.join(sorted(event.participants()))}"
    return f"{event.type}|{'+'.join(sorted(set(event.source)))}>{'+'.join(sorted(set(event.target)))}"


def event_prefix(event: Event, article: str) -> str:
    """The dyad part of the id, with its trailing dash. An event without any actor cannot be recognised in
    another article, so its key includes the article's id."""
    key = sides_key(event) if event.participants() else f"{event.type}|article:{article}"
    return f"ev-{_sha256(key)[:16]}-"


def event_id(prefix: str, date: str | None) -> str:
    return prefix + _sha256(date or "")[:8]


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

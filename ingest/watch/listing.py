"""A fetched listing -> the article URLs it links to. Pure: bytes in, entries out, nothing fetched.

- RSS 2.0 and Atom (and the older RSS and Atom versions) through feedparser, given bytes, so it never fetches;
- XML sitemaps (`<urlset>`, news sitemaps' `<news:publication_date>` and `<news:title>` included) and sitemap
  indexes (`<sitemapindex>`: the child sitemaps, which the watcher fetches in turn), gzipped or not, through lxml
  with entities, DTDs and network access off;
- URL lists: one URL per line, blank lines and `#` comments skipped.

`kind="auto"` tells them apart by content: XML whose root is `urlset`/`sitemapindex` is a sitemap, other XML a
feed, text a URL list. A listing that is none of these raises ListingError.
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from ingest.watch.config import SourceKind

XML_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "recover": False,
}


class ListingError(Exception):
    """The body is not a feed, sitemap or URL list of the kind expected."""


@dataclass(frozen=True)
class Entry:
    url: str
    title: str | None = None
    published: date | None = None


@dataclass(frozen=True)
class Listing:
    kind: SourceKind
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # children of a sitemap index
    skipped: int = 0  # links that are not http(s) URLs


def _http_url(base: str, link: str) -> str | None:
    url = urljoin(base, link.strip())
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def _gunzip(body: bytes, limit: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise ListingError(f"the gzipped listing unpacks to more than {limit} bytes")
    return data


def _xml_root(body: bytes) -> str | None:
    """The local name of the root element when `body` is XML, else None."""
    start = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start != b"<":
        return None
    try:
        for _event, element in etree.iterparse(io.BytesIO(body), events=("start",), **_iterparse_options()):
            return str(etree.QName(element).localname)
    except etree.XMLSyntaxError:
        return "?"  # markup that is not well-formed XML: feedparser's lenient parser may still read it
    return None


def _iterparse_options() -> dict[str, Any]:
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def parse_listing(body: bytes, base_url: str, kind: SourceKind = "auto", *, max_entries: int = 1000) -> Listing:
    """The entries of a listing fetched from `base_url` (relative links are resolved against it)."""
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body, 50 * 1024 * 1024)
    if kind == "auto":
        root = _xml_root(body)
        if root in ("urlset", "sitemapindex"):
            kind = "sitemap"
        elif root is not None:
            kind = "rss"  # feedparser reads RSS and Atom alike
        else:
            kind = "urls"
    if kind == "sitemap":
        return _sitemap(body, base_url, max_entries)
    if kind in ("rss", "atom"):
        return _feed(body, base_url, kind, max_entries)
    return _url_list(body, base_url, max_entries)


def _feed(body: bytes, base_url: str, kind: SourceKind, max_entries: int) -> Listing:
    # A stream, never bytes or a string: feedparser opens a string or bytes that name a file (or a URL) instead.
    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": base_url})
    version = str(parsed.get("version") or "")
    if not version and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise ListingError(f"not an RSS or Atom feed{f': {problem}' if problem else ''}")
    entries: list[Entry] = []
    skipped = 0
    for item in parsed.entries[:max_entries]:
        link = item.get("link") or next(
            (ln.get("href") for ln in item.get("links", []) if ln.get("rel", "alternate") == "alternate"), None
        )
        url = _http_url(base_url, str(link)) if link else None
        if url is None:
            skipped += 1
            continue
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        title = str(item.get("title") or "").strip() or None
        entries.append(Entry(url, title, published))
    return Listing("atom" if version.startswith("atom") else kind, entries, skipped=skipped)


def _sitemap(body: bytes, base_url: str, max_entries: int) -> Listing:
    try:
        root = etree.fromstring(body, parser=etree.XMLParser(**XML_PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        raise ListingError(f"not a well-formed XML sitemap: {exc}") from None
    name = etree.QName(root).localname
    if name not in ("urlset", "sitemapindex"):
        raise ListingError(f"not an XML sitemap (root element <{name}>, expected <urlset> or <sitemapindex>)")
    child = "sitemap" if name == "sitemapindex" else "url"
    entries: list[Entry] = []
    sitemaps: list[str] = []
    skipped = 0
    for element in root.iterchildren(f"{{*}}{child}"):
        if len(entries) + len(sitemaps) >= max_entries:
            break
        loc = element.findtext("{*}loc")
        url = _http_url(base_url, loc) if loc else None
        if url is None:
            skipped += 1
            continue
        if child == "sitemap":
            sitemaps.append(url)
            continue
        title = element.findtext("{*}news/{*}title")
        stamp = element.findtext("{*}news/{*}publication_date") or element.findtext("{*}lastmod")
        entries.append(Entry(url, title.strip() if title else None, _iso_day(stamp)))
    return Listing("sitemap", entries, sitemaps, skipped)


def _iso_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _url_list(body: bytes, base_url: str, max_entries: int) -> Listing:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ListingError("a URL list must be UTF-8 text") from None
    if "\x00" in text:
        raise ListingError("a URL list must be text, not binary")
    entries: list[Entry] = []
    skipped = 0
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if len(entries) >= max_entries:
            break
        url = _http_url(base_url, line) if urlsplit(line).scheme else None
        if url is None:
            skipped += 1
            continue
        entries.append(Entry(url))
    if not entries and skipped:
        raise ListingError(f"no http(s) URL among the {skipped} lines of the URL list")
    return Listing("urls", entries, skipped=skipped)

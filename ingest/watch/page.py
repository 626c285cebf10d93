"""A fetched article page -> what the watcher needs to decide whether to queue it. Pure: bytes in, `Page` out.

The page's story text is read as a worker will read it (`ingest.cleanup.parse_article`, trafilatura then the
project's clean-up; only the page's date is looked for less thoroughly, since the watcher does not use it), so that
the text hash says "the same story" in the workers' terms; its language is
identified on that text by py3langid (the language identifier trafilatura itself uses), and its canonical link is
read from `<link rel="canonical">`. Extraction of events stays in the workers.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import py3langid
from lxml import etree
from lxml import html as lxml_html

from ingest.charset import charset_from_content_type, decode_html
from ingest.cleanup import ArticleError, CleanArticle, parse_article
from ingest.watch.urls import text_key

LANGUAGE_SAMPLE = 1000  # characters of the story identified (about 150 words: more adds cost, not accuracy)
MIN_WORDS = 15  # fewer words is a page without a story (a menu, a cookie wall), and too few to tell the language
_WARM_UP_PAGE = (
    b"<!DOCTYPE html><html lang=en><head><title>Warm-up</title></head><body><article><p>The foreign ministers of "
    b"Argentina and Chile met in Santiago on Tuesday and signed an agreement on trade, energy and the joint "
    b"management of border crossings, officials from both governments said after the talks.</p></article></body></html>"
)
_warm_lock = threading.Lock()
_warmed = False


@dataclass(frozen=True)
class Page:
    html: str  # decoded, what goes on the queue
    article: CleanArticle | None  # None: no text could be extracted (`problem` says why)
    problem: str | None
    canonical: str | None
    language: str | None

    @property
    def text_key(self) -> str | None:
        return text_key(self.article.text) if self.article is not None else None


def read_page(body: bytes, content_type: str, url: str) -> Page:
    charset = charset_from_content_type(content_type) if content_type else None
    mime = content_type.split(";")[0].strip().lower()
    if mime and mime not in ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml"):
        return Page("", None, f"not an article page (Content-Type {mime})", None, None)
    try:
        html = decode_html(body, transport_charset=charset)
    except (LookupError, ValueError) as exc:
        return Page("", None, f"cannot decode the page: {exc}", None, None)
    canonical = canonical_link(html, url)
    try:
        article = parse_article(html, kind="html", url=url, metadata=False)
    except ArticleError as exc:
        return Page(html, None, str(exc), canonical, None)
    words = len(article.text.split())
    if words < MIN_WORDS:
        return Page(html, None, f"too little text for an article ({words} words)", canonical, None)
    language, _score = py3langid.classify(article.text[:LANGUAGE_SAMPLE])
    return Page(html, article, None, canonical, str(language))


def warm_up() -> None:
    """Loads, once and in one thread, what reading a page loads on first use: py3langid's model (its lazy loader
    takes no lock, so page threads meeting their first pages at once each decompressed it: about 0.5 s of CPU
    apiece, 4 s for eight threads) and trafilatura's tables. Any thread may call it; the first call does the work."""
    global _warmed
    with _warm_lock:
        if not _warmed:
            read_page(_WARM_UP_PAGE, "text/html; charset=utf-8", "https://news.example/warm-up")
            _warmed = True


def canonical_link(html: str, url: str) -> str | None:
    """The absolute http(s) URL of the page's `<link rel="canonical">`, if it has one."""
    try:
        root = lxml_html.fromstring(html.encode("utf-8", errors="replace"))
    except (etree.ParserError, ValueError):
        return None
    for link in root.iter("link"):
        rel = str(link.get("rel") or "").lower().split()
        href = str(link.get("href") or "").strip()
        if "canonical" in rel and href:
            absolute = urljoin(url, href)
            if urlsplit(absolute).scheme in ("http", "https") and urlsplit(absolute).hostname:
                return absolute
    return None

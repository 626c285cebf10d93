"""What an article body must be before anyone queues or reads it: text (not binary), not empty, not too large, and for
HTML some visible text. Cheap checks (linear, no NLP), shared by the API (to refuse a submission at once) and the
extractor's cleanup (ingest.cleanup), which normalises text the same way."""

from __future__ import annotations

import re
from html import unescape

DEFAULT_MAX_CHARS = 2_000_000


class ArticleError(ValueError):
    """The payload is not an article this module can read (empty, binary, malformed, too large)."""


_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"
_TRANSLATION = {
    **{ord(c): " " for c in _SPACE_CHARS},
    **{ord(c): None for c in _ZERO_WIDTH},
    **{c: None for c in [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)]},
    0x0B: "\n", 0x0C: "\n", 0x2028: "\n", 0x2029: "\n\n",
}  # fmt: skip
_SPACE_RUN = re.compile(r" {2,}")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")


def normalise_text(raw: str) -> str:
    """NBSP and other spaces -> " ", CRLF/CR -> LF, no zero-width or control characters (LF kept),
    single spaces, no spaces at line ends.  Quotes and dashes are left as they are."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATION)
    text = _SPACE_RUN.sub(" ", text)
    return _SPACE_AROUND_NEWLINE.sub("\n", text).strip()


def decode_payload(payload: str | bytes, max_chars: int) -> str:
    if isinstance(payload, str):
        return payload
    if len(payload) > 4 * max_chars:  # even 4-byte characters would exceed the limit
        raise ArticleError(f"article too large: {len(payload)} bytes (limit {max_chars} characters)")
    if payload.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark
        try:
            return payload.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ArticleError(f"not valid UTF-16 text: {error.reason} at byte {error.start}") from error
    if b"\x00" in payload:
        raise ArticleError("binary content, not text (NUL bytes)")
    try:
        return payload.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(f"not UTF-8 text: {error.reason} at byte {error.start}") from error


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def check_body(body: str, *, html: bool, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    """Raises ArticleError for a body no worker could read: binary, empty once invisible characters are
    removed, or HTML with no text outside scripts and styles. Cheap (linear, no NLP, no trafilatura), so that
    the API can refuse such a submission at once instead of queueing an article that can only fail."""
    checked_text(body, max_chars)
    if html and not _html_has_text(body):
        raise ArticleError("no text found in the HTML (only markup, scripts or styles)")


_HIDDEN_ELEMENTS = frozenset({"script", "style", "template", "title", "noscript", "textarea"})
_TAG_START = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]{0,40})|<!--|<[!?/]")


def _html_has_text(html: str) -> bool:
    """Any visible character outside tags, comments and hidden elements? One forward scan with str.find, so
    linear even for pages of nothing but unclosed <script> tags."""
    lower = html.lower()
    pos, size = 0, len(html)
    while pos < size:
        lt = lower.find("<", pos)
        segment = html[pos : size if lt < 0 else lt]
        if segment.strip() and normalise_text(unescape(segment)):
            return True
        if lt < 0:
            return False
        tag = _TAG_START.match(lower, lt)
        if tag is None:  # a bare "<" is text
            return True
        if tag.group() == "<!--":
            close = lower.find("-->", lt + 4)
            pos = size if close < 0 else close + 3
            continue
        gt = lower.find(">", tag.end())
        if gt < 0:
            return False  # an unfinished tag runs to the end
        pos = gt + 1
        name = tag.group(2)
        if name in _HIDDEN_ELEMENTS and not tag.group(1):
            close = lower.find(f"</{name}", pos)
            end = lower.find(">", close) if close >= 0 else -1
            pos = size if end < 0 else end + 1
    return False


def checked_text(text: str, max_chars: int) -> str:
    """The normalised text, or ArticleError if it is too large, binary or empty."""
    if len(text) > max_chars:
        raise ArticleError(f"article too large: {len(text)} characters (limit {max_chars})")
    if "\x00" in text:
        raise ArticleError("binary content, not text (NUL characters)")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a JSON escape such as "\ud800": no UTF-8 writer (Neo4j's, stdout's) takes it
        raise ArticleError("not valid Unicode: a lone surrogate") from None
    sample = text[:100_000]
    controls = len(_CONTROL.findall(sample))
    if controls >= 4 and controls > 0.01 * len(sample):
        raise ArticleError(f"binary content, not text ({controls} control characters in {len(sample)})")
    normalised = normalise_text(text)
    if not normalised:
        raise ArticleError("empty article")
    return normalised

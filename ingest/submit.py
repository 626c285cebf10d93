"""`geokg submit FILE...`: article files into queue payloads, the JSON objects POST /articles takes ("text" or
"html", with "url", "title", "published" when a JSON article gives them), checked the way a worker will read them,
so that a file no worker could read is reported here and not queued."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from ingest.charset import decode_html
from ingest.cleanup import ArticleError, looks_like_html, parse_article
from ingest.sources import SourceFailure, SourceItem
from service.shared.article_body import DEFAULT_MAX_CHARS, decode_payload

# The fields of a submission (POST /articles' ArticleIn); anything else a JSON article holds is left out.
FIELDS = ("text", "html", "url", "title", "published")


class Submission(NamedTuple):
    name: str
    payload: dict[str, Any]


def submissions(items: Iterable[SourceItem | SourceFailure]) -> Iterator[Submission | SourceFailure]:
    for item in items:
        if isinstance(item, SourceFailure):
            yield item
            continue
        try:
            payload = to_payload(item)
            parse_article(json.dumps(payload), kind="json")  # what the worker will do with it
        except ArticleError as exc:
            yield SourceFailure(item.name, str(exc))
            continue
        yield Submission(item.name, payload)


def to_payload(item: SourceItem) -> dict[str, Any]:
    """The submission for one file (or one line of a .jsonl file); ArticleError when it cannot be one."""
    kind = item.kind
    if kind == "html" or (kind == "auto" and looks_like_html(item.payload[:4096].decode("latin-1"))):
        return {"html": decode_html(item.payload)}
    text = decode_payload(item.payload, DEFAULT_MAX_CHARS)
    if kind == "json" or (kind == "auto" and text.lstrip().startswith("{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ArticleError(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
        if not isinstance(data, dict):
            raise ArticleError(f"JSON article must be an object, not {type(data).__name__}")
        if "url" not in data and isinstance(data.get("source_url"), str):
            data["url"] = data["source_url"]
        if "published" not in data and isinstance(data.get("date"), str):
            data["published"] = data["date"]
        return {key: data[key] for key in FIELDS if data.get(key) is not None}
    return {"text": text}

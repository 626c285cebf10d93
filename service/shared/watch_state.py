"""What `geokg watch` remembers, in Neo4j next to the queue (cypher/schema/watch.cypher): its sources and their
health, the validators of the listings it fetched, and every story it has seen. The watcher (ingest/watch/)
writes it; the API's GET /sources reads it. Shared here because both need it and neither may import the other.

A batch of pages is recorded in one transaction (`record_pages`): the seen-keys of all its pages are merged under
their unique-key locks, and each page whose keys were all new is put on the queue (`queue.enqueue_tx`), in that same
transaction. So a story met under several URLs at once (by several threads, or twice in one batch) is queued once,
and a watcher killed at any moment has either recorded and queued a batch's pages or done neither (and fetches them
again on its next run).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

import neo4j

from service.graph.repository import GraphRepository, Row
from service.graph.transaction import TxQueries, execute_read, execute_write
from service.shared import queue

PageState = Literal["queued", "duplicate", "not_english", "no_text", "gone", "disallowed", "refused"]
# Which source counter each outcome adds to (write/watch_source_tally); gone/disallowed/refused count as failed.
_TALLY: dict[PageState, str] = {
    "queued": "queued",
    "duplicate": "duplicates",
    "not_english": "not_english",
    "no_text": "no_text",
    "gone": "failed",
    "disallowed": "failed",
    "refused": "failed",
}


def source_id(url: str) -> str:
    return "source:" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:24]


def redact_url(url: str) -> str:
    """The URL without its user and password (`https://***@host/...`), for anything shown to users."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


@dataclass(frozen=True)
class SourceRef:
    id: str
    url: str
    kind: str
    name: str | None


@dataclass(frozen=True)
class Validators:
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class Recorded:
    state: PageState  # what became of the page (duplicate when any of its keys was seen before)
    item: str | None  # the queue item's id when queued


def register_sources(repo: GraphRepository, sources: Sequence[SourceRef]) -> None:
    rows = [{"id": s.id, "url": s.url, "kind": s.kind, "name": s.name} for s in sources]
    if rows:
        execute_write(repo, lambda tx: TxQueries(tx).write("write/watch_source_register", rows=rows))


def seen(repo: GraphRepository, keys: Sequence[str]) -> set[str]:
    """The keys among `keys` already recorded."""
    if not keys:
        return set()
    rows = execute_read(repo, lambda tx: TxQueries(tx).read("read/watch_seen", keys=list(dict.fromkeys(keys))))
    return {row["key"] for row in rows}


def validators(repo: GraphRepository, url: str) -> Validators:
    rows = execute_read(repo, lambda tx: TxQueries(tx).read("read/watch_validators", urls=[url]))
    return Validators(rows[0]["etag"], rows[0]["last_modified"]) if rows else Validators(None, None)


def save_validators(repo: GraphRepository, saved: Mapping[str, Validators]) -> None:
    rows = [{"url": u, "etag": v.etag, "last_modified": v.last_modified} for u, v in saved.items()]
    if rows:
        execute_write(repo, lambda tx: TxQueries(tx).write("write/watch_validators", rows=rows))


@dataclass(frozen=True)
class PageRecord:
    """A fetched page to record: its URL, the keys it is recorded under (its URL keys, and after fetching its
    canonical-URL and text keys), and either a `payload` to queue (state "queued") or the `state` of a page not to
    be queued (not English, no text, gone, disallowed, refused) with its `reason`."""

    url: str
    keys: Sequence[str]
    payload: Mapping[str, Any] | None = None
    state: PageState = "queued"
    reason: str | None = None


def record_pages(
    repo: GraphRepository,
    source: str,
    pages: Sequence[PageRecord],
    *,
    submit: Callable[[Sequence[Mapping[str, Any]]], list[str]] | None = None,
) -> list[Recorded]:
    """Records a batch of a source's pages in one transaction and returns what became of each, in order. A page is
    queued (with a payload) or recorded with its state only if none of its keys was seen before, neither by an
    earlier transaction nor by an earlier page of the batch; else it is a duplicate. Its keys that were new are
    recorded with its outcome either way, so a later copy of the story is a duplicate too.

    `submit` queues the batch's new payloads elsewhere than in Neo4j (GEOKG_QUEUE=kafka: it produces them and
    returns once the broker has acknowledged them, with the articles' ids). It runs inside the transaction that
    records the pages, before its commit: if it raises, nothing of the batch is recorded and its pages are fetched
    again on the next poll; if the commit fails after it, they are submitted again later under the same ids, which
    the workers skip once done."""
    if not pages:
        return []
    unique = [list(dict.fromkeys(page.keys)) for page in pages]
    if not all(unique):
        raise ValueError("a page is recorded under at least one key")

    def work(tx: neo4j.ManagedTransaction) -> list[Recorded]:
        run = TxQueries(tx)
        tokens = [secrets.token_hex(8) for _ in pages]
        index = {token: i for i, token in enumerate(tokens)}
        # Sorted by key (then page): every batch takes its key locks in one order, so two never wait on each other
        # in a cycle, and a key two pages of the batch share goes to the earlier page.
        claims = sorted((key, i) for i, keys in enumerate(unique) for key in keys)
        rows = [{"key": k, "url": pages[i].url, "source": source, "token": tokens[i]} for k, i in claims]
        created: list[list[str]] = [[] for _ in pages]
        for row in run.write("write/watch_seen_merge", rows=rows):
            if row["created"]:
                created[index[row["token"]]].append(row["key"])
        outcomes: list[PageState] = [
            page.state if len(created[i]) == len(unique[i]) else "duplicate" for i, page in enumerate(pages)
        ]
        to_queue = [(i, p.payload) for i, p in enumerate(pages) if outcomes[i] == "queued" and p.payload is not None]
        items: list[str | None] = [None] * len(pages)
        payloads = [p for _i, p in to_queue]
        queued = (submit(payloads) if submit is not None else queue.enqueue_tx(tx, payloads)) if payloads else []
        for (i, _payload), item in zip(to_queue, queued, strict=True):
            items[i] = item
        states = [
            {"key": k, "state": outcomes[i], "reason": pages[i].reason, "item": items[i]}
            for i in range(len(pages))
            for k in created[i]
        ]
        if states:
            run.write("write/watch_seen_state", rows=states)
        return [Recorded(outcomes[i], items[i]) for i in range(len(pages))]

    return execute_write(repo, work)


def source_polled(
    repo: GraphRepository,
    source: str,
    *,
    ok: bool,
    error: str | None,
    found: int,
    pages: Mapping[str, int] | None = None,
) -> None:
    """The end of a poll: its outcome, and what became of its pages (outcome -> count) added to the source's
    counters. Counted once per poll rather than in each page's transaction, so that the pages' transactions do not
    all queue for the source's lock (a watcher killed mid-poll leaves that poll's pages uncounted, not unrecorded)."""
    tally: dict[str, Any] = {"id": source, "queued": 0, "duplicates": 0, "not_english": 0, "no_text": 0, "failed": 0}
    for outcome, count in (pages or {}).items():
        if outcome in _TALLY:
            tally[_TALLY[outcome]] += count
    row = {"id": source, "ok": ok, "error": None if ok else (error or "unknown error")[:1000], "found": found}

    def work(tx: neo4j.ManagedTransaction) -> None:
        run = TxQueries(tx)
        run.write("write/watch_source_polled", rows=[row])
        run.write("write/watch_source_tally", rows=[tally])

    execute_write(repo, work)


def sources(repo: GraphRepository) -> list[dict[str, Any]]:
    """Every source with its health, URLs redacted, datetimes as ISO 8601 strings."""
    rows = execute_read(repo, lambda tx: TxQueries(tx).read("read/watch_sources"))
    return [_plain(row) for row in rows]


def _plain(row: Row) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if hasattr(value, "iso_format"):
            value = value.iso_format()
        out[key] = value
    out["url"] = redact_url(str(out["url"]))
    if isinstance(out.get("last_error"), str):
        out["last_error"] = _redact_text(out["last_error"], str(row["url"]))
    return out


def _redact_text(text: str, url: str) -> str:
    """An error message with the source URL's credentials taken out wherever they appear."""
    parts = urlsplit(url)
    for secret in (parts.password, parts.username):
        if secret:
            text = text.replace(secret, "***")
    return text

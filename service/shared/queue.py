"""The article queue, kept in Neo4j itself as :QueuedArticle nodes (why: docs/queue.md).

The API puts articles on it (`enqueue`) and reports on them (`get_status`); workers take them off (`claim`), and
each claimed item ends in one of `complete` (the article's graph write and "done" in one transaction), `fail`
(unreadable article, or out of attempts) or `release` (back to the queue: a failed attempt, or a worker shutting
down). An item's life: queued -> processing -> done | failed, with processing -> queued on release or when its
lease expires (its worker died); `retry` turns failed back into queued.

Correctness rests on one rule: every change to a claimed item first write-locks it and reads its state under that
lock (cypher/write/queue_lock.cypher), in the transaction that makes the change. So two workers cannot claim the
same item, and a worker whose lease expired and was taken over can no longer complete, fail or release the item:
its transaction sees another owner (or a newer attempt) and is rolled back (`LeaseLost`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypeVar, cast

import neo4j

from service.graph.repository import GraphRepository, Row
from service.graph.transaction import TxQueries, execute_read, execute_write

QueueStatus = Literal["queued", "processing", "done", "failed"]
STATUSES: tuple[QueueStatus, ...] = ("queued", "processing", "done", "failed")

# Candidates read per claim, as a multiple of the batch size: with several workers some candidates are taken by
# the time we lock them, and a little slack saves a round.
CANDIDATE_FACTOR = 2


class ArticleWrite(Protocol):
    """What an article's graph write returns (ingest.load.WriteResult): the queue records the article's id."""

    @property
    def article_id(self) -> str: ...


Written = TypeVar("Written", bound=ArticleWrite)


class LeaseLost(Exception):
    """The item is no longer leased to this worker (its lease expired and another worker took it, or an operator
    reset it). Raised inside the transaction, so nothing that transaction wrote is kept."""

    def __init__(self, item_id: str, owner: str, state: Row | None) -> None:
        self.item_id = item_id
        now = (
            "gone" if state is None else f"{state['status']}, owner {state['lease_owner']}, attempt {state['attempts']}"
        )
        super().__init__(f"queue item {item_id} is no longer leased to {owner} (now: {now})")


@dataclass(frozen=True)
class QueueItem:
    """A claimed item. `attempt` is the item's attempt count at this claim: with the owner it identifies the
    lease, so a worker that claimed the item earlier (and lost it) cannot act on the new lease."""

    id: str
    payload: dict[str, Any]
    attempt: int


@dataclass(frozen=True)
class ClaimResult:
    items: list[QueueItem]
    exhausted: list[tuple[str, str]] = field(default_factory=list)  # (id, error): marked failed by this claim
    contended: bool = False  # candidates existed but other workers locked them first: worth trying again now


@dataclass(frozen=True)
class ItemStatus:
    id: str
    status: QueueStatus
    attempts: int
    error: str | None  # the last error, kept until the item is done
    lease_owner: str | None
    lease_until: str | None  # ISO 8601, server clock
    enqueued_at: str | None
    done_at: str | None
    processed_by: list[str]  # workers that completed it: one, once done
    article_id: str | None  # the :Article it became, once done (re-submissions of one story share it)

    def to_json(self) -> dict[str, Any]:
        return dict(vars(self))


# --------------------------------------------------------------------------- submitting and reporting


def item_id(payload: Mapping[str, Any]) -> str:
    """Deterministic id of a submission (128 bits of the SHA-256 of its canonical JSON): the same payload submitted
    twice is one queue item."""
    return _key(_canonical_json(payload))


def encode(payload: Mapping[str, Any]) -> tuple[str, str]:
    """(id, canonical JSON) of a submission: what the Neo4j queue stores, and the key and value of its message on
    the Kafka topic (service/kafka/producer.py), so an article has the same id whichever transport carries it."""
    if not isinstance(payload, Mapping):
        raise TypeError(f"a payload must be a JSON object, not {type(payload).__name__}")
    text = _canonical_json(payload)
    return _key(text), text


def enqueue(repo: GraphRepository, payloads: Sequence[Mapping[str, Any]]) -> list[str]:
    """Puts articles on the queue and returns their ids, in order.

    A payload is what `ingest.cleanup.parse_article` reads from a JSON object: "text" or "html", and optional
    "url", "title", "published". It is checked when a worker takes it, and a payload it cannot read ends failed
    with the reason. Re-submitting a payload returns the existing item's id and leaves the item as it is.
    """
    rows, ids = _enqueue_rows(payloads)
    if rows:
        execute_write(repo, lambda tx: TxQueries(tx).write("write/queue_enqueue", rows=rows))
    return ids


def enqueue_tx(tx: neo4j.ManagedTransaction, payloads: Sequence[Mapping[str, Any]]) -> list[str]:
    """`enqueue` inside a transaction the caller manages (the watcher queues a batch of pages and records them as
    seen in one transaction, so that a watcher killed in between neither loses nor repeats them)."""
    rows, ids = _enqueue_rows(payloads)
    if rows:
        TxQueries(tx).write("write/queue_enqueue", rows=rows)
    return ids


def _enqueue_rows(payloads: Sequence[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    rows: dict[str, dict[str, Any]] = {}
    ids: list[str] = []
    for seq, payload in enumerate(payloads):
        if not isinstance(payload, Mapping):
            raise TypeError(f"payload {seq} must be a JSON object, not {type(payload).__name__}")
        text = _canonical_json(payload)
        key = _key(text)
        ids.append(key)
        rows.setdefault(key, {"id": key, "payload": text, "seq": seq})
    return list(rows.values()), ids


def get_status(repo: GraphRepository, article_id: str) -> ItemStatus | None:
    """The item's state, or None for an id that was never enqueued."""
    rows = execute_read(repo, lambda tx: TxQueries(tx).read("read/queue_status", id=article_id))
    if not rows:
        return None
    row = rows[0]
    return ItemStatus(
        id=row["id"],
        status=row["status"],
        attempts=row["attempts"],
        error=row["error"],
        lease_owner=row["lease_owner"],
        lease_until=_iso(row["lease_until"]),
        enqueued_at=_iso(row["enqueued_at"]),
        done_at=_iso(row["done_at"]),
        processed_by=list(row["processed_by"] or []),
        article_id=row["article_id"],
    )


def counts(repo: GraphRepository) -> dict[QueueStatus, int]:
    """Items per status, every status present (0 when none)."""
    rows = execute_read(repo, lambda tx: TxQueries(tx).read("read/queue_counts"))
    found = {row["status"]: row["count"] for row in rows}
    return {status: int(found.get(status, 0)) for status in STATUSES}


def retry(repo: GraphRepository, ids: Sequence[str]) -> list[str]:
    """Puts failed items back on the queue with a fresh attempt budget; returns the ids that were failed."""
    if not ids:
        return []
    rows = [{"id": i} for i in dict.fromkeys(ids)]
    done = execute_write(repo, lambda tx: TxQueries(tx).write("write/queue_retry", rows=rows))
    return [row["id"] for row in done]


def retry_all_failed(repo: GraphRepository, batch: int = 1000) -> list[str]:
    retried: list[str] = []
    while failed := execute_read(repo, lambda tx: TxQueries(tx).read("read/queue_failed_ids", limit=batch)):
        ids = [row["id"] for row in failed]
        if set(ids) <= set(retried):  # failed again meanwhile: retrying them once per call is enough
            break
        retried += retry(repo, ids)
    return retried


# --------------------------------------------------------------------------- the worker's side


def claim(repo: GraphRepository, owner: str, *, limit: int, lease_seconds: float, max_attempts: int) -> ClaimResult:
    """Leases up to `limit` of the oldest claimable items to `owner`, in one transaction.

    Claimable: queued, or processing with an expired lease. An expired item that has already had `max_attempts`
    attempts (its workers kept dying on it) is marked failed instead: a poison message must not kill workers
    forever.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    lease_ms = _millis(lease_seconds)

    def work(tx: neo4j.ManagedTransaction) -> ClaimResult:
        run = TxQueries(tx)
        candidates = [row["id"] for row in run.read("read/queue_candidates", limit=limit * CANDIDATE_FACTOR)]
        if not candidates:
            return ClaimResult([])
        states = run.write("write/queue_lock", rows=[{"id": i} for i in candidates])
        claimable = [
            s for s in states if s["status"] == "queued" or (s["status"] == "processing" and s["lease_expired"])
        ]
        exhausted = [(s["id"], _exhausted_error(s)) for s in claimable if s["attempts"] >= max_attempts]
        fresh = [s["id"] for s in claimable if s["attempts"] < max_attempts][:limit]
        if exhausted:
            run.write("write/queue_fail", rows=[{"id": i, "error": e} for i, e in exhausted])
        claimed = run.write("write/queue_claim", rows=[{"id": i, "owner": owner, "lease_ms": lease_ms} for i in fresh])
        items = [QueueItem(row["id"], json.loads(row["payload"]), row["attempts"]) for row in claimed]
        return ClaimResult(items, exhausted, contended=not claimable)

    return execute_write(repo, work)


def renew(repo: GraphRepository, items: Sequence[QueueItem], owner: str, *, lease_seconds: float) -> list[QueueItem]:
    """Extends the leases of `items` that are still ours, and returns those: a worker renews what it holds before
    each article it writes, so that a batch may take longer than one lease."""
    if not items:
        return []

    def work(tx: neo4j.ManagedTransaction) -> list[QueueItem]:
        run = TxQueries(tx)
        states = {s["id"]: s for s in run.write("write/queue_lock", rows=[{"id": i.id} for i in items])}
        ours = [i for i in items if _is_our_lease(states.get(i.id), i, owner)]
        run.write("write/queue_renew", rows=[{"id": i.id, "lease_ms": _millis(lease_seconds)} for i in ours])
        return ours

    return execute_write(repo, work)


def complete(
    repo: GraphRepository,
    item: QueueItem,
    owner: str,
    write: Callable[[neo4j.ManagedTransaction], Written],
) -> Written | None:
    """Runs `write(tx)` (the article's graph write: the worker passes `ingest.load.write_article_tx`) and marks the
    item done with the article's id, in one transaction: the article is in the graph if and only if its item is
    done.

    Returns what `write` returned, or None when the item is already done (a retry of a transaction whose commit
    went through but whose answer was lost). Raises LeaseLost, writing nothing, when the item is not ours anymore.
    """

    def work(tx: neo4j.ManagedTransaction) -> Written | None:
        run = TxQueries(tx)
        state = _lock_one(run, item.id)
        if state is not None and state["status"] == "done":
            return None
        _check_lease(state, item, owner)
        result = write(tx)
        run.write("write/queue_done", rows=[{"id": item.id, "owner": owner, "article_id": result.article_id}])
        return result

    return execute_write(repo, work)


def fail(repo: GraphRepository, item: QueueItem, owner: str, error: str) -> None:
    """Marks a leased item failed with `error` (it stays failed until retried)."""

    def work(tx: neo4j.ManagedTransaction) -> None:
        run = TxQueries(tx)
        _check_lease(_lock_one(run, item.id), item, owner)
        run.write("write/queue_fail", rows=[{"id": item.id, "error": error}])

    execute_write(repo, work)


def retry_later(repo: GraphRepository, item: QueueItem, owner: str, error: str, *, max_attempts: int) -> QueueStatus:
    """After a failed attempt: back on the queue, or failed when that was the last allowed attempt."""
    if item.attempt >= max_attempts:
        fail(repo, item, owner, f"gave up after {item.attempt} attempts; last error: {error}")
        return "failed"
    release(repo, [item], owner, error=error)
    return "queued"


def release(repo: GraphRepository, items: Sequence[QueueItem], owner: str, *, error: str | None = None) -> None:
    """Gives leased items back to the queue. With `error` (a failed attempt) the attempt counts; without it (the
    worker is stopping and never started them) it does not. Items no longer ours are skipped."""
    if not items:
        return

    def work(tx: neo4j.ManagedTransaction) -> None:
        run = TxQueries(tx)
        states = {s["id"]: s for s in run.write("write/queue_lock", rows=[{"id": i.id} for i in items])}
        ours = [i for i in items if _is_our_lease(states.get(i.id), i, owner)]
        refund = 0 if error is not None else 1
        run.write("write/queue_release", rows=[{"id": i.id, "error": error, "refund": refund} for i in ours])

    execute_write(repo, work)


# --------------------------------------------------------------------------- helpers


def _lock_one(run: TxQueries, key: str) -> Row | None:
    rows = run.write("write/queue_lock", rows=[{"id": key}])
    return rows[0] if rows else None


def _is_our_lease(state: Row | None, item: QueueItem, owner: str) -> bool:
    return (
        state is not None
        and state["status"] == "processing"
        and state["lease_owner"] == owner
        and state["attempts"] == item.attempt
    )


def _check_lease(state: Row | None, item: QueueItem, owner: str) -> None:
    if not _is_our_lease(state, item, owner):
        raise LeaseLost(item.id, owner, state)


def _exhausted_error(state: Row) -> str:
    last = state["error"] or "its worker stopped answering each time (killed, or stuck past the lease)"
    return f"gave up after {state['attempts']} attempts; last error: {last}"


def _canonical_json(payload: Mapping[str, Any]) -> str:
    try:
        return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise TypeError(f"payload is not JSON-serialisable: {exc}") from exc


def _millis(seconds: float) -> int:
    return max(1, round(seconds * 1000))


def _key(canonical_json: str) -> str:
    return hashlib.sha256(canonical_json.encode()).hexdigest()[:32]


def _iso(value: Any) -> str | None:
    return cast(str, value.iso_format()) if value is not None else None

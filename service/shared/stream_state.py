"""What the graph records about articles consumed from Kafka (GEOKG_QUEUE=kafka): the same :QueuedArticle records
as the Neo4j queue's (service/shared/queue.py), created when a worker first reads an article off the topic.

Before processing a message, the worker counts the attempt here (`begin_attempt`): the count is durable, so an
article whose workers keep dying on it is given up after N attempts instead of killing workers forever. The
article is then leased to that worker at that attempt, and `queue.complete` (graph write and "done" in one
transaction), `queue.fail` and `queue.release` apply unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.graph.repository import GraphRepository
from service.graph.transaction import TxQueries, execute_write
from service.shared.queue import QueueStatus


@dataclass(frozen=True)
class Attempt:
    id: str
    status: QueueStatus  # processing: go ahead (this attempt is `attempts`); done or failed: skip the message
    attempts: int
    error: str | None  # the last failed attempt's error

    @property
    def settled(self) -> bool:
        return self.status in ("done", "failed")


def begin_attempt(
    repo: GraphRepository, article_id: str, owner: str, *, produced_ms: int, replay: bool = False
) -> Attempt:
    """Counts an attempt by `owner` at the article (creating its record at the first one), unless it is done or
    failed already; returns its state after that. `replay`: the message is a dead letter sent again by `geokg queue
    retry`, and a failed article starts afresh (attempt 1)."""
    return begin_attempts(repo, owner, [(article_id, produced_ms, replay)])[article_id]


def begin_attempts(repo: GraphRepository, owner: str, messages: Sequence[tuple[str, int, bool]]) -> dict[str, Attempt]:
    """`begin_attempt` for a batch of messages, (article id, produced_ms, replay) each, in one transaction; the
    articles' states by id. The ids must be distinct (a batch holding one article twice counts one attempt)."""
    ids = [article_id for article_id, _, _ in messages]
    if len(set(ids)) != len(ids):
        raise ValueError("one attempt per article and batch: the ids must be distinct")
    given = [
        {"id": article_id, "owner": owner, "produced_ms": produced_ms, "replay": replay}
        for article_id, produced_ms, replay in sorted(messages)  # locked in one order: no deadlock between workers
    ]
    rows = execute_write(repo, lambda tx: TxQueries(tx).write("write/stream_attempt", rows=given)) if given else []
    return {
        row["id"]: Attempt(id=row["id"], status=row["status"], attempts=row["attempts"], error=row["error"])
        for row in rows
    }

"""`geokg worker` with GEOKG_QUEUE=kafka: consumes the articles topic in one consumer group, extracts each article and
writes it to the graph, and only then commits its offset.

Every `geokg worker` joins the group GEOKG_KAFKA_GROUP, so the topic's partitions spread over the running workers
and adding one adds throughput (up to one worker per partition). For each batch of messages:

1. each message's attempt is counted in the graph, durably, before anything else (`stream_state.begin_attempt`);
   a message whose article is already done or failed is skipped (a redelivery after a crash, or a duplicate);
   one already tried N times (its workers kept dying on it) is given up;
2. the articles are parsed and extracted together; an unreadable one is given up at once;
3. each article is written in one transaction that also marks it done (`queue.complete`, the Neo4j queue's own
   idempotent write path), so "in the graph" and "done" commit together;
4. a failed attempt (extraction or write error) is produced again at the end of the topic, so that the article
   never blocks its partition, until its Nth attempt: then it goes to the dead-letter topic with the reason, and is
   recorded failed;
5. the offsets of the handled messages are committed (auto-commit is off).

A worker killed between 3 and 5 leaves its messages uncommitted: they are delivered again (to it after a restart,
or to another worker), found done in step 1 and skipped. So delivery is at least once and the effect exactly once:
no article lost, no event written twice. While Neo4j is unreachable the worker holds its batch and waits (the
Patience of the Neo4j-queue worker); while the broker is, the client reconnects by itself and the worker waits
for its produce and commit calls.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from confluent_kafka import TIMESTAMP_NOT_AVAILABLE, Consumer, KafkaError, KafkaException, Message, TopicPartition
from spacy.language import Language

from ingest.cleanup import ArticleError, CleanArticle
from ingest.load import write_article_tx
from ingest.models import Extraction
from ingest.worker import (
    GraphWorker,
    Patience,
    Runnable,
    Stopped,
    WorkerStats,
    extract_isolated,
    parse_payload,
    run_worker_process,
)
from ingest.worker_metrics import WorkerMetrics
from service.config import Settings
from service.graph.repository import GraphRepository
from service.kafka.client_config import consumer_config
from service.kafka.producer import (
    ATTEMPTS_HEADER,
    ERROR_HEADER,
    ORIGIN_HEADER,
    REPLAY_HEADER,
    BrokerUnavailable,
    KafkaProducerClient,
    OutgoingMessage,
    message_headers,
)
from service.kafka.topics import ensure_topics
from service.shared import queue, stream_state
from service.shared.queue import LeaseLost, QueueItem

log = logging.getLogger(__name__)

_ARTICLE_ID = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class KafkaWorkerOptions:
    batch_size: int = 4  # messages taken and extracted together
    max_attempts: int = 3  # attempts before an article goes to the dead-letter topic
    once: bool = False  # exit once every assigned partition has been read to its end
    poll_timeout: float = 1.0
    backoff_initial: float = 0.5
    backoff_max: float = 30.0
    metrics_port: int = 0

    def __post_init__(self) -> None:
        if self.batch_size < 1 or self.max_attempts < 1:
            raise ValueError("batch_size and max_attempts must be at least 1")
        if self.poll_timeout <= 0 or not 0 < self.backoff_initial <= self.backoff_max:
            raise ValueError("poll timeout and backoff must be positive, backoff_initial <= backoff_max")
        if not 0 <= self.metrics_port <= 65535:
            raise ValueError(f"the metrics port must be 0 (none) to 65535, not {self.metrics_port}")


@dataclass
class KafkaWorkerStats(WorkerStats):
    dead_lettered: int = 0  # given up: sent to the dead-letter topic (counted in `failed` too)
    skipped: int = 0  # messages of articles already done or failed (redeliveries, duplicates)


@dataclass
class _Job:
    """A message being handled; `finished` once nothing more is to be done for it before its offset is committed."""

    message: Message
    item: QueueItem | None = None
    article: CleanArticle | None = None
    finished: bool = False


class KafkaWorker(GraphWorker):
    def __init__(
        self,
        repo: GraphRepository,
        nlp: Language,
        settings: Settings,
        options: KafkaWorkerOptions | None = None,
        *,
        worker_id: str | None = None,
        stop: threading.Event | None = None,
        metrics: WorkerMetrics | None = None,
    ) -> None:
        self.settings = settings
        self.options = options or KafkaWorkerOptions()
        super().__init__(repo, nlp, self.options, worker_id=worker_id, stop=stop, metrics=metrics)
        self.stats: KafkaWorkerStats = KafkaWorkerStats()
        self.producer = KafkaProducerClient(settings, client_id=f"geokg-worker-{self.id}")
        self.broker = Patience(
            "Kafka",
            settings.kafka_bootstrap,
            self.stop,
            initial=self.options.backoff_initial,
            cap=self.options.backoff_max,
            outage=lambda exc: isinstance(exc, BrokerUnavailable),
        )
        self._assigned: set[tuple[str, int]] = set()
        self._at_end: set[tuple[str, int]] = set()

    # ----------------------------------------------------------------- the loop

    def run(self) -> KafkaWorkerStats:
        opts = self.options
        try:
            self.broker.call("create topics", lambda: ensure_topics(self.settings))
        except Stopped:
            return self.stats
        consumer = Consumer({**consumer_config(self.settings, client_id=f"geokg-worker-{self.id}"), "logger": log})
        consumer.subscribe([self.settings.kafka_topic], on_assign=self._on_assign, on_revoke=self._on_revoke)
        log.info(
            "worker %s: consuming %s at %s in group %s (batch %d, %d attempts)",
            self.id,
            self.settings.kafka_topic,
            self.settings.kafka_bootstrap,
            self.settings.kafka_group,
            opts.batch_size,
            opts.max_attempts,
        )
        try:
            while not self.stop.is_set():
                messages = self._take(consumer)
                if messages:
                    self._handle(consumer, messages)
                elif opts.once and self._assigned and self._assigned <= self._at_end:
                    break
        except Stopped:
            pass
        finally:
            consumer.close()  # leaves the group at once, so that its partitions go to the other workers now
            self.producer.close()
        log.info("worker %s stopped: %s", self.id, self.stats.summary())
        return self.stats

    def _take(self, consumer: Consumer) -> list[Message]:
        taken = []
        for message in consumer.consume(num_messages=self.options.batch_size, timeout=self.options.poll_timeout):
            error = message.error()
            place = (message.topic() or "", message.partition() or 0)
            if error is None:
                self._at_end.discard(place)
                taken.append(message)
            elif error.code() == KafkaError._PARTITION_EOF:
                self._at_end.add(place)
            else:  # the client retries by itself; a fatal error ends the worker
                if error.fatal():
                    raise KafkaException(error)
                log.warning("Kafka consumer: %s", error.str())
        return taken

    def _on_assign(self, consumer: Consumer, partitions: list[TopicPartition]) -> None:
        self._assigned = {(p.topic, p.partition) for p in partitions}
        self._at_end &= self._assigned
        log.info("worker %s: assigned partitions %s", self.id, sorted(p for _, p in self._assigned))

    def _on_revoke(self, consumer: Consumer, partitions: list[TopicPartition]) -> None:
        self._assigned -= {(p.topic, p.partition) for p in partitions}

    # ----------------------------------------------------------------- one batch

    def _handle(self, consumer: Consumer, messages: list[Message]) -> None:
        jobs = [_Job(message) for message in messages]
        try:
            self._begin(jobs)
            started = [job for job in jobs if not job.finished and job.article is not None]
            extractions = extract_isolated([job.article for job in started if job.article], self.nlp, self.metrics)
            for job, extraction in zip(started, extractions, strict=True):
                if self.stop.is_set():
                    break  # the rest stays uncommitted: delivered again, and counted as one more attempt
                if isinstance(extraction, Exception):
                    self._failed_attempt(job, f"extraction crashed: {extraction!r}")
                else:
                    self._write(job, extraction)
        finally:
            self._commit(consumer, jobs)

    def _begin(self, jobs: list[_Job]) -> None:
        """Counts the batch's attempts (one transaction); reads the payloads; finishes the jobs that need no
        extraction."""
        counted: list[tuple[_Job, str]] = []
        rows: list[tuple[str, int, bool]] = []
        for job in jobs:
            message = job.message
            key = (message.key() or b"").decode(errors="replace")
            if not _ARTICLE_ID.fullmatch(key):
                self._dead_letter(job, f"not a geokg article message: its key {key[:40]!r} is not an article id", 0)
                job.finished = True
                continue
            if any(key == seen for seen, _, _ in rows):  # twice in one batch (a requeued copy and a redelivery)
                self.stats.skipped += 1
                job.finished = True
                continue
            kind, timestamp = message.timestamp()
            produced_ms = timestamp if kind != TIMESTAMP_NOT_AVAILABLE else round(time.time() * 1000)
            rows.append((key, produced_ms, REPLAY_HEADER in message_headers(message)))
            counted.append((job, key))
        if not rows:
            return
        attempts = self.graph.call("count attempts", lambda: stream_state.begin_attempts(self.repo, self.id, rows))
        for job, key in counted:
            self._start(job, attempts[key])

    def _start(self, job: _Job, attempt: stream_state.Attempt) -> None:
        message, key = job.message, attempt.id
        if attempt.settled:
            self.stats.skipped += 1
            log.info("article %s is %s already; message skipped", key, attempt.status)
            job.finished = True
            return
        payload = _payload(message.value())
        job.item = QueueItem(key, payload or {}, attempt.attempts)
        if attempt.attempts > self.options.max_attempts:
            last = attempt.error or "its worker stopped each time (killed, or stuck)"
            self._give_up(job, f"gave up after {attempt.attempts - 1} attempts; last error: {last}")
        elif payload is None:
            self._give_up(job, "unreadable article: the message is not a JSON object")
        else:
            try:
                job.article = parse_payload(payload)
            except ArticleError as exc:
                self._give_up(job, f"unreadable article: {exc}")
            except Exception as exc:
                self._failed_attempt(job, f"parsing crashed: {exc!r}")

    def _write(self, job: _Job, extraction: Extraction) -> None:
        item, article = job.item, job.article
        assert item is not None and article is not None
        started = time.monotonic()
        try:
            result = self.graph.call(
                "write article",
                lambda: queue.complete(self.repo, item, self.id, lambda tx: write_article_tx(tx, article, extraction)),
            )
        except LeaseLost as exc:  # another worker took the article over (a rebalance) at a later attempt
            self._lost(job, exc)
            return
        except Stopped:
            raise
        except Exception as exc:  # a bad query or data the graph refuses
            self._failed_attempt(job, f"writing to the graph failed: {exc!r}")
            return
        job.finished = True
        self._count_written(result, item, extraction, started)

    # ----------------------------------------------------------------- failures

    def _failed_attempt(self, job: _Job, error: str) -> None:
        """Another attempt later, at the end of the topic (the partition goes on), or the dead-letter topic."""
        item = job.item
        assert item is not None
        limit = self.options.max_attempts
        if item.attempt >= limit:
            self._give_up(job, f"gave up after {item.attempt} attempts; last error: {error}")
            return
        message = job.message
        headers = {ATTEMPTS_HEADER: str(item.attempt), ERROR_HEADER: error[:1000]}
        again = OutgoingMessage(item.id, message.value() or b"", headers)
        self.broker.call("requeue", lambda: self.producer.send(self.settings.kafka_topic, [again]))
        try:
            self.graph.call("requeue", lambda: queue.release(self.repo, [item], self.id, error=error))
        except LeaseLost as exc:
            self._lost(job, exc)
            return
        job.finished = True
        self._count_retry(item, limit, error)

    def _give_up(self, job: _Job, reason: str) -> None:
        """To the dead-letter topic with the reason, then recorded failed in the graph."""
        item = job.item
        assert item is not None
        self._dead_letter(job, reason, item.attempt)
        try:
            self.graph.call("fail", lambda: queue.fail(self.repo, item, self.id, reason))
        except LeaseLost as exc:
            self._lost(job, exc)
            return
        job.finished = True
        self.stats.failed += 1
        self.metrics.failed.inc()
        log.warning("article %s dead-lettered: %s", item.id, reason)

    def _dead_letter(self, job: _Job, reason: str, attempts: int) -> None:
        message = job.message
        origin = f"{message.topic()}/{message.partition()}/{message.offset()}"
        headers = {ERROR_HEADER: reason[:1000], ATTEMPTS_HEADER: str(attempts), ORIGIN_HEADER: origin}
        key = (message.key() or b"").decode(errors="replace")
        dead = OutgoingMessage(key, message.value() or b"", headers)
        self.broker.call("dead-letter", lambda: self.producer.send(self.settings.kafka_dead_letter_topic, [dead]))
        self.stats.dead_lettered += 1

    def _lost(self, job: _Job, why: LeaseLost) -> None:
        job.finished = True  # the worker that took it over answers for it
        self.stats.lost += 1
        log.warning("article %s skipped: %s", job.message.key(), why)

    # ----------------------------------------------------------------- offsets and the broker

    def _commit(self, consumer: Consumer, jobs: Sequence[_Job]) -> None:
        """Commits, per partition, the offset after the last message handled with every earlier one handled too."""
        offsets: dict[tuple[str, int], int] = {}
        blocked: set[tuple[str, int]] = set()
        for job in jobs:
            place = (job.message.topic() or "", job.message.partition() or 0)
            if place in blocked:
                continue
            if job.finished:
                offsets[place] = (job.message.offset() or 0) + 1
            else:
                blocked.add(place)
        if not offsets:
            return
        partitions = [TopicPartition(topic, partition, offset) for (topic, partition), offset in offsets.items()]
        try:
            consumer.commit(offsets=partitions, asynchronous=False)
        except KafkaException as exc:
            # A rebalance took the partition, or the broker is away: the messages come again and are skipped.
            log.warning("could not commit offsets %s (%s); those articles will be delivered again", offsets, exc)


def _payload(value: bytes | None) -> dict[str, Any] | None:
    try:
        payload = json.loads((value or b"").decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return payload if isinstance(payload, dict) else None


def run_kafka_worker(settings: Settings, options: KafkaWorkerOptions, *, worker_id: str | None = None) -> int:
    """The `geokg worker` process with GEOKG_QUEUE=kafka: returns its exit code."""

    def build(repo: GraphRepository, nlp: Language, metrics: WorkerMetrics, stop: threading.Event) -> Runnable:
        return KafkaWorker(repo, nlp, settings, options, worker_id=worker_id, stop=stop, metrics=metrics)

    return run_worker_process(settings, build, options)

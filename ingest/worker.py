"""`geokg worker`: takes articles off the queue (service/shared/queue.py), extracts them and writes them to the graph.

    run_worker(settings, WorkerOptions(once=True))    # what the CLI calls: signals, connection, spaCy, loop

Each round claims up to `batch_size` items, parses and extracts them together (`extract_many`), then writes each
article in its own transaction, which also marks its item done. Unreadable articles fail at once with the reason;
any other error puts the item back for another attempt, until `max_attempts`. When Neo4j is unreachable the worker
keeps what it holds, logs, and retries with capped exponential backoff: work is never dropped, and whatever a dead
worker held comes back when its lease expires.
"""

from __future__ import annotations

import json
import logging
import os
import random
import secrets
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Any, Protocol, TypeVar

from neo4j.exceptions import DriverError, Neo4jError
from spacy.language import Language

from ingest.cleanup import ArticleError, CleanArticle, parse_article
from ingest.extract import extract_many
from ingest.load import write_article_tx
from ingest.models import Extraction
from ingest.nlp import ModelNotInstalled, load_pipeline
from ingest.worker_metrics import WorkerMetrics
from service.config import Settings
from service.graph.driver import create_driver, resolve_connection
from service.graph.errors import GraphError, GraphUnavailable
from service.graph.repository import GraphRepository
from service.graph.schema import apply_schema
from service.shared import queue
from service.shared.queue import LeaseLost, QueueItem

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class WorkerOptions:
    batch_size: int = 4
    lease_seconds: float = 60.0  # must exceed the time to extract one batch (leases are renewed before each write)
    poll_interval: float = 2.0  # wait between polls of an empty queue
    max_attempts: int = 3
    once: bool = False  # exit when nothing is queued or processing
    retry_failed: bool = False  # put failed items back on the queue first
    backoff_initial: float = 0.5
    backoff_max: float = 30.0
    metrics_port: int = 0  # serve Prometheus metrics on 127.0.0.1:<port> (0: none)

    def __post_init__(self) -> None:
        if self.batch_size < 1 or self.max_attempts < 1:
            raise ValueError("batch_size and max_attempts must be at least 1")
        if self.lease_seconds <= 0 or self.poll_interval <= 0 or not 0 < self.backoff_initial <= self.backoff_max:
            raise ValueError("lease, poll interval and backoff must be positive, backoff_initial <= backoff_max")
        if not 0 <= self.metrics_port <= 65535:
            raise ValueError(f"the metrics port must be 0 (none) to 65535, not {self.metrics_port}")


@dataclass
class WorkerStats:
    done: int = 0
    failed: int = 0
    retried: int = 0  # failed attempts put back on the queue
    released: int = 0  # claimed but not started when the worker stopped
    lost: int = 0  # leases taken over by another worker before we finished

    def summary(self) -> str:
        return ", ".join(f"{name} {value}" for name, value in vars(self).items())


def new_worker_id() -> str:
    """Unique per process, and readable in `processed_by` / `lease_owner`: host:pid:random."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class Stopped(Exception):
    """A stop was requested while waiting for Neo4j to come back."""


class Patience:
    """Calls operations on a server again and again while it is unreachable (`outage(exc)` says so), with capped
    exponential backoff (with jitter, so that workers that lost the server together do not return in lockstep):
    Neo4j for both workers, the Kafka broker for the Kafka worker's produce calls."""

    def __init__(
        self,
        server: str,
        where: str,
        stop: threading.Event,
        *,
        initial: float,
        cap: float,
        outage: Callable[[BaseException], bool],
    ) -> None:
        self.server = server
        self.where = where
        self.stop = stop
        self.initial = initial
        self.cap = cap
        self.outage = outage
        self._delay = initial

    def call(self, what: str, operation: Callable[[], T]) -> T:
        """`operation()`'s result once the server answers; raises Stopped if a stop is requested meanwhile."""
        while True:
            try:
                result = operation()
            except Exception as exc:
                if not self.outage(exc):
                    raise
                delay = min(self.cap, self._delay * random.uniform(0.8, 1.2))
                self._delay = min(self.cap, self._delay * 2)
                log.warning(
                    "%s unavailable at %s, retrying in %.1fs (%s: %s)",
                    self.server,
                    self.where,
                    delay,
                    what,
                    _reason(exc),
                )
                if self.stop.wait(delay):
                    raise Stopped from exc
                continue
            if self._delay != self.initial:
                log.info("%s at %s is back", self.server, self.where)
                self._delay = self.initial
            return result


def graph_patience(uri: str, stop: threading.Event, backoff: Backoff) -> Patience:
    """Patience with the Neo4j server at `uri`."""
    return Patience("Neo4j", uri, stop, initial=backoff.backoff_initial, cap=backoff.backoff_max, outage=is_outage)


def is_outage(exc: BaseException) -> bool:
    """Errors that mean "the database is not there right now", as opposed to a bad query or bad data."""
    if isinstance(exc, GraphUnavailable):
        return True
    # Left over after the driver's own retries: ServiceUnavailable and SessionExpired outside translate_errors,
    # and transient server states (Neo.TransientError.General.DatabaseUnavailable while it starts, deadlocks).
    return isinstance(exc, (DriverError, Neo4jError)) and exc.is_retryable()


class Backoff(Protocol):
    """The waits between attempts to reach Neo4j: both workers' options have them."""

    @property
    def backoff_initial(self) -> float: ...

    @property
    def backoff_max(self) -> float: ...


class GraphWorker:
    """What the queue worker (Worker) and the Kafka one (ingest/kafka_worker.py) share: the graph, reached
    patiently, the spaCy pipeline, an id, the stop event and metrics; and how an attempt's outcome is counted."""

    stats: WorkerStats

    def __init__(
        self,
        repo: GraphRepository,
        nlp: Language,
        backoff: Backoff,
        *,
        worker_id: str | None,
        stop: threading.Event | None,
        metrics: WorkerMetrics | None,
    ) -> None:
        self.repo = repo
        self.nlp = nlp
        self.id = worker_id or new_worker_id()
        self.stop = stop or threading.Event()
        self.metrics = metrics or WorkerMetrics()
        self.graph = graph_patience(repo.uri, self.stop, backoff)

    def _count_written(self, result: object | None, item: QueueItem, extraction: Extraction, started: float) -> None:
        """After `queue.complete` (begun at `started`): None means an earlier attempt had written the article."""
        if result is None:
            log.info("article %s was already done", item.id)
            return
        self.stats.done += 1
        self.metrics.extracted.inc()
        self.metrics.events.inc(len(extraction.events))
        self.metrics.write.observe(time.monotonic() - started)
        log.info(
            "article %s done: %d events, attempt %d, written in %.2fs",
            item.id,
            len(extraction.events),
            item.attempt,
            time.monotonic() - started,
        )

    def _count_retry(self, item: QueueItem, limit: int, error: str) -> None:
        """A failed attempt that another one follows (`limit`: attempts in all)."""
        self.stats.retried += 1
        self.metrics.retried.inc()
        log.warning("article %s will be retried (attempt %d of %d): %s", item.id, item.attempt, limit, error)


class Worker(GraphWorker):
    def __init__(
        self,
        repo: GraphRepository,
        nlp: Language,
        options: WorkerOptions | None = None,
        *,
        worker_id: str | None = None,
        stop: threading.Event | None = None,
        metrics: WorkerMetrics | None = None,
    ) -> None:
        self.options = options or WorkerOptions()
        super().__init__(repo, nlp, self.options, worker_id=worker_id, stop=stop, metrics=metrics)
        self.stats = WorkerStats()

    def run(self) -> WorkerStats:
        opts = self.options
        log.info(
            "worker %s: polling %s (batch %d, lease %gs)", self.id, self.repo.uri, opts.batch_size, opts.lease_seconds
        )
        try:
            if opts.retry_failed:
                retried = self.graph.call("retry failed", lambda: queue.retry_all_failed(self.repo))
                log.info("requeued %d failed articles", len(retried))
            while not self.stop.is_set():
                if not self._round() and not self.stop.is_set():
                    if opts.once and self._drained():
                        break
                    self.stop.wait(opts.poll_interval)
        except Stopped:
            pass
        log.info("worker %s stopped: %s", self.id, self.stats.summary())
        return self.stats

    def _round(self) -> bool:
        """Claims and processes one batch; False when there was nothing to claim."""
        opts = self.options
        claimed = self.graph.call(
            "claim",
            lambda: queue.claim(
                self.repo,
                self.id,
                limit=opts.batch_size,
                lease_seconds=opts.lease_seconds,
                max_attempts=opts.max_attempts,
            ),
        )
        for item_id, error in claimed.exhausted:
            self.stats.failed += 1
            log.warning("article %s failed: %s", item_id, error)
        if claimed.items:
            self._process(claimed.items)
        # Contended: others took the candidates we saw, and there may be more right behind them.
        return bool(claimed.items or claimed.exhausted or claimed.contended)

    def _drained(self) -> bool:
        counts = self.graph.call("count", lambda: queue.counts(self.repo))
        return counts["queued"] + counts["processing"] == 0

    # ----------------------------------------------------------------- one batch

    def _process(self, items: list[QueueItem]) -> None:
        parsed: list[tuple[QueueItem, CleanArticle]] = []
        for item in items:
            try:
                parsed.append((item, parse_payload(item.payload)))
            except ArticleError as exc:
                self._fail(item, f"unreadable article: {exc}")
            except Exception as exc:
                self._retry_later(item, f"parsing crashed: {exc!r}")
        extractions = self._extract([article for _, article in parsed])
        for index, ((item, article), extraction) in enumerate(zip(parsed, extractions, strict=True)):
            pending = [later for later, _ in parsed[index:]]
            if self.stop.is_set():
                self._release(pending)
                return
            if not self._renew(pending, item):
                continue
            if isinstance(extraction, Exception):
                self._retry_later(item, f"extraction crashed: {extraction!r}")
            else:
                self._write(item, article, extraction)

    def _extract(self, articles: list[CleanArticle]) -> list[Extraction | Exception]:
        return extract_isolated(articles, self.nlp, self.metrics)

    def _write(self, item: QueueItem, article: CleanArticle, extraction: Extraction) -> None:
        started = time.monotonic()
        try:
            result = self.graph.call(
                "write article",
                lambda: queue.complete(self.repo, item, self.id, lambda tx: write_article_tx(tx, article, extraction)),
            )
        except Stopped:
            log.warning("article %s not written (stopping while Neo4j is away); its lease will expire", item.id)
            raise
        except LeaseLost as exc:
            self._lost(item, exc)
            return
        except Exception as exc:  # a bad query or data the graph refuses: another attempt may or may not help
            self._retry_later(item, f"writing to the graph failed: {exc!r}")
            return
        self._count_written(result, item, extraction, started)

    # ----------------------------------------------------------------- queue bookkeeping

    def _fail(self, item: QueueItem, reason: str) -> None:
        try:
            self.graph.call("fail", lambda: queue.fail(self.repo, item, self.id, reason))
        except LeaseLost as exc:
            self._lost(item, exc)
            return
        self.stats.failed += 1
        self.metrics.failed.inc()
        log.warning("article %s failed: %s", item.id, reason)

    def _retry_later(self, item: QueueItem, error: str) -> None:
        limit = self.options.max_attempts
        try:
            status = self.graph.call(
                "requeue", lambda: queue.retry_later(self.repo, item, self.id, error, max_attempts=limit)
            )
        except LeaseLost as exc:
            self._lost(item, exc)
            return
        if status == "failed":
            self.stats.failed += 1
            self.metrics.failed.inc()
            log.warning("article %s failed after %d attempts: %s", item.id, item.attempt, error)
        else:
            self._count_retry(item, limit, error)

    def _release(self, items: Sequence[QueueItem]) -> None:
        """On stop: one try, no waiting. If Neo4j is away, the leases simply expire."""
        try:
            queue.release(self.repo, items, self.id)
        except Exception as exc:
            if not is_outage(exc):
                raise
            log.warning("could not release %d articles (%s); their leases will expire", len(items), _reason(exc))
            return
        self.stats.released += len(items)
        log.info("released %d unstarted articles: %s", len(items), ", ".join(i.id for i in items))

    def _renew(self, pending: list[QueueItem], item: QueueItem) -> bool:
        """Renews the leases of the batch's unwritten items; False when `item`'s lease was lost meanwhile."""
        lease = self.options.lease_seconds
        ours = self.graph.call("renew leases", lambda: queue.renew(self.repo, pending, self.id, lease_seconds=lease))
        if item.id not in {i.id for i in ours}:
            self._lost(item, "its lease expired and another worker took it")
            return False
        return True

    def _lost(self, item: QueueItem, why: LeaseLost | str) -> None:
        self.stats.lost += 1
        log.warning("article %s skipped: %s", item.id, why)


def extract_isolated(
    articles: list[CleanArticle], nlp: Language, metrics: WorkerMetrics
) -> list[Extraction | Exception]:
    """The articles' extractions, together (nlp.pipe); if that fails, one by one, so that the article that makes
    the extractor crash gets its exception and the others their extraction."""
    started = time.monotonic()
    try:
        done: list[Extraction | Exception] = list(extract_many(articles, nlp))
        per_article = (time.monotonic() - started) / max(1, len(articles))
        for _ in articles:
            metrics.extraction.observe(per_article)
        return done
    except Exception:
        log.warning("extracting a batch of %d failed; extracting one by one to isolate the article", len(articles))
    results: list[Extraction | Exception] = []
    for article in articles:
        try:
            results.extend(extract_many([article], nlp))
        except Exception as exc:
            results.append(exc)
    return results


def parse_payload(payload: dict[str, Any]) -> CleanArticle:
    """A queued payload is the JSON object `parse_article` reads ("text" or "html", "url", "title", "published")."""
    return parse_article(json.dumps(payload), kind="json")


# --------------------------------------------------------------------------- the process


class Runnable(Protocol):
    def run(self) -> object: ...


# Builds the worker loop once the process has its graph, pipeline, metrics and stop event.
WorkerFactory = Callable[[GraphRepository, Language, WorkerMetrics, threading.Event], Runnable]


def run_worker(settings: Settings, options: WorkerOptions, *, worker_id: str | None = None) -> int:
    """The `geokg worker` process on the Neo4j queue: returns its exit code."""

    def build(repo: GraphRepository, nlp: Language, metrics: WorkerMetrics, stop: threading.Event) -> Runnable:
        return Worker(repo, nlp, options, worker_id=worker_id, stop=stop, metrics=metrics)

    return run_worker_process(settings, build, options)


class ProcessOptions(Backoff, Protocol):
    """What run_worker_process reads of a worker's options."""

    @property
    def metrics_port(self) -> int: ...


def run_worker_process(settings: Settings, build: WorkerFactory, options: ProcessOptions) -> int:
    """What every `geokg worker` process does around its loop: signals, spaCy, the graph connection (waiting while
    Neo4j is away), the schema, metrics; then `build(...).run()`. Returns the exit code."""
    configure_logging()
    stop = threading.Event()
    try:
        return _run(settings, build, stop, options)
    except KeyboardInterrupt:  # a second signal: stop now, leases expire
        log.warning("stopped at once; articles in hand go back to the queue when their leases expire")
        return 130


def _run(settings: Settings, build: WorkerFactory, stop: threading.Event, options: ProcessOptions) -> int:
    with stop_on_signals(stop):
        try:
            nlp = load_pipeline(settings.spacy_model)
        except ModelNotInstalled as exc:
            log.error("%s", exc)
            return 1
        try:
            info = resolve_connection(settings)
        except GraphError as exc:
            log.error("%s", exc)
            return 1
        patience = graph_patience(info.uri, stop, options)
        try:
            driver = patience.call("connect", lambda: create_driver(info))
        except Stopped:
            return 0
        except GraphError as exc:  # refused credentials, bad URI: waiting will not help
            log.error("%s", exc)
            return 1
        try:
            repo = GraphRepository(driver, info.database, uri=info.uri, user=info.user)
            patience.call("apply schema", lambda: apply_schema(repo))
            metrics = WorkerMetrics()
            if options.metrics_port:
                metrics.serve(options.metrics_port)
                log.info("metrics: http://127.0.0.1:%d/metrics", options.metrics_port)
            build(repo, nlp, metrics, stop).run()
        except Stopped:
            pass
        finally:
            driver.close()
    return 0


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM / SIGINT ask the worker to stop after the article it is writing; a second one stops it at once."""

    def handle(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        log.info("%s: stopping after the current article (again to stop now)", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def configure_logging() -> None:
    """One line per event on stderr, unless the caller set up logging already."""
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
    # The driver logs each of its internal retries, trafilatura every page it cannot read: our own lines ("Neo4j
    # unavailable ...", "article ... failed: unreadable article ...") say what matters.
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__

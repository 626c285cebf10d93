"""A batch of sources into the graph: read -> parse -> extract (nlp.pipe, in batches) -> write, one article at a time.

Writing runs in a background thread while the next batch is extracted: spaCy keeps the CPU busy in this thread, and
the writer mostly waits on Neo4j, so the two overlap. A bad item (unreadable, binary, malformed, an extraction or
write error) is recorded as a failure and the batch goes on; only losing the database (GraphUnavailable,
GraphAuthError) stops it, after which `ingest_sources` raises that error.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from ingest.cleanup import ArticleError, CleanArticle, parse_article
from ingest.extract import extract, extract_many
from ingest.load import WriteResult, write_article
from ingest.models import Extraction
from ingest.sources import SourceFailure, SourceItem
from service.graph.errors import GraphAuthError, GraphError, GraphUnavailable
from service.graph.repository import GraphRepository
from service.shared.source_names import public_source

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 16


@dataclass(frozen=True)
class Failure:
    name: str
    reason: str


@dataclass
class IngestSummary:
    items: int = 0  # sources seen, good or bad
    written: int = 0  # articles added to the graph
    already_present: int = 0  # articles found in the graph already (same URL or text): nothing written
    new_events: int = 0
    merged_events: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def add(self, result: WriteResult) -> None:
        if result.created:
            self.written += 1
        else:
            self.already_present += 1
        self.new_events += result.new_events
        self.merged_events += result.merged_events


@dataclass(frozen=True)
class _Parsed:
    name: str
    article: CleanArticle


_DONE = None  # sentinel closing the write queue


class _Writer(threading.Thread):
    """Writes (name, article, extraction) from a queue; records results in the shared summary."""

    def __init__(
        self, repo: GraphRepository, summary: IngestSummary, lock: threading.Lock, advance: Callable[[], None]
    ):
        super().__init__(name="geokg-writer", daemon=True)
        self.repo = repo
        self.summary = summary
        self.lock = lock
        self.advance = advance
        self.jobs: queue.Queue[tuple[str, CleanArticle, Extraction] | None] = queue.Queue(
            maxsize=4 * DEFAULT_BATCH_SIZE
        )
        self.fatal: GraphError | None = None

    def run(self) -> None:
        while (job := self.jobs.get()) is not _DONE:
            name, article, extraction = job
            if self.fatal is None:  # after the database is lost, drain the queue without writing
                self._write(name, article, extraction)

    def _write(self, name: str, article: CleanArticle, extraction: Extraction) -> None:
        try:
            result = write_article(self.repo, article, extraction, source=public_source(name))
        except (GraphUnavailable, GraphAuthError) as exc:
            self.fatal = exc
            return
        except Exception as exc:  # a bad article must not stop the batch; the reason is reported
            log.debug("writing %s failed", name, exc_info=True)
            with self.lock:
                self.summary.failures.append(Failure(name, f"write failed: {_one_line(exc)}"))
        else:
            with self.lock:
                self.summary.add(result)
        self.advance()


def ingest_sources(
    items: Iterable[SourceItem | SourceFailure],
    nlp: Language,
    repo: GraphRepository,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int], object] | None = None,
) -> IngestSummary:
    """Reads, extracts and writes every item; returns what happened. Raises GraphError when the database is lost."""
    summary = IngestSummary()
    lock = threading.Lock()

    def advance() -> None:
        if progress is not None:
            with lock:
                progress(1)

    def fail(name: str, reason: str) -> None:
        with lock:
            summary.failures.append(Failure(name, reason))
        advance()

    writer = _Writer(repo, summary, lock, advance)
    writer.start()
    try:
        for batch in _parsed_batches(items, summary, fail, batch_size):
            if writer.fatal is not None:
                break
            for parsed, extraction in _extract_batch(batch, nlp, fail, batch_size):
                writer.jobs.put((parsed.name, parsed.article, extraction))
    finally:
        writer.jobs.put(_DONE)
        writer.join()
    if writer.fatal is not None:
        raise writer.fatal
    return summary


def _parsed_batches(
    items: Iterable[SourceItem | SourceFailure],
    summary: IngestSummary,
    fail: Callable[[str, str], None],
    batch_size: int,
) -> Iterator[list[_Parsed]]:
    batch: list[_Parsed] = []
    for item in items:
        summary.items += 1
        if isinstance(item, SourceFailure):
            fail(item.name, item.reason)
            continue
        try:
            batch.append(_Parsed(item.name, parse_article(item.payload, kind=item.kind)))
        except ArticleError as exc:
            fail(item.name, str(exc))
            continue
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_batch(
    batch: list[_Parsed], nlp: Language, fail: Callable[[str, str], None], batch_size: int
) -> list[tuple[_Parsed, Extraction]]:
    """The batch through nlp.pipe; if that fails, article by article, so one bad article fails alone."""
    try:
        return list(zip(batch, extract_many([p.article for p in batch], nlp, batch_size=batch_size), strict=True))
    except Exception:
        log.debug("batch extraction failed; retrying one article at a time", exc_info=True)
    done: list[tuple[_Parsed, Extraction]] = []
    for parsed in batch:
        try:
            done.append((parsed, extract(parsed.article, nlp)))
        except Exception as exc:  # reported, not raised: the rest of the batch goes on
            fail(parsed.name, f"extraction failed: {_one_line(exc)}")
    return done


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


def summary_lines(summary: IngestSummary) -> list[str]:
    """The end-of-run report: counts, then one line per failure with its reason."""
    lines = [
        f"articles: {summary.items} read, {summary.written} written, {summary.already_present} already present, "
        f"{len(summary.failures)} failed",
        f"events: {summary.new_events} new, {summary.merged_events} merged into events already in the graph",
    ]
    if summary.failures:
        lines.append("failures:")
        lines += [f"  {failure.name}: {failure.reason}" for failure in summary.failures]
    return lines

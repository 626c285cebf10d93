"""`geokg watch`: polls each source on its interval, fetches the article pages it has not seen, and queues them.

One poll of a source:
1. fetch its listing with the validators saved last time (a 304 ends the poll: nothing new), and for a sitemap
   index its child sitemaps the same way;
2. read the entries, drop URL variants of one story (`urls.url_key`) and the ones already seen (in Neo4j);
3. fetch the new pages (a pool of threads, each host within its limits, see fetch.py) and record them in batches
   (`watch_state.record_pages`: one transaction for up to `batch_pages` pages, written once it is full or its
   first page has waited `batch_seconds`): a page is queued when none of its keys (its URLs, its canonical link,
   its text) was seen before, else it is a duplicate; not English, no text, gone (4xx), disallowed (robots.txt)
   and refused (address) are recorded too, so they are not fetched again; a 5xx or network failure records
   nothing, so the next poll tries again;
4. only when every entry was dealt with, save the listing's new validators: a watcher killed mid-poll fetches the
   whole listing again on restart, and what it had already recorded is skipped as seen.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from ingest.watch.config import Source, WatchConfig
from ingest.watch.fetch import Fetcher, FetchError
from ingest.watch.listing import Entry, ListingError, parse_listing
from ingest.watch.metrics import WatchMetrics, serve_metrics
from ingest.watch.page import read_page, warm_up
from ingest.watch.urls import normalise, same_site, url_key
from service.config import Settings
from service.graph.driver import create_driver, resolve_connection
from service.graph.errors import GraphError
from service.graph.repository import GraphRepository
from service.graph.schema import apply_schema
from service.kafka.client_config import KafkaConfigError
from service.kafka.producer import ArticleProducer, BrokerUnavailable
from service.kafka.topics import ensure_topics
from service.shared import watch_state
from service.shared.watch_state import PageRecord, PageState, SourceRef, Validators, redact_url

log = logging.getLogger(__name__)
MAX_CHILD_SITEMAPS = 50
ENGLISH = "en"
_FAILURE_STATE: dict[str, PageState] = {"robots": "disallowed", "refused": "refused", "scheme": "refused"}


@dataclass
class PollResult:
    source: str  # URL, redacted
    ok: bool = True
    error: str | None = None
    not_modified: bool = False
    found: int = 0  # new entries (not seen before)
    pages: Counter[str] = field(default_factory=Counter)  # outcome -> pages

    def summary(self) -> str:
        if not self.ok:
            return f"{self.source}: error: {self.error}"
        if self.not_modified:
            return f"{self.source}: not modified"
        counts = ", ".join(f"{k} {v}" for k, v in sorted(self.pages.items())) or "nothing new"
        return f"{self.source}: {self.found} new ({counts})"


class Watcher:
    def __init__(
        self,
        repo: GraphRepository,
        config: WatchConfig,
        *,
        stop: threading.Event | None = None,
        metrics: WatchMetrics | None = None,
        producer: ArticleProducer | None = None,
    ) -> None:
        self.repo = repo
        self.producer = producer  # GEOKG_QUEUE=kafka: pages are produced to the articles topic, not queued in Neo4j
        self.config = config
        self.stop = stop or threading.Event()
        self.metrics = metrics or WatchMetrics()
        self.fetcher = Fetcher(config.watch.user_agent, observe=self.metrics.observe_http, sleep=self._sleep)
        self._pages = ThreadPoolExecutor(config.watch.max_workers, thread_name_prefix="watch-page")
        for source in config.sources:  # a host named by several sources: the strictest of their limits
            self.fetcher.limit_host(source.url, source)

    def close(self) -> None:
        self._pages.shutdown(wait=True, cancel_futures=True)
        self.fetcher.close()

    def _sleep(self, seconds: float) -> None:
        self.stop.wait(seconds)

    def register(self) -> None:
        refs = [SourceRef(watch_state.source_id(s.url), s.url, s.kind, s.name) for s in self.config.sources]
        watch_state.register_sources(self.repo, refs)

    # ------------------------------------------------------------------ the loop

    def run(self, *, once: bool = False) -> list[PollResult]:
        """Polls every source at once, then (unless `once`) each again when its interval has passed, until stop.
        Returns the results of the last round."""
        self.register()
        due = {s.url: 0.0 for s in self.config.sources}
        results: list[PollResult] = []
        while not self.stop.is_set():
            now = time.monotonic()
            ready = [s for s in self.config.sources if due[s.url] <= now]
            results = self.poll(ready)
            for source in ready:
                due[source.url] = time.monotonic() + source.interval
            if once:
                break
            self.stop.wait(max(0.0, min(due.values()) - time.monotonic()))
        return results

    def poll(self, sources: Iterable[Source]) -> list[PollResult]:
        chosen = list(sources)
        if not chosen:
            return []
        with ThreadPoolExecutor(min(8, len(chosen)), thread_name_prefix="watch-source") as pool:
            return list(pool.map(self.poll_source, chosen))

    # ------------------------------------------------------------------ one source

    def poll_source(self, source: Source) -> PollResult:
        result = PollResult(redact_url(source.url))
        sid = watch_state.source_id(source.url)
        try:
            self._poll(source, sid, result)
        except GraphError as exc:
            result.ok, result.error = False, f"graph unavailable: {exc}"
            log.warning("%s", result.summary())
            return result
        except Exception as exc:  # a bug must not stop the other sources; it is logged and shown in /sources
            log.exception("polling %s failed", result.source)
            result.ok, result.error = False, f"internal error: {exc!r}"
        outcome = "error" if not result.ok else "not_modified" if result.not_modified else "ok"
        self.metrics.polls.labels(source=result.source, outcome=outcome).inc()
        if not result.ok:
            self.metrics.source_errors.labels(source=result.source).inc()
        try:
            watch_state.source_polled(
                self.repo, sid, ok=result.ok, error=result.error, found=result.found, pages=result.pages
            )
        except GraphError as exc:
            log.warning("could not record the poll of %s: %s", result.source, exc)
        log.info("%s", result.summary())
        return result

    def _poll(self, source: Source, sid: str, result: PollResult) -> None:
        entries, validators, complete = self._read_listings(source, result)
        if not result.ok:
            return
        fresh: dict[str, Entry] = {}
        for entry in entries:
            fresh.setdefault(url_key(entry.url), entry)
        already = watch_state.seen(self.repo, list(fresh))
        new = [(key, entry) for key, entry in fresh.items() if key not in already]
        result.found = len(new)
        if new:
            warm_up()  # the page reader's models loaded once, not by each page thread at once
        futures: dict[Future[PageRecord | None], int] = {}
        for key, entry in new:
            if self.stop.is_set():
                complete = False
                break
            futures[self._pages.submit(self._page, source, key, entry)] = len(futures)
        outcomes = self._record_as_fetched(sid, futures)
        for outcome in outcomes:
            result.pages[outcome] += 1
            self.metrics.pages.labels(outcome=outcome).inc()
        if "retry_later" in outcomes:
            complete = False
        if complete and not self.stop.is_set():
            watch_state.save_validators(self.repo, validators)
        result.not_modified = result.not_modified and not new

    def _read_listings(self, source: Source, result: PollResult) -> tuple[list[Entry], dict[str, Validators], bool]:
        """The entries of the source's listing (and of its child sitemaps), the validators to save once they are
        all dealt with, and whether every listing was read (False: a child failed, so keep the old validators)."""
        entries: list[Entry] = []
        validators: dict[str, Validators] = {}
        complete = True
        pending = [source.url]
        seen_listings: set[str] = set()
        unchanged = 0
        while pending and len(seen_listings) <= MAX_CHILD_SITEMAPS:
            url = pending.pop(0)
            if url in seen_listings:
                continue
            seen_listings.add(url)
            saved = watch_state.validators(self.repo, url)
            try:
                got = self.fetcher.fetch(url, source, etag=saved.etag, last_modified=saved.last_modified)
                if got.not_modified:
                    unchanged += 1
                    continue
                listing = parse_listing(got.body, got.final_url, source.kind, max_entries=source.max_entries)
            except (FetchError, ListingError) as exc:
                if url == source.url:
                    result.ok, result.error = False, str(exc)
                    return [], {}, False
                log.warning("%s: child sitemap %s: %s", result.source, redact_url(url), exc)
                complete = False
                continue
            entries.extend(listing.entries)
            pending.extend(listing.sitemaps)
            # A sitemap index is read in full each time: it often stays the same while its child sitemaps change,
            # and a 304 for it would hide their new entries. The children are fetched conditionally.
            if (got.etag or got.last_modified) and not listing.sitemaps:
                validators[url] = Validators(got.etag, got.last_modified)
        result.not_modified = unchanged == len(seen_listings)
        return entries, validators, complete

    # ------------------------------------------------------------------ one page

    def _record_as_fetched(self, sid: str, futures: Mapping[Future[PageRecord | None], int]) -> list[str]:
        """Records the pages as their fetches finish, in batches: one transaction for `batch_pages` pages, or for
        fewer once the first of them has waited `batch_seconds` or no fetch is left. Returns every page's outcome
        (a PageState, or "retry_later" for a page that recorded nothing)."""
        size, patience = self.config.watch.batch_pages, self.config.watch.batch_seconds
        outcomes: list[str] = []
        batch: list[PageRecord] = []
        since = 0.0  # when the batch's first page was fetched
        running = set(futures)
        while running:
            timeout = max(0.0, since + patience - time.monotonic()) if batch else None
            done, running = wait(running, timeout=timeout, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=futures.__getitem__):  # in the order of the listing
                record = future.result()
                if record is None:
                    outcomes.append("retry_later")
                    continue
                if not batch:
                    since = time.monotonic()
                batch.append(record)
                if len(batch) >= size:
                    outcomes += self._record(sid, batch)
                    batch = []
            if batch and (not running or time.monotonic() - since >= patience):
                outcomes += self._record(sid, batch)
                batch = []
        return outcomes

    def _page(self, source: Source, key: str, entry: Entry) -> PageRecord | None:
        """Fetches and reads one page; returns what to record of it, or None when it is to be fetched again on the
        next poll (a 5xx or network failure, or the watcher stopping)."""
        if self.stop.is_set():
            return None
        try:
            got = self.fetcher.fetch(entry.url, source)
        except FetchError as exc:
            if exc.retryable:
                log.warning("%s: will retry on the next poll", exc)
                return None
            state = _FAILURE_STATE.get(exc.kind, "gone")
            return PageRecord(entry.url, [key], None, state, str(exc))
        self.metrics.fetched.inc()
        page = read_page(got.body, got.content_type, got.final_url)
        keys = [key, url_key(got.final_url)]
        if page.canonical:
            keys.append(url_key(page.canonical))
        if page.article is None:
            return PageRecord(entry.url, keys, None, "no_text", page.problem)
        if page.language != ENGLISH:
            return PageRecord(entry.url, keys, None, "not_english", f"language {page.language}")
        assert page.text_key is not None
        keys.append(page.text_key)
        payload: dict[str, Any] = {"html": page.html, "url": article_url(got.final_url, page.canonical)}
        if entry.title:
            payload["title"] = entry.title
        if entry.published:
            payload["published"] = entry.published.isoformat()
        return PageRecord(entry.url, keys, payload, "queued", None)

    def _record(self, sid: str, batch: list[PageRecord]) -> list[str]:
        """Records a batch of pages in one transaction; returns their outcomes ("retry_later" for all of them when
        the graph could not take the batch: nothing of it was recorded, so the next poll fetches them again)."""
        try:
            recorded = watch_state.record_pages(self.repo, sid, batch, submit=self._produce if self.producer else None)
        except (GraphError, BrokerUnavailable) as exc:
            log.warning("could not record %d pages (%s); they will be fetched again", len(batch), exc)
            return ["retry_later"] * len(batch)
        for page, done in zip(batch, recorded, strict=True):
            if done.state == "queued":
                self.metrics.queued.inc()
            elif done.state != "duplicate":
                log.info("%s: %s (%s)", redact_url(page.url), done.state, page.reason)
        return [done.state for done in recorded]

    def _produce(self, payloads: Sequence[Mapping[str, Any]]) -> list[str]:
        assert self.producer is not None
        return self.producer.submit(payloads)


def article_url(final_url: str, canonical: str | None) -> str:
    """The URL an article is queued (and cited) under: its canonical link when that is on the same site (a
    syndicated copy or an AMP page names the original), else the URL it was fetched from, tracking removed."""
    if canonical and same_site(final_url, canonical):
        return normalise(canonical)
    return normalise(final_url)


# --------------------------------------------------------------------------- the process


def run_watch(settings: Settings, config: WatchConfig, *, once: bool = False) -> int:
    """The `geokg watch` process: returns its exit code (with --once: 1 when any source's poll failed)."""
    _configure_logging()
    stop = threading.Event()

    def handle(signum: int, frame: FrameType | None) -> None:
        log.info("%s: stopping after the pages in hand", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        metrics = WatchMetrics()
        if config.watch.metrics_port:
            serve_metrics(metrics, config.watch.metrics_port, config.watch.metrics_host)
            log.info("metrics: http://%s:%d/metrics", config.watch.metrics_host, config.watch.metrics_port)
        try:
            info = resolve_connection(settings)
            driver = create_driver(info)
        except GraphError as exc:
            log.error("%s", exc)
            return 1
        try:
            repo = GraphRepository(driver, info.database, uri=info.uri, user=info.user)
            apply_schema(repo)
            producer = _kafka_producer(settings)
            watcher = Watcher(repo, config, stop=stop, metrics=metrics, producer=producer)
            try:
                results = watcher.run(once=once)
            finally:
                watcher.close()
                if producer is not None:
                    producer.close()
        except (GraphError, KafkaConfigError) as exc:
            log.error("%s", exc)
            return 1
        finally:
            driver.close()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0 if all(r.ok for r in results) else 1


def _kafka_producer(settings: Settings) -> ArticleProducer | None:
    """With GEOKG_QUEUE=kafka, the producer new pages go through (the topics created if missing); else None."""
    if settings.queue != "kafka":
        return None
    producer = ArticleProducer(settings)  # KafkaConfigError: a configuration the client cannot use
    try:
        ensure_topics(settings)
    except BrokerUnavailable as exc:  # pages are fetched again until the broker takes them
        log.warning("%s", exc)
    return producer


def _configure_logging() -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
    for noisy in ("neo4j", "trafilatura", "httpx", "httpcore", "htmldate", "courlan"):
        logging.getLogger(noisy).setLevel(logging.WARNING if noisy != "neo4j" else logging.CRITICAL)

"""Polite HTTP for the watcher: one `Fetcher` per watcher process, shared by its threads.

Every request:
- goes only to an http(s) URL, and connects only to addresses the source's network policy permits
  (`netguard.GuardedBackend`, checked at connect time, on every redirect hop);
- is allowed by the host's robots.txt (fetched once a day per scheme, host and port, through the same checks; a
  robots.txt that answers 4xx allows everything, one that cannot be fetched (5xx, network error) allows nothing,
  as RFC 9309 says), waits for its host's turn (at most `concurrency` requests at once per host, `delay` seconds
  apart, or the robots.txt Crawl-delay when that is longer) and says who we are (User-Agent);
- sends the validators it has (If-None-Match, If-Modified-Since), so an unchanged feed costs a 304;
- is retried with exponential backoff after a 5xx answer, a 429 or a network error (timeouts included), never
  after another 4xx; a 429 or 503 with `Retry-After` waits what it asks (seconds or an HTTP date) before the
  retry, and holds back every request to that host as long, up to the source's `max_retry_after`; a longer wait
  is not made: the request fails as retryable (the page is fetched again on the next poll);
- follows at most `max_redirects` redirects, each hop checked like the first, and reads at most `max_bytes` of
  the body within `timeout` seconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Literal
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from ingest.watch.config import SourceSettings
from ingest.watch.netguard import AddressRefused, GuardedBackend, NetworkPolicy

FailureKind = Literal[
    "refused", "robots", "scheme", "client_error", "server_error", "throttled", "network", "too_large", "redirects"
]
REDIRECTS = frozenset({301, 302, 303, 307, 308})
TOO_MANY_REQUESTS = 429
RETRY_AFTER_STATUSES = frozenset({429, 503})
ROBOTS_TTL = 86400.0


class FetchError(Exception):
    """A URL could not be fetched. `retryable`: worth trying on a later poll (5xx, network); the others (4xx,
    refused, disallowed, too large) will fail the same way again."""

    def __init__(self, url: str, kind: FailureKind, message: str, status: int | None = None) -> None:
        self.url = url
        self.kind = kind
        self.status = status
        super().__init__(message)

    @property
    def retryable(self) -> bool:
        return self.kind in ("server_error", "throttled", "network")


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    status: int  # 200-299, or 304 (not modified: `body` is empty)
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def origin_of(url: str) -> str:
    """scheme://host:port, the unit of robots.txt and of the per-host limits."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or (443 if scheme == "https" else 80)
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}:{port}"


class HostGate:
    """At most `concurrency` requests at once to one host, each starting `delay` seconds after the previous one
    started and after the last one ended. Sources that share a host may ask with different settings: the gate keeps
    the strictest it has been given (the smallest concurrency, the longest delay), so the host gets the politeness
    of its most careful source whichever source's request is waiting."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._active = 0
        self._next_at = 0.0
        self._concurrency: int | None = None
        self._delay = 0.0

    def limit(self, concurrency: int, delay: float) -> tuple[int, float]:
        """Adds a source's limits for this host; returns the strictest so far (concurrency, delay)."""
        with self._cond:
            return self._limit(concurrency, delay)

    def _limit(self, concurrency: int, delay: float) -> tuple[int, float]:
        self._concurrency = concurrency if self._concurrency is None else min(self._concurrency, concurrency)
        self._delay = max(self._delay, delay)
        return self._concurrency, self._delay

    def hold(self, seconds: float) -> None:
        """No request to this host starts for `seconds` (the host asked us to wait: Retry-After)."""
        with self._cond:
            self._next_at = max(self._next_at, time.monotonic() + seconds)

    @contextmanager
    def turn(self, concurrency: int, delay: float) -> Iterator[None]:
        with self._cond:
            concurrency, delay = self._limit(concurrency, delay)
            while True:
                now = time.monotonic()
                if self._active < concurrency and now >= self._next_at:
                    self._active += 1
                    self._next_at = now + delay
                    break
                self._cond.wait(None if self._active >= concurrency else max(0.0, self._next_at - now))
        try:
            yield
        finally:
            with self._cond:
                self._active -= 1
                self._next_at = max(self._next_at, time.monotonic() + self._delay)
                self._cond.notify_all()


@dataclass
class _Robots:
    parser: RobotFileParser | None  # None: everything allowed
    disallow_all: bool
    crawl_delay: float
    fetched_at: float


Observer = Callable[[str, float], None]  # (outcome: status code or error kind, seconds)


@dataclass
class Fetcher:
    user_agent: str
    observe: Observer | None = None
    sleep: Callable[[float], None] = time.sleep
    _clients: dict[tuple[str, ...], httpx.Client] = field(default_factory=dict)
    _gates: dict[str, HostGate] = field(default_factory=dict)
    _robots: dict[str, _Robots] = field(default_factory=dict)
    _robots_locks: dict[str, threading.Lock] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def close(self) -> None:
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()

    def fetch(
        self,
        url: str,
        settings: SourceSettings,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        robots: bool = True,
    ) -> Fetched:
        """GET `url` under the rules above; raises FetchError."""
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(settings.max_redirects + 1):
            if urlsplit(current).scheme.lower() not in ("http", "https") or not urlsplit(current).hostname:
                raise FetchError(current, "scheme", f"not an http(s) URL: {current[:200]!r}")
            crawl_delay = 0.0
            if robots:
                crawl_delay = self._robots_check(current, settings)
            status, response_headers, body = self._with_retries(current, settings, headers, crawl_delay)
            if status in REDIRECTS and response_headers.get("location"):
                current = urljoin(current, response_headers["location"])
                continue
            if 400 <= status < 500:
                raise FetchError(current, "client_error", f"HTTP {status} from {current}", status)
            if status != 304 and not 200 <= status < 300:
                raise FetchError(current, "client_error", f"unexpected HTTP {status} from {current}", status)
            return Fetched(
                url=url,
                final_url=current,
                status=status,
                body=body,
                content_type=response_headers.get("content-type", ""),
                etag=response_headers.get("etag"),
                last_modified=response_headers.get("last-modified"),
            )
        raise FetchError(url, "redirects", f"more than {settings.max_redirects} redirects from {url}")

    # ------------------------------------------------------------------ one request, retried

    def _with_retries(
        self, url: str, settings: SourceSettings, headers: Mapping[str, str], crawl_delay: float
    ) -> tuple[int, httpx.Headers, bytes]:
        gate = self._gate(origin_of(url))
        attempt = 0
        while True:
            error: FetchError
            asked: float | None = None  # Retry-After, seconds
            with gate.turn(settings.concurrency, max(settings.delay, crawl_delay)):
                try:
                    status, response_headers, body = self._once(url, settings, headers)
                except FetchError as exc:
                    if not exc.retryable:
                        raise
                    error = exc
                else:
                    if status < 500 and status != TOO_MANY_REQUESTS:
                        return status, response_headers, body
                    kind: FailureKind = "throttled" if status == TOO_MANY_REQUESTS else "server_error"
                    error = FetchError(url, kind, f"HTTP {status} from {url}", status)
                    if status in RETRY_AFTER_STATUSES:
                        asked = retry_after_seconds(response_headers.get("retry-after"))
            if asked is not None:
                gate.hold(min(asked, settings.max_retry_after))
                if asked > settings.max_retry_after:
                    raise FetchError(
                        url,
                        error.kind,
                        f"{error}: Retry-After {asked:g}s is over max_retry_after ({settings.max_retry_after:g}s)",
                        error.status,
                    )
            if attempt >= settings.retries:
                if attempt:
                    raise FetchError(url, error.kind, f"{error} (after {attempt + 1} attempts)", error.status)
                raise error
            self.sleep(max(asked or 0.0, settings.backoff * (2**attempt)))
            attempt += 1

    def _once(self, url: str, settings: SourceSettings, headers: Mapping[str, str]) -> tuple[int, httpx.Headers, bytes]:
        client = self._client(settings)
        started = time.monotonic()
        outcome = "network"
        try:
            with client.stream("GET", url, headers=headers, timeout=httpx.Timeout(settings.timeout)) as response:
                outcome = str(response.status_code)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > settings.max_bytes:
                    outcome = "too_large"
                    raise FetchError(url, "too_large", f"{url} is {declared} bytes (limit {settings.max_bytes})")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > settings.max_bytes:
                        outcome = "too_large"
                        raise FetchError(url, "too_large", f"{url} is over {settings.max_bytes} bytes")
                    if time.monotonic() - started > settings.timeout * 2:
                        outcome = "network"
                        raise FetchError(url, "network", f"{url} took over {settings.timeout * 2:g}s to send")
                    chunks.append(chunk)
                return response.status_code, response.headers, b"".join(chunks)
        except AddressRefused as exc:
            outcome = "refused"
            raise FetchError(url, "refused", str(exc)) from None
        except httpx.DecodingError as exc:
            outcome = "network"
            raise FetchError(url, "network", f"{url}: bad content encoding: {exc}") from None
        except (httpx.TransportError, httpcore.ConnectError) as exc:
            outcome = "network"
            raise FetchError(url, "network", f"{url}: {type(exc).__name__}: {exc or 'no answer'}") from None
        finally:
            if self.observe is not None:
                self.observe(outcome, time.monotonic() - started)

    def _client(self, settings: SourceSettings) -> httpx.Client:
        key = tuple(sorted(str(n) for n in settings.networks()))
        with self._lock:
            client = self._clients.get(key)
            if client is None:
                transport = GuardedTransport(NetworkPolicy(settings.networks()))
                client = httpx.Client(transport=transport, follow_redirects=False, trust_env=False)
                self._clients[key] = client
            return client

    def limit_host(self, url: str, settings: SourceSettings) -> None:
        """Tells the gate of `url`'s host about a source's limits before any request (a host that several sources
        name gets the strictest of them from the start, whichever source asks first)."""
        self._gate(origin_of(url)).limit(settings.concurrency, settings.delay)

    def _gate(self, origin: str) -> HostGate:
        with self._lock:
            return self._gates.setdefault(origin, HostGate())

    # ------------------------------------------------------------------ robots.txt

    def _robots_check(self, url: str, settings: SourceSettings) -> float:
        """Raises FetchError("robots") when robots.txt disallows `url`; returns its Crawl-delay (0 when none)."""
        origin = origin_of(url)
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            rules = self._robots.get(origin)
            if rules is None or time.monotonic() - rules.fetched_at > ROBOTS_TTL:
                rules = self._fetch_robots(origin, settings)
                self._robots[origin] = rules
        if rules.disallow_all:
            raise FetchError(url, "robots", f"{origin}/robots.txt could not be fetched: crawling it is not allowed")
        if rules.parser is not None and not rules.parser.can_fetch(self.user_agent, url):
            raise FetchError(url, "robots", f"robots.txt of {origin} disallows {url}")
        return rules.crawl_delay

    def _fetch_robots(self, origin: str, settings: SourceSettings) -> _Robots:
        now = time.monotonic()
        try:
            got = self.fetch(f"{origin}/robots.txt", settings, robots=False)
        except FetchError as exc:
            if exc.kind == "refused":
                raise
            if exc.kind == "client_error":  # no robots.txt (404) or not readable by anyone: no rules
                return _Robots(None, False, 0.0, now)
            return _Robots(None, True, 0.0, now)
        parser = RobotFileParser()
        parser.parse(got.body.decode("utf-8", errors="replace").splitlines())
        delay = parser.crawl_delay(self.user_agent)
        return _Robots(parser, False, float(delay or 0.0), now)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """The wait a `Retry-After` header asks for, in seconds (delta-seconds or an HTTP date, RFC 9110 10.2.3); None
    when there is none or it cannot be read; 0 for a date in the past."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool opening sockets through `GuardedBackend`.

    httpx does not take a network backend itself, so the pool it builds is replaced by an equivalent one with
    the backend (tests/test_watch.py proves the guard is what runs: a refused address is never connected to)."""

    def __init__(self, policy: NetworkPolicy) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=GuardedBackend(policy),
        )

"""The watcher's Prometheus metrics (official `prometheus-client`), on a registry of its own, served by
`serve_metrics` on the port `--metrics-port` / `[watch] metrics_port` names."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, start_http_server


class WatchMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.polls = Counter(
            "geokg_watch_polls",
            "Polls of a source, by outcome (ok, not_modified, error)",
            ["source", "outcome"],
            registry=r,
        )
        self.source_errors = Counter(
            "geokg_watch_source_errors",
            "Polls of a source that failed (listing unreadable or unreachable)",
            ["source"],
            registry=r,
        )
        self.pages = Counter(
            "geokg_watch_pages",
            "Article pages by outcome: queued, duplicate, not_english, no_text, gone, disallowed, refused, retry_later",
            ["outcome"],
            registry=r,
        )
        self.fetched = Counter("geokg_watch_articles_fetched", "Article pages fetched (2xx answers)", registry=r)
        self.queued = Counter("geokg_watch_articles_queued", "Articles put on the queue", registry=r)
        self.http = Histogram(
            "geokg_watch_http_request_seconds",
            "HTTP requests of the watcher, by outcome (status code, or network, refused, too_large)",
            ["outcome"],
            registry=r,
        )

    def observe_http(self, outcome: str, seconds: float) -> None:
        self.http.labels(outcome=outcome).observe(seconds)


def serve_metrics(metrics: WatchMetrics, port: int, host: str = "127.0.0.1") -> None:
    """Serves /metrics in the Prometheus text format from a daemon thread."""
    start_http_server(port, addr=host, registry=metrics.registry)

"""The worker's Prometheus metrics (official `prometheus-client`), on a registry of its own, served on the port
`geokg worker --metrics-port` names (README "Metrics")."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, start_http_server

# Extraction of one article takes from ~10 ms (a short text) to seconds (a long one on a busy machine).
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class WorkerMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.extracted = Counter("geokg_worker_articles_extracted", "Articles extracted and written", registry=r)
        self.failed = Counter("geokg_worker_articles_failed", "Articles marked failed", registry=r)
        self.retried = Counter("geokg_worker_articles_retried", "Failed attempts put back on the queue", registry=r)
        self.events = Counter("geokg_worker_events_written", "Events written (as extracted per article)", registry=r)
        self.extraction = Histogram(
            "geokg_worker_extraction_seconds", "Extraction time per article", buckets=LATENCY_BUCKETS, registry=r
        )
        self.write = Histogram(
            "geokg_worker_write_seconds", "Graph write time per article", buckets=LATENCY_BUCKETS, registry=r
        )

    def serve(self, port: int, host: str = "127.0.0.1") -> None:
        start_http_server(port, addr=host, registry=self.registry)

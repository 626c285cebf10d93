"""GET /metrics in the Prometheus text format (official `prometheus-client`), on a registry of the app's own:

- `geokg_api_request_seconds{method, route, status}`: every request's latency, by route template (so
  `/countries/{actor}/partners`, not one series per country) and status;
- read from the graph at each scrape (`GraphCollector`): the queue's depth by status
  (`geokg_queue_items{status}`; done are the articles extracted and written, failed those that failed), the events
  and articles in the graph, and each watched source's counters (`geokg_source_*{source}`: polls, errors, found,
  queued, ...); `geokg_graph_up` is 0 when Neo4j cannot be read, and then only the request metrics are given.

The worker and the watcher serve their own metrics (extraction and write latency, pages fetched ...) on the port
their `--metrics-port` names; README "Metrics" has the scrape configuration.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator

from fastapi import APIRouter, FastAPI, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from service.api.graph_state import GraphState
from service.graph.errors import GraphError
from service.shared import queue, watch_state

router = APIRouter(tags=["health"])

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
SOURCE_COUNTERS = ("polls", "errors", "found", "queued", "duplicates", "not_english", "no_text", "failed")


class GraphCollector(Collector):
    """Numbers kept in the graph, read when Prometheus scrapes (three small queries)."""

    def __init__(self, graph: Callable[[], GraphState]) -> None:
        self._graph = graph

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("geokg_graph_up", "1 when Neo4j answered this scrape's queries")
        try:
            repo = self._graph().repository()
            counts = queue.counts(repo)
            stats = repo.read("read/api_stats")[0]
            sources = watch_state.sources(repo)
        except GraphError:
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        depth = GaugeMetricFamily("geokg_queue_items", "Queue items by status", labels=["status"])
        for status, count in counts.items():
            depth.add_metric([status], count)
        yield depth
        for name in ("events", "articles"):
            gauge = GaugeMetricFamily(f"geokg_graph_{name}", f"{name.capitalize()} in the graph")
            gauge.add_metric([], stats[name])
            yield gauge
        for counter in SOURCE_COUNTERS:
            family = CounterMetricFamily(
                f"geokg_source_{counter}", f"Watched sources: {counter.replace('_', ' ')}", labels=["source"]
            )
            for source in sources:
                family.add_metric([source["url"]], source[counter] or 0)
            yield family


def install_metrics(app: FastAPI) -> CollectorRegistry:
    """The app's registry, its request-latency middleware and its graph collector."""
    registry = CollectorRegistry()
    latency = Histogram(
        "geokg_api_request_seconds",
        "API requests by method, route template and status",
        ["method", "route", "status"],
        registry=registry,
    )
    registry.register(GraphCollector(lambda: app.state.graph))

    @app.middleware("http")
    async def measure(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        status = 500
        try:
            response = await call_next(request)
            status = response.status_code
            return response
        finally:
            route = request.scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            method = request.method if request.method in METHODS else "other"  # any token is a method: bound it
            latency.labels(method, template, str(status)).observe(time.perf_counter() - started)

    app.state.metrics = registry
    return registry


@router.get(
    "/metrics",
    summary="Prometheus metrics: request latency, queue depth, graph size, watched sources",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST.split(";")[0]: {"example": "geokg_graph_up 1.0\n"}}}},
)
def get_metrics(request: Request) -> Response:
    registry: CollectorRegistry = request.app.state.metrics
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

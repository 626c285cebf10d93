"""The FastAPI application factory. The full API is added router by router; this holds the wiring."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI

from service.api import (
    routes_articles,
    routes_ask,
    routes_browser,
    routes_countries,
    routes_dashboard,
    routes_docs,
    routes_events,
    routes_exports,
    routes_graph,
    routes_health,
    routes_home,
    routes_people,
    routes_relations,
    routes_sources,
    routes_timeline,
)
from service.api.graph_state import GraphState
from service.api.metrics import install_metrics
from service.api.metrics import router as metrics_router
from service.api.security import add_cors, read_guard
from service.config import Settings, get_settings
from service.kafka.producer import ArticleProducer


def _version() -> str:
    try:
        return version("geokg")
    except PackageNotFoundError:  # running from a checkout that was not pip-installed
        return "0.0.0+checkout"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # One driver for the process. Connecting may start the managed Neo4j (slow and blocking, so it runs
        # off the event loop); if it fails the app still starts and requests retry (see GraphState).
        graph = GraphState(settings)
        app.state.graph = graph
        await asyncio.to_thread(graph.startup)
        try:
            yield
        finally:
            if producer is not None:
                await asyncio.to_thread(producer.close)
            await asyncio.to_thread(graph.close)

    app = FastAPI(
        title="geokg",
        summary="Geopolitical knowledge graph: countries, leaders and dated events from news, with evidence",
        version=_version(),
        lifespan=lifespan,
        docs_url=None,  # served by routes_docs from packaged files, not from a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    # GEOKG_QUEUE=kafka: POST /articles produces to the articles topic. Made here, so that a configuration the
    # client cannot use (no brokers, a bad property) stops the API at startup; it connects on first use.
    producer = ArticleProducer(settings) if settings.queue == "kafka" else None
    app.state.producer = producer
    add_cors(app, settings)
    reads = read_guard(settings)  # the API key on every router that returns graph data, when reads are closed
    app.include_router(routes_health.router)
    app.include_router(routes_home.router)  # the front door: links, and the graph's size unless reads are closed
    app.include_router(routes_home.stats_router, **reads)
    app.include_router(routes_docs.router)
    app.include_router(routes_articles.router, **reads)
    app.include_router(routes_ask.router, **reads)
    app.include_router(routes_countries.router, **reads)
    app.include_router(routes_relations.router, **reads)
    app.include_router(routes_timeline.router, **reads)
    app.include_router(routes_events.router, **reads)
    app.include_router(routes_people.router, **reads)
    app.include_router(routes_graph.router, **reads)
    app.include_router(routes_exports.router, **reads)
    app.include_router(routes_sources.router, **reads)
    install_metrics(app)
    app.include_router(metrics_router, **reads)
    app.include_router(routes_dashboard.router)
    app.include_router(routes_browser.router)  # style and guide for Neo4j Browser: no graph data, always open
    return app

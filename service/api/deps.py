"""FastAPI dependencies: typed aliases that route handlers declare to get settings, the graph state or the
repository (tests override them through `app.dependency_overrides`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status

from service.api.graph_state import GraphState
from service.config import Settings
from service.graph.errors import GraphError
from service.graph.repository import GraphRepository
from service.kafka.producer import ArticleProducer


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_graph_state(request: Request) -> GraphState:
    state: GraphState = request.app.state.graph
    return state


def get_repository(graph: Annotated[GraphState, Depends(get_graph_state)]) -> GraphRepository:
    """The repository, or 503 with the reason while Neo4j cannot be reached."""
    try:
        return graph.repository()
    except GraphError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail=str(exc)) from exc


def get_producer(request: Request) -> ArticleProducer | None:
    """The Kafka producer POST /articles submits through with GEOKG_QUEUE=kafka; None with the Neo4j queue."""
    producer: ArticleProducer | None = getattr(request.app.state, "producer", None)
    return producer


def get_today() -> date:
    """The server's current date, for questions about "this year" or "last month" (tests set their own)."""
    return date.today()


AppSettings = Annotated[Settings, Depends(get_app_settings)]
Graph = Annotated[GraphState, Depends(get_graph_state)]
Repository = Annotated[GraphRepository, Depends(get_repository)]
Today = Annotated[date, Depends(get_today)]
KafkaProducer = Annotated[ArticleProducer | None, Depends(get_producer)]

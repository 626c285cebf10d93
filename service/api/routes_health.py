"""Liveness (/health: the process answers) and readiness (/ready: Neo4j answers and the schema is applied)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, ConfigDict

from service.api.deps import Graph, Repository
from service.graph.errors import GraphError
from service.graph.schema import missing_schema_objects, schema_objects

router = APIRouter(tags=["health"])


class HealthResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})
    status: Literal["ok"] = "ok"


class ReadyResponse(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"status": "ready", "database": "neo4j", "schema_objects": 20}]}
    )
    status: Literal["ready"] = "ready"
    database: str
    schema_objects: int  # constraints and indexes declared in cypher/schema/, all present


class ErrorResponse(BaseModel):
    detail: str


def _example(value: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"example": value}}}


_NOT_READY_EXAMPLE = {
    "detail": "Neo4j is not reachable at neo4j://127.0.0.1:7687: Unable to retrieve routing information"
}


@router.get(
    "/health",
    summary="The process is up",
    response_model=HealthResponse,
    responses={200: _example({"status": "ok"})},
)
def get_health() -> HealthResponse:
    return HealthResponse()


@router.get(
    "/ready",
    summary="Neo4j is reachable and the schema is applied",
    response_model=ReadyResponse,
    responses={
        200: _example({"status": "ready", "database": "neo4j", "schema_objects": 20}),
        503: {"model": ErrorResponse, "description": "Neo4j unreachable or schema missing"}
        | _example(_NOT_READY_EXAMPLE),
    },
)
def get_ready(repo: Repository, graph: Graph) -> ReadyResponse:
    try:
        repo.check_connection()  # fails fast when the server went away after we connected
        missing = missing_schema_objects(repo)
    except GraphError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail=str(exc)) from exc
    if missing:
        graph.schema_lost()  # the next request re-applies it
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE, detail=f"schema not applied, missing: {', '.join(missing)}"
        )
    return ReadyResponse(database=repo.database or "default", schema_objects=len(schema_objects()))

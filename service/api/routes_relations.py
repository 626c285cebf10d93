"""The events between two actors, newest first, with their evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from service.api.actors import (
    MinConfidence,
    actor_summary,
    graph_errors,
    index_bounds,
    parse_range,
    resolve_actor,
)
from service.api.deps import Repository
from service.api.schemas import RELATIONS_EXAMPLE, RelationsResponse, error_responses, ok_response

router = APIRouter(prefix="/relations", tags=["relations"])


# Above every ISO date and every date prefix: "2024-03~" > "2024-03-31" (and < "2024-04").
@router.get(
    "",
    summary="Events between two actors, newest first, each with its reporting sentences and articles",
    description=(
        "`a` and `b` are ISO3 codes, organisation ids or names (`Russia`, `the Kremlin`). An event counts when the "
        "two are on opposite sides of it, or take part in a symmetric one (a meeting). `a_role`/`b_role` give the "
        "sides. Undated events come last. `since`/`until`: YYYY, YYYY-MM or YYYY-MM-DD. `min_confidence` (0..1): "
        "only the events whose confidence is at least it."
    ),
    response_model=RelationsResponse,
    responses=ok_response(RELATIONS_EXAMPLE) | error_responses(404, 422, 503),
)
def get_relations(
    a: str,
    b: str,
    repo: Repository,
    since: str | None = None,
    until: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    min_confidence: MinConfidence = None,
) -> RelationsResponse:
    key_a, key_b = resolve_actor(a), resolve_actor(b)
    start, end = parse_range(since, until)
    low, high = index_bounds(start, end)
    with graph_errors():
        rows = repo.read(
            "read/api_relations",
            a=key_a,
            b=key_b,
            pair="|".join(sorted((key_a, key_b))),
            since=start,
            until=end,
            low=low,
            high=high,
            min_confidence=min_confidence,
            limit=limit,
        )
    return RelationsResponse.model_validate({"a": actor_summary(key_a), "b": actor_summary(key_b), "events": rows})

"""The events between two actors, newest first, with their evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from service.api.actors import actor_summary, graph_errors, parse_range, resolve_actor
from service.api.deps import Repository
from service.api.schemas import RELATIONS_EXAMPLE, RelationsResponse, error_responses, ok_response

router = APIRouter(prefix="/relations", tags=["relations"])

# Above every ISO date and every date prefix: "2024-03~" > "2024-03-31" (and < "2024-04").
_AFTER = "~"


def index_bounds(since: str | None, until: str | None) -> tuple[str, str]:
    """[low, high) bounds on the BETWEEN index's dates that contain every event date overlapping since..until.

    A partial date overlaps a bound it prefixes ("2024" overlaps since "2024-03"), so the low bound is the year of
    `since`; the query filters the exact overlap. Undated events are stored as '' and so fall below any low bound
    but the open one ('' when neither bound is given)."""
    if since is None and until is None:
        return "", _AFTER
    return (since[:4] if since else "0"), (until + _AFTER if until else _AFTER)


@router.get(
    "",
    summary="Events between two actors, newest first, each with its reporting sentences and articles",
    description=(
        "`a` and `b` are ISO3 codes, organisation ids or names (`Russia`, `the Kremlin`). An event counts when the "
        "two are on opposite sides of it, or take part in a symmetric one (a meeting). `a_role`/`b_role` give the "
        "sides. Undated events come last. `since`/`until`: YYYY, YYYY-MM or YYYY-MM-DD."
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
            limit=limit,
        )
    return RelationsResponse.model_validate({"a": actor_summary(key_a), "b": actor_summary(key_b), "events": rows})

"""Countries (and other actors): the list with counts, one actor's officials and top partners, and "who is
cooperating with X?" (partners ranked by evidence)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, status

from service.api.actors import (
    MinConfidence,
    actor_summary,
    cumulative_bounds,
    graph_errors,
    index_bounds,
    parse_range,
    parse_types,
    resolve_actor,
    summarised,
)
from service.api.deps import Repository
from service.api.schemas import (
    COUNTRIES_EXAMPLE,
    COUNTRY_EXAMPLE,
    PARTNERS_EXAMPLE,
    CountryDetail,
    CountrySummary,
    Partner,
    PartnersResponse,
    Stance,
    error_responses,
    ok_response,
)
from service.graph.repository import GraphRepository, Row

router = APIRouter(prefix="/countries", tags=["countries"])

TOP_PARTNERS = 5


def read_partners(
    repo: GraphRepository,
    actor: str,
    cooperation: bool,
    since: str | None,
    until: str | None,
    types: list[str] | None,
    limit: int,
    min_confidence: float | None = None,
) -> tuple[str, list[Row]]:
    """The partners of `actor` in one stance and range, and the name of the query that read them (GET /ask reports
    it): without a range, the relationship layer's per-edge summaries; with year or month bounds, its per-pair
    summaries (its per-edge ones when the types are filtered); with a day bound, the events themselves. They give
    the same answer over the same events, at a cost that follows the actor's partners (the first ones) or its events
    in the range (the last). With a least confidence (the summaries count every event) the events themselves are
    read, whatever the range."""
    with graph_errors():
        if min_confidence is None and since is None and until is None:
            name = "read/api_partners"
            return name, repo.read(name, actor=actor, cooperation=cooperation, types=types, limit=limit)
        if min_confidence is None and summarised(since, until):
            if types is None:
                rows = partners_from_pairs(repo, actor, cooperation, since, until, limit)
                return "read/api_partners_summarised", rows
            return "read/api_partners_in_periods", partners_from_periods(
                repo, actor, cooperation, since, until, types, limit
            )
        return "read/api_partners_in_range", partners_from_events(
            repo, actor, cooperation, since, until, types, limit, min_confidence
        )


def partners_from_pairs(
    repo: GraphRepository, actor: str, cooperation: bool, since: str | None, until: str | None, limit: int
) -> list[Row]:
    """A range with year or month bounds, summed from the per-pair summaries (no type filter)."""
    bounds = cumulative_bounds(since, until)
    return repo.read(
        "read/api_partners_summarised",
        actor=actor,
        cooperation=cooperation,
        since=since,
        until=until,
        month_low=bounds["month_low"],
        month_high=bounds["month_high"],
        year_low=bounds["year_low"],
        year_high=bounds["year_high"],
        limit=limit,
    )


def partners_from_periods(
    repo: GraphRepository,
    actor: str,
    cooperation: bool,
    since: str | None,
    until: str | None,
    types: list[str] | None,
    limit: int,
) -> list[Row]:
    """A range with year or month bounds, summed from the typed edges' per-period summaries."""
    bounds = cumulative_bounds(since, until)
    return repo.read(
        "read/api_partners_in_periods",
        actor=actor,
        cooperation=cooperation,
        since=since,
        until=until,
        month_low=bounds["month_low"],
        month_high=bounds["month_high"],
        year_low=bounds["year_low"],
        year_high=bounds["year_high"],
        types=types,
        limit=limit,
    )


def partners_from_events(
    repo: GraphRepository,
    actor: str,
    cooperation: bool,
    since: str | None,
    until: str | None,
    types: list[str] | None,
    limit: int,
    min_confidence: float | None = None,
) -> list[Row]:
    """Any range, counted from the events whose dates overlap it."""
    low, high = index_bounds(since, until)
    return repo.read(
        "read/api_partners_in_range",
        actor=actor,
        cooperation=cooperation,
        since=since,
        until=until,
        date_low=low,
        date_high=high,
        types=types,
        min_confidence=min_confidence,
        limit=limit,
    )


def _partners(
    repo: GraphRepository,
    actor: str,
    stance: Stance,
    since: str | None,
    until: str | None,
    types: list[str] | None,
    limit: int,
    min_confidence: float | None = None,
) -> list[Partner]:
    _, rows = read_partners(repo, actor, stance == "cooperation", since, until, types, limit, min_confidence)
    return [Partner.model_validate(row) for row in rows]


@router.get(
    "",
    summary="Countries in the graph, most events first",
    response_model=list[CountrySummary],
    responses=ok_response(COUNTRIES_EXAMPLE) | error_responses(503),
)
def list_countries(repo: Repository) -> list[CountrySummary]:
    with graph_errors():
        rows = repo.read("read/api_countries")
    return [CountrySummary.model_validate(row) for row in rows]


@router.get(
    "/{actor}",
    summary="One country (or organisation): counts, officials, top partners in each stance",
    description="`actor` is an ISO3 code, an organisation id or a name the gazetteer knows (`Russia`, `russia`, "
    "`the Kremlin`).",
    response_model=CountryDetail,
    responses=ok_response(COUNTRY_EXAMPLE) | error_responses(404, 503),
)
def get_country(actor: str, repo: Repository) -> CountryDetail:
    key = resolve_actor(actor)
    with graph_errors():
        rows = repo.read("read/api_actor", actor=key)
    if not rows:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, detail={"message": f"{key} is not in the graph yet", "suggestions": []}
        )
    found: dict[str, Any] = rows[0]
    partners = {
        stance: _partners(repo, key, stance, None, None, None, TOP_PARTNERS) for stance in ("cooperation", "conflict")
    }
    return CountryDetail.model_validate(found | {"partners": partners})


@router.get(
    "/{actor}/partners",
    summary="Who is cooperating (or in conflict) with this actor, ranked by evidence",
    description=(
        "Partners are the states and organisations on the other side of the actor's events (or fellow participants "
        "of symmetric ones). Cooperation: AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT and MOBILIZE "
        "with mode `troops` (troops sent in support); conflict: every other type. "
        "`score` = sum over the pair's events of the event's confidence x weight, the weight being 2 for material "
        "events (and troops) and 1 for verbal ones. `evidence` holds the 3 strongest reporting sentences. "
        "`since`/`until` take YYYY, YYYY-MM or YYYY-MM-DD and keep events whose date overlaps the range; `types` "
        "keeps only these PLOVER types (repeat the parameter or separate with commas)."
    ),
    response_model=PartnersResponse,
    responses=ok_response(PARTNERS_EXAMPLE) | error_responses(404, 422, 503),
)
def get_country_partners(
    actor: str,
    repo: Repository,
    stance: Stance = "cooperation",
    since: str | None = None,
    until: str | None = None,
    types: Annotated[list[str] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    min_confidence: MinConfidence = None,
) -> PartnersResponse:
    key = resolve_actor(actor)
    start, end = parse_range(since, until)
    partners = _partners(repo, key, stance, start, end, parse_types(types), limit, min_confidence)
    return PartnersResponse.model_validate({"actor": actor_summary(key), "stance": stance, "partners": partners})

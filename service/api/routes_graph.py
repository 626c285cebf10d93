"""The relationship layer around one actor as nodes and edges a dashboard can draw.

A breadth-first walk, one `read/api_graph_edges` query per level (a fixed query: the depth is a loop here, never
a number formatted into Cypher), strongest edges first, stopping at `limit` nodes. A last pass over the outermost
level adds the edges among nodes already drawn.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from service.api.actors import (
    MinConfidence,
    actor_summary,
    cumulative_bounds,
    graph_errors,
    index_bounds,
    parse_range,
    resolve_actor,
    summarised,
)
from service.api.deps import Repository
from service.api.schemas import GRAPH_EXAMPLE, GraphEdge, GraphNode, GraphResponse, error_responses, ok_response
from service.graph.repository import GraphRepository, Row
from service.shared.relations import RELATION_OF_TYPE, UNDIRECTED

router = APIRouter(prefix="/graph", tags=["graph"])

MAX_NODES = 300
# Edges returned at most, the strongest first: around a busy state the last pass finds thousands among 300 nodes,
# more than a drawing can show and a large answer to build; `truncated` says so.
MAX_EDGES = 2000
RELATION_TYPE_NAMES = {event_type: relation.value for event_type, relation in RELATION_OF_TYPE.items()}


@router.get(
    "",
    summary="Nodes and edges of the relationship layer around an actor (MET_WITH, AIDS, ATTACKS, ...)",
    description=(
        "`center`: ISO3, organisation id or name. `depth` 1..3 steps; `limit` caps the nodes (at most 300), and "
        f"at most {MAX_EDGES} edges are returned, the strongest first (`truncated` says a cap was reached). "
        "With `since`/`until` (YYYY, YYYY-MM or YYYY-MM-DD) the edges are those of the events whose dates overlap "
        "the range: an edge's `event_count`, `first_date` and `last_date` are the range's, as in "
        "`GET /countries/{id}/partners` with the same range. With `min_confidence` (0..1) only the events whose "
        "confidence is at least it are counted, as the partners with the same `min_confidence` count them."
    ),
    response_model=GraphResponse,
    responses=ok_response(GRAPH_EXAMPLE) | error_responses(404, 422, 503),
)
def get_graph(
    center: str,
    repo: Repository,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    since: str | None = None,
    until: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_NODES)] = MAX_NODES,
    min_confidence: MinConfidence = None,
) -> GraphResponse:
    key = resolve_actor(center)
    start, end = parse_range(since, until)
    center_node = actor_summary(key)
    nodes = {key: GraphNode(id=key, label=center_node["name"], kind=center_node["kind"])}
    edges: dict[tuple[str, str, str], GraphEdge] = {}
    frontier = [key]
    truncated = False
    with graph_errors():
        for level in range(depth + 1):
            if not frontier:
                break
            room = MAX_EDGES - len(edges)
            if room <= 0:
                truncated = True
                break
            within = list(nodes) if level == depth else None  # the last pass only links nodes already drawn
            if start is None and end is None and min_confidence is None:
                rows = repo.read(
                    "read/api_graph_edges", ids=frontier, within=within, since=None, until=None, limit=room
                )
            elif min_confidence is None and summarised(start, end):  # the range's months and years summed
                rows = graph_edges_from_periods(repo, frontier, within, start, end, room)
            else:  # counted from the events kept, as the partners of the same range and confidence are
                low, high = index_bounds(start, end)
                rows = repo.read(
                    "read/api_graph_edges_in_range",
                    ids=frontier,
                    within=within,
                    since=start,
                    until=end,
                    date_low=low,
                    date_high=high,
                    min_confidence=min_confidence,
                    relation_of_type=RELATION_TYPE_NAMES,
                    undirected=sorted(relation.value for relation in UNDIRECTED),
                    limit=room,
                )
            truncated = truncated or len(rows) >= room
            next_frontier: list[str] = []
            for row in rows:
                ends = (
                    (row["source"], row["source_name"], row["source_kind"]),
                    (row["target"], row["target_name"], row["target_kind"]),
                )
                new = [(i, name, kind) for i, name, kind in ends if i not in nodes]
                if new and level == depth:  # the last pass only links nodes already drawn
                    continue
                if len(nodes) + len(new) > limit:
                    truncated = True
                    continue
                for node_id, name, kind in new:
                    nodes[node_id] = GraphNode(id=node_id, label=name, kind=kind)
                    next_frontier.append(node_id)
                edges[(row["source"], row["target"], row["type"])] = GraphEdge.model_validate(row)
            frontier = next_frontier
    return GraphResponse(nodes=list(nodes.values()), edges=list(edges.values()), truncated=truncated)


def graph_edges_from_periods(
    repo: GraphRepository, ids: list[str], within: list[str] | None, since: str | None, until: str | None, limit: int
) -> list[Row]:
    """One step of the walk for a range with year or month bounds, from the edges' per-period summaries: the rows
    read/api_graph_edges_in_range counts from the events."""
    bounds = cumulative_bounds(since, until)
    return repo.read(
        "read/api_graph_edges_in_periods",
        ids=ids,
        within=within,
        since=since,
        until=until,
        month_low=bounds["month_low"],
        month_high=bounds["month_high"],
        year_low=bounds["year_low"],
        year_high=bounds["year_high"],
        limit=limit,
    )

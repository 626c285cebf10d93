"""Exports for BI tools (issue 6): events and relations as CSV and JSON, the graph as GraphML.

- Events take the filters of GET /events (the same parsing, the same queries, read page by page with its keyset
  cursor); each row carries its participants by side, and its first reporting sentence with the article.
- Relations are the relationship-layer edges (source -> target, type, quad class, event count, first and last date).
- The graph is those edges between countries and organisations, plus the people holding an office of the countries
  (HOLDS_OFFICE edges), written with the standard library's `xml.sax.saxutils.XMLGenerator`: it escapes text and
  attributes and writes as it goes, so the document streams without a dependency.

At most EXPORT_ROW_LIMIT rows (events or edges) are exported; `X-Export-Truncated: true` says the result was cut
(narrow the filters). CSV cells that a spreadsheet would take for a formula (starting with = + - @, tab or carriage
return) are prefixed with `'`. CSV files start with a UTF-8 byte order mark so that Excel reads accents right.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Annotated, Any
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesImpl

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from service.api.actors import bad_request, graph_errors, parse_range, resolve_actor
from service.api.deps import Repository
from service.api.routes_events import EventFilterParams, EventsQuery, parse_events_query, read_events
from service.api.schemas import error_responses
from service.graph.repository import GraphRepository, Row
from service.shared.plover import EVENT_TYPES
from service.shared.relations import UNDIRECTED, Relation, relation_for

router = APIRouter(prefix="/export", tags=["export"])


def _file_responses(media_type: str, description: str) -> dict[int | str, dict[str, Any]]:
    """The answers an export declares: the file, or the API's usual errors (unknown actor, bad filter, no graph)."""
    ok: dict[int | str, dict[str, Any]] = {200: {"content": {media_type: {}}, "description": description}}
    return ok | error_responses(404, 422, 503)


EXPORT_ROW_LIMIT = 100_000
PAGE_SIZE = 1_000  # events per read (and per evidence lookup) while exporting
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_BOM = "\ufeff"

EVENT_COLUMNS = (
    "id",
    "type",
    "mode",
    "quad_class",
    "date",
    "date_precision",
    "status",
    "confidence",
    "mentions",
    "sources",
    "targets",
    "participants",
    "people",
    "places",
    "sentence",
    "url",
    "article_title",
    "published",
)
RELATION_COLUMNS = (
    "source",
    "source_name",
    "source_kind",
    "target",
    "target_name",
    "target_kind",
    "type",
    "quad_class",
    "event_count",
    "first_date",
    "last_date",
)
_LIST_COLUMNS = frozenset({"sources", "targets", "participants", "people", "places"})

EVENT_FILTERS_DOC = (
    "Filters as GET /events: `actor`, `type`, `quad_class`, `status`, `since`/`until`, `location`, `q`. Newest "
    f"first, at most {EXPORT_ROW_LIMIT:,} events (`X-Export-Truncated: true` when cut). Participants are ISO3 codes "
    "or organisation ids by side (`sources`, `targets`; `participants` for symmetric events), people by name; the "
    "evidence is the first reporting sentence and its article."
)
RELATION_FILTERS_DOC = (
    "The relationship-layer edges, strongest first. `actor`: ISO3, organisation id or name; `types`: relationship "
    "types (MET_WITH, ATTACKS, ...) or PLOVER event types (CONSULT, ASSAULT, ...), comma-separated or repeated; "
    "`since`/`until`: YYYY, YYYY-MM or YYYY-MM-DD, an edge is kept when its first..last dates overlap the range. "
    f"At most {EXPORT_ROW_LIMIT:,} edges (`X-Export-Truncated: true` when cut)."
)


# --------------------------------------------------------------------------- shared


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula: text starting with = + - @ tab or CR gets a `'`."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _csv_chunk(rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def _download(chunks: Iterator[str], media_type: str, filename: str, truncated: bool) -> StreamingResponse:
    headers = {
        "Content-Disposition": f'attachment; filename="{filename}"',
        "X-Export-Row-Limit": str(EXPORT_ROW_LIMIT),
        "X-Export-Truncated": "true" if truncated else "false",
    }
    return StreamingResponse(chunks, media_type=media_type, headers=headers)


def _json_array(objects: Iterator[list[dict[str, Any]]]) -> Iterator[str]:
    """A JSON array written batch by batch."""
    yield "["
    first = True
    for batch in objects:
        for item in batch:
            yield ("\n" if first else ",\n") + json.dumps(item, ensure_ascii=False)
            first = False
    yield "\n]\n"


# --------------------------------------------------------------------------- events


def _event_rows(repo: GraphRepository, query: EventsQuery) -> tuple[list[dict[str, Any]], bool]:
    """Every event matching the query, up to the cap, as flat export rows without evidence; and whether it was cut."""
    rows: list[dict[str, Any]] = []
    page_query = query
    while True:
        page = read_events(repo, page_query, PAGE_SIZE + 1)
        for row in page[:PAGE_SIZE]:
            if len(rows) == EXPORT_ROW_LIMIT:
                return rows, True
            rows.append(_flatten_event(row))
        if len(page) <= PAGE_SIZE:
            return rows, False
        last = page[PAGE_SIZE - 1]
        page_query = replace(page_query, cursor_date=last["date"] or "", cursor_id=last["id"])


def _flatten_event(row: Row) -> dict[str, Any]:
    actors = [p for p in row["participants"] if p["kind"] != "person"]
    return {
        "id": row["id"],
        "type": row["type"],
        "mode": row["mode"],
        "quad_class": row["quad_class"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        "status": row["status"],
        "confidence": row["confidence"],
        "mentions": row["mentions"],
        "sources": [p["id"] for p in actors if p["role"] == "source"],
        "targets": [p["id"] for p in actors if p["role"] == "target"],
        "participants": [p["id"] for p in actors if p["role"] == "participant"],
        "people": [p["name"] or p["id"] for p in row["participants"] if p["kind"] == "person"],
        "places": list(row["places"]),
    }


def _with_evidence(repo: GraphRepository, rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """The rows in batches, each completed with its first reporting sentence (one lookup per batch)."""
    for start in range(0, len(rows), PAGE_SIZE):
        batch = rows[start : start + PAGE_SIZE]
        found = {r["id"]: r for r in repo.read("read/export_event_evidence", ids=[row["id"] for row in batch])}
        completed = []
        for row in batch:
            evidence = found.get(row["id"], {})
            completed.append(
                {
                    **row,
                    "sentence": evidence.get("sentence"),
                    "url": evidence.get("url"),
                    "article_title": evidence.get("title"),
                    "published": evidence.get("published"),
                }
            )
        yield completed


def _events_csv(batches: Iterator[list[dict[str, Any]]]) -> Iterator[str]:
    yield _BOM + _csv_chunk([EVENT_COLUMNS])
    for batch in batches:
        yield _csv_chunk([[_csv_value(row[c], c) for c in EVENT_COLUMNS] for row in batch])


def _csv_value(value: Any, column: str) -> Any:
    if column in _LIST_COLUMNS:
        return ";".join(value)
    return "" if value is None else value


@router.get(
    "/events.csv",
    summary="Events as CSV (the filters of GET /events), one row per event with participants and evidence",
    description=EVENT_FILTERS_DOC,
    response_class=StreamingResponse,
    responses=_file_responses("text/csv", "CSV with a header row"),
)
def export_events_csv(repo: Repository, filters: EventFilterParams) -> StreamingResponse:
    query = parse_events_query(filters)
    with graph_errors():
        rows, truncated = _event_rows(repo, query)
    chunks = _events_csv(_with_evidence(repo, rows))
    return _download(chunks, "text/csv; charset=utf-8", "geokg-events.csv", truncated)


@router.get(
    "/events.json",
    summary="Events as a JSON array (the filters of GET /events), with participants and evidence",
    description=EVENT_FILTERS_DOC,
    response_class=StreamingResponse,
    responses=_file_responses("application/json", "a JSON array of events"),
)
def export_events_json(repo: Repository, filters: EventFilterParams) -> StreamingResponse:
    query = parse_events_query(filters)
    with graph_errors():
        rows, truncated = _event_rows(repo, query)
    chunks = _json_array(_with_evidence(repo, rows))
    return _download(chunks, "application/json", "geokg-events.json", truncated)


# --------------------------------------------------------------------------- relations


def parse_relation_types(values: list[str] | None) -> list[str] | None:
    """Relationship types from relationship names or PLOVER event types (any case, comma-separated or repeated);
    None for no filter; 422 if unknown. MOBILIZE stands for both of its edges (troops and shows of force)."""
    if not values:
        return None
    found: list[str] = []
    unknown: list[str] = []
    for token in (t.strip().upper() for value in values for t in value.split(",")):
        if not token:
            continue
        if token in Relation.__members__:
            found.append(token)
        elif token in EVENT_TYPES:
            found.append(relation_for(token, None).value)
            if token == "MOBILIZE":
                found.append(relation_for(token, "troops").value)
        else:
            unknown.append(token)
    if unknown:
        known = ", ".join([*Relation.__members__, *EVENT_TYPES])
        raise bad_request(f"types: unknown {', '.join(unknown)}; known: {known}")
    return list(dict.fromkeys(found)) or None


_TypesQuery = Annotated[list[str] | None, Query(description="relationship or PLOVER types")]


@dataclass(frozen=True)
class _RelationsQuery:
    actor: str | None
    types: list[str] | None
    since: str | None
    until: str | None


def _parse_relations(
    actor: str | None = None,
    types: _TypesQuery = None,
    since: str | None = None,
    until: str | None = None,
) -> _RelationsQuery:
    """The filters of the relations and GraphML exports, declared once (a FastAPI dependency); 422 or 404."""
    start, end = parse_range(since, until)
    kinds = parse_relation_types(types)
    key = resolve_actor(actor) if actor and actor.strip() else None
    return _RelationsQuery(key, kinds, start, end)


_RelationFilters = Annotated[_RelationsQuery, Depends(_parse_relations)]


def _relation_rows(repo: GraphRepository, query: _RelationsQuery) -> tuple[list[Row], bool]:
    with graph_errors():
        rows = repo.read(
            "read/export_relations",
            actor=query.actor,
            types=query.types,
            since=query.since,
            until=query.until,
            limit=EXPORT_ROW_LIMIT + 1,
        )
    return rows[:EXPORT_ROW_LIMIT], len(rows) > EXPORT_ROW_LIMIT


def _relations_csv(rows: list[Row]) -> Iterator[str]:
    yield _BOM + _csv_chunk([RELATION_COLUMNS])
    for start in range(0, len(rows), PAGE_SIZE):
        batch = rows[start : start + PAGE_SIZE]
        yield _csv_chunk([["" if row[c] is None else row[c] for c in RELATION_COLUMNS] for row in batch])


@router.get(
    "/relations.csv",
    summary="Relationship-layer edges as CSV",
    description=RELATION_FILTERS_DOC,
    response_class=StreamingResponse,
    responses=_file_responses("text/csv", "CSV with a header row"),
)
def export_relations_csv(repo: Repository, query: _RelationFilters) -> StreamingResponse:
    rows, truncated = _relation_rows(repo, query)
    return _download(_relations_csv(rows), "text/csv; charset=utf-8", "geokg-relations.csv", truncated)


@router.get(
    "/relations.json",
    summary="Relationship-layer edges as a JSON array",
    description=RELATION_FILTERS_DOC,
    response_class=StreamingResponse,
    responses=_file_responses("application/json", "a JSON array of edges"),
)
def export_relations_json(repo: Repository, query: _RelationFilters) -> StreamingResponse:
    rows, truncated = _relation_rows(repo, query)
    batches = (rows[start : start + PAGE_SIZE] for start in range(0, len(rows), PAGE_SIZE))
    return _download(_json_array(batches), "application/json", "geokg-relations.json", truncated)


# --------------------------------------------------------------------------- GraphML

# (id, for, attr.name, attr.type): the attributes GraphML readers (Gephi, yEd, networkx, igraph) are told about.
GRAPHML_KEYS = (
    ("n_labels", "node", "labels", "string"),
    ("n_label", "node", "label", "string"),
    ("n_name", "node", "name", "string"),
    ("n_kind", "node", "kind", "string"),
    ("e_type", "edge", "type", "string"),
    ("e_quad_class", "edge", "quad_class", "string"),
    ("e_event_count", "edge", "event_count", "int"),
    ("e_first_date", "edge", "first_date", "string"),
    ("e_last_date", "edge", "last_date", "string"),
    ("e_role", "edge", "role", "string"),
)
_NODE_LABEL = {"country": "Country", "person": "Person"}


def _graphml(relations: list[Row], offices: list[Row]) -> Iterator[str]:
    """The document, yielded every PAGE_SIZE elements. Nodes: the ends of the edges and the office holders."""
    nodes: dict[str, tuple[str, str, str]] = {}  # id -> (label, name, kind)
    for row in relations:
        for end in ("source", "target"):
            kind = row[f"{end}_kind"]
            nodes.setdefault(row[end], (_NODE_LABEL.get(kind, "Organization"), row[f"{end}_name"] or row[end], kind))
    for row in offices:
        nodes.setdefault(row["person"], ("Person", row["name"] or row["person"], "person"))

    out = io.StringIO()
    xml = XMLGenerator(out, encoding="utf-8", short_empty_elements=True)
    xml.startDocument()
    xml.startElement("graphml", AttributesImpl({"xmlns": "http://graphml.graphdrawing.org/xmlns"}))
    for key_id, domain, name, kind in GRAPHML_KEYS:
        xml.startElement("key", AttributesImpl({"id": key_id, "for": domain, "attr.name": name, "attr.type": kind}))
        xml.endElement("key")
    xml.startElement("graph", AttributesImpl({"id": "geokg", "edgedefault": "directed"}))

    def data(key: str, value: Any) -> None:
        if value is not None:
            xml.startElement("data", AttributesImpl({"key": key}))
            xml.characters(str(value))
            xml.endElement("data")

    for count, (node_id, (label, name, kind)) in enumerate(nodes.items(), start=1):
        xml.startElement("node", AttributesImpl({"id": node_id}))
        data("n_labels", f":{label}")
        data("n_label", name)
        data("n_name", name)
        data("n_kind", kind)
        xml.endElement("node")
        if count % PAGE_SIZE == 0:
            yield _drain(out)
    for index, row in enumerate(relations):
        attrs = {"id": f"r{index}", "source": row["source"], "target": row["target"]}
        if row["type"] in UNDIRECTED:
            attrs["directed"] = "false"
        xml.startElement("edge", AttributesImpl(attrs))
        data("e_type", row["type"])
        data("e_quad_class", row["quad_class"])
        data("e_event_count", row["event_count"])
        data("e_first_date", row["first_date"])
        data("e_last_date", row["last_date"])
        xml.endElement("edge")
        if (index + 1) % PAGE_SIZE == 0:
            yield _drain(out)
    for index, row in enumerate(offices):
        office = {"id": f"o{index}", "source": row["person"], "target": row["country"]}
        xml.startElement("edge", AttributesImpl(office))
        data("e_type", "HOLDS_OFFICE")
        data("e_role", row["role"])
        data("e_first_date", row["first_seen"])
        data("e_last_date", row["last_seen"])
        xml.endElement("edge")
    xml.endElement("graph")
    xml.endElement("graphml")
    xml.endDocument()
    yield _drain(out) + "\n"


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


@router.get(
    "/graph.graphml",
    summary="The graph as GraphML: countries, organisations and people; relationship-layer and office edges",
    description=RELATION_FILTERS_DOC
    + " Nodes carry `labels` (`:Country`, `:Organization`, `:Person`), `label`/`name` and `kind`; edges `type`, "
    "`quad_class`, `event_count`, `first_date`, `last_date` (offices: `role`, first and last seen). Mutual "
    'relations (MET_WITH, AGREED_WITH, COOPERATES_WITH) are marked `directed="false"`.',
    response_class=StreamingResponse,
    responses=_file_responses("application/graphml+xml", "a GraphML document"),
)
def export_graphml(repo: Repository, query: _RelationFilters) -> StreamingResponse:
    rows, truncated = _relation_rows(repo, query)
    countries = sorted({row[end] for row in rows for end in ("source", "target") if row[f"{end}_kind"] == "country"})
    with graph_errors():
        offices = repo.read("read/export_offices", countries=countries)
    return _download(_graphml(rows, offices), "application/graphml+xml", "geokg-graph.graphml", truncated)

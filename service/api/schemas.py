"""Pydantic response models of the read API (countries, relations, events, people, graph), each with an OpenAPI
example, and `error_responses()` for the documented error statuses. Dates are ISO strings of any precision
(`2023`, `2023-08`, `2023-08-18`), as stored in the graph."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from service.shared.source_names import public_source

Stance = Literal["cooperation", "conflict"]

# --------------------------------------------------------------------------- errors


class ErrorDetail(BaseModel):
    detail: str


class ValidationIssue(BaseModel):
    """One problem FastAPI found checking a parameter (`loc` says which, e.g. ["query", "limit"])."""

    model_config = ConfigDict(extra="allow")
    loc: list[str | int]
    msg: str
    type: str


class BadRequestResponse(BaseModel):
    """422: a message from the route's own checks, or FastAPI's list of the parameters that failed validation."""

    detail: str | list[ValidationIssue]


class NotFoundDetail(BaseModel):
    """404 for an actor name: what was not found and the closest known names."""

    message: str
    suggestions: list[str] = Field(default_factory=list)


class NotFoundResponse(BaseModel):
    detail: NotFoundDetail | str


def _example(value: Any) -> dict[str, Any]:
    return {"content": {"application/json": {"example": value}}}


_ERROR_EXAMPLES: dict[int, tuple[type[BaseModel], str, Any]] = {
    404: (
        NotFoundResponse,
        "Unknown actor or id",
        {"detail": {"message": "unknown actor 'Rusia'", "suggestions": ["Russia", "Prussia", "Rwanda"]}},
    ),
    422: (
        BadRequestResponse,
        "Bad parameter",
        {"detail": "since: expected YYYY, YYYY-MM or YYYY-MM-DD, got '2023-13'"},
    ),
    503: (ErrorDetail, "Neo4j unreachable", {"detail": "Neo4j is not reachable at neo4j://127.0.0.1:7687"}),
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries documenting the error statuses an endpoint can answer."""
    out: dict[int | str, dict[str, Any]] = {}
    for code in statuses:
        model, description, example = _ERROR_EXAMPLES[code]
        out[code] = {"model": model, "description": description} | _example(example)
    return out


def ok_response(example: Any) -> dict[int | str, dict[str, Any]]:
    return {200: _example(example)}


# --------------------------------------------------------------------------- shared parts


class ActorSummary(BaseModel):
    id: str  # ISO3 for a state, organisation id, person:<slug> for a person
    name: str | None
    kind: str  # country | org | group | person


class Evidence(BaseModel):
    """One sentence reporting an event, and its article."""

    sentence: str | None
    confidence: float | None = None
    start: int | None = None
    end: int | None = None
    trigger: str | None = None
    article_id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None  # a host, a feed's or a file's name; never a server path (see public_source)

    @field_validator("source")
    @classmethod
    def _no_server_path(cls, value: str | None) -> str | None:
        return public_source(value)


class Participant(ActorSummary):
    role: str  # source | target | participant


class EventSummary(BaseModel):
    id: str
    type: str
    mode: str | None = None
    quad_class: str
    date: str | None = None
    date_precision: str | None = None
    status: str | None = None
    confidence: float | None = None
    mentions: int | None = None
    participants: list[Participant] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- partners

PARTNERS_EXAMPLE: dict[str, Any] = {
    "actor": {"id": "RUS", "name": "Russia", "kind": "country"},
    "stance": "cooperation",
    "partners": [
        {
            "id": "PRK",
            "name": "North Korea",
            "kind": "country",
            "score": 1.6,
            "event_count": 1,
            "types": [{"type": "MOBILIZE", "count": 1}],
            "first_date": "2024-10-18",
            "last_date": "2024-10-18",
            "evidence": [
                {
                    "event_id": "ev-0f3a9c2b1d4e5f60-1a2b3c4d",
                    "type": "MOBILIZE",
                    "date": "2024-10-18",
                    "sentence": "North Korea sent troops to Russia on Friday.",
                    "confidence": 0.8,
                    "article_id": "4d2c0a9e1b7f3a5c6d8e9f01",
                    "url": "https://news.example.com/2024/10/19/troops",
                    "title": "North Korean troops in Russia",
                    "published": "2024-10-19",
                }
            ],
        }
    ],
}


class TypeCount(BaseModel):
    type: str
    count: int


class PartnerEvidence(BaseModel):
    event_id: str
    type: str
    date: str | None = None
    sentence: str | None
    confidence: float | None = None
    article_id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None


class Partner(BaseModel):
    id: str
    name: str | None
    kind: str
    score: float = Field(
        description="sum over the pair's events of confidence x weight (2 for material events, 1 for verbal)"
    )
    event_count: int
    types: list[TypeCount]
    first_date: str | None = None
    last_date: str | None = None
    evidence: list[PartnerEvidence] = Field(description="the 3 strongest reporting sentences")


class PartnersResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [PARTNERS_EXAMPLE]})
    actor: ActorSummary
    stance: Stance
    partners: list[Partner]


# --------------------------------------------------------------------------- relations

RELATIONS_EXAMPLE: dict[str, Any] = {
    "a": {"id": "RUS", "name": "Russia", "kind": "country"},
    "b": {"id": "UKR", "name": "Ukraine", "kind": "country"},
    "events": [
        {
            "id": "ev-5b1e0c7d9a2f4e63-7c8d9e0f",
            "type": "ASSAULT",
            "mode": "attack",
            "quad_class": "material_conflict",
            "date": "2023-08-17",
            "date_precision": "day",
            "status": "occurred",
            "confidence": 0.8,
            "a_role": "source",
            "b_role": "target",
            "evidence": [
                {
                    "sentence": "Russia launched a missile attack on Ukraine on Thursday.",
                    "confidence": 0.8,
                    "start": 0,
                    "end": 56,
                    "article_id": "9a8b7c6d5e4f3a2b1c0d9e8f",
                    "url": "https://news.example.com/2023/08/18/attack",
                    "title": "Missile attack on Ukraine",
                    "published": "2023-08-18",
                }
            ],
        }
    ],
}


class RelationEvent(BaseModel):
    id: str
    type: str
    mode: str | None = None
    quad_class: str
    date: str | None = None
    date_precision: str | None = None
    status: str | None = None
    confidence: float | None = None
    a_role: str
    b_role: str
    evidence: list[Evidence]


class RelationsResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [RELATIONS_EXAMPLE]})
    a: ActorSummary
    b: ActorSummary
    events: list[RelationEvent]


# --------------------------------------------------------------------------- events

_EVENT_SUMMARY_EXAMPLE: dict[str, Any] = {
    "id": "ev-5b1e0c7d9a2f4e63-7c8d9e0f",
    "type": "ASSAULT",
    "mode": "attack",
    "quad_class": "material_conflict",
    "date": "2023-08-17",
    "date_precision": "day",
    "status": "occurred",
    "confidence": 0.8,
    "mentions": 1,
    "participants": [
        {"id": "RUS", "name": "Russia", "kind": "country", "role": "source"},
        {"id": "UKR", "name": "Ukraine", "kind": "country", "role": "target"},
    ],
    "places": ["Kyiv"],
}
EVENTS_EXAMPLE: dict[str, Any] = {"events": [_EVENT_SUMMARY_EXAMPLE], "next_cursor": "WyIyMDIzLTA4LTE3IiwgImV2LTUiXQ"}
EVENT_EXAMPLE: dict[str, Any] = _EVENT_SUMMARY_EXAMPLE | {
    "symmetric": False,
    "first_reported": "2023-08-18",
    "last_reported": "2023-08-18",
    "places": [{"id": "place:kyiv", "name": "Kyiv"}],
    "evidence": RELATIONS_EXAMPLE["events"][0]["evidence"],
}


class EventsPage(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EVENTS_EXAMPLE]})
    events: list[EventSummary]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null on the last page")


class PlaceRef(BaseModel):
    id: str
    name: str | None


class EventDetail(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EVENT_EXAMPLE]})
    id: str
    type: str
    mode: str | None = None
    quad_class: str
    date: str | None = None
    date_precision: str | None = None
    status: str | None = None
    confidence: float | None = None
    symmetric: bool | None = None
    mentions: int | None = None
    first_reported: str | None = None
    last_reported: str | None = None
    participants: list[Participant]
    places: list[PlaceRef]
    evidence: list[Evidence]


# --------------------------------------------------------------------------- countries

COUNTRIES_EXAMPLE: list[dict[str, Any]] = [
    {"id": "RUS", "name": "Russia", "event_count": 42, "article_count": 30, "official_count": 5}
]


class CountrySummary(BaseModel):
    id: str
    name: str | None
    event_count: int
    article_count: int
    official_count: int


class Official(BaseModel):
    id: str
    name: str | None
    role: str | None
    first_seen: str | None = None
    last_seen: str | None = None


class TopPartners(BaseModel):
    cooperation: list[Partner]
    conflict: list[Partner]


COUNTRY_EXAMPLE: dict[str, Any] = {
    "id": "RUS",
    "name": "Russia",
    "kind": "country",
    "event_count": 42,
    "article_count": 30,
    "officials": [
        {
            "id": "person:vladimir-putin",
            "name": "Vladimir Putin",
            "role": "President",
            "first_seen": "2023-01-02",
            "last_seen": "2024-10-19",
        }
    ],
    "partners": {"cooperation": PARTNERS_EXAMPLE["partners"], "conflict": []},
}


class CountryDetail(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [COUNTRY_EXAMPLE]})
    id: str
    name: str | None
    kind: str
    event_count: int
    article_count: int
    officials: list[Official]
    partners: TopPartners


# --------------------------------------------------------------------------- people


class Office(BaseModel):
    country: str
    country_name: str | None
    role: str | None
    first_seen: str | None = None
    last_seen: str | None = None


class PersonEvent(BaseModel):
    id: str
    type: str
    quad_class: str
    date: str | None = None
    status: str | None = None
    role: str


_OFFICE_EXAMPLE: dict[str, Any] = {
    "country": "RUS",
    "country_name": "Russia",
    "role": "President",
    "first_seen": "2023-01-02",
    "last_seen": "2024-10-19",
}
PEOPLE_EXAMPLE: list[dict[str, Any]] = [
    {
        "id": "person:vladimir-putin",
        "name": "Vladimir Putin",
        "aliases": ["Putin"],
        "offices": [_OFFICE_EXAMPLE],
        "event_count": 12,
    }
]
PERSON_EXAMPLE: dict[str, Any] = {
    "id": "person:vladimir-putin",
    "name": "Vladimir Putin",
    "aliases": ["Putin"],
    "offices": [_OFFICE_EXAMPLE],
    "events": [
        {
            "id": "ev-2c4e6a8b0d1f3e5a-9b8c7d6e",
            "type": "CONSULT",
            "quad_class": "verbal_cooperation",
            "date": "2024-06-19",
            "status": "occurred",
            "role": "participant",
        }
    ],
}


class PersonSummary(BaseModel):
    id: str
    name: str | None
    aliases: list[str]
    offices: list[Office]
    event_count: int


class PersonDetail(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [PERSON_EXAMPLE]})
    id: str
    name: str | None
    aliases: list[str]
    offices: list[Office]
    events: list[PersonEvent]


# --------------------------------------------------------------------------- graph

GRAPH_EXAMPLE: dict[str, Any] = {
    "nodes": [
        {"id": "RUS", "label": "Russia", "kind": "country"},
        {"id": "UKR", "label": "Ukraine", "kind": "country"},
    ],
    "edges": [
        {
            "source": "RUS",
            "target": "UKR",
            "type": "ATTACKS",
            "quad_class": "material_conflict",
            "event_count": 3,
            "first_date": "2023-08-17",
            "last_date": "2024-02-24",
        }
    ],
    "truncated": False,
}


class GraphNode(BaseModel):
    id: str
    label: str | None
    kind: str


class GraphEdge(BaseModel):
    source: str
    target: str
    type: str
    quad_class: str | None = None
    event_count: int
    first_date: str | None = None
    last_date: str | None = None


class GraphResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [GRAPH_EXAMPLE]})
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = Field(description="true when the node limit cut the walk short")

"""What the extractor returns: plain dataclasses, serialised to the JSON of ../shared/eval/README.md."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from service.shared.plover import EVENT_TYPES, QUAD_CLASS_OF, QUAD_CLASSES

__all__ = ["EVENT_TYPES", "QUAD_CLASSES", "QUAD_CLASS_OF"]

EventStatus = Literal["occurred", "ongoing", "planned"]
DatePrecision = Literal["day", "month", "year"]


@dataclass
class ActorRef:
    id: str  # ISO3, organisation id (NATO) or <ISO3>_REB
    kind: str  # country | org | group
    name: str


@dataclass
class PersonRef:
    id: str  # person:<slug>
    name: str  # the canonical name (the office-holder list's, else the fullest form in the text)
    country: str | None
    role: str | None
    aliases: list[str] = field(default_factory=list)
    written: str | None = None  # the article's own spelling, when it never writes the canonical name

    def as_written(self) -> dict[str, Any]:
        """The article-level JSON: the person as this article names them ("Abdelfatah al Sisi"), with the
        canonical name beside it (`known_as`) and the id the graph keys them by."""
        out = asdict(self)
        del out["written"]
        if self.written and self.written != self.name:
            out["name"], out["known_as"] = self.written, self.name
        return out


@dataclass
class Mention:
    """Another sentence of the article reporting the same event (folded into it by ingest.merge)."""

    evidence: str
    start: int
    end: int
    confidence: float
    trigger: str = ""


@dataclass
class Event:
    type: str
    source: list[str]
    target: list[str]
    symmetric: bool
    date: str | None
    date_precision: str | None
    status: EventStatus
    location: str | None
    evidence: str
    start: int  # character offsets of the evidence sentence in Extraction.text
    end: int
    confidence: float
    mode: str | None = None
    date_source: str | None = None  # "text": stated in the sentence; "publication": inferred from the tense
    trigger: str = ""
    people: list[str] = field(default_factory=list)  # person ids acting in the event
    quad_class: str = ""
    more_evidence: list[Mention] = field(default_factory=list)  # the article's other sentences reporting it

    def __post_init__(self) -> None:
        self.quad_class = QUAD_CLASS_OF[self.type]

    def participants(self) -> frozenset[str]:
        return frozenset(self.source) | frozenset(self.target)


@dataclass
class Extraction:
    text: str  # the analysed text (title + body); event offsets point into it
    title: str | None
    byline: str | None
    dateline: str | None
    published: str | None
    url: str | None
    countries: list[ActorRef]
    organizations: list[ActorRef]
    people: list[PersonRef]
    places: list[str]
    events: list[Event]
    international_officials: list[PersonRef] = field(default_factory=list)

    def to_json(self, *, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "title": self.title,
            "byline": self.byline,
            "dateline": self.dateline,
            "published": self.published,
            "url": self.url,
            "countries": [{"iso3": c.id, "name": c.name} for c in self.countries],
            "organizations": [{"id": o.id, "kind": o.kind, "name": o.name} for o in self.organizations],
            "people": [p.as_written() for p in self.people],
            "international_officials": [p.as_written() for p in self.international_officials],
            "places": self.places,
            "events": [asdict(e) for e in self.events],
        }
        if include_text:
            out["text"] = self.text
        return out

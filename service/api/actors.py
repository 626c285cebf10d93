"""What the read routes share: resolving an actor name to its graph key, checking query parameters (422 with a
message) and running read queries (503 when Neo4j went away after connecting).

Actor names: a key ("RUS", "rus", "NATO"), a name or common form the gazetteer knows ("Russia", "the Kremlin",
"Moscow", "Russian"), exactly or, failing that, case-insensitively ("russia", "THE KREMLIN"). Place names
("Kursk" -> Russia) and the gazetteer's "other" records are not actors here. An unknown name is a 404 whose detail
lists the closest names (difflib).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from typing import Annotated, Any

from fastapi import HTTPException, Query, status

from service.graph.errors import GraphError
from service.shared import gazetteer
from service.shared.plover import EVENT_TYPES, QUAD_CLASSES

# Forms that name the actor itself; "place" forms (cities of a state) and "other" records are left out.
_ACTOR_FORMS = frozenset({"name", "adjective", "capital", "seat", "agency", "org", "group"})
STATUSES = ("occurred", "ongoing", "planned")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


# --------------------------------------------------------------------------- actors


@lru_cache(maxsize=1)
def _folded_index() -> dict[str, str]:
    """Lower-cased surface text (and lower-cased key) -> actor id, for texts with one actor reading only."""
    readings: dict[str, set[str]] = {}
    for form in gazetteer.surface_forms():
        if form.form in _ACTOR_FORMS and gazetteer.is_actor(form.actor_id):
            folded = gazetteer.normalize_apostrophes(form.text).casefold()
            readings.setdefault(folded, set()).add(form.actor_id)
    index = {text: next(iter(ids)) for text, ids in readings.items() if len(ids) == 1}
    for actor_id in gazetteer.load_actors():
        if gazetteer.is_actor(actor_id):
            index[actor_id.casefold()] = actor_id  # keys win over a surface text spelled the same
    return index


def _lookup(text: str) -> str | None:
    if gazetteer.is_actor(text):
        return text
    form = gazetteer.lookup(text)
    if form is not None and form.form in _ACTOR_FORMS and gazetteer.is_actor(form.actor_id):
        return form.actor_id
    folded = " ".join(gazetteer.normalize_apostrophes(text).split()).casefold()
    for key in (folded, folded.removeprefix("the "), folded.removesuffix("'s")):
        if key in _folded_index():
            return _folded_index()[key]
    return None


def suggestions(text: str, n: int = 5) -> list[str]:
    """Display names of the actors whose names or keys are closest to `text`."""
    index = _folded_index()
    close = difflib.get_close_matches(text.casefold(), list(index), n=n * 3, cutoff=0.6)
    actors = gazetteer.load_actors()
    names = [actors[index[match]].name for match in close]
    return list(dict.fromkeys(names))[:n]


def resolve_actor(text: str) -> str:
    """The graph key (ISO3 or organisation id) of the actor named `text`; 404 with suggestions if unknown."""
    found = _lookup(text.strip())
    if found is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND,
            detail={"message": f"unknown actor {text!r}", "suggestions": suggestions(text.strip())},
        )
    return found


def actor_summary(actor_id: str) -> dict[str, Any]:
    actor = gazetteer.load_actors()[actor_id]
    return {"id": actor.id, "name": actor.name, "kind": actor.kind}


# --------------------------------------------------------------------------- parameters


def bad_request(message: str) -> HTTPException:
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=message)


def parse_date(name: str, value: str | None) -> str | None:
    """An ISO date of year, month or day precision (`2023`, `2023-08`, `2023-08-18`), else 422."""
    if value is None or value == "":
        return None
    if _DATE.fullmatch(value):
        parts = [int(p) for p in value.split("-")]
        try:
            date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            pass
        else:
            return value
    raise bad_request(f"{name}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")


# The optional `min_confidence` query parameter of the endpoints the dashboard reads: events (and the edges and
# partners counted from them) whose confidence is below it are left out, in Cypher. A number from 0 to 1; anything
# else (a word, a negative number, 1.5, nan, inf) is a 422 that names the parameter.
MinConfidence = Annotated[
    float | None,
    Query(
        ge=0.0,
        le=1.0,
        allow_inf_nan=False,
        description="least event confidence, 0..1: events below it are left out (and not counted)",
    ),
]


def parse_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    start, end = parse_date("since", since), parse_date("until", until)
    if start and end and start > end and not start.startswith(end):
        raise bad_request(f"since ({start}) is after until ({end})")
    return start, end


def parse_types(values: list[str] | None) -> list[str] | None:
    """PLOVER types from repeated or comma-separated values (any case); None for no filter; 422 if unknown."""
    if not values:
        return None
    types = [t.strip().upper() for value in values for t in value.split(",") if t.strip()]
    unknown = [t for t in types if t not in EVENT_TYPES]
    if unknown:
        raise bad_request(f"types: unknown {', '.join(unknown)}; known: {', '.join(EVENT_TYPES)}")
    return list(dict.fromkeys(types)) or None


def parse_type(value: str | None) -> str | None:
    types = parse_types([value] if value else None)
    if types and len(types) > 1:
        raise bad_request("type: one PLOVER type")
    return types[0] if types else None


def parse_quad_class(value: str | None) -> str | None:
    if not value:
        return None
    if value.lower() not in QUAD_CLASSES:
        raise bad_request(f"quad_class: unknown {value!r}; known: {', '.join(QUAD_CLASSES)}")
    return value.lower()


def parse_status(value: str | None) -> str | None:
    if not value:
        return None
    if value.lower() not in STATUSES:
        raise bad_request(f"status: unknown {value!r}; known: {', '.join(STATUSES)}")
    return value.lower()


# --------------------------------------------------------------------------- reads


@contextmanager
def graph_errors() -> Iterator[None]:
    """Around `repo.read(...)`: a connection lost after connecting is a 503 (the Repository dependency covers
    only connecting)."""
    try:
        yield
    except GraphError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail=str(exc)) from exc


_AFTER = "~"


def index_bounds(since: str | None, until: str | None) -> tuple[str, str]:
    """[low, high) bounds on an index of event dates (BETWEEN {pair, date}, PARTICIPATED_IN {actor, date}) that
    contain every event date overlapping since..until.

    A partial date overlaps a bound it prefixes ("2024" overlaps since "2024-03"), so the low bound is the year of
    `since`; the query filters the exact overlap. Undated events are stored as '' and so fall below any low bound
    but the open one ('' when neither bound is given)."""
    if since is None and until is None:
        return "", _AFTER
    return (since[:4] if since else "0"), (until + _AFTER if until else _AFTER)


def summarised(since: str | None, until: str | None) -> bool:
    """Whether the range since..until can be answered from the relationship layer's per-period summaries (months,
    and years of year-only dates: write/upsert_relations): every bound given is a year or a month, so that each
    period is wholly inside the range or wholly outside it. A day bound cuts a month: the events are read instead."""
    return all(bound is None or len(bound) <= len("YYYY-MM") for bound in (since, until))


_NO_YEAR_BELOW, _NO_YEAR_ABOVE = 0, 10_000


def cumulative_bounds(since: str | None, until: str | None) -> dict[str, int]:
    """The month and year indexes of a summarised range (see summarised()) that read/api_partners_summarised and
    read/api_partners_in_periods look up in a summary's cumulative sums: month_low / month_high, year * 12 + month
    - 1 of the range's first and last month (a year bound stands for its January / December), and year_low /
    year_high, the years of the bounds (an event dated only to a year overlaps every bound in that year). An open
    bound is a year no date reaches."""
    low_year = int(since[:4]) if since else _NO_YEAR_BELOW
    high_year = int(until[:4]) if until else _NO_YEAR_ABOVE
    low_month = int(since[5:7]) - 1 if since and len(since) >= 7 else 0
    high_month = int(until[5:7]) - 1 if until and len(until) >= 7 else 11
    return {
        "month_low": low_year * 12 + low_month,
        "month_high": high_year * 12 + high_month,
        "year_low": low_year,
        "year_high": high_year,
    }

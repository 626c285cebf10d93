"""GET /ask?q=...: an English question read into an intent (service/api/ask.py), answered from the queries the REST
endpoints use: partners from /countries/{actor}/partners' queries, "between" from /relations', events from
/events', trends from /relations/timeline's, plus the /ask queries for meetings, office holders and troops."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import BaseModel, ConfigDict

from service.api.actors import cumulative_bounds, index_bounds, summarised
from service.api.ask import KNOWN_FORMS, MAX_QUESTION_CHARS, Intent, PersonRef, QuestionError, parse_question
from service.api.ask_names import offices_in, person_id
from service.api.ask_offices import ORG_HEAD_ROLES
from service.api.ask_succession import neighbours
from service.api.deps import Repository, Today
from service.api.routes_countries import read_partners
from service.api.routes_events import EventsQuery, read_events
from service.api.routes_timeline import read_timeline, timeline_query
from service.graph.errors import GraphError
from service.graph.repository import GraphRepository, Row
from service.shared import gazetteer, leaders

router = APIRouter(tags=["ask"])

LIMIT = 25  # rows per answer

_EXAMPLES: list[Any] = [
    {
        "question": "who are Ankara's allies since March 2022?",
        "intent": {
            "form": "partners",
            "actors": [{"id": "TUR", "name": "Turkey", "kind": "country", "text": "Ankara"}],
            "person": None,
            "stance": "cooperation",
            "event_types": None,
            "role": None,
            "since": "2022-03",
            "until": None,
            "year": None,
        },
        "result": [{"id": "AZE", "name": "Azerbaijan", "kind": "country", "score": 6.4, "event_count": 4}],
        "summary": "Azerbaijan is reported cooperating with Turkey since 2022-03.",
        "query": {
            "name": "read/api_partners_summarised",
            "parameters": {"actor": "TUR", "cooperation": True, "since": "2022-03", "until": None, "types": None},
        },
    },
    {
        "question": "who has Erdogan met in 2023",
        "intent": {
            "form": "meetings",
            "actors": [],
            "person": {"id": "person:recep-tayyip-erdogan", "name": "Recep Tayyip Erdoğan"},
            "stance": None,
            "event_types": None,
            "role": None,
            "since": "2023",
            "until": "2023",
            "year": "2023",
        },
        "result": [{"event_id": "event:...", "date": "2023-09-04", "counterparts": [{"id": "RUS", "name": "Russia"}]}],
        "summary": "Recep Tayyip Erdoğan met Russia in 2023 (1 meeting).",
        "query": {"name": "read/api_ask_meetings", "parameters": {"subject": "person:recep-tayyip-erdogan"}},
    },
    {
        "question": "who was Japan's prime minister before Kishida",
        "intent": {
            "form": "leaders",
            "actors": [{"id": "JPN", "name": "Japan", "kind": "country", "text": "Japan"}],
            "person": {"id": "person:fumio-kishida", "name": "Fumio Kishida"},
            "stance": None,
            "event_types": None,
            "role": "Prime Minister",
            "offices": None,
            "succession": "predecessor",
            "since": None,
            "until": None,
            "year": None,
        },
        "result": [
            {
                "id": "person:yoshihide-suga",
                "name": "Yoshihide Suga",
                "role": "Prime Minister",
                "start": "2020-09-16",
                "end": "2021-10-04",
                "source": "office-holder data",
                "succession": "predecessor",
                "of": {"id": "person:fumio-kishida", "name": "Fumio Kishida", "start": "2021-10-04", "end": None},
            }
        ],
        "summary": "Yoshihide Suga (2020-09-16 to 2021-10-04) was Prime Minister of Japan before Fumio Kishida "
        "(from 2021-10-04).",
        "query": {
            "name": "office-holder data",
            "parameters": {"person": "person:fumio-kishida", "actor": "JPN", "role": "Prime Minister"},
        },
    },
    {
        "question": "how have relations between Turkey and Greece changed since 2019",
        "intent": {
            "form": "trend",
            "actors": [
                {"id": "GRC", "name": "Greece", "kind": "country", "text": "Greece"},
                {"id": "TUR", "name": "Turkey", "kind": "country", "text": "Turkey"},
            ],
            "person": None,
            "stance": None,
            "event_types": None,
            "role": None,
            "interval": "year",
            "since": "2019",
            "until": None,
            "year": None,
        },
        "result": [{"period": "2020", "start": "2020-01-01", "end": "2020-12-31", "events": 5, "net": -3.2}],
        "summary": "Greece and Turkey since 2019, net cooperation minus conflict per year: 2020 -3.2 (5 events).",
        "query": {
            "name": "read/api_relations_timeline_periods",
            "parameters": {"a": "GRC", "b": "TUR", "interval": "year", "since": "2019", "until": None},
        },
    },
]


class QueryRun(BaseModel):
    name: str
    parameters: dict[str, Any]


class AskResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": _EXAMPLES})
    question: str
    intent: Intent
    result: list[dict[str, Any]]
    summary: str
    query: QueryRun


class ErrorResponse(BaseModel):
    detail: Any


_NOT_UNDERSTOOD = {
    "message": "the question has none of the known forms",
    "forms": list(KNOWN_FORMS),
    "did_you_mean": ["who is cooperating with Russia"],
}


@router.get(
    "/ask",
    summary="Answer an English question about relations between states",
    response_model=AskResponse,
    responses={
        200: {"content": {"application/json": {"examples": {e["intent"]["form"]: {"value": e} for e in _EXAMPLES}}}},
        404: {"model": ErrorResponse, "description": "the person named is in no vocabulary and not in the graph"},
        422: {
            "model": ErrorResponse,
            "description": "a question that cannot be read: the forms known and its closest readings",
            "content": {"application/json": {"example": {"detail": _NOT_UNDERSTOOD}}},
        },
        503: {"model": ErrorResponse, "description": "Neo4j unreachable"},
    },
)
def get_ask(
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUESTION_CHARS, description="the question")],
    repo: Repository,
    today: Today,
) -> AskResponse:
    """Reads the question into an `intent` and answers it from the graph. Forms: `partners` (cooperation or
    conflict, with their synonyms: allies, rivals, clashing with, ...), `meetings`, `between`, `trend` (GET
    /relations/timeline by year), `leaders` (office holders, from the office-holder data and the graph; with
    `succession`, the holder just before or after `person`'s term: "who was Japan's prime minister before Kishida";
    `offices` names the exact offices when an organisation files several under the role, as the EU's "president"
    is the Commission's and the European Council's unless the question names one), `troops`,
    `events` (acts the question names, e.g. "who imposed tariffs on Canada" -> SANCTION). Time phrases ("in 2022",
    "since March 2022", "between 2019 and 2021", "last month", "in the past six months") give `since` / `until`: ISO
    partial dates, both inclusive. A question it cannot read answers 422 with the known forms and `did_you_mean`."""
    try:
        intent = parse_question(q, today=today)
    except QuestionError as exc:
        detail = {"message": str(exc), "did_you_mean": exc.did_you_mean, "forms": list(KNOWN_FORMS)}
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=detail) from None
    try:
        intent = _with_graph_person(repo, intent)
        name, params, rows, summary = _ANSWERS[intent.form](repo, intent, today)
    except GraphError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail=str(exc)) from exc
    return AskResponse(
        question=q, intent=intent, result=rows, summary=summary, query=QueryRun(name=name, parameters=params)
    )


Answer = tuple[str, dict[str, Any], list[Row], str]


def _with_graph_person(repo: GraphRepository, intent: Intent) -> Intent:
    """A name the vocabulary does not know, looked up among the graph's people (404 when none has it)."""
    if intent.person is None or intent.person.id is not None:
        return intent
    people = repo.read("read/api_ask_person", name=intent.person.name.lower())
    if not people:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no person named {intent.person.name!r} in the graph")
    return intent.model_copy(update={"person": PersonRef(id=people[0]["id"], name=people[0]["name"])})


# --------------------------------------------------------------------------- wording


def _when(intent: Intent) -> str:
    since, until = intent.since, intent.until
    if since and since == until:
        return f" in {since}"
    if since and until:
        return f" from {since} to {until}"
    if since:
        return f" since {since}"
    return f" until {until}" if until else ""


def _names(rows: list[Row], key: str = "name", limit: int = 5) -> str:
    names = [str(row[key] or row.get("id")) for row in rows[:limit]]
    more = f" and {len(rows) - limit} more" if len(rows) > limit else ""
    if len(names) == 1:
        return names[0] + more
    if not more:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return ", ".join(names) + more


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# --------------------------------------------------------------------------- answers per form


def _partners(repo: GraphRepository, intent: Intent, _: date) -> Answer:
    actor = intent.actors[0]
    params: dict[str, Any] = {
        "actor": actor.id,
        "cooperation": intent.stance != "conflict",
        "types": intent.event_types,
        "limit": LIMIT,
    }
    # As GET /countries/{actor}/partners: the layer's summaries without a range or with year or month bounds, the
    # events with a day bound.
    if intent.since is not None or intent.until is not None:
        params |= {"since": intent.since, "until": intent.until}
    name, rows = read_partners(
        repo, actor.id, params["cooperation"], intent.since, intent.until, intent.event_types, LIMIT
    )
    verb = "cooperating with" if intent.stance != "conflict" else "in conflict with"
    if intent.event_types == ["ASSAULT"]:
        verb = "fighting"
    if rows:
        be = "is" if len(rows) == 1 else "are"
        summary = f"{_names(rows)} {be} reported {verb} {actor.name}{_when(intent)}."
    else:
        summary = f"No one is reported {verb} {actor.name}{_when(intent)}."
    return name, params, rows, summary


def _pair_events(repo: GraphRepository, intent: Intent, types: list[str] | None) -> tuple[dict[str, Any], list[Row]]:
    """The pair's events in the question's range, as GET /relations reads them; of `types` only, if given."""
    a, b = intent.actors[0].id, intent.actors[1].id
    low, high = index_bounds(intent.since, intent.until)
    params = {
        "a": a,
        "b": b,
        "pair": "|".join(sorted((a, b))),
        "since": intent.since,
        "until": intent.until,
        "low": low,
        "high": high,
        "limit": 200 if types else LIMIT,
    }
    rows = repo.read(
        "read/api_relations",
        a=a,
        b=b,
        pair=params["pair"],
        since=intent.since,
        until=intent.until,
        low=low,
        high=high,
        min_confidence=None,
        limit=params["limit"],
    )
    if types:
        rows = [row for row in rows if row["type"] in types][:LIMIT]
    return params, rows


def _between(repo: GraphRepository, intent: Intent, _: date) -> Answer:
    first, second = intent.actors[0], intent.actors[1]
    params, rows = _pair_events(repo, intent, intent.event_types)
    if rows:
        counts: dict[str, int] = {}
        for row in rows:
            counts[row["type"]] = counts.get(row["type"], 0) + 1
        kinds = ", ".join(f"{n} {t}" for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        latest = rows[0]["date"]
        summary = (
            f"{_plural(len(rows), 'event')} between {first.name} and {second.name}{_when(intent)} ({kinds})"
            f"{f', the latest on {latest}' if latest else ''}."
        )
    else:
        summary = f"No event between {first.name} and {second.name}{_when(intent)} is reported."
    return "read/api_relations", params, rows, summary


def _events(repo: GraphRepository, intent: Intent, _: date) -> Answer:
    types: list[str | None] = [*intent.event_types] if intent.event_types else [None]
    what = "/".join(intent.event_types) + " events" if intent.event_types else "events"
    if len(intent.actors) >= 2:
        params, rows = _pair_events(repo, intent, intent.event_types)
        name = "read/api_relations"
        about = f"between {intent.actors[0].name} and {intent.actors[1].name}"
    else:
        key = intent.person.id if intent.person and intent.person.id else intent.actors[0].id
        about = f"involving {intent.person.name if intent.person else intent.actors[0].name}"
        rows = []
        for event_type in types:  # as GET /events?actor=&type=, once per type the question names
            query = EventsQuery(key, event_type, None, None, intent.since, intent.until, None, None)
            rows += read_events(repo, query, LIMIT)
        rows = sorted(rows, key=lambda r: (r["date"] or "", r["id"]), reverse=True)[:LIMIT]
        name = "read/api_events_of_actor"
        params = {"actor": key, "types": intent.event_types, "since": intent.since, "until": intent.until}
    if rows:
        summary = f"{_plural(len(rows), 'event')} {about}{_when(intent)} ({what}), the latest on {rows[0]['date']}."
    else:
        summary = f"No {what} {about}{_when(intent)} reported."
    return name, params, rows, summary


def _meetings(repo: GraphRepository, intent: Intent, _: date) -> Answer:
    if intent.person is not None and intent.person.id is not None:
        subject, subject_name = intent.person.id, intent.person.name
    else:
        subject, subject_name = intent.actors[0].id, intent.actors[0].name
    if intent.offices:  # a person asked for by an office several share: which one ("the EU president")
        subject_name = f"{subject_name} ({', '.join(intent.offices)})"
    params = {"subject": subject, "since": intent.since, "until": intent.until, "limit": LIMIT}
    low, high = index_bounds(intent.since, intent.until)
    rows = repo.read(
        "read/api_ask_meetings",
        subject=subject,
        since=intent.since,
        until=intent.until,
        date_low=low,
        date_high=high,
        limit=LIMIT,
    )
    met: dict[str, str] = {}
    for row in rows:
        for counterpart in row["counterparts"]:
            met.setdefault(counterpart["id"], counterpart["name"] or counterpart["id"])
    if met:
        who = _names([{"name": name} for name in met.values()])
        summary = f"{subject_name} met {who}{_when(intent)} ({_plural(len(rows), 'meeting')})."
    else:
        summary = f"No meeting of {subject_name}{_when(intent)} is reported."
    return "read/api_ask_meetings", params, rows, summary


def _first_day(iso: str | None, default: date) -> date:
    if iso is None:
        return default
    parts = [int(p) for p in iso.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(iso: str | None, default: date) -> date:
    if iso is None:
        return default
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(parts[0], 12, 31)


def _leaders(repo: GraphRepository, intent: Intent, today: date) -> Answer:
    """Office holders over the question's range (today without one): the office-holder data's terms, then the
    people the graph's news names in those offices; only the offices meant when the actor files several under the
    role (the EU's president: the Commission's and the European Council's, each named)."""
    if intent.succession is not None:
        return _succession(intent)
    actor = intent.actors[0]
    if intent.role:
        roles = frozenset({intent.role})
    elif actor.kind == "country":
        roles = frozenset(role.role for role in gazetteer.roles() if role.head)
    else:
        roles = ORG_HEAD_ROLES
    since = _first_day(intent.since or intent.until, today)
    until = _last_day(intent.until, today)
    terms = offices_in(actor.id, roles if intent.role or actor.kind != "country" else None, since, until)
    if intent.offices:  # an organisation's offices: the graph has none (HOLDS_OFFICE points to states only)
        terms = [t for t in terms if t.title in intent.offices]
    rows: list[Row] = [
        {"id": person_id(t.name), "name": t.name, "role": t.title or t.role, "start": t.start, "end": t.end}
        | {"first_seen": None, "last_seen": None, "source": "office-holder data"}
        for t in terms
    ]
    params = {"iso3": actor.id, "roles": sorted(roles), "since": intent.since, "until": intent.until, "limit": LIMIT}
    known = {row["id"] for row in rows}
    graph_rows = repo.read(
        "read/api_ask_leaders",
        iso3=actor.id,
        roles=params["roles"],
        since=intent.since,
        until=intent.until,
        limit=LIMIT,
    )
    for row in graph_rows:
        if row["id"] not in known:
            rows.append(row | {"start": None, "end": None, "source": "graph"})
    rows = rows[:LIMIT]
    if rows:
        who = ", ".join(f"{row['role']} {row['name']}" for row in rows[:5])
        tense = "is" if intent.since is None and intent.until is None else "was"
        summary = f"{actor.name}{_when(intent)} {tense} led by {who}."
        if intent.offices and len(intent.offices) > 1:
            office = (intent.role or "leader").lower()
            summary = f"{actor.name}'s {office}{_when(intent)} is more than one office: {who}."
    else:
        summary = f"No leader of {actor.name}{_when(intent)} is known."
    return "read/api_ask_leaders", params, rows, summary


def _term(office: leaders.Office) -> str:
    return f"{office.start} to {office.end}" if office.end else f"from {office.start}"


def _succession(intent: Intent) -> Answer:
    """The holder of the office just before or after each of the person's terms in it (service/api/ask_succession.py),
    from the office-holder data: the graph holds no terms of office."""
    assert intent.person is not None and intent.succession is not None
    person, actor = intent.person, intent.actors[0] if intent.actors else None
    since = _first_day(intent.since, date.min) if intent.since else None
    until = _last_day(intent.until, date.max) if intent.until else None
    params = {
        "person": person.id,
        "actor": actor.id if actor else None,
        "role": intent.role,
        "succession": intent.succession,
        "since": intent.since,
        "until": intent.until,
    }
    found = []
    if actor is not None and intent.role is not None and person.id is not None:
        found = neighbours(person.id, actor.id, intent.role, intent.succession, since, until)
    rows: list[Row] = []
    sentences: list[str] = []
    word = "before" if intent.succession == "predecessor" else "after"
    for n in found:
        office = f"{n.term.title or n.term.role} of {actor.name if actor else n.term.country}"
        if n.other is None:
            missing = "still in office" if n.term.end is None and word == "after" else "not in the office-holder data"
            sentences.append(f"The {office} {word} {person.name} ({_term(n.term)}) is {missing}.")
            continue
        sentences.append(f"{n.other.name} ({_term(n.other)}) was {office} {word} {person.name} ({_term(n.term)}).")
        rows.append(
            {"id": person_id(n.other.name), "name": n.other.name, "role": n.other.title or n.other.role}
            | {"start": n.other.start, "end": n.other.end, "first_seen": None, "last_seen": None}
            | {"source": "office-holder data", "succession": intent.succession}
            | {"of": {"id": person.id, "name": person.name, "start": n.term.start, "end": n.term.end}}
        )
    if not found:
        where = f" of {actor.name}" if actor else ""
        sentences.append(
            f"No term of {person.name} as {intent.role or 'office holder'}{where} is in the office-holder data."
        )
    return "office-holder data", params, rows, " ".join(sentences)


def troops_from_events(
    repo: GraphRepository, target: str, since: str | None, until: str | None, limit: int
) -> list[Row]:
    """Who sent forces to `target` in since..until, counting the target's MOBILIZE events in the range."""
    low, high = index_bounds(since, until)
    return repo.read(
        "read/api_ask_troops",
        target=target,
        since=since,
        until=until,
        date_low=low,
        date_high=high,
        limit=limit,
    )


def troops_from_periods(
    repo: GraphRepository, target: str, since: str | None, until: str | None, limit: int
) -> list[Row]:
    """The same answer for a range with year or month bounds (one at least), from the per-period summaries of the
    troop edges into `target` (read/api_ask_troops_in_periods)."""
    bounds = cumulative_bounds(since, until)
    return repo.read(
        "read/api_ask_troops_in_periods",
        target=target,
        since=since,
        until=until,
        month_low=bounds["month_low"],
        month_high=bounds["month_high"],
        year_low=bounds["year_low"],
        year_high=bounds["year_high"],
        limit=limit,
    )


def troops_query(since: str | None, until: str | None) -> str:
    """The query that answers "who sent troops to X" in since..until: the troop edges' per-period summaries when
    every bound given is a year or a month (service.api.actors.summarised) and one at least is; else the events."""
    ranged = since is not None or until is not None
    return "read/api_ask_troops_in_periods" if ranged and summarised(since, until) else "read/api_ask_troops"


def _troops(repo: GraphRepository, intent: Intent, _: date) -> Answer:
    target = intent.actors[0]
    params = {"target": target.id, "since": intent.since, "until": intent.until, "limit": LIMIT}
    name = troops_query(intent.since, intent.until)
    read = troops_from_periods if name == "read/api_ask_troops_in_periods" else troops_from_events
    rows = read(repo, target.id, intent.since, intent.until, LIMIT)
    if rows:
        has = "has" if len(rows) == 1 else "have"
        summary = f"{_names(rows)} {has} sent forces to {target.name}{_when(intent)}."
    else:
        summary = f"No one is reported sending forces to {target.name}{_when(intent)}."
    return name, params, rows, summary


def _trend(repo: GraphRepository, intent: Intent, _: date) -> Answer:
    """GET /relations/timeline's answer, by year unless the question asks by month or quarter: per period, events
    by type, quad class and stance, and the net cooperation-minus-conflict score (its `formula`)."""
    first, second = intent.actors[0], intent.actors[1]
    interval = intent.interval or "year"
    params = {"a": first.id, "b": second.id, "interval": interval, "since": intent.since, "until": intent.until}
    timeline = read_timeline(repo, first.id, second.id, interval, intent.since, intent.until)
    rows: list[Row] = [period.model_dump() for period in timeline.periods]
    if rows:
        periods = ", ".join(f"{r['period']} {r['net']:+.1f} ({_plural(r['events'], 'event')})" for r in rows)
        summary = (
            f"{first.name} and {second.name}{_when(intent)}, net cooperation minus conflict per {interval}: {periods}."
        )
    else:
        summary = f"No dated event between {first.name} and {second.name}{_when(intent)} is reported."
    return timeline_query(intent.since, intent.until), params, rows, summary


_ANSWERS = {
    "partners": _partners,
    "between": _between,
    "events": _events,
    "meetings": _meetings,
    "leaders": _leaders,
    "troops": _troops,
    "trend": _trend,
}

"""GET /ask?q=...: an English question of a known form (service/api/ask.py parses it) answered from the graph by
one of the cypher/read/api_ask_* queries."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import BaseModel, ConfigDict

from service.api.ask import KNOWN_FORMS, MAX_QUESTION_CHARS, Intent, QuestionError, parse_question
from service.api.deps import Repository
from service.graph.errors import GraphError
from service.graph.repository import GraphRepository, Row
from service.shared import gazetteer

router = APIRouter(tags=["ask"])

LIMIT = 25  # rows per answer


class QueryRun(BaseModel):
    name: str
    parameters: dict[str, Any]


class AskResponse(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "question": "who leads Japan?",
                    "intent": {"form": "leaders", "actors": [{"text": "Japan", "id": "JPN", "name": "Japan"}]},
                    "result": [{"id": "person:fumio-kishida", "name": "Fumio Kishida", "role": "Prime Minister"}],
                    "summary": "Japan is led by Prime Minister Fumio Kishida (last seen 2024-06-14).",
                    "query": {"name": "read/api_ask_leaders", "parameters": {"iso3": "JPN"}},
                }
            ]
        }
    )
    question: str
    intent: Intent
    result: list[dict[str, Any]]
    summary: str
    query: QueryRun


class ErrorResponse(BaseModel):
    detail: Any


@router.get(
    "/ask",
    summary="Answer an English question about relations between states",
    response_model=AskResponse,
    responses={
        404: {"model": ErrorResponse, "description": "the person named is not in the graph"},
        422: {"model": ErrorResponse, "description": "a question of no known form (the forms are listed)"},
        503: {"model": ErrorResponse, "description": "Neo4j unreachable"},
    },
)
def get_ask(
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUESTION_CHARS, description="the question")],
    repo: Repository,
) -> AskResponse:
    """Known forms: "who is cooperating with X", "who is in conflict with X", "who is fighting X", "who met X",
    "what happened between X and Y", "who leads X", "who sent troops to X"; all but "who leads" take "in 2024",
    "this year" or "last year" at the end. A question of another form answers 422 with the list."""
    try:
        intent = parse_question(q)
    except QuestionError as exc:
        detail: dict[str, Any] = {"message": str(exc)}
        if exc.unknown_form:
            detail["forms"] = list(KNOWN_FORMS)
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=detail) from None
    try:
        name, params, rows, summary = _answer(repo, intent)
    except GraphError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail=str(exc)) from exc
    return AskResponse(
        question=q, intent=intent, result=rows, summary=summary, query=QueryRun(name=name, parameters=params)
    )


Answer = tuple[str, dict[str, Any], list[Row], str]


def _answer(repo: GraphRepository, intent: Intent) -> Answer:
    if intent.form == "partners":
        return _partners(repo, intent)
    if intent.form == "meetings":
        return _meetings(repo, intent)
    if intent.form == "between":
        return _between(repo, intent)
    if intent.form == "leaders":
        return _leaders(repo, intent)
    return _troops(repo, intent)


def _when(year: str | None) -> str:
    return f" in {year}" if year else ""


def _names(rows: list[Row], key: str = "name", limit: int = 5) -> str:
    names = [str(row[key] or row.get("id")) for row in rows[:limit]]
    more = f" and {len(rows) - limit} more" if len(rows) > limit else ""
    if len(names) == 1:
        return names[0] + more
    if not more:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return ", ".join(names) + more


def _partners(repo: GraphRepository, intent: Intent) -> Answer:
    actor = intent.actors[0]
    params = {"actor": actor.id, "types": intent.event_types, "year": intent.year, "limit": LIMIT}
    # Without a year, from the relationship layer's summaries (cost: the partners); a year walks the actor's events.
    name = "read/api_ask_partners" if intent.year is None else "read/api_ask_partners_in_year"
    if intent.year is None:
        rows = repo.read("read/api_ask_partners", actor=actor.id, types=intent.event_types, year=None, limit=LIMIT)
    else:
        rows = repo.read(
            "read/api_ask_partners_in_year", actor=actor.id, types=intent.event_types, year=intent.year, limit=LIMIT
        )
    verb = {"cooperation": "cooperating with", "conflict": "in conflict with", "fighting": "fighting"}[
        intent.stance or "cooperation"
    ]
    if rows:
        be = "is" if len(rows) == 1 else "are"
        summary = f"{_names(rows)} {be} reported {verb} {actor.name}{_when(intent.year)}."
    else:
        summary = f"No one is reported {verb} {actor.name}{_when(intent.year)}."
    return name, params, rows, summary


def _meetings(repo: GraphRepository, intent: Intent) -> Answer:
    if intent.person is not None:
        people = repo.read("read/api_ask_person", name=intent.person.lower())
        if not people:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no person named {intent.person!r} in the graph")
        subject, subject_name = people[0]["id"], people[0]["name"]
    else:
        subject, subject_name = intent.actors[0].id, intent.actors[0].name
    params = {"subject": subject, "year": intent.year, "limit": LIMIT}
    rows = repo.read("read/api_ask_meetings", subject=subject, year=intent.year, limit=LIMIT)
    met: dict[str, str] = {}
    for row in rows:
        for counterpart in row["counterparts"]:
            met.setdefault(counterpart["id"], counterpart["name"] or counterpart["id"])
    if met:
        who = _names([{"name": name} for name in met.values()])
        summary = f"{subject_name} met {who}{_when(intent.year)} ({len(rows)} meeting{'s' if len(rows) != 1 else ''})."
    else:
        summary = f"No meeting of {subject_name}{_when(intent.year)} is reported."
    return "read/api_ask_meetings", params, rows, summary


def _between(repo: GraphRepository, intent: Intent) -> Answer:
    first, second = intent.actors
    params = {"a": first.id, "b": second.id, "year": intent.year, "limit": LIMIT}
    rows = repo.read("read/api_ask_between", a=first.id, b=second.id, year=intent.year, limit=LIMIT)
    if rows:
        counts: dict[str, int] = {}
        for row in rows:
            counts[row["type"]] = counts.get(row["type"], 0) + 1
        kinds = ", ".join(f"{n} {t}" for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        latest = rows[0]["date"]
        summary = (
            f"{len(rows)} event{'s' if len(rows) != 1 else ''} between {first.name} and {second.name}"
            f"{_when(intent.year)} ({kinds}){f', the latest on {latest}' if latest else ''}."
        )
    else:
        summary = f"No event between {first.name} and {second.name}{_when(intent.year)} is reported."
    return "read/api_ask_between", params, rows, summary


def _head_roles() -> list[str]:
    return [role.role for role in gazetteer.roles() if role.head]


def _leaders(repo: GraphRepository, intent: Intent) -> Answer:
    country = intent.actors[0]
    roles = _head_roles()
    params = {"iso3": country.id, "roles": roles, "limit": LIMIT}
    rows = repo.read("read/api_ask_leaders", iso3=country.id, roles=roles, limit=LIMIT)
    if rows:
        top = rows[0]
        seen = f" (last seen {top['last_seen']})" if top["last_seen"] else ""
        summary = f"{country.name} is led by {top['role']} {top['name']}{seen}."
    else:
        summary = f"No leader of {country.name} is reported."
    return "read/api_ask_leaders", params, rows, summary


def _troops(repo: GraphRepository, intent: Intent) -> Answer:
    target = intent.actors[0]
    params = {"target": target.id, "year": intent.year, "limit": LIMIT}
    rows = repo.read("read/api_ask_troops", target=target.id, year=intent.year, limit=LIMIT)
    if rows:
        summary = (
            f"{_names(rows)} {'has' if len(rows) == 1 else 'have'} sent forces to {target.name}{_when(intent.year)}."
        )
    else:
        summary = f"No one is reported sending forces to {target.name}{_when(intent.year)}."
    return "read/api_ask_troops", params, rows, summary

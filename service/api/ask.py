"""Parsing the English questions of GET /ask into a structured intent. Pure: no I/O, no graph.

A question is normalised (whitespace collapsed, curly apostrophes straightened, trailing "?"/"." dropped), a time
phrase at its end is taken off ("in 2024", "this year", "last year"), and what is left is matched against one
regular expression per known form. Actor names are looked up in the gazetteer (`service.shared.gazetteer.lookup`, which
is case-sensitive), then case-insensitively; a name that is no actor is, for "who met X", taken to be a person,
whom the route looks up among the graph's Person nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel

from service.shared import gazetteer
from service.shared.plover import QUAD_CLASSES

Form = Literal["partners", "meetings", "between", "leaders", "troops"]
Stance = Literal["cooperation", "conflict"]

# Event types behind each stance: PLOVER's quad classes. "fighting" means force, not words.
STANCE_TYPES: dict[str, tuple[str, ...]] = {
    "cooperation": QUAD_CLASSES["verbal_cooperation"] + QUAD_CLASSES["material_cooperation"],
    "conflict": QUAD_CLASSES["verbal_conflict"] + QUAD_CLASSES["material_conflict"],
    "fighting": ("ASSAULT", "COERCE"),
}

# The forms GET /ask understands, as listed in its 422 answer.
KNOWN_FORMS: tuple[str, ...] = (
    "who is cooperating with <country or organisation> [in <year> | this year | last year]",
    "who is in conflict with <country or organisation> [in <year> | ...]",
    "who is fighting <country or organisation> [in <year> | ...]",
    "who met <person, country or organisation> [in <year> | ...]",
    "what happened between <country> and <country> [in <year> | this year | ...]",
    "who leads <country>",
    "who sent troops to <country> [in <year> | ...]",
)

MAX_QUESTION_CHARS = 300


class ActorMatch(BaseModel):
    """A name in the question resolved to a gazetteer actor."""

    text: str  # as written in the question
    id: str  # ISO3 or organisation id
    name: str
    kind: Literal["country", "org", "group", "other"]


class Intent(BaseModel):
    """What a question asks. `stance` and `event_types` for "partners"; `person` (a name still to be resolved in
    the graph) or `actors[0]` for "meetings"; two actors for "between"; one for the others."""

    form: Form
    actors: list[ActorMatch] = []
    person: str | None = None
    stance: Literal["cooperation", "conflict", "fighting"] | None = None
    event_types: list[str] = []
    year: str | None = None  # "2024": only events dated in that year


class QuestionError(ValueError):
    """The question cannot be mapped: no known form, or a name that is no known actor."""

    def __init__(self, message: str, *, unknown_form: bool) -> None:
        super().__init__(message)
        self.unknown_form = unknown_form


# --------------------------------------------------------------------------- normalisation and time


_SPACES = re.compile(r"\s+")
_TIME = re.compile(
    r"(?:,?\s+(?:in|during)\s+(?:the\s+year\s+)?(?P<year>(?:19|20)\d\d)|\s+(?P<rel>this|last)\s+year|"
    r"\s+so\s+far\s+this\s+year)$",
    re.IGNORECASE,
)


def normalise(question: str) -> str:
    text = _SPACES.sub(" ", gazetteer.normalize_apostrophes(question)).strip()
    return text.rstrip("?.! ").strip()


def _split_time(text: str, today: date) -> tuple[str, str | None]:
    match = _TIME.search(text)
    if match is None:
        return text, None
    if match["year"]:
        year = match["year"]
    elif (match["rel"] or "this").lower() == "last":
        year = str(today.year - 1)
    else:
        year = str(today.year)
    return text[: match.start()].strip(), year


# --------------------------------------------------------------------------- forms

_WHO = r"who(?:'s|\s+is|\s+are|\s+has\s+been|\s+have\s+been|\s+was|\s+were)?"
_I = re.IGNORECASE


@dataclass(frozen=True)
class _Pattern:
    form: Form
    regex: re.Pattern[str]
    stance: Literal["cooperation", "conflict", "fighting"] | None = None


_PATTERNS: tuple[_Pattern, ...] = (
    _Pattern(
        "partners",
        re.compile(
            rf"^{_WHO}\s+(?:cooperating|co-operating|working|allied|partnering|siding)\s+with\s+(?P<x>.+)$|"
            r"^who\s+(?:cooperates|co-operates|works|sides|partners)\s+with\s+(?P<x2>.+)$|"
            r"^who\s+(?:are|is)\s+(?P<x3>.+?)'s\s+(?:partners|allies|friends)$",
            _I,
        ),
        "cooperation",
    ),
    _Pattern(
        "partners",
        re.compile(
            rf"^{_WHO}\s+(?:in\s+(?:a\s+)?conflict\s+with|at\s+odds\s+with|hostile\s+to|against)\s+(?P<x>.+)$|"
            r"^who\s+(?:are|is)\s+(?P<x3>.+?)'s\s+(?:enemies|adversaries|rivals)$",
            _I,
        ),
        "conflict",
    ),
    _Pattern(
        "partners",
        re.compile(
            rf"^{_WHO}\s+(?:fighting|attacking|at\s+war\s+with|striking|bombing)\s+(?P<x>.+)$|"
            r"^who\s+(?:fights|attacks|attacked|fought|struck|bombed)\s+(?P<x2>.+)$",
            _I,
        ),
        "fighting",
    ),
    _Pattern(
        "meetings",
        re.compile(
            r"^who\s+(?:has\s+|have\s+|did\s+)?(?:met|meets|meet|talked\s+to|spoke\s+with|held\s+talks\s+with)"
            r"(?:\s+with)?\s+(?P<x>.+)$",
            _I,
        ),
    ),
    _Pattern(
        "between",
        re.compile(
            r"^what(?:'s|\s+has|\s+is|\s+was)?\s+(?:happened|happening|going\s+on|new|been\s+happening)\s+"
            r"between\s+(?P<pair>.+\s+and\s+.+)$|"
            r"^(?:how\s+are|what\s+are)\s+(?:the\s+)?relations\s+between\s+(?P<pair2>.+\s+and\s+.+)$",
            _I,
        ),
    ),
    _Pattern(
        "leaders",
        re.compile(
            r"^who\s+(?:leads|rules|governs|runs|heads)\s+(?P<x>.+)$|"
            r"^who(?:'s|\s+is)\s+(?:the\s+)?(?:leader|head\s+of\s+state|head\s+of\s+government|ruler|president|"
            r"prime\s+minister)\s+of\s+(?P<x2>.+)$|"
            r"^who(?:'s|\s+is)\s+(?:leading|ruling|governing|running)\s+(?P<x3>.+)$",
            _I,
        ),
    ),
    _Pattern(
        "troops",
        re.compile(
            r"^who\s+(?:has\s+|have\s+|did\s+)?(?:sent|sends|send|deployed|deploys|deploy|is\s+sending|"
            r"is\s+deploying|moved|mobilized|mobilised)\s+(?:troops|soldiers|forces)\s+(?:to|into|in|toward|"
            r"towards)\s+(?P<x>.+)$",
            _I,
        ),
    ),
)


def parse_question(question: str, *, today: date | None = None) -> Intent:
    """The intent of `question`, or QuestionError. `today` fixes what "this year" means (default: today)."""
    text = normalise(question)
    if not text:
        raise QuestionError("the question is empty", unknown_form=True)
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is longer than {MAX_QUESTION_CHARS} characters", unknown_form=True)
    text, year = _split_time(text, today or date.today())
    for pattern in _PATTERNS:
        match = pattern.regex.match(text)
        if match is None:
            continue
        names = [value for key, value in match.groupdict().items() if value is not None and key != "year"]
        if pattern.form == "between":
            return Intent(form="between", actors=list(_pair(names[0])), year=year)
        [name] = names
        if pattern.form == "meetings":
            found = resolve_actor(name)
            if found is None:
                return Intent(form="meetings", person=_person_name(name), year=year)
            return Intent(form="meetings", actors=[found], year=year)
        actor = _actor(name)
        if pattern.form == "leaders":
            if actor.kind != "country":
                raise QuestionError(f"{actor.name} is not a country", unknown_form=False)
            return Intent(form="leaders", actors=[actor])
        if pattern.form == "troops":
            return Intent(form="troops", actors=[actor], event_types=["MOBILIZE"], year=year)
        stance = pattern.stance
        return Intent(
            form="partners",
            actors=[actor],
            stance=stance,
            event_types=list(STANCE_TYPES[stance or "cooperation"]),
            year=year,
        )
    raise QuestionError("the question has none of the known forms", unknown_form=True)


# --------------------------------------------------------------------------- names


def _actor(text: str) -> ActorMatch:
    found = resolve_actor(text)
    if found is None:
        raise QuestionError(f"{text.strip()!r} is not a country or organisation I know", unknown_form=False)
    return found


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)


def _pair(text: str) -> tuple[ActorMatch, ActorMatch]:
    """Two actors joined by "and", trying each "and" in turn ("Trinidad and Tobago and Venezuela")."""
    splits = [(text[: m.start()], text[m.end() :]) for m in _AND.finditer(text)]
    for left, right in splits:
        first, second = resolve_actor(left), resolve_actor(right)
        if first is not None and second is not None:
            return first, second
    left, right = splits[0]
    return _actor(left), _actor(right)


def resolve_actor(text: str) -> ActorMatch | None:
    """The gazetteer actor a name stands for: exact lookup first, then case-insensitive."""
    name = text.strip().strip("\"'").strip()
    form = gazetteer.lookup(name)
    actor_id = form.actor_id if form is not None else _folded_index().get(_fold(name))
    if actor_id is None:
        return None
    actor = gazetteer.load_actors().get(actor_id)
    if actor is None:
        return None
    return ActorMatch(text=name, id=actor.id, name=actor.name, kind=actor.kind)


def _fold(text: str) -> str:
    text = gazetteer.strip_accents(gazetteer.normalize_apostrophes(text)).lower().strip()
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text


@lru_cache(maxsize=1)
def _folded_index() -> dict[str, str]:
    """Folded surface text -> actor id, for texts whose default reading is one actor only; country names and
    adjectives first, so that a text shared by a country and something else means the country."""
    owners: dict[str, set[str]] = {}
    order: dict[str, str] = {}
    for form in gazetteer.surface_forms():
        if form.ambiguous:
            continue
        key = _fold(form.text)
        owners.setdefault(key, set()).add(form.actor_id)
        order.setdefault(key, form.actor_id)
    return {key: order[key] for key, ids in owners.items() if len(ids) == 1}


def _person_name(text: str) -> str:
    name = text.strip().strip("\"'").strip()
    return name[:-2] if name.endswith("'s") else name

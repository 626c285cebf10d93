"""Reading the English questions of GET /ask into an intent. Pure: no I/O, no graph; `today` is passed in.

A question is read in four steps, none of which is a template of the whole sentence:
1. time phrases become an inclusive range of ISO partial dates (service/api/ask_time.py);
2. actors and people are found from the shipped vocabulary: gazetteer and office-holder data
   (service/api/ask_names.py), longest span first, whatever the case;
3. the words left are matched against the vocabulary of service/api/data/ask_vocabulary.json: stances
   (cooperation, conflict, force), meetings, troops, offices and leading, trends, relations, named acts (PLOVER
   types);
4. the form follows from which of those are present and how many actors and people: two actors and a word of
   change is a trend, troop words make "troops", meeting words "meetings", a person with a word of succession
   ("before Kishida", "succeeded Abe") or an office or "leads" with one actor "leaders", a named act "events", a
   stance with one actor "partners", two actors "between".
A name that is neither an actor nor a known office holder stays a bare name, which the route looks up among the
graph's people. spaCy's statistical parse is not used here: analysts type questions in lower case or capitals, which
that model's entities and tags do not survive, and the API would have to load the extractor's pipeline for it.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from service.api.ask_names import (
    Found,
    actor_index,
    find_names,
    fold,
    office_holder,
    person_country,
    person_index,
    tokens,
)
from service.api.ask_offices import ORG_HEAD_ROLES, offices_meant
from service.api.ask_succession import Succession, person_office, succession_asked
from service.api.ask_time import TimeRange, take_time
from service.shared import gazetteer

Form = Literal["partners", "meetings", "between", "leaders", "troops", "events", "trend"]
Stance = Literal["cooperation", "conflict"]

VOCABULARY_FILE = Path(__file__).parent / "data" / "ask_vocabulary.json"
MAX_QUESTION_CHARS = 300

# The forms GET /ask knows, with an example each, as listed in its 422 answer.
KNOWN_FORMS: tuple[str, ...] = (
    "partners: who is cooperating with / allied with / in conflict with / fighting <actor>; <actor>'s partners",
    "meetings: who met <person or actor>; who did <person> meet; meetings of <person>",
    "between: what happened between <actor> and <actor>; <actor>-<actor> relations",
    "trend: how have relations between <actor> and <actor> changed since <year>",
    "leaders: who leads <country>; who is the president of <country>; <country>'s chancellor; "
    "who was <country>'s prime minister before <person>; who succeeded <person>",
    "troops: who sent troops to <actor>; who deployed soldiers in <actor>",
    "events: who imposed sanctions on <actor>; what did <actor or person> do last month",
    "time, at the end of any form: in 2022; since March 2022; between 2019 and 2021; from 2020 to 2022; "
    "this year; last year; last month; in the past six months",
)


class ActorRef(BaseModel):
    """An actor the question names, by its graph key."""

    id: str = Field(description="ISO3 code or organisation id, as in the graph", examples=["TUR"])
    name: str = Field(examples=["Turkey"])
    kind: str = Field(description="country, org or group", examples=["country"])
    text: str = Field(description="as written in the question", examples=["Ankara"])


class PersonRef(BaseModel):
    id: str | None = Field(
        description="the graph's person id; null while a name outside the office-holder data is looked up",
        examples=["person:recep-tayyip-erdogan"],
    )
    name: str = Field(examples=["Recep Tayyip Erdoğan"])


class Intent(BaseModel):
    """What a question asks. `actors` holds the actors in the order named (sorted by id for `between` and `trend`);
    `since` / `until` are inclusive ISO partial dates at the precision the question gives (null: open)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "form": "partners",
                    "actors": [{"id": "IRN", "name": "Iran", "kind": "country", "text": "Tehran"}],
                    "person": None,
                    "stance": "conflict",
                    "event_types": None,
                    "role": None,
                    "since": "2022-03",
                    "until": None,
                    "year": None,
                },
                {
                    "form": "events",
                    "actors": [{"id": "CAN", "name": "Canada", "kind": "country", "text": "Canada"}],
                    "person": None,
                    "stance": None,
                    "event_types": ["SANCTION"],
                    "role": None,
                    "since": "2019",
                    "until": "2021",
                    "year": None,
                },
            ]
        }
    )

    form: Form
    actors: list[ActorRef] = []
    person: PersonRef | None = None
    stance: Stance | None = Field(default=None, description="for partners: cooperation or conflict")
    event_types: list[str] | None = Field(default=None, description="the PLOVER types the question names")
    role: str | None = Field(default=None, description="for leaders (and people named by office): the office")
    offices: list[str] | None = Field(
        default=None,
        description="the exact offices meant when the actor files several under `role`: the EU's 'president' is "
        "the Commission's and the European Council's unless the question names one ('ECB president')",
        examples=[["President of the European Commission", "President of the European Council"]],
    )
    succession: Succession | None = Field(
        default=None,
        description="for leaders: the holder of `role` just before (predecessor) or just after (successor) "
        "`person`'s term in it ('who was Japan's prime minister before Kishida', 'who led the UK after Johnson')",
    )
    interval: Literal["month", "quarter", "year"] | None = Field(
        default=None, description="for trend: the periods asked for (by month, quarterly; else year)"
    )
    since: str | None = Field(default=None, examples=["2022-03"])
    until: str | None = Field(default=None, examples=["2022"])
    year: str | None = Field(default=None, description="kept for compatibility: since, when the range is one year")


class QuestionError(ValueError):
    """A question that cannot be read: no known form, or a name that is no known actor or person."""

    def __init__(self, message: str, *, unknown_form: bool, did_you_mean: list[str] | None = None) -> None:
        super().__init__(message)
        self.unknown_form = unknown_form
        self.did_you_mean = did_you_mean or []


# --------------------------------------------------------------------------- vocabulary


def _phrase_regex(phrase: str) -> str:
    words = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in fold(phrase).split()]
    return r"\b" + r"\s+".join(words) + r"\b"


@dataclass(frozen=True)
class Vocabulary:
    cues: dict[str, re.Pattern[str]]  # category -> any of its phrases
    types: dict[str, re.Pattern[str]]  # PLOVER type -> its phrases
    roles: tuple[tuple[re.Pattern[str], str | None], ...]  # office phrase -> role (None: any head)
    combining: dict[str, str]  # "sino" -> "CHN": a state's prefix, joined by a hyphen to another actor's name
    offices_meant: dict[str, tuple[str, ...]]  # actor -> the offices its bare office word means
    stop: frozenset[str]
    words: frozenset[str]  # every word of every phrase, for telling names from question words


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data: dict[str, Any] = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
    categories = ("cooperation", "conflict", "force", "meetings", "visits", "troops", "lead", "trend", "relation")
    cues = {
        name: re.compile("|".join(_phrase_regex(p) for p in data[name])) for name in (*categories, "events", "asking")
    }
    types = {t: re.compile("|".join(_phrase_regex(p) for p in phrases)) for t, phrases in data["event_types"].items()}
    roles = tuple(
        (re.compile(_phrase_regex(phrase)), role)
        for phrase, role in sorted(data["roles"].items(), key=lambda kv: -len(kv[0]))
    )
    phrases = [p for name in (*categories, "events", "asking") for p in data[name]] + list(data["roles"])
    phrases += [p for ps in data["event_types"].values() for p in ps]
    words = frozenset(fold(w).rstrip("*") for p in phrases for w in p.split()) | frozenset(data["stop"])
    combining = {fold(prefix): actor_id for prefix, actor_id in data["combining_forms"].items()}
    meant = {actor: tuple(titles) for actor, titles in data["offices_meant"].items()}
    return Vocabulary(cues, types, roles, combining, meant, frozenset(data["stop"]), words)


# --------------------------------------------------------------------------- reading


def normalise(question: str) -> str:
    text = " ".join(gazetteer.normalize_apostrophes(question).split())
    return _collectives_named(text.rstrip("?.!; ").strip())


@lru_cache(maxsize=1)
def _collective_pattern() -> tuple[re.Pattern[str], dict[str, list[str]]]:
    names = {" ".join(words): members for words, members in gazetteer.collectives().items()}
    alternatives = "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:the\s+)?({alternatives})\b", re.IGNORECASE), names


def _collectives_named(text: str) -> str:
    """ "the two Koreas": a fixed pair of states is read as its two members named ("South Korea and North Korea"),
    so the question's forms see both. (A larger group, "the Baltic states", fits no form of two actors: left as is.)"""
    pattern, names = _collective_pattern()
    names = {n: m for n, m in names.items() if len(m) == 2}
    actors = gazetteer.load_actors()

    def members(match: re.Match[str]) -> str:
        pair = names.get(" ".join(match.group(1).lower().split()), [])
        named = [actors[m].name for m in pair if m in actors]
        return " and ".join(named) if len(named) == 2 else match.group(0)

    return pattern.sub(members, text)


@dataclass
class _Reading:
    """The question taken apart: its folded words with names replaced by ACTOR / PERSON, and what matched where."""

    words: list[str]  # folded, names as "ACTOR" / "PERSON"
    originals: list[str]  # the same slots as written
    names: list[Found]
    name_texts: list[str]  # each name as written
    text: str  # " ".join(words)
    used: set[int]  # slots covered by a vocabulary phrase

    def has(self, pattern: re.Pattern[str]) -> bool:
        found = False
        for match in pattern.finditer(self.text):
            found = True
            self._mark(match.start(), match.end())
        return found

    def _mark(self, start: int, end: int) -> None:
        offset = 0
        for i, word in enumerate(self.words):
            if offset < end and offset + len(word) > start:
                self.used.add(i)
            offset += len(word) + 1

    def residue(self, stop: frozenset[str]) -> str:
        """The longest run of words that are neither names, vocabulary nor stop words: an unknown name."""
        runs: list[list[str]] = [[]]
        for i, word in enumerate(self.words):
            if i in self.used or word in stop or word in ("ACTOR", "PERSON") or word.isdigit():
                runs.append([])
            else:
                runs[-1].append(self.originals[i])
        longest: list[str] = max(runs, key=len)
        return " ".join(longest)


def _read(text: str, on: date) -> _Reading:
    all_caps = any(c.isalpha() for c in text) and text.upper() == text
    words = tokens(text)
    vocab = vocabulary()
    names = find_names(
        words, on=on, vocabulary=vocab.words, stop=vocab.stop, all_caps=all_caps, combining=vocab.combining
    )
    slots: list[str] = []
    originals: list[str] = []
    starts = {f.start: f for f in names}
    i = 0
    while i < len(words):
        if i in starts:
            found = starts[i]
            slots.append("ACTOR" if found.kind == "actor" else "PERSON")
            originals.append(" ".join(t.text for t in words[found.start : found.end]))
            i = found.end
            continue
        slots.append(words[i].key)
        originals.append(words[i].text)
        i += 1
    name_texts = [" ".join(t.text for t in words[f.start : f.end]) for f in names]
    return _Reading(slots, originals, names, name_texts, " ".join(slots), set())


def _reference_day(time: TimeRange, today: date) -> date:
    """The day whose office holders a name or an office refers to: the end of the question's range, else today."""
    if time.until is None:
        return today
    parts = [int(p) for p in time.until.split("-")]
    if len(parts) == 1:
        return min(today, date(parts[0], 12, 31))
    if len(parts) == 2:
        return min(today, date(parts[0], parts[1], 28))
    return date(parts[0], parts[1], parts[2])


def _days(time: TimeRange, today: date) -> tuple[date, date]:
    """The first and last day of the question's range (today for an open end, or for no range)."""
    last = _reference_day(time, today)
    if time.since is None:
        return (last if time.until is None else _first_day(time.until)), last
    return _first_day(time.since), last


def _first_day(iso: str) -> date:
    parts = [int(p) for p in iso.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


# What "understood" compares (issue 12): an intent equals the expected one field by field on these.
UNDERSTOOD_FIELDS = ("form", "actors", "person", "stance", "since", "until")


def understood_fields(intent: Intent) -> dict[str, Any]:
    """The intent's fields that a question set compares, actors and person by their graph ids."""
    return {
        "form": intent.form,
        "actors": [actor.id for actor in intent.actors],
        "person": intent.person.id if intent.person else None,
        "stance": intent.stance,
        "since": intent.since,
        "until": intent.until,
    }


def parse_question(question: str, *, today: date) -> Intent:
    """The intent of `question`, or QuestionError."""
    text = normalise(question)
    if not text or not any(c.isalnum() for c in text):
        raise QuestionError("the question is empty", unknown_form=True)
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is longer than {MAX_QUESTION_CHARS} characters", unknown_form=True)
    try:
        rest, time = take_time(text, today)
    except (ValueError, OverflowError):  # "2024-13", "in the past 99999999 days"
        raise QuestionError("a date in the question cannot be read", unknown_form=False) from None
    if time.since and time.until and time.since > time.until and not time.since.startswith(time.until):
        raise QuestionError(f"the range starts ({time.since}) after it ends ({time.until})", unknown_form=False)
    reading = _read(rest, _reference_day(time, today))
    intent = _intent(reading, time, today)
    year = time.since if time.since and time.since == time.until and len(time.since) == 4 else None
    return intent.model_copy(update={"since": time.since, "until": time.until, "year": year})


def _actor_refs(reading: _Reading) -> list[ActorRef]:
    refs: dict[str, ActorRef] = {}
    for found, text in zip(reading.names, reading.name_texts, strict=True):
        if found.kind == "actor" and found.id not in refs:
            kind = gazetteer.load_actors()[found.id].kind
            refs[found.id] = ActorRef(id=found.id, name=found.name, kind=kind, text=text)
    return list(refs.values())


def _actor_ref(actor_id: str, text: str) -> ActorRef:
    actor = gazetteer.load_actors()[actor_id]
    return ActorRef(id=actor.id, name=actor.name, kind=actor.kind, text=text)


@dataclass
class _Clues:
    """What a reading holds: the vocabulary categories present, the acts named, the office, the names."""

    cue: dict[str, bool]
    types: list[str]
    role: str | None
    role_named: bool
    actors: list[ActorRef]
    person: PersonRef | None

    @property
    def stance(self) -> bool:
        return self.cue["cooperation"] or self.cue["conflict"] or self.cue["force"]


def _intent(reading: _Reading, time: TimeRange, today: date) -> Intent:
    """The form from the clues, strongest first: a change between two actors, troops, meetings, an office, an
    act named, a stance, two actors, then events of one actor or person."""
    vocab = vocabulary()
    role, role_named = _role(reading)
    people = [PersonRef(id=f.id, name=f.name) for f in reading.names if f.kind == "person"]
    clues = _Clues(
        cue={name: reading.has(pattern) for name, pattern in vocab.cues.items()},
        types=[t for t, pattern in vocab.types.items() if reading.has(pattern)],
        role=role,
        role_named=role_named,
        actors=_actor_refs(reading),
        person=people[0] if people else None,
    )
    cue, actors, person, n = clues.cue, clues.actors, clues.person, len(clues.actors)
    by_id = sorted(actors, key=lambda a: a.id)

    if cue["trend"] and n >= 2:
        return Intent(form="trend", actors=by_id[:2], interval=_interval(reading))
    if cue["troops"] and n >= 1 and not _troops_are_acted_on(reading):
        return Intent(form="troops", actors=_troops_target(reading, actors), event_types=["MOBILIZE"])
    # travel ("who went to Tehran") is a meeting there unless the question names a stance, an act or an office
    visits = cue["visits"] and not (clues.stance or clues.types or role_named)
    if (cue["meetings"] or visits) and (meeting := _meetings(reading, clues, time, today)) is not None:
        return meeting
    succession = succession_asked(reading.text, office_named=role_named or cue["lead"]) if person else None
    if succession is not None and not (clues.types or clues.stance):
        return _succession(clues, succession)
    if (role_named or cue["lead"]) and n >= 1 and person is None and not (clues.types or clues.stance):
        return Intent(form="leaders", actors=actors[:1], role=role, offices=_offices(reading, actors[0], role))
    if clues.types and (n >= 1 or person):
        return Intent(form="events", actors=actors, person=person, event_types=clues.types)
    if clues.stance and (partners := _partners(reading, clues, _reference_day(time, today))) is not None:
        return partners
    if n < 2 and cue["relation"] and len(people) + n >= 2:  # "Erdogan and Putin": their states
        on = _reference_day(time, today)
        led = [_actor_ref(state, p.name) for p in people if (state := person_country(p.id or "", on))]
        actors = list({a.id: a for a in [*actors, *led]}.values())
        if len(actors) >= 2:
            return Intent(form="between", actors=sorted(actors, key=lambda a: a.id)[:2])
    if n >= 2:
        return Intent(form="between", actors=by_id[:2])
    if n == 0 and person is None and (cue["events"] or clues.types):  # "what did Ana Envoy do": a name for the graph
        name = _strip_possessive(reading.residue(vocab.stop))
        if name[:1].isupper():
            person = PersonRef(id=None, name=name)
    asking_only = cue["asking"] and not reading.residue(vocab.stop)  # "tell me about Iran"
    if (n == 1 or person) and (cue["events"] or cue["relation"] or clues.types or asking_only):
        return Intent(form="events", actors=actors, person=person, event_types=clues.types or None)
    raise _not_understood(reading, actors, person)


def _meetings(reading: _Reading, clues: _Clues, time: TimeRange, today: date) -> Intent | None:
    """Meetings of a person (named, or by an office: "the Turkish president"), of one actor, or between two."""
    actors, person = clues.actors, clues.person
    if person is None and clues.role_named and actors:
        role = clues.role or "President"
        titles = _offices(reading, actors[0], role)
        holder = office_holder(actors[0].id, role, *_days(time, today), titles=titles)
        if holder is not None:
            person_ref = PersonRef(id=holder.id, name=holder.name)
            return Intent(
                form="meetings",
                person=person_ref,
                role=clues.role,
                offices=[holder.title] if titles and holder.title else None,
            )
    if person is not None:  # an actor beside a person is where they met ("in Beijing")
        return Intent(form="meetings", person=person)
    if len(actors) == 1:
        return Intent(form="meetings", actors=actors)
    if len(actors) >= 2:
        return Intent(form="between", actors=sorted(actors, key=lambda a: a.id)[:2], event_types=["CONSULT"])
    name = _strip_possessive(reading.residue(vocabulary().stop))
    return Intent(form="meetings", person=PersonRef(id=None, name=name)) if name else None


def _offices(reading: _Reading, actor: ActorRef, role: str | None) -> list[str] | None:
    """The exact offices meant when an organisation files several under the role (service/api/ask_offices.py); its
    leader, without an office named, is any of its heads. A state's offices stay as the data files them (Bosnia's
    presidency is its three members)."""
    if actor.kind == "country":
        return None
    roles = frozenset({role}) if role else ORG_HEAD_ROLES
    meant = vocabulary().offices_meant.get(actor.id, ())
    return offices_meant(actor.id, roles, " ".join(reading.originals), meant)


def _succession(clues: _Clues, succession: Succession) -> Intent:
    """A person's predecessor or successor in the office the question names, else in their highest office (in the
    country named, if any); the actor is that office's country or organisation."""
    person, actors = clues.person, clues.actors
    assert person is not None
    office = person_office(person.id or "", actors[0].id if actors else None, clues.role)
    if office is None:  # no term in the data: an empty answer that says so
        return Intent(form="leaders", actors=actors[:1], person=person, role=clues.role, succession=succession)
    country, role = office
    actor = next((a for a in actors if a.id == country), None) or _actor_ref(country, person.name)
    return Intent(form="leaders", actors=[actor], person=person, role=role, succession=succession)


def _partners(reading: _Reading, clues: _Clues, on: date) -> Intent | None:
    """The partners of one actor in the stance named; a person stands for the state they lead ("Putin's allies"),
    and with two actors a "who" question asks for the first one's ("who backs Israel against Hamas")."""
    actors, person = clues.actors, clues.person
    if not actors and person is not None:
        country = person_country(person.id or "", on)
        actors = [_actor_ref(country, person.name)] if country else []
    asks_who = bool({"who", "whom", "which"} & set(reading.words))
    if not (len(actors) == 1 or (len(actors) == 2 and asks_who)):
        return None
    stance: Stance = "conflict" if _conflict(reading) else "cooperation"
    force_types = ["ASSAULT"] if stance == "conflict" and clues.cue["force"] else None
    return Intent(form="partners", actors=actors[:1], person=person, stance=stance, event_types=force_types)


# Acts done to troops rather than a sending of them: "who expelled French troops", "who withdrew troops from X".
_ACTS_ON_TROOPS = ("RETREAT", "COERCE")


def _troops_are_acted_on(reading: _Reading) -> bool:
    """Troops that are the object of a conflict word ("who clashed with Indian troops", "who attacked US forces in
    Syria") name a side, and troops withdrawn or expelled an act: neither is a deployment, so the question is read
    as conflict partners or events. A word before the troop word decides ("who sent troops to blockade X" is troops).
    """
    vocab = vocabulary()
    troops = vocab.cues["troops"].search(reading.text)
    patterns = [vocab.cues["conflict"], vocab.cues["force"], *(vocab.types[t] for t in _ACTS_ON_TROOPS)]
    before = [m.start() for pattern in patterns if (m := pattern.search(reading.text)) is not None]
    return troops is not None and bool(before) and min(before) < troops.start()


def _interval(reading: _Reading) -> Literal["month", "quarter", "year"]:
    """The periods of a trend: "by month", "monthly", "per quarter", else years."""
    words = set(reading.words)
    if words & {"month", "months", "monthly"}:
        return "month"
    if words & {"quarter", "quarters", "quarterly"}:
        return "quarter"
    return "year"


def _conflict(reading: _Reading) -> bool:
    """The stance whose word comes first: "sided with Moscow since the invasion" is cooperation, "allies against
    Iran" too, "fighting alongside" conflict."""
    vocab = vocabulary()
    first: dict[str, int] = {}
    for stance in ("cooperation", "conflict", "force"):
        match = vocab.cues[stance].search(reading.text)
        if match is not None:
            first[stance] = match.start()
    return min(first, key=lambda stance: first[stance]) != "cooperation"


def _role(reading: _Reading) -> tuple[str | None, bool]:
    """The office the question names (None for "leader", "head of state": any head) and whether it names one."""
    for pattern, role in vocabulary().roles:
        if reading.has(pattern):
            return role, True
    return None, False


_TARGET = re.compile(r"\b(?:to|into|in|inside|toward|towards|near|on|at)\s+(?:the\s+)?ACTOR\b")


def _troops_target(reading: _Reading, actors: list[ActorRef]) -> list[ActorRef]:
    """The actor troops were sent to: the one after "to"/"in"/"into", else the last named."""
    if len(actors) < 2:
        return actors
    match = _TARGET.search(reading.text)
    if match is None:
        return actors[-1:]
    index = reading.text[: match.end()].split().count("ACTOR") - 1
    return [actors[min(index, len(actors) - 1)]]


def _strip_possessive(name: str) -> str:
    return re.sub(r"\s+s$", "", name)


# --------------------------------------------------------------------------- when it cannot be read


def _not_understood(reading: _Reading, actors: list[ActorRef], person: PersonRef | None) -> QuestionError:
    question = " ".join(reading.originals)
    name = reading.residue(vocabulary().stop)
    if not actors and not person and name and name[:1].isupper():
        close = closest_names(name)
        return QuestionError(
            f"{name!r} is not a country, organisation or person I know",
            unknown_form=False,
            did_you_mean=close,
        )
    readings = _readings_with(actors, person)
    ranked = sorted(readings, key=lambda r: -difflib.SequenceMatcher(None, question.lower(), r.lower()).ratio())
    return QuestionError("the question has none of the known forms", unknown_form=True, did_you_mean=ranked[:3])


def _readings_with(actors: list[ActorRef], person: PersonRef | None) -> list[str]:
    """Questions of each form about what this question names, to offer as its closest readings."""
    if person is not None:
        return [f"who did {person.name} meet", f"what did {person.name} do this year"]
    if len(actors) >= 2:
        x, y = actors[0].name, actors[1].name
        return [f"what happened between {x} and {y}", f"how have relations between {x} and {y} changed since 2020"]
    if actors:
        x = actors[0].name
        return [
            f"who is cooperating with {x}",
            f"who is in conflict with {x}",
            f"who met {x}",
            f"who leads {x}",
            f"who sent troops to {x}",
            f"what happened involving {x} last month",
        ]
    return ["who is cooperating with Russia", "what happened between China and the United States this year"]


def closest_names(text: str, n: int = 3) -> list[str]:
    """Actor and office-holder names closest to an unknown name."""
    key = fold(text)
    names: dict[str, str] = {}
    actors = gazetteer.load_actors()
    for words, actor_id in actor_index().items():
        names.setdefault(" ".join(words), actors[actor_id].name)
    for words, people in person_index().items():
        names.setdefault(" ".join(words), sorted(people)[0])
    close = difflib.get_close_matches(key, list(names), n=n * 3, cutoff=0.6)
    return list(dict.fromkeys(names[c] for c in close))[:n]

"""Actors and people named in a GET /ask question, found from the vocabulary the project ships: the gazetteer's
names, adjectives, capitals, seats of government, agencies, organisations and armed groups ("Ankara", "the White
House", "Hezbollah"), the office holders of service/shared/data/leaders.jsonl ("Erdogan", "Recep Tayyip Erdogan"), and,
after those, cities and regions for their state ("Gaza", "Kursk").

Matching is on folded tokens (lower case, no accents, no dots: "U.S." = "us"), longest span first, so that it does
not depend on how the question is capitalised. Short forms that are also English words ("WHO", "IS", "Male") count
only when written in capitals in a question that is not all capitals; one-word surnames that are also words of the
question vocabulary ("Hunt" as in "who is hunting") count only when capitalised.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal, NamedTuple

from service.shared import gazetteer, leaders
from service.shared.ids import slug

# Gazetteer forms that name the actor itself (not a city of it, nor an "other" record).
_ACTOR_FORMS = frozenset({"name", "adjective", "capital", "seat", "agency", "org", "group"})
# Forms that read as English words in a question; they count only when written as the acronym or name.
_CASE_SENSITIVE = frozenset({"who", "is", "can", "aid", "aa", "fact", "mit", "nas", "it", "ria", "rt"})
_CAPITALISED = frozenset({"male", "diet", "pole", "dane", "finn", "serb", "rada"})
MAX_SPAN = 8
_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?")


@dataclass(frozen=True)
class Token:
    text: str  # as written
    key: str  # folded
    start: int
    end: int


@dataclass(frozen=True)
class Found:
    kind: Literal["actor", "person"]
    id: str
    name: str
    start: int  # token indexes, end exclusive
    end: int


def fold(text: str) -> str:
    text = gazetteer.strip_accents(gazetteer.normalize_apostrophes(text)).lower()
    return unicodedata.normalize("NFKC", text).replace(".", "")


def tokens(text: str) -> list[Token]:
    return [Token(m.group(0), fold(m.group(0)), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _keys(text: str) -> tuple[str, ...]:
    words = tuple(t.key for t in tokens(text))
    return words[1:] if words[:1] == ("the",) and len(words) > 1 else words


@lru_cache(maxsize=1)
def actor_index() -> dict[tuple[str, ...], str]:
    """Folded form -> actor id; a form with several readings keeps the one that is a name, else is left out."""
    readings: dict[tuple[str, ...], dict[str, str]] = {}
    for form in gazetteer.surface_forms():
        if form.form in _ACTOR_FORMS and gazetteer.is_actor(form.actor_id):
            readings.setdefault(_keys(form.text), {})[form.actor_id] = form.form
    index: dict[tuple[str, ...], str] = {}
    for key, ids in readings.items():
        names = [actor_id for actor_id, kind in ids.items() if kind in ("name", "org", "group")]
        if len(ids) == 1:
            index[key] = next(iter(ids))
        elif len(names) == 1:
            index[key] = names[0]
    return {key: value for key, value in index.items() if key}


@lru_cache(maxsize=1)
def place_index() -> dict[tuple[str, ...], str]:
    """Cities and regions -> their state ("what happened in Gaza"), where no actor's form reads the same; they
    count after actors and people ("Bolton" is the adviser before the town)."""
    places: dict[tuple[str, ...], set[str]] = {}
    for form in gazetteer.surface_forms():
        if form.form == "place" and not form.ambiguous and gazetteer.is_actor(form.actor_id):
            places.setdefault(_keys(form.text), set()).add(form.actor_id)
    actors = actor_index()
    return {key: next(iter(ids)) for key, ids in places.items() if key and len(ids) == 1 and key not in actors}


@lru_cache(maxsize=1)
def person_index() -> dict[tuple[str, ...], frozenset[str]]:
    """Folded name or alias of an office holder -> the full names it may stand for."""
    index: dict[tuple[str, ...], set[str]] = {}
    for office in leaders.offices():
        for alias in (office.name, *office.aliases, *office.ambiguous_aliases):
            index.setdefault(_keys(alias), set()).add(office.name)
    return {key: frozenset(names) for key, names in index.items() if key}


def person_id(name: str) -> str:
    """The graph's id of a person (ingest gives people `person:<slug of the full name>`)."""
    return "person:" + slug(name)


def _person(names: frozenset[str], on: date) -> str | None:
    """One person for a name: the only one, else the only one in office on `on`."""
    if len(names) == 1:
        return next(iter(names))
    in_office = {o.name for o in leaders.offices() if o.name in names and o.covers(on)}
    return next(iter(in_office)) if len(in_office) == 1 else None


def find_names(
    words: list[Token],
    *,
    on: date,
    vocabulary: frozenset[str],
    stop: frozenset[str],
    all_caps: bool,
    combining: Mapping[str, str] | None = None,
) -> list[Found]:
    """The actors and people in the tokens, longest span first, left to right, not overlapping; a combining form
    ("Sino", "Franco") names its state only when joined by a hyphen to the next actor ("Sino-Indian")."""
    found: list[Found] = []
    i = 0
    actors, people, places = actor_index(), person_index(), place_index()
    while i < len(words):
        hit: Found | None = None
        for n in range(min(MAX_SPAN, len(words) - i), 0, -1):
            key = tuple(t.key for t in words[i : i + n])
            span = words[i : i + n]
            # a graph key as written ("TUR", "NATO"), after any longer name it begins ("UN Security Council")
            if n == 1 and not all_caps and gazetteer.is_actor(words[i].text):
                hit = Found("actor", words[i].text, gazetteer.load_actors()[words[i].text].name, i, i + 1)
                break
            if key in actors and _may_be_actor(span, all_caps, stop):
                actor_id = actors[key]
                hit = Found("actor", actor_id, gazetteer.load_actors()[actor_id].name, i, i + n)
                break
            if key in people and _may_be_person(span, vocabulary):
                name = _person(people[key], on)
                if name is not None:
                    hit = Found("person", person_id(name), name, i, i + n)
                    break
            if key in places and _may_be_actor(span, all_caps, stop):
                hit = Found("actor", places[key], gazetteer.load_actors()[places[key]].name, i, i + n)
                break
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit.end
    return _with_combining_forms(found, words, combining or {})


def _with_combining_forms(found: list[Found], words: list[Token], combining: Mapping[str, str]) -> list[Found]:
    """A combining form joined by a hyphen to an actor's name, before it ("Sino-Indian") or after it ("US-Sino")."""
    by_start = {f.start: f for f in found}
    by_end = {f.end: f for f in found}
    covered = {i for f in found for i in range(f.start, f.end)}
    added: list[Found] = []
    for i, word in enumerate(words):
        actor_id = combining.get(word.key)
        if not actor_id or i in covered or not gazetteer.is_actor(actor_id):
            continue
        # one character between the two words: the hyphen or dash
        nxt = by_start.get(i + 1) if i + 1 < len(words) and words[i + 1].start == word.end + 1 else None
        prev = by_end.get(i) if i > 0 and word.start == words[i - 1].end + 1 else None
        partner = nxt or prev
        if partner is not None and partner.kind == "actor" and partner.id != actor_id:
            added.append(Found("actor", actor_id, gazetteer.load_actors()[actor_id].name, i, i + 1))
    return sorted([*found, *added], key=lambda f: f.start)


def _may_be_actor(span: list[Token], all_caps: bool, stop: frozenset[str]) -> bool:
    if len(span) > 1:
        return True
    token = span[0]
    if token.key in _CAPITALISED:
        return not all_caps and token.text[:1].isupper() and token.start > 0
    if token.key in _CASE_SENSITIVE:
        return not all_caps and token.text.isupper() and token.start > 0
    return token.key not in stop  # "states", "us" as in "tell us"


def _may_be_person(span: list[Token], vocabulary: frozenset[str]) -> bool:
    return len(span) > 1 or span[0].key not in vocabulary or span[0].text[:1].isupper()


def person_country(person: str, on: date) -> str | None:
    """The state (or organisation) a person of the office-holder data served, on `on` if then in office."""
    terms = [o for o in leaders.offices() if person_id(o.name) == person]
    current = [o for o in terms if o.covers(on)] or terms
    return min(current, key=lambda o: leaders.ROLE_PRIORITY.index(o.role)).country if current else None


_US_ROLES = {"Foreign Minister": "Secretary of State", "Defense Minister": "Defense Secretary"}


class Holder(NamedTuple):
    id: str
    name: str
    title: str | None


def office_holder(
    country: str, role: str, since: date, until: date, titles: Sequence[str] | None = None
) -> Holder | None:
    """Who held `role` in `country` for most of since..until, from the office-holder data ("China's foreign
    minister in 2022" is Wang Yi, who held it until 30 December); with `titles`, the holder of the first of those
    offices that had one ("the EU president": the Commission's)."""
    wanted = {role, _US_ROLES.get(role, role)} if country == "USA" else {role}
    terms = offices_in(country, frozenset(wanted), since, until)
    choices: Sequence[str | None] = titles or [None]
    for title in choices:
        best: tuple[int, date, leaders.Office] | None = None
        for office in terms:
            if title is not None and office.title != title:
                continue
            start = max(since, office.start_date or since)
            end = min(until, office.end_date or until)
            key = ((end - start).days, office.start_date or date.min, office)
            if best is None or key[:2] > best[:2]:
                best = key
        if best is not None:
            return Holder(person_id(best[2].name), best[2].name, best[2].title)
    return None


def offices_in(country: str, roles: frozenset[str] | None, since: date, until: date) -> list[leaders.Office]:
    """Terms of office in `country` (of `roles`, or every head role) that overlap since..until, latest first."""
    wanted = roles or leaders.HEAD_ROLES
    terms = [
        o
        for o in leaders.offices()
        if o.country == country
        and o.role in wanted
        and not o.is_acting
        and (o.start_date is None or o.start_date <= until)
        and (o.end_date is None or o.end_date > since)
    ]
    return sorted(terms, key=lambda o: o.start_date or date.min, reverse=True)

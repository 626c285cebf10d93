"""The actor gazetteer (data/actors.jsonl) and official titles (data/roles.jsonl), loaded once per process.

actors.jsonl holds one JSON object per line:

  id          ISO 3166-1 alpha-3 for states (Kosovo is XKX); the usual acronym for organisations (NATO, EU,
              UNSC, OPEC+, WB for the World Bank; ARAB_LEAGUE, COMMONWEALTH, QUAD where there is none);
              <ISO3>_REB for non-state armed groups; a descriptive id for "other" records.
  kind        country | org | group | other.
              "other" records are NOT actors: seas, regions, outlets and institutions whose names contain an
              actor's name. They are there so that a longest-match finds "South China Sea", "Latin American"
              or "Washington Post" instead of China, the USA or Washington. Use is_actor() to skip them.
  name        display name.
  country     groups: the ISO3 of the state they are tied to.
  parent      orgs that are part of another (UNSC, UNHRC, OHCHR, ICJ -> UN), for coding at the parent level.
  category    other: region | event | outlet | institution.
  names, adjectives, capitals, seats, agencies, state_media, places
              surface strings by the form they produce. state_media (KCNA, Xinhua, TASS) produce form
              "agency": state media speak for their state; independent or public-service media (Yonhap,
              BBC, NHK, Al Jazeera) are left out. Names of orgs produce form "org", of groups "group", of
              "other" regions "place" and of the remaining "other" records "other".
              A leading lowercase "the " marks a form that news writes with the article ("the Kremlin",
              "the Netherlands"); the surface text drops it and SurfaceForm.article records the convention.
  ambiguous   surface texts (without "the") that often mean something else: a US state, a person, a word, a
              city elsewhere, or a second actor ("Georgia", "Jordan", "Chad", "Brussels", "Congo"). A matcher
              should want extra evidence (an NER label, a possessive) before taking them as the actor.
  secondary   surface texts that can mean this actor but whose default reading is another actor ("Congo" and
              "Congolese" default to COD; COG lists them as secondary). They are left out of surface_forms()
              so that every surface text has exactly one actor; candidates() returns every reading.

Coding choices: "Congo" alone is the DRC (COD), as in most news. The Taliban are AFG (they govern it
since 2021); the Pakistani Taliban are PAK_REB and ISIS-K AFG_REB. "Islamic State"/ISIS is SYR_REB (its core
since 2019) and its provinces go to their country (ISWAP NGA_REB, IS-Somalia SOM_REB). The Wagner Group and
Africa Corps are agencies of RUS (state proxies). The FDLR is RWA_REB and the ADF UGA_REB: a group is tied to
the state it fights, not where it camps. Hong Kong, Macau, Greenland, Puerto Rico and other territories are
places of their sovereign; Crimea and the Donbas are places of UKR, the Golan Heights of SYR. Jerusalem is the
capital of ISR, East Jerusalem and Ramallah of PSE. "Georgia" is the country (flagged ambiguous).

roles.jsonl holds one title per line: {"role", "patterns", "rank", "head", optional "function"}; a line with
"portfolios" and "portfolio_role"/"portfolio_patterns" templates expands into one role per portfolio
("Finance Minister": "finance minister", "minister of finance", ...). rank: 1 top leader of a state or
organisation, 2 deputies and senior ministers (foreign, defence, security), 3 other ministers and cabinet
secretaries, 4 diplomats, officers, spokespeople, agency heads, 5 legislators, sub-national and party
officials, advisers. head: head of state or government. Patterns are lowercase and match case-insensitively,
except those with a capital letter (abbreviations such as "PM", "MP", "Gen."), which match exactly.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

DATA = Path(__file__).parent / "data"

Kind = Literal["country", "org", "group", "other"]
Form = Literal["name", "adjective", "capital", "seat", "agency", "place", "org", "group", "other"]

# Record field -> form of the surface strings it holds, in priority order: when one actor lists the same
# text twice ("Singapore" as name and capital), the earlier field wins.
FIELD_FORMS: dict[str, Form] = {
    "names": "name",
    "adjectives": "adjective",
    "capitals": "capital",
    "seats": "seat",
    "agencies": "agency",
    "state_media": "agency",
    "places": "place",
}

APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u0060\u00b4"  # ’ ‘ ʼ ʻ ` ´ -> '
# Letters that Unicode does not decompose into a base letter plus an accent.
UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss"})


@dataclass(frozen=True)
class Actor:
    id: str
    kind: Kind
    name: str
    country: str | None  # the state itself, or the state a group is tied to; None for orgs and others
    parent: str | None = None


@dataclass(frozen=True)
class SurfaceForm:
    text: str
    actor_id: str
    form: Form
    ambiguous: bool
    article: bool = False  # news conventionally writes "the" before it
    default: bool = True  # False for a secondary reading (see the module docstring)


@dataclass(frozen=True)
class Role:
    role: str
    patterns: tuple[str, ...]
    head: bool
    rank: int
    function: str | None = None  # the generic office a national title stands for ("Foreign Minister")


# --- text normalisation -------------------------------------------------------------------------


def normalize_apostrophes(text: str) -> str:
    return text.translate({ord(c): "'" for c in APOSTROPHES})


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _without_article(text: str) -> tuple[str, bool]:
    # Only the lowercase article is a convention marker; "The Hague" keeps its capital.
    return (text[4:], True) if text.startswith("the ") else (text, False)


def _variants(text: str) -> list[str]:
    """The text as written, with straight and curly apostrophes, and without accents."""
    out: list[str] = []
    for base in (text, strip_accents(text)):
        straight = normalize_apostrophes(base)
        for variant in (base, straight, straight.replace("'", "\u2019")):
            if variant not in out:
                out.append(variant)
    return out


# --- actors ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _records() -> tuple[dict[str, Any], ...]:
    lines = (DATA / "actors.jsonl").read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip())


@lru_cache(maxsize=1)
def load_actors() -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    for rec in _records():
        country = rec["id"] if rec["kind"] == "country" else rec.get("country")
        actors[rec["id"]] = Actor(rec["id"], rec["kind"], rec["name"], country, rec.get("parent"))
    return actors


@lru_cache(maxsize=1)
def collectives() -> dict[tuple[str, ...], list[str]]:
    """Collective names of fixed groups of states ("the Baltic states", "the two Koreas"), by their lower-case words
    (data/collectives.json), each with its members."""
    raw = json.loads((DATA / "collectives.json").read_text(encoding="utf-8"))
    return {tuple(name.split()): members for name, members in raw.items() if not name.startswith("_")}


def is_actor(actor_id: str) -> bool:
    actor = load_actors().get(actor_id)
    return actor is not None and actor.kind != "other"


def is_organisation(actor_id: str) -> bool:
    """An international body (EU, ECOWAS, the UN), not a state or an armed group."""
    actor = load_actors().get(actor_id)
    return actor is not None and actor.kind == "org"


def country_name(iso3: str) -> str:
    """Display name of a state (or any actor) by id; KeyError if unknown."""
    return load_actors()[iso3].name


def _form_for(rec: dict[str, Any], field: str) -> Form:
    if field != "names":
        return FIELD_FORMS[field]
    kind = rec["kind"]
    if kind == "org":
        return "org"
    if kind == "group":
        return "group"
    if kind == "other":
        return "place" if rec.get("category") == "region" else "other"
    return "name"


def _record_forms(rec: dict[str, Any]) -> Iterator[SurfaceForm]:
    ambiguous = set(rec.get("ambiguous", ()))
    secondary = set(rec.get("secondary", ()))
    seen: set[str] = set()
    for field in FIELD_FORMS:
        for raw in rec.get(field, ()):
            bare, article = _without_article(raw)
            is_secondary = bare in secondary
            for text in _variants(bare):
                if text in seen:
                    continue
                seen.add(text)
                yield SurfaceForm(
                    text=text,
                    actor_id=rec["id"],
                    form=_form_for(rec, field),
                    ambiguous=bare in ambiguous or is_secondary,
                    article=article,
                    default=not is_secondary,
                )


@lru_cache(maxsize=1)
def _all_forms() -> tuple[SurfaceForm, ...]:
    forms = [form for rec in _records() for form in _record_forms(rec)]
    contested = _contested_texts(forms)
    # A text with a secondary reading elsewhere is ambiguous in its default reading too.
    return tuple(
        SurfaceForm(f.text, f.actor_id, f.form, True, f.article, f.default)
        if f.text in contested and not f.ambiguous
        else f
        for f in forms
    )


def _contested_texts(forms: Iterable[SurfaceForm]) -> set[str]:
    owners: dict[str, set[str]] = {}
    for form in forms:
        owners.setdefault(form.text, set()).add(form.actor_id)
    return {text for text, ids in owners.items() if len(ids) > 1}


def surface_forms() -> list[SurfaceForm]:
    """Every default surface text once, with its actor; file order (countries, orgs, groups, others)."""
    return [form for form in _all_forms() if form.default]


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[SurfaceForm, ...]]:
    # Keyed on straight apostrophes, so "d'Ivoire" and "d’Ivoire" meet; one entry per actor, default first.
    index: dict[str, dict[str, SurfaceForm]] = {}
    for form in sorted(_all_forms(), key=lambda f: not f.default):
        index.setdefault(normalize_apostrophes(form.text), {}).setdefault(form.actor_id, form)
    return {text: tuple(by_actor.values()) for text, by_actor in index.items()}


def _lookup_keys(text: str) -> Iterator[str]:
    text = " ".join(normalize_apostrophes(text).split())
    bases = [text]
    if text[:4].lower() == "the ":
        bases.append(text[4:])
    for base in bases:
        yield base
        if base.endswith("'s"):
            yield base[:-2]
        elif base.endswith("s'"):
            yield base[:-1]


def candidates(text: str) -> list[SurfaceForm]:
    """Every reading of a surface text, default first (see lookup() for the normalisation)."""
    for key in _lookup_keys(text):
        forms = _index().get(key)
        if forms:
            return list(forms)
    return []


def lookup(text: str) -> SurfaceForm | None:
    """Case-sensitive exact lookup after normalising apostrophes and dropping a leading "the" and a
    possessive ("North Korea’s" -> North Korea, "the Philippines'" -> Philippines)."""
    found = candidates(text)
    return found[0] if found else None


# --- roles ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def roles() -> list[Role]:
    """Every title, in file order; lines sharing a role name are merged (extra patterns for a portfolio)."""
    merged: dict[str, Role] = {}
    lines = (DATA / "roles.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.strip():
            for role in _expand_role(json.loads(line)):
                old = merged.get(role.role)
                if old is not None:
                    role = Role(old.role, old.patterns + role.patterns, old.head, old.rank, old.function)
                merged[role.role] = role
    return list(merged.values())


def _expand_role(row: dict[str, Any]) -> Iterator[Role]:
    head, rank = bool(row.get("head", False)), int(row["rank"])
    if row.get("patterns"):
        yield Role(row["role"], tuple(row["patterns"]), head, rank, row.get("function"))
    for portfolio, words in row.get("portfolios", {}).items():
        patterns = tuple(template.format(p=word) for word in words for template in row["portfolio_patterns"])
        yield Role(row["portfolio_role"].format(P=portfolio), patterns, head, rank)


def _is_case_sensitive(pattern: str) -> bool:
    return pattern != pattern.lower()


@lru_cache(maxsize=1)
def _role_index() -> tuple[dict[str, Role], dict[str, Role]]:
    exact: dict[str, Role] = {}
    folded: dict[str, Role] = {}
    for role in roles():
        for pattern in role.patterns:
            key = normalize_apostrophes(pattern)
            if _is_case_sensitive(pattern):
                exact[key] = role
            else:
                folded[key] = role
    return exact, folded


def role_patterns() -> list[tuple[str, Role]]:
    """(pattern, role) pairs, longest pattern first, for building a title matcher."""
    pairs = [(pattern, role) for role in roles() for pattern in role.patterns]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def role_for(title: str) -> Role | None:
    """The role a whole title names ("Foreign Minister", "Lt. Gen.", "PM"), or None."""
    key = normalize_apostrophes(re.sub(r"\s+", " ", title.strip()))
    exact, folded = _role_index()
    return exact.get(key) or folded.get(key.lower())

"""Reference list of office holders (data/leaders.jsonl): who held which office, when.

It gives a person named without a title their country and role ("Erdogan said"), and resolves short mentions
("Xi", "Kishida") to the full name, on the date of the article.

Each line of the data file is one term of office::

    {"name": "Joe Biden", "aliases": ["Biden", ...], "ambiguous_aliases": [...], "country": "USA",
     "role": "President", "title": "...", "start": "2021-01-20", "end": "2025-01-20", "confidence": "high",
     "international": false}

- `country` is ISO 3166-1 alpha-3, plus "XKX" (Kosovo); `<ISO3>_REB` for a non-state armed group tied to
  one country (Hezbollah "LBN_REB", Hamas "PSE_REB", the Houthis "YEM_REB", the RSF "SDN_REB"); for officials
  of an international organisation, the organisation's id ("UN", "NATO", "EU", "AU", "LAS", "IAEA", "WHO",
  "IMF", "WB", "WTO", "ICC") with `"international": true`.
- `role` is one of ROLES; `title` is the exact office when the role is only its category ("Taoiseach",
  "Chief of the General Staff", "Acting President"). Offices held jointly (Bosnia's presidency) differ by
  title.
- `start` is the first day in office; `end` the day the successor took over (null: in office as far as
  known). Dates are "YYYY-MM-DD", "YYYY-MM" or "YYYY"; a partial date counts from the first day of its month
  or year.
- `aliases` are the short forms journalists use (surname, transliterations, nicknames). `ambiguous_aliases`
  are short forms shared by several people in the list ("Rajapaksa"): they resolve only on a date when just
  one of those people is in office. Bare names that are too common ("Kim", "Li", "Khan") are never aliases.
- `confidence` is "medium" when a date or the term itself is less certain (mostly changes after mid-2025).

Coverage: heads of state and/or government of all 193 UN members, Taiwan, Palestine, Kosovo and the Holy
See from 2019; foreign and defence ministers of the G20 and of Ukraine, Israel, Iran, North Korea, South
Korea, Poland, Pakistan, Qatar, Egypt, Turkey, Saudi Arabia and the UAE; senior security officials of the
USA, UK, Russia, China, Ukraine, Israel and Iran; heads of the main international organisations. The data is
believed complete up to DATA_COMPLETE_UNTIL; later changes are partly known and marked medium confidence.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).parent / "data" / "leaders.jsonl"
DATA_COMPLETE_UNTIL = "2025-06"

# Most relevant first: the order in which find_person returns the offices of one person.
ROLE_PRIORITY: tuple[str, ...] = (
    "President",
    "Supreme Leader",
    "Leader",
    "King",
    "Queen",
    "Emir",
    "Sultan",
    "Crown Prince",
    "Prime Minister",
    "Chancellor",
    "President-elect",
    "Vice President",
    "Deputy Prime Minister",
    "Secretary-General",
    "Foreign Minister",
    "Secretary of State",
    "Defense Minister",
    "Defense Secretary",
    "National Security Adviser",
    "Chief of Staff",
    "Intelligence Chief",
    "Minister",
    "Ambassador",
    "Spokesperson",
)
ROLES = frozenset(ROLE_PRIORITY)
HEAD_ROLES = frozenset(
    {
        "President",
        "Prime Minister",
        "Chancellor",
        "King",
        "Queen",
        "Emir",
        "Sultan",
        "Supreme Leader",
        "Leader",
    }
)
# Roles one person holds at a time, per (country, role, title); used to check the data for overlapping terms.
SINGLE_HOLDER_ROLES = HEAD_ROLES | {
    "Vice President",
    "President-elect",
    "Crown Prince",
    "Foreign Minister",
    "Secretary of State",
    "Defense Minister",
    "Defense Secretary",
    "National Security Adviser",
    "Chief of Staff",
    "Intelligence Chief",
    "Secretary-General",
}

_ROLE_SYNONYMS = {
    "premier": "Prime Minister",
    "taoiseach": "Prime Minister",
    "pm": "Prime Minister",
    "foreign secretary": "Foreign Minister",
    "minister of foreign affairs": "Foreign Minister",
    "defence minister": "Defense Minister",
    "minister of defence": "Defense Minister",
    "minister of defense": "Defense Minister",
    "defence secretary": "Defense Minister",
    "secretary of defense": "Defense Secretary",
    "secretary general": "Secretary-General",
    "national security advisor": "National Security Adviser",
    "president elect": "President-elect",
}
# The United States names its foreign and defence ministers differently.
_US_ROLES = {"Foreign Minister": "Secretary of State", "Defense Minister": "Defense Secretary"}

# Words that may precede a name in a mention ("President Biden", "Sheikh Tamim"), "|"-separated.
_TITLE_WORDS = (
    "president elect|vice president|president|prime minister|premier|chancellor|crown prince|prince|king|"
    "queen|emir|amir|sultan|sheikh|sheik|shaikh|supreme leader|leader|grand ayatollah|ayatollah|chairman|"
    "general secretary|secretary general|foreign minister|defence minister|defense minister|"
    "foreign secretary|defence secretary|defense secretary|secretary of state|secretary|minister|ambassador|"
    "senior general|field marshal|marshal|lieutenant general|lt gen|general|gen|admiral|adm|colonel|col|"
    "mr|mrs|ms|dr|sir|dame|lord|comrade|mullah|sayyed|h e"
)
_TITLE_PREFIXES = tuple(sorted(_TITLE_WORDS.split("|"), key=len, reverse=True))  # longest first
_ARTICLES = ("al", "el")  # "al-Sisi" ~ "Sisi"

# Letters that NFKD does not decompose into an ASCII base letter.
_TRANSLITERATION = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "œ": "oe",
        "Œ": "OE",
    }
)
_APOSTROPHES = re.compile(r"['`´‘’ʻʼ]")
_POSSESSIVE = re.compile(r"['’]s$")


def ascii_form(text: str) -> str:
    """The name as English news often prints it: "Recep Tayyip Erdoğan" -> "Recep Tayyip Erdogan"."""
    return unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION)).encode("ascii", "ignore").decode()


def normalize_name(text: str) -> str:
    """Lower-case ASCII words: accents dropped, apostrophes removed, dots and hyphens as spaces."""
    text = ascii_form(_APOSTROPHES.sub("", text)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _lower_bound(text: str) -> date:
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@dataclass(frozen=True)
class Office:
    name: str
    aliases: tuple[str, ...]
    country: str
    role: str
    start: str | None
    end: str | None
    international: bool = False
    title: str | None = None
    confidence: str = "high"
    ambiguous_aliases: tuple[str, ...] = ()

    @property
    def is_head(self) -> bool:
        """Head of state or of government (or the de facto leader)."""
        return self.role in HEAD_ROLES

    @property
    def is_acting(self) -> bool:
        title = (self.title or "").lower()
        return any(word in title for word in ("acting", "caretaker", "interim"))

    @property
    def start_date(self) -> date | None:
        return _lower_bound(self.start) if self.start else None

    @property
    def end_date(self) -> date | None:
        return _lower_bound(self.end) if self.end else None

    def covers(self, on: date) -> bool:
        """In office on that day: start <= on < end (the successor's first day is theirs)."""
        start, end = self.start_date, self.end_date
        return (start is None or start <= on) and (end is None or on < end)


def _office_from_record(record: dict[str, Any]) -> Office:
    return Office(
        name=record["name"],
        aliases=tuple(record.get("aliases", ())),
        country=record["country"],
        role=record["role"],
        start=record.get("start"),
        end=record.get("end"),
        international=bool(record.get("international", False)),
        title=record.get("title"),
        confidence=record.get("confidence", "high"),
        ambiguous_aliases=tuple(record.get("ambiguous_aliases", ())),
    )


@lru_cache(maxsize=1)
def _load() -> tuple[Office, ...]:
    with DATA_FILE.open(encoding="utf-8") as lines:
        return tuple(_office_from_record(json.loads(line)) for line in lines if line.strip())


def offices() -> list[Office]:
    return list(_load())


@lru_cache(maxsize=1)
def _offices_by_person() -> dict[str, tuple[Office, ...]]:
    by_person: dict[str, list[Office]] = {}
    for office in _load():
        by_person.setdefault(office.name, []).append(office)
    return {name: tuple(terms) for name, terms in by_person.items()}


@lru_cache(maxsize=1)
def _name_index() -> dict[str, frozenset[str]]:
    """Normalised name or alias -> the people it may refer to."""
    index: dict[str, set[str]] = {}
    for office in _load():
        for alias in (office.name, *office.aliases, *office.ambiguous_aliases):
            index.setdefault(normalize_name(alias), set()).add(office.name)
    return {key: frozenset(names) for key, names in index.items()}


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The one-word aliases journalists use alone ("Erdoğan", "Erdogan", "Macron"), as written and without their
    accents; never an ambiguous alias."""
    words = {alias for office in _load() for alias in office.aliases if len(alias.split()) == 1}
    return frozenset(words | {ascii_form(word) for word in words})


def _strip_prefix(key: str, prefixes: tuple[str, ...]) -> str | None:
    for prefix in prefixes:
        if key.startswith(prefix + " "):
            return key[len(prefix) + 1 :]
    return None


def _candidate_keys(mention: str) -> list[str]:
    """The mention as written, then without leading titles, then without an "al-"/"el-" article."""
    key = normalize_name(_POSSESSIVE.sub("", mention.strip()))
    keys = [key]
    while (shorter := _strip_prefix(keys[-1], _TITLE_PREFIXES)) is not None:
        keys.append(shorter)
    bare = _strip_prefix(keys[-1], _ARTICLES)
    if bare:
        keys.append(bare)
    return [k for k in keys if k]


def _suffix_keys(key: str) -> list[str]:
    """One word the named-entity span swallowed before the name ("Minster Benjamin Netanyahu", a misspelt title):
    the rest may still be a known name. One word only, and not a name itself ("Putin Hosts Kim Jong Un" is two
    people, not Kim)."""
    words = key.split()
    if len(words) < 3 or words[0] in _name_index():
        return []
    return [" ".join(words[1:])]


def _people_named(mention: str) -> frozenset[str]:
    """The people a mention may refer to: by name or alias, else as the first words of one ("Yoon Suk")."""
    index = _name_index()
    keys = _candidate_keys(mention)
    for key in keys + (_suffix_keys(keys[-1]) if keys else []):
        if key in index:
            return index[key]
    # A truncated name (named-entity spans sometimes drop the last word); one word is too little to go on.
    shortest = keys[-1] if keys else ""
    if len(shortest.split()) < 2:
        return frozenset()
    return _prefix_index().get(shortest, frozenset())


@lru_cache(maxsize=1)
def _prefix_index() -> dict[str, frozenset[str]]:
    """The first two or more words of a known name -> the people whose name or alias starts with them."""
    out: dict[str, set[str]] = {}
    for key, names in _name_index().items():
        words = key.split()
        for n in range(2, len(words)):
            out.setdefault(" ".join(words[:n]), set()).update(names)
    return {prefix: frozenset(names) for prefix, names in out.items()}


def _relevance(office: Office) -> tuple[int, bool, int]:
    start = office.start_date
    return (ROLE_PRIORITY.index(office.role), office.is_acting, -(start.toordinal() if start else 0))


def find_person(name: str, on: date | None = None) -> list[Office]:
    """Offices of the one person `name` refers to (in office on `on` if given), most relevant first.

    A name shared by several people resolves only when exactly one of them is in office on `on`;
    otherwise, and for unknown names, the result is empty.
    """
    people = _people_named(name)
    by_person = _offices_by_person()
    matches = [o for person in people for o in by_person[person] if on is None or o.covers(on)]
    if len({o.name for o in matches}) != 1:
        return []
    return sorted(matches, key=_relevance)


def canonical_role(role: str) -> str | None:
    """The canonical role for a role name or a common synonym ("Premier", "Foreign Secretary")."""
    key = normalize_name(role)
    for canonical in ROLES:
        if normalize_name(canonical) == key:
            return canonical
    return _ROLE_SYNONYMS.get(key)


def office_holder(country: str, role: str, on: date) -> Office | None:
    """Who held `role` in `country` on `on` ("JPN", "Prime Minister", 2024-11-15 -> Shigeru Ishiba).

    Substantive holders win over acting ones and untitled offices over titled ones (Nicaragua's
    "Co-President"); among the rest, the latest to take office.
    """
    country = country.upper()
    canonical = canonical_role(role)
    if canonical is None:
        return None
    if country == "USA":
        canonical = _US_ROLES.get(canonical, canonical)
    holders = [o for o in _load() if o.country == country and o.role == canonical and o.covers(on)]
    if not holders:
        return None
    return min(holders, key=_holder_preference)


def _holder_preference(office: Office) -> tuple[bool, bool, int]:
    return office.is_acting, office.title is not None, -(office.start_date or date.min).toordinal()

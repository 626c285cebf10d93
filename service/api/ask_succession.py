"""Office holders before and after a person: "who was Japan's prime minister before Kishida", "who led the UK after
Johnson", "who succeeded Abe", "Merkel's successor". Pure: read from the office-holder data
(service/shared/data/leaders.jsonl), no graph.

The question names a person and a word of succession; the office is the one it names ("as foreign secretary"), else
the person's highest office (ROLE_PRIORITY) in the country it names, else anywhere. The answer is, for each term of
the person in that office (latest first), the holder of the same office (same country, role and title: the EU's
Commission and Council presidents are two offices) whose term began last before it (predecessor) or first after it
(successor), acting and caretaker holders left out; a term that continues the person's own earlier one (after a
caretaker, or split in the data) is part of that tenure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from service.shared import leaders
from service.shared.ids import slug

Succession = Literal["predecessor", "successor"]

# On the question's words with names replaced by PERSON / ACTOR (service/api/ask.py). Passives first: "who was
# replaced by Sunak" asks for Sunak's predecessor, "who was preceded by Abe" for Abe's successor.
_PASSIVE_BEFORE = re.compile(r"\b(?:replaced|succeeded|followed|superseded)\s+by\s+(?:the\s+)?PERSON\b")
_PASSIVE_AFTER = re.compile(r"\bpreceded\s+by\s+(?:the\s+)?PERSON\b")
# Words that name the succession whatever else the question holds.
_BEFORE = re.compile(r"\bpredecessors?\b|\bpreceded\b|\bprecedes\b|\bcame\s+before\s+(?:the\s+)?PERSON\b")
_AFTER = re.compile(
    r"\bsuccessors?\b|\bsucceeded\b|\bsucceeds\b|\breplaced\b|\breplaces\b|\btook\s+over\s+from\b"
    r"|\btakes\s+over\s+from\b|\bcame\s+after\s+(?:the\s+)?PERSON\b|\bfollowed\s+(?:the\s+)?PERSON\b"
)
# "before" / "after" a person: a succession only beside a word of leading or an office ("who led Japan before Abe").
_WEAK_BEFORE = re.compile(r"\b(?:before|prior\s+to)\s+(?:the\s+)?PERSON\b")
_WEAK_AFTER = re.compile(r"\bafter\s+(?:the\s+)?PERSON\b")


def succession_asked(text: str, *, office_named: bool) -> Succession | None:
    """Whether the question asks for a person's predecessor or successor in office."""
    if _PASSIVE_BEFORE.search(text):
        return "predecessor"
    if _PASSIVE_AFTER.search(text):
        return "successor"
    if _BEFORE.search(text) or (office_named and _WEAK_BEFORE.search(text)):
        return "predecessor"
    if _AFTER.search(text) or (office_named and _WEAK_AFTER.search(text)):
        return "successor"
    return None


def _terms_of(person: str) -> list[leaders.Office]:
    return [o for o in leaders.offices() if "person:" + slug(o.name) == person and not o.is_acting]


def _roles(country: str, role: str) -> frozenset[str]:
    """The role as the data names it in `country` (the United States' foreign and defence ministers)."""
    us = {"Foreign Minister": "Secretary of State", "Defense Minister": "Defense Secretary"}
    return frozenset({role, us.get(role, role)}) if country == "USA" else frozenset({role})


def person_office(person: str, country: str | None, role: str | None) -> tuple[str, str] | None:
    """(country, role) of the office whose succession is asked: `role` if given, else the person's highest."""
    terms = [o for o in _terms_of(person) if country is None or o.country == country]
    if role is not None:
        terms = [o for o in terms if o.role in _roles(o.country, role)]
    if not terms:
        return None
    best = min(terms, key=lambda o: (leaders.ROLE_PRIORITY.index(o.role), -(o.start_date or date.min).toordinal()))
    return best.country, role or best.role


@dataclass(frozen=True)
class Neighbour:
    """A term of the person and the term of the holder just before or after it (None: not in the data)."""

    term: leaders.Office
    other: leaders.Office | None


def neighbours(
    person: str, country: str, role: str, succession: Succession, since: date | None, until: date | None
) -> list[Neighbour]:
    """For each term of `person` as `role` of `country` overlapping since..until (every term when open), latest
    first: the holder of the same office immediately before or after it."""
    roles = _roles(country, role)
    terms = [o for o in _terms_of(person) if o.country == country and o.role in roles and _overlaps(o, since, until)]
    found: list[Neighbour] = []
    for term in sorted(terms, key=_start, reverse=True):
        same_office = [
            o
            for o in leaders.offices()
            if o.country == country and o.role == term.role and _office_key(o) == _office_key(term)
            if not o.is_acting and o is not term
        ]
        if succession == "predecessor":
            earlier = [o for o in same_office if _start(o) < _start(term)]
            other = max(earlier, key=_start) if earlier else None
        else:
            later = [o for o in same_office if _start(o) > _start(term)]
            other = min(later, key=_start) if later and term.end is not None else None
        if other is not None and other.name == term.name:  # the same tenure, continued (after a caretaker)
            continue
        found.append(Neighbour(term, other))
    return found


_GENDERED = re.compile(r"\b(chair|spokes)(?:wo)?(?:man|person)\b")


def _office_key(office: leaders.Office) -> str:
    """One office under its titles: "Chairman" and "Chairwoman of the Council of Ministers" are the same."""
    return _GENDERED.sub(r"\1person", (office.title or "").lower())


def _start(office: leaders.Office) -> date:
    return office.start_date or date.min


def _overlaps(office: leaders.Office, since: date | None, until: date | None) -> bool:
    end = office.end_date
    return (until is None or _start(office) <= until) and (since is None or end is None or end > since)

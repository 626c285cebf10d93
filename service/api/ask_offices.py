"""Which offices an office word means for an actor whose office-holder data files several offices under one role.

The European Union's "President" is four offices (of the Commission, the European Council, the Parliament and the
Central Bank); the UN's "Secretary-General" role also holds its high commissioners. The offices meant, in order:
1. those whose institution the question names ("the European Commission's president", "ECB president", "the UN
   secretary-general": the words that tell the actor's institutions apart, or their initials);
2. else those that are the role itself (the title starts with it: the Secretary-General of the United Nations, not
   an Under-Secretary-General);
3. else, if several remain, the ones the bare word usually means, from the vocabulary (`offices_meant`: the EU's
   Commission and European Council presidents), so that the answer names each office it gives.
Nothing is narrowed (None) when the actor has one office for the role, or an untitled one (a state's president).
"""

from __future__ import annotations

from collections.abc import Sequence

from service.shared import leaders

# The offices that lead an organisation, when a question asks who leads it without naming one.
ORG_HEAD_ROLES = frozenset({"Secretary-General", "President", "Leader"})
_FILLERS = frozenset({"the", "of", "and", "for", "on"})


def _institution(title: str) -> list[str]:
    """The words of the institution a title names: "President of the European Commission" -> european commission."""
    _, of, rest = title.partition(" of ")
    return [w for w in leaders.normalize_name(rest).split() if w not in _FILLERS] if of else []


def _initials(title: str) -> str:
    """ "President of the European Central Bank" -> "ecb"; "" for an institution of one word."""
    words = [w for w in title.partition(" of ")[2].split() if w[:1].isupper()]
    return "".join(w[0] for w in words).lower() if len(words) > 1 else ""


def offices_meant(actor: str, roles: frozenset[str], question: str, meant: Sequence[str] = ()) -> list[str] | None:
    """The titles of `actor`'s offices in `roles` the question means, when fewer than all of them; else None.
    `question` is the question as written; `meant` the offices the bare role word usually means."""
    terms = [o for o in leaders.offices() if o.country == actor and o.role in roles and not o.is_acting]
    if not terms or any(o.title is None for o in terms):
        return None
    titles = list(dict.fromkeys(o.title for o in sorted(terms, key=lambda o: o.start or "") if o.title))
    if len(titles) < 2:
        return None
    words = set(leaders.normalize_name(question).split())
    institutions = {title: _institution(title) for title in titles}
    shared = set.intersection(*(set(ws) for ws in institutions.values()))
    named = [
        title
        for title, ws in institutions.items()
        if (ws and set(ws) - shared and set(ws) - shared <= words) or (_initials(title) in words - {""})
    ]
    if not named:
        roles_named = [leaders.normalize_name(role) for role in roles]
        named = [t for t in titles if any(leaders.normalize_name(t).startswith(r) for r in roles_named)] or titles
        if len(named) > 1:
            named = [t for t in meant if t in named] or named
    return named if len(named) < len(titles) else None

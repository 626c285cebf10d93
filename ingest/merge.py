"""One event per (type, actors, date) within an article: repeated mentions of one event are merged.

Two mentions are the same event when the type and the sides match and the dates are compatible (equal, one a
prefix of the other, or one unknown). A meeting named with fewer participants than another meeting of the same
date is folded into it, so a trilateral summit stays ONE event with three participants.
"""

from __future__ import annotations

from ingest.models import Event, Mention

PRECISION_RANK = {None: 0, "year": 1, "month": 2, "day": 3}
STATUS_RANK = {"occurred": 2, "ongoing": 1, "planned": 0}


def dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def same_sides(a: Event, b: Event) -> bool:
    if a.symmetric != b.symmetric:
        return False
    if a.symmetric:
        return a.participants() == b.participants()
    return set(a.source) == set(b.source) and set(a.target) == set(b.target)


def absorbs(big: Event, small: Event) -> bool:
    """A symmetric event whose participants include all of another's, on the same known date."""
    return (
        big.symmetric
        and small.symmetric
        and big.type == small.type
        and small.participants() < big.participants()
        and big.date is not None
        and big.date == small.date
    )


def _combine(keep: Event, other: Event) -> None:
    if PRECISION_RANK[other.date_precision] > PRECISION_RANK[keep.date_precision]:
        keep.date, keep.date_precision = other.date, other.date_precision
    if STATUS_RANK[other.status] > STATUS_RANK[keep.status] and keep.status != "ongoing":
        keep.status = other.status
    keep.location = keep.location or other.location
    keep.mode = keep.mode or other.mode
    keep.confidence = min(0.99, max(keep.confidence, other.confidence) + 0.05)
    keep.people = list(dict.fromkeys(keep.people + other.people))
    _add_evidence(keep, other)


def _add_evidence(keep: Event, other: Event) -> None:
    """Every sentence reporting the event stays its evidence (each becomes a REPORTED_IN edge)."""
    seen = {keep.start} | {m.start for m in keep.more_evidence}
    first = Mention(other.evidence, other.start, other.end, other.confidence, other.trigger)
    for mention in [first, *other.more_evidence]:
        if mention.start not in seen:
            keep.more_evidence.append(mention)
            seen.add(mention.start)


def merge_events(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    for event in events:
        for kept in merged:
            if kept.type == event.type and same_sides(kept, event) and dates_compatible(kept.date, event.date):
                _combine(kept, event)
                break
        else:
            merged.append(event)
    out: list[Event] = []
    for event in merged:
        big = next((big for big in merged if big is not event and absorbs(big, event)), None)
        if big is not None:
            _add_evidence(big, event)  # the bilateral mention is a sentence about the summit
            continue
        out.append(event)
    return out

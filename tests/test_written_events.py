"""The sentences written for this project (tests/data/written_events.txt, read by scripts/eval_written.py): each
batch was scored before any rule was written for it, so the set measures how the rules read phrasings they were not
tuned on. These tests keep what is read from slipping back: no near miss may be read as an event, and the share of
events read may not fall below the level reached (657 of 731 events, 0.90, when this test was written)."""

from __future__ import annotations

from collections import Counter

import pytest
from script_module import load_script

from ingest.cleanup import parse_article
from ingest.extract import extract_many

pytestmark = pytest.mark.model

FLOOR = 0.89  # the share of events read; near misses must all stay unread


@pytest.fixture(scope="module")
def readings(nlp) -> list[tuple[bool, tuple[str, str, str], str, bool]]:  # type: ignore[no-untyped-def]
    """(wanted, dyad, sentence, read) for every line of the set."""
    module = load_script("eval_written")
    cases = module.read_cases()
    articles = [parse_article(sentence, published=module.PUBLISHED) for _, _, sentence in cases]
    found = [module.dyads(e) for e in extract_many(articles, nlp)]
    return [(wanted, dyad, sentence, dyad in f) for (wanted, dyad, sentence), f in zip(cases, found, strict=True)]


def test_no_near_miss_is_read_as_an_event(readings) -> None:  # type: ignore[no-untyped-def]
    misread = [f"!{' '.join(dyad)} | {sentence}" for wanted, dyad, sentence, read in readings if not wanted and read]
    assert not misread


def test_the_share_of_events_read_does_not_fall(readings) -> None:  # type: ignore[no-untyped-def]
    events = [read for wanted, _, _, read in readings if wanted]
    assert len(events) >= 700  # the set is whole
    assert sum(events) / len(events) >= FLOOR


def test_every_type_is_read_in_most_of_its_phrasings(readings) -> None:  # type: ignore[no-untyped-def]
    total: Counter[str] = Counter()
    read: Counter[str] = Counter()
    for wanted, dyad, _, was_read in readings:
        if wanted:
            total[dyad[0]] += 1
            read[dyad[0]] += was_read
    assert len(total) == 16  # every PLOVER type has sentences
    assert all(read[t] / total[t] >= 0.75 for t in total), {t: f"{read[t]}/{total[t]}" for t in total}

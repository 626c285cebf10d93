"""Pages that are not news of relations between states give no events, though they name states: recipes, product
pages and sports reports (teams "beat" and "crush" each other). Written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from extraction import dyads, extract_text

pytestmark = pytest.mark.model

PAGES = {
    "recipe": (
        "Mediterranean Tray Bake\n\nPreheat the oven to 200C. Mix Italian tomatoes with French cheese and Greek "
        "olives, then bake for 20 minutes. Serve with Turkish bread and a glass of Spanish wine."
    ),
    "product page": (
        "Chef's Knife, 20 cm\n\nThis Japanese steel knife ships from Germany within three days. Made in China "
        "to a Swiss design. Free delivery to the United Kingdom and Ireland on orders over 50 pounds."
    ),
    "football": (
        "Brazil beat Argentina 2-1 in the World Cup qualifier in Rio de Janeiro on Tuesday, with their striker "
        "scoring twice. France will face Spain in the semi-final after defeating Portugal on penalties."
    ),
    "other sports": (
        "Japan crushed Germany in the opening round of the rugby tournament. Kenya's runners defeated Ethiopia's "
        "to win the Berlin marathon, and India beat Australia by six wickets in the cricket series."
    ),
}


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_non_news_pages_give_no_events(nlp, kind: str) -> None:  # type: ignore[no-untyped-def]
    result = extract_text(nlp, PAGES[kind], date(2024, 6, 14))
    assert result.events == [], [(e.type, e.source, e.target, e.evidence) for e in result.events]


def test_an_attack_beside_a_match_is_still_an_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russia launched a missile attack on Ukraine on Monday. Ukraine beat Georgia 2-0 in a football friendly."
    result = extract_text(nlp, text, date(2024, 6, 14))
    assert {(e.type, tuple(e.source), tuple(e.target)) for e in result.events} == {("ASSAULT", ("RUS",), ("UKR",))}


def test_a_league_in_an_organisations_name_is_no_sports_match(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "The Arab League condemned Israeli strikes on Syria.", date(2024, 6, 14)))
    assert ("ASSAULT", "ISR", "SYR") in found
